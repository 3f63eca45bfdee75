// The contact log through the real server: a support worker logs a letter that upset the child,
// bad input named field by field and nothing saved, and raises a concern about what it said with
// the social worker, whose agreed follow-up — recorded by the social worker in Hearth — meets the
// clock; contact with someone under a restriction is refused unless the recorder says why; a visit
// planned in school hours asks why, and a cancelled visit says who cancelled it and how the child
// took it; a social worker and a Reg 44 visitor see only the children they may.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, demoPassword, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

let server;
let worker;
let api;
let sw;
let ids;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();

// The next Monday to Friday after today, in London: a school day.
function nextSchoolDay() {
  for (let days = 1; days < 8; days++) {
    const d = new Date(Date.now() + days * 86400000);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' }).format(d);
    if (!['Sat', 'Sun'].includes(weekday)) return london(-days * 24 * 60).on;
  }
  throw new Error('no weekday in a week');
}

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = { aisha: demo.child('Aisha Bennett'), lily: demo.child('Lily Evans-Ward'), ben: demo.child('Benjamin Cole') };
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  const deputy = new Client(server.url);
  await deputy.signIn('deputy.willow@example.org');
  api = new Api(server.url, await createApiToken(deputy, 'contact log'));
  // One session for the social worker: each sign-in spends a second-factor code, and a fourth in
  // the same 30 seconds would wait for the next one.
  sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
});
after(async () => {
  await server.stop();
});

test('a letter that upset the child: logged, its concern raised with the social worker, who records what follows', async () => {
  const action = `/children/${ids.aisha}/contact/log`;
  const page = await worker.get(`${action}/new`);
  assert.equal(page.status, 200);
  const offered = readForm(page.text, action);
  const before = one('SELECT COUNT(*) FROM contacts');

  const then = london(45);
  const bad = await worker.post(action, typedOver(offered, { state: 'happened', family_member_id: '', person: '',
    form: 'letter', on: then.on, at: then.time, supervision: 'staff', supervised_by: '', staff_view: '' }));
  assert.equal(bad.status, 400);
  for (const field of ['family_member_id', 'direction', 'supervised_by', 'staff_view']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  assert.equal(one('SELECT COUNT(*) FROM contacts'), before, 'nothing saved');

  const mum = one(`SELECT id FROM family_members WHERE child_id = ${ids.aisha} AND name = 'Michelle Bennett'`);
  const made = await worker.post(action, typedOver(offered, { state: 'happened', family_member_id: mum,
    form: 'letter', direction: 'to_child', on: then.on, at: then.time, supervision: 'none',
    child_words: "She says it's my fault I'm here.",
    staff_view: 'Read it twice, went quiet, then cried in her room. Stayed with her until she was ready to talk.' }));
  assert.equal(made.status, 303, words(made.text).slice(0, 600));
  const href = made.headers.get('location').split('?')[0];
  const id = href.split('/').pop();
  const shown = words((await worker.get(href)).text);
  assert.match(shown, /Letters with Michelle Bennett/);
  assert.match(shown, /To the child/);
  assert.match(one(`SELECT title FROM chronology WHERE source_type = 'contact' AND source_id = ${id}`), /Letters with Michelle Bennett/);

  // The concern: refused with an answer wanted in the past, then raised with a due time.
  const concernAction = `${href}/concern`;
  const concernForm = readForm((await worker.get(href)).text, concernAction);
  const past = london(60 * 24);
  const badConcern = await worker.post(concernAction, typedOver(concernForm, { about: '', raised_with: 'Casey Nolan',
    answer_on: past.on, answer_time: past.time }));
  assert.equal(badConcern.status, 400);
  assert.match(badConcern.text, /href="#about"/);
  assert.match(badConcern.text, /href="#answer_on"/);
  const due = london(-60 * 24);
  const raised = await worker.post(concernAction, typedOver(concernForm, {
    about: 'The letter blames Aisha for being in care; she has been low since.', raised_with: 'Casey Nolan',
    answer_on: due.on, answer_time: due.time }));
  assert.equal(raised.status, 303, words(raised.text).slice(0, 600));
  const clock = one(`SELECT id FROM deadlines WHERE source_type = 'contact' AND source_id = ${id} AND kind = 'contact_concern'`);
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'open');
  const byHand = await worker.post(`/deadlines/${clock}/met`, { note: 'Rang her', version: '1' });
  assert.notEqual(byHand.status, 303, 'not met by hand');

  // At handover, awaiting the social worker.
  const readsBefore = Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'contact' AND record_id = '${id}'`));
  const handover = await api.get('/api/v1/homes/1/handover');
  assert.equal(handover.status, 200);
  assert.ok(handover.body.parts.contact.concerns.some((k) => String(k.id) === id), 'awaiting at handover');
  assert.ok(handover.body.parts.contact.restrictions.some((r) => r.child.id === ids.lily && r.person === 'Ryan Ward'),
    "Lily's restriction in force, at handover");
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'contact' AND record_id = '${id}'`)),
    readsBefore + 1, 'shown at handover: read once, in the audit trail');
  assert.match(words((await worker.get('/homes/1/handover')).text), /Concerns awaiting the social worker: .*Aisha Bennett : Letters with Michelle Bennett , raised with Casey Nolan/);

  // The social worker records what they agreed; the clock is met at that moment.
  const answerAction = `${href}/concern/answer`;
  const swPage = await sw.get(href);
  assert.equal(swPage.status, 200);
  assert.doesNotMatch(swPage.text, /Raise a concern/, 'the social worker does not log for the home');
  const answerForm = readForm(swPage.text, answerAction);
  const answered = await sw.post(answerAction, typedOver(answerForm, {
    agreed: 'I will visit Aisha on Thursday and speak to her mum; letters come through me for now.', agreed_with: 'Casey Nolan' }));
  assert.equal(answered.status, 303, words(answered.text).slice(0, 600));
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'met');
  assert.equal(one(`SELECT COUNT(*) FROM chronology WHERE source_type IN ('contact_concern', 'contact_concern_answer') AND source_id = ${id}`), '2');
  const again = await sw.post(answerAction, typedOver(answerForm, { agreed: 'Again', agreed_with: 'Casey Nolan' }));
  assert.equal(again.status, 409);
  assert.equal((await sw.get(`/children/${ids.aisha}/contact/log/new`)).status, 403);
});

test("contact with a restricted person is refused until the recorder says why", async () => {
  const dad = one(`SELECT id FROM family_members WHERE child_id = ${ids.lily} AND name = 'Ryan Ward'`);
  const then = london(20);
  const call = { state: 'happened', family_member_id: Number(dad), form: 'phone', on: then.on, at: then.time,
    supervision: 'staff', supervised_by: 'Jo Whitfield', staff_view: 'He rang the home; kept it short and kind.' };
  const before = one('SELECT COUNT(*) FROM contacts');
  const refused = await api.post(`/api/v1/children/${ids.lily}/contacts`, call);
  assert.equal(refused.status, 400, refused.text);
  const field = refused.body.error.fields.find((f) => f.field === 'restriction_why');
  assert.ok(field, refused.text);
  assert.match(field.message, /Telephone with Ryan Ward is restricted \(A court order, since/);
  assert.equal(one('SELECT COUNT(*) FROM contacts'), before, 'nothing saved');
  const page = words((await worker.get(`/children/${ids.lily}/contact/log/new`)).text);
  assert.match(page, /Contact is restricted: Ryan Ward/);

  const allowed = await api.post(`/api/v1/children/${ids.lily}/contacts`,
    { ...call, restriction_why: 'He rang the home unannounced; staff ended the call kindly, as the order allows.' });
  assert.equal(allowed.status, 201, allowed.text);
  assert.equal(String(allowed.body.restriction_id), one(`SELECT id FROM contact_restrictions WHERE child_id = ${ids.lily}`));

  const letter = await api.post(`/api/v1/children/${ids.lily}/contacts`, { ...call, form: 'letter',
    direction: 'from_child', through_social_worker: true, supervision: 'none', supervised_by: '',
    staff_view: 'Wrote to him about college.' });
  assert.equal(letter.status, 201, 'letters are not restricted: letterbox contact through the social worker');
  assert.equal(letter.body.through_social_worker, true);
});

test('a visit in school hours asks why; a cancelled visit says who, why and how the child took it', async () => {
  const day = nextSchoolDay();
  const visit = { state: 'planned', person: 'Derek Cole, grandad', form: 'visit_at_home', on: day, at: '10:00',
    supervision: 'none' };
  const refused = await api.post(`/api/v1/children/${ids.ben}/contacts`, visit);
  assert.equal(refused.status, 400);
  const fields = refused.body.error.fields.map((f) => f.field);
  assert.ok(fields.includes('school_hours_why'), refused.text);
  assert.ok(fields.includes('others_considered'), refused.text);

  // Ben is on a reduced timetable: school hours of his own.
  const hours = await api.put(`/api/v1/children/${ids.ben}/school-hours`, { in_school: 'yes', starts: '12:00', ends: '15:00' });
  assert.equal(hours.status, 200, hours.text);
  assert.equal(hours.body.whose, 'child');
  const badHours = await api.put(`/api/v1/children/${ids.ben}/school-hours`, { in_school: 'yes', starts: '15:00', ends: '09:00' });
  assert.equal(badHours.status, 400);
  assert.ok(badHours.body.error.fields.some((f) => f.field === 'ends'));
  const planned = await api.post(`/api/v1/children/${ids.ben}/contacts`, { ...visit,
    others_considered: 'The others are at school; the lounge is free.' });
  assert.equal(planned.status, 201, planned.text);
  assert.equal(planned.body.state, 'planned');
  const panel = words((await worker.get(`/children/${ids.ben}`)).text);
  assert.match(panel, /Contact coming up .*Visits to the child at the home with Derek Cole, grandad/);

  const outcome = `/api/v1/children/${ids.ben}/contacts/${planned.body.id}/outcome`;
  const early = await api.post(outcome, { version: planned.body.version, outcome: 'happened', staff_view: 'Lovely' });
  assert.equal(early.status, 400, 'it has not happened yet');
  const half = await api.post(outcome, { version: planned.body.version, outcome: 'cancelled', cancelled_by: 'family' });
  assert.equal(half.status, 400);
  assert.deepEqual(half.body.error.fields.map((f) => f.field).sort(), ['cancelled_why', 'child_took_it']);
  const cancelled = await api.post(outcome, { version: planned.body.version, outcome: 'cancelled', cancelled_by: 'family',
    cancelled_why: 'Derek has a hospital appointment.', child_took_it: 'Shrugged, then asked to ring him tonight.' });
  assert.equal(cancelled.status, 200, cancelled.text);
  assert.equal(cancelled.body.state, 'cancelled');
  assert.equal(cancelled.body.cancelled_by_label, 'Their family or friend');
  const twice = await api.post(outcome, { version: cancelled.body.version, outcome: 'cancelled', cancelled_by: 'home',
    cancelled_why: 'x', child_took_it: 'y' });
  assert.equal(twice.status, 409);
  assert.match(one(`SELECT title FROM chronology WHERE source_type = 'contact' AND source_id = ${planned.body.id}`),
    /cancelled by Their family or friend/);
  const log = await api.get(`/api/v1/children/${ids.ben}/contacts`);
  assert.ok(log.body.contacts.length > 0 && log.body.next, 'a year of contact comes a page at a time');
  const older = await api.get(`/api/v1/children/${ids.ben}/contacts?after=${encodeURIComponent(log.body.next)}`);
  assert.equal(older.status, 200);
  assert.ok(older.body.contacts.every((k) => k.starts_at <= log.body.contacts.at(-1).starts_at), 'older ones');
  assert.equal((await api.get(`/api/v1/children/${ids.ben}/contacts?after=nonsense`)).status, 400);
});

test("figures by month for a home and a child, and the restrictions across the homes for the responsible individual", async () => {
  const figures = async () => (await api.get(`/api/v1/children/${ids.ben}/contact-figures`)).body;
  const before = (await figures()).months.at(-1).happened;
  const then = london(10);
  const call = await api.post(`/api/v1/children/${ids.ben}/contacts`, { state: 'happened', person: 'Tasha Cole',
    form: 'phone', on: then.on, at: then.time, supervision: 'none', staff_view: 'Glad to hear her voice.' });
  assert.equal(call.status, 201, call.text);
  assert.equal((await figures()).months.at(-1).happened, before + 1, 'this month counts it');
  const home = await api.get('/api/v1/homes/1/contact-figures');
  assert.ok(home.body.happened > 100, 'a year of the demo');
  assert.ok(home.body.cancelled_by.family > 0 && home.body.cancelled_by.social_worker > 0);
  const page = new Client(server.url);
  await page.signIn('manager.willow@example.org');
  const shown = await page.get('/homes/1/contact-figures');
  assert.equal(shown.status, 200);
  assert.match(shown.text, /<svg[^>]*role="img"/);
  assert.match(words(shown.text), /Cancelled by Their family or friend/);

  const ri = new Client(server.url);
  await ri.signIn('ri@example.org');
  const across = await ri.get('/organisation/contact-restrictions');
  assert.equal(across.status, 200);
  assert.match(words(across.text), /Willow House Lil Evans-Ward Ryan Ward/);
  assert.equal((await page.get('/organisation/contact-restrictions')).status, 403);
});

test("an arrangement writes the placement plan's next version; the social worker agrees it in Hearth; digital contact", async () => {
  const grace = one(`SELECT id FROM family_members WHERE child_id = ${ids.aisha} AND name = 'Grace Bennett'`);
  const plan = one(`SELECT id FROM plans WHERE child_id = ${ids.aisha} AND kind = 'placement_plan'`);
  const versionsBefore = Number(one(`SELECT COUNT(*) FROM plan_versions WHERE plan_id = ${plan}`));
  const arrangement = { family_member_id: Number(grace), forms: ['video'], how_often: 'Wednesday evenings',
    supervision: 'none', agreed_with: 'Casey Nolan', agreed_on: london().on, starts_on: london().on };
  const refused = await api.post(`/api/v1/children/${ids.aisha}/contact-arrangements`, arrangement);
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.error.fields.map((f) => f.field), ['child_view']);
  assert.equal(Number(one(`SELECT COUNT(*) FROM plan_versions WHERE plan_id = ${plan}`)), versionsBefore, 'nothing saved');

  const made = await api.post(`/api/v1/children/${ids.aisha}/contact-arrangements`,
    { ...arrangement, child_view: 'Grace makes me laugh. Can it be twice a week?' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.placement_plan_version, versionsBefore + 1);
  assert.match(words((await worker.get(`/children/${ids.aisha}`)).text), /In touch with .*Grace Bennett \(Big sister\) : Video call, Wednesday evenings/,
    'who she is in touch with, on her Overview');
  const latest = JSON.parse(one(`SELECT sections FROM plan_versions WHERE plan_id = ${plan} AND version = ${versionsBefore + 1}`));
  assert.match(latest.find((x) => x.key === 'family_time').text, /Grace Bennett \(Big sister\): Video call, Wednesday evenings/);
  assert.equal(one(`SELECT signed_at FROM plan_versions WHERE plan_id = ${plan} AND version = ${versionsBefore + 1}`), '',
    'for the registered manager to sign off');

  const page = await sw.get(made.body.href);
  assert.equal(page.status, 200);
  const agree = readForm(page.text, `${made.body.href}/agreement`);
  const agreed = await sw.post(`${made.body.href}/agreement`, agree);
  assert.equal(agreed.status, 303);
  assert.match(words((await sw.get(made.body.href)).text), /recorded in Hearth by Casey Nolan/);
  assert.equal((await sw.post(`${made.body.href}/agreement`, agree)).status, 409);
  assert.equal((await worker.post(`${made.body.href}/agreement`, {})).status, 403, 'the social worker agrees, no one else');
  const lilyRestriction = one(`SELECT id FROM contact_restrictions WHERE child_id = ${ids.lily}`);
  assert.equal((await sw.post(`/children/${ids.lily}/contact/restrictions/${lilyRestriction}/agreement`, {})).status, 404,
    "not their child's");

  const digital = { devices: 'Her phone', platforms: 'Messages and video calls with her sister', times: 'Until 21:30',
    child_agreed_on: london().on, social_worker: 'Casey Nolan', social_worker_agreed_on: london().on,
    manager: 'Sam Carter', manager_agreed_on: london().on, review_on: london(-60 * 24 * 90).on };
  const badDigital = await api.post(`/api/v1/children/${ids.aisha}/digital-contact`, { ...digital, manager_agreed_on: '' });
  assert.equal(badDigital.status, 400);
  assert.ok(badDigital.body.error.fields.some((f) => f.field === 'manager_agreed_on'));
  const saved = await api.post(`/api/v1/children/${ids.aisha}/digital-contact`, digital);
  assert.equal(saved.status, 200, saved.text);
  assert.equal(saved.body.agreements[0].review_clock.state, 'open');
  assert.match(words((await worker.get(`/children/${ids.aisha}/contact/arrangements`)).text),
    /Grace Bennett \(Big sister\) : Video call, Wednesday evenings .* Messages and video calls with her sister on Her phone/);
});

test('a social worker sees only their child, a Reg 44 visitor only with consent', async () => {
  assert.equal((await sw.get(`/children/${ids.aisha}/contact`)).status, 200, 'Aisha is theirs');
  assert.equal((await sw.get(`/children/${ids.lily}/contact`)).status, 404, 'Lily is not');
  const lilyContact = one(`SELECT MIN(id) FROM contacts WHERE child_id = ${ids.lily}`);
  assert.equal((await sw.get(`/children/${ids.aisha}/contact/log/${lilyContact}`)).status, 404,
    "another child's contact under theirs");
  const reg44 = new Client(server.url);
  await reg44.signIn('reg44@example.org');
  assert.equal((await reg44.get(`/children/${ids.lily}/contact`)).status, 200, 'Lily consented');
  assert.notEqual((await reg44.get(`/children/${ids.ben}/contact`)).status, 200, 'Ben did not');
  const page = words((await reg44.get(`/children/${ids.lily}/contact`)).text);
  assert.doesNotMatch(page, /Log contact/);
});

test('a personal calendar address: the contact planned at the home in a calendar app, read as its person, until revoked', async () => {
  const page = await worker.get('/homes/1/contact/calendar');
  assert.equal(page.status, 200);
  const action = '/homes/1/contact/calendar';
  const wrong = await worker.post(action, { password: 'not my password' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /href="#password"/);

  const made = await worker.post(action, { password: demoPassword });
  assert.equal(made.status, 201, words(made.text).slice(0, 400));
  const address = made.text.match(/<code class="hearth-token">([^<]+)<\/code>/)[1];
  const url = new URL(unescapeHtml(address));
  assert.equal(url.pathname, '/homes/1/contact/calendar.ics');
  const feedPath = url.pathname + url.search;

  // A calendar app sends no cookie and no header: the address alone reads the feed.
  const soon = one(`SELECT id FROM contacts WHERE home_id = 1 AND state = 'planned' AND starts_at > '${new Date().toISOString()}' ORDER BY starts_at LIMIT 1`);
  const reads = () => Number(one("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'contact'"));
  const readsBefore = reads();
  const feed = await fetch(server.url + feedPath);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const ics = await feed.text();
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, new RegExp(`UID:contact-${soon}@hearth\\r\\n`));
  const events = ics.match(/BEGIN:VEVENT/g).length;
  assert.equal(reads(), readsBefore + events, "each contact shown is a read of that child's record");
  assert.doesNotMatch(ics, /UID:contact-\d+@hearth[\s\S]*Harbour/, 'nothing of another home');
  const harbourContact = one("SELECT id FROM contacts WHERE home_id = 2 AND state = 'planned' LIMIT 1");
  assert.doesNotMatch(ics, new RegExp(`UID:contact-${harbourContact}@`));

  // The key reads that feed and nothing else: not another page, not another home's feed, not the API.
  const key = url.searchParams.get('key');
  assert.equal((await fetch(`${server.url}/homes/2/contact/calendar.ics?key=${key}`, { redirect: 'manual' })).status, 401);
  assert.equal((await fetch(`${server.url}/homes/1/handover?key=${key}`, { redirect: 'manual' })).status, 401);
  assert.equal((await fetch(`${server.url}/api/v1/homes/1/handover`, { headers: { authorization: `Bearer ${key}` } })).status, 401);
  assert.equal((await fetch(`${server.url}/homes/1/contact/calendar.ics?key=hearth_nonsense`, { redirect: 'manual' })).status, 401);

  // Someone of another home, or a social worker, has no calendar of this home.
  const harbour = new Client(server.url);
  await harbour.signIn('rsw1.harbour@example.org');
  assert.equal((await harbour.get('/homes/1/contact/calendar')).status, 404);
  assert.notEqual((await sw.get('/homes/1/contact/calendar')).status, 200);

  // Listed on the page and the account, and revoked there: the app reads nothing more.
  const listed = await worker.get('/homes/1/contact/calendar');
  const revoke = listed.text.match(/action="(\/account\/tokens\/\d+\/revoke)"/)[1];
  assert.match(words((await worker.get('/account')).text), /Calendar: contact at Willow House/);
  assert.equal((await worker.post(revoke, {})).status, 303);
  assert.equal((await fetch(server.url + feedPath, { redirect: 'manual' })).status, 401);
});
