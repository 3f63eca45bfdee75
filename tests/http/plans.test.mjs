// A child's relevant plans and risk assessments through the real server: the Plans tab, a new plan,
// a new version that shows what changed, a stale version refused with what was typed kept, the
// registered manager's sign-off, sharing, the child's page at a glance, and the /api/v1 routes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, readForm, unescapeHtml } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function signedIn(email) {
  const c = new Client(server.url);
  await c.signIn(email);
  return c;
}

async function apiFor(email, name = 'plans tests') {
  return new Api(server.url, await createApiToken(await signedIn(email), name));
}

// The text of a page's <main>, without tags, for reading what a person sees.
function words(html) {
  const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? html;
  return unescapeHtml(main.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

async function planOf(api, child, kind) {
  const list = await api.get(`/api/v1/children/${child}/plans`);
  assert.equal(list.status, 200, list.text);
  return list.body.plans.find((p) => p.kind === kind);
}

const safetyPlan = {
  section_what_worries_us: 'Meeting older people she does not know',
  section_signs: 'Comes home late\nNew phone',
  section_what_keeps_me_safe: 'Texting staff when she arrives\nHer friend Mia',
  section_staff_actions: 'Call her at the agreed time; tell the manager the same day',
  'effective_on-day': '', 'effective_on-month': '', 'effective_on-year': '',
  reason: 'After the strategy meeting',
  child_views: 'I get why. Mia is my best friend.',
};

// Dates as the home sees them: "today" is in Europe/London, whatever the test machine's zone.
const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
function isoIn(days) {
  return london.format(new Date(Date.now() + days * 86400000));
}
function isoToday() {
  return isoIn(0);
}
function split(prefix, iso) {
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y };
}

test('the Plans tab lists plans and risk assessments with their review standing', async () => {
  const staff = await signedIn('rsw1.willow@example.org');
  const page = await staff.get('/children/2/plans');
  assert.equal(page.status, 200);
  assert.match(page.text, /<a class="moj-sub-navigation__link" href="\/children\/2\/plans" aria-current="page">Plans<\/a>/);
  const text = words(page.text);
  assert.match(text, /Placement plan Version 1 Signed off/);
  assert.match(text, /Individual behaviour plan Version 1 Signed off/);
  assert.match(text, /Risk assessment: going missing Medium Version 1 Signed off .* Review overdue \d+ days overdue/);
  assert.match(page.text, /Start a plan or risk assessment/);
  // Reading the list is reading the record: audited.
  assert.ok(Number(server.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'plans' AND child_id = 2")) >= 1);
  // Readers who may not write see no button.
  const sw = await signedIn('social.worker@example.org');
  const swPage = await sw.get('/children/1/plans');
  assert.equal(swPage.status, 200);
  assert.doesNotMatch(swPage.text, /Start a plan or risk assessment/);
  assert.equal((await sw.get('/children/3/plans')).status, 404, 'not allocated: as if there were no such child');
});

test('starting a plan: choose the kind, write version 1, see it, its clock and its chronology', async () => {
  const staff = await signedIn('rsw1.willow@example.org');
  const choose = await staff.get('/children/4/plans/new');
  assert.equal(choose.status, 200);
  assert.match(choose.text, /value="safety_plan"/);
  // Lily already has a placement plan: it is changed by a new version, not started again.
  assert.doesNotMatch(choose.text, /value="placement_plan"/);
  const none = await staff.get('/children/4/plans/new?kind=');
  assert.equal(none.status, 400);
  assert.match(none.text, /govuk-error-summary/);
  assert.match(none.text, /Select what you want to start/);

  const form = await staff.get('/children/4/plans/new?kind=safety_plan');
  assert.equal(form.status, 200);
  assert.match(words(form.text), /Start Lil's safety plan/);
  const values = readForm(form.text, '/children/4/plans');
  assert.equal(values.kind, 'safety_plan');
  assert.equal(values['effective_on-year'], isoToday().slice(0, 4), 'effective today by default');

  const saved = await staff.post('/children/4/plans', { ...values, ...safetyPlan, ...split('effective_on', isoToday()), ...split('review_by', isoIn(30)) });
  assert.equal(saved.status, 303, saved.text.slice(0, 600));
  const location = saved.headers.get('location');
  assert.match(location, /^\/children\/4\/plans\/\d+\?started=1$/);
  const plan = await staff.get(location);
  assert.equal(plan.status, 200);
  const text = words(plan.text);
  assert.match(text, /Version 1 is saved/);
  assert.match(text, /Safety plan/);
  assert.match(text, /Awaiting sign-off/);
  assert.match(text, /What helps me stay safe Texting staff when she arrives Her friend Mia/);
  assert.match(text, /I get why\. Mia is my best friend\./);
  assert.match(text, /The first version of this plan/);
  const id = location.match(/plans\/(\d+)/)[1];
  assert.equal(server.sql(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'plan' AND source_id = ${id} AND kind = 'plan_review' AND state = 'open'`), '1');
  assert.equal(server.sql(`SELECT title FROM chronology WHERE child_id = 4 AND kind = 'plan' ORDER BY id DESC LIMIT 1`), 'Safety plan, version 1');

  // A second safety plan for the same child is refused, keeping what was typed.
  const again = await staff.post('/children/4/plans', { ...values, ...safetyPlan, section_signs: 'Typed again', ...split('effective_on', isoToday()), ...split('review_by', isoIn(30)) });
  assert.equal(again.status, 409);
  assert.match(words(again.text), /Lil Evans-Ward already has a safety plan/);
  assert.equal(readForm(again.text, '/children/4/plans').section_signs, 'Typed again');
});

test('bad input names each field, keeps what was typed and saves nothing', async () => {
  const staff = await signedIn('deputy.willow@example.org');
  const before = server.sql('SELECT COUNT(*) FROM plan_versions');
  const form = readForm((await staff.get('/children/3/plans/new?kind=risk_other')).text, '/children/3/plans');
  const bad = await staff.post('/children/3/plans', {
    ...form, area_name: '', section_the_risk: 'Playing near the railway line', section_what_reduces: '',
    ...split('effective_on', isoToday()), ...split('review_by', isoIn(400)), reason: 'Seen near the line', child_views: '',
  });
  assert.equal(bad.status, 400);
  const summary = bad.text.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)[0];
  for (const [field, message] of [
    ['area_name', 'Enter the area of risk'],
    ['risk_level', 'Select the level of risk'],
    ['section_what_reduces', 'Enter what reduces the risk'],
    ['section_if_it_happens', 'Enter what staff do if it happens'],
    ['child_views', 'Enter what the child thinks about their plan'],
    ['review_by', 'Review by date must be within 6 months of the effective date'],
  ]) {
    assert.match(summary, new RegExp(`href="#${field}"[^>]*>${message}`), field);
  }
  assert.match(bad.text, /<title>Error: /);
  const kept = readForm(bad.text, '/children/3/plans');
  assert.equal(kept.section_the_risk, 'Playing near the railway line');
  assert.equal(kept.reason, 'Seen near the line');
  assert.equal(server.sql('SELECT COUNT(*) FROM plan_versions'), before);

  const backwards = await staff.post('/children/3/plans', {
    ...form, area_name: 'Railway line', risk_level: 'medium', section_the_risk: 'x', section_what_reduces: 'x', section_if_it_happens: 'x',
    ...split('effective_on', isoToday()), ...split('review_by', isoToday()), reason: 'x', child_views: 'x',
  });
  assert.equal(backwards.status, 400);
  assert.match(backwards.text, /Review by date must be after the effective date/);
  assert.equal(server.sql('SELECT COUNT(*) FROM plan_versions'), before);
});

test('a new version starts from the current one and its history shows what changed, word by word', async () => {
  const staff = await signedIn('rsw2.willow@example.org');
  const api = await apiFor('manager.willow@example.org', 'versions');
  const behaviour = await planOf(api, 3, 'behaviour_plan');
  const href = `/children/3/plans/${behaviour.id}`;
  const form = await staff.get(`${href}/versions/new`);
  assert.equal(form.status, 200);
  const values = readForm(form.text, href);
  assert.equal(values.version, String(behaviour.current.version));
  const helps = behaviour.current.sections.find((s) => s.key === 'what_helps').text;
  assert.equal(values.section_what_helps, helps, 'prefilled from the current version');
  assert.equal(values.reason, '', 'a new reason');
  assert.equal(values.child_views, '', 'fresh views');

  const saved = await staff.post(href, {
    ...values,
    section_what_helps: helps.replace('Time with the home\'s rabbit', 'Time with the home\'s rabbit and the new guinea pigs'),
    ...split('review_by', isoIn(60)), reason: 'Review with Kai after the pets arrived', child_views: 'Guinea pigs are the best',
  });
  assert.equal(saved.status, 303, saved.text.slice(0, 800));
  const next = behaviour.current.version + 1;
  assert.equal(saved.headers.get('location'), `${href}?written=${next}`);
  const page = await staff.get(saved.headers.get('location'));
  assert.match(words(page.text), new RegExp(`Version ${next} is saved`));
  // The change, with words a screen reader announces.
  assert.match(page.text, /<ins><span class="govuk-visually-hidden">added: <\/span>and the new guinea pigs<\/ins>/);
  assert.match(page.text, /<del><span class="govuk-visually-hidden">removed: <\/span>I want<\/del> <ins><span class="govuk-visually-hidden">added: <\/span>Guinea pigs are<\/ins> the <del><span class="govuk-visually-hidden">removed: <\/span>rabbit bit to stay\.<\/del>/);
  // The earlier version stays readable as it was.
  const older = await staff.get(`${href}?version=${behaviour.current.version}`);
  assert.equal(older.status, 200);
  assert.match(words(older.text), new RegExp(`You are reading version ${behaviour.current.version}, an earlier version`));
  const olderVersion = words(older.text).split('History of this plan')[0];
  assert.match(olderVersion, /Time with the home's rabbit/);
  assert.doesNotMatch(olderVersion, /guinea pigs/);
  assert.equal((await staff.get(`${href}?version=99`)).status, 404);
  // The review clock of the version before was met, and the next one started.
  assert.equal(server.sql(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'plan' AND source_id = ${behaviour.id} AND state = 'met'`), '1');
  assert.equal(server.sql(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'plan' AND source_id = ${behaviour.id} AND state = 'open'`), '1');
});

test('a stale new version gets 409, the current version, the differences and what was typed', async () => {
  const first = await signedIn('rsw1.willow@example.org');
  const second = await signedIn('deputy.willow@example.org');
  const api = await apiFor('manager.willow@example.org', 'stale');
  const placement = await planOf(api, 3, 'placement_plan');
  const href = `/children/3/plans/${placement.id}`;
  const firstForm = readForm((await first.get(`${href}/versions/new`)).text, href);
  const secondForm = readForm((await second.get(`${href}/versions/new`)).text, href);
  const dates = split('review_by', isoIn(45));

  const ok = await first.post(href, { ...firstForm, ...dates, section_family_time: 'Family time with his mum three times a week', reason: 'Court agreed more family time', child_views: 'Yes!' });
  assert.equal(ok.status, 303, ok.text.slice(0, 800));

  const typed = { section_education: 'Typed by the deputy: new school from September', reason: 'School move', child_views: 'Nervous but ok' };
  const stale = await second.post(href, { ...secondForm, ...dates, ...typed });
  assert.equal(stale.status, 409);
  const text = words(stale.text);
  assert.match(text, /Chris Okafor wrote version \d+ of this plan after you opened version \d+/);
  assert.match(text, /Your version has not been saved/);
  assert.match(stale.text, /id="current-version"/);
  assert.match(words(stale.text.match(/id="current-version"[\s\S]*?<\/details>/)[0]), /three times a week/);
  // How what the deputy typed differs from the version now current: their school line added,
  // and the family time they did not see would be taken back.
  const diff = stale.text.match(/id="typed-differences"[\s\S]*?<\/div>/)[0];
  assert.match(diff, /<ins><span class="govuk-visually-hidden">added: <\/span>Typed by the deputy: new school from September<\/ins>/);
  assert.match(diff, /Family time with his mum <del><span class="govuk-visually-hidden">removed: <\/span>three times<\/del> <ins><span class="govuk-visually-hidden">added: <\/span>twice<\/ins> a week/);
  const kept = readForm(stale.text, href);
  assert.equal(kept.section_education, typed.section_education);
  assert.equal(kept.reason, typed.reason);
  assert.equal(kept.version, String(placement.current.version + 1), 'now carries the version they have seen');
  const versions = server.sql(`SELECT COUNT(*) FROM plan_versions WHERE plan_id = ${placement.id}`);
  assert.equal(versions, String(placement.current.version + 1));

  const again = await second.post(href, kept);
  assert.equal(again.status, 303, again.text.slice(0, 800));
  assert.equal(server.sql(`SELECT COUNT(*) FROM plan_versions WHERE plan_id = ${placement.id}`), String(placement.current.version + 2));
});

test('sign-off by the registered manager locks the version; changes are a new version', async () => {
  const manager = await signedIn('manager.willow@example.org');
  const deputy = await signedIn('deputy.willow@example.org');
  const api = await apiFor('manager.willow@example.org', 'sign');
  const behaviour = await planOf(api, 1, 'behaviour_plan');
  assert.equal(behaviour.current.signed_off, null, 'the demo left version 2 awaiting sign-off');
  assert.equal(behaviour.last_signed_version, 1);
  const href = `/children/1/plans/${behaviour.id}`;

  assert.equal((await deputy.get(`${href}/sign-off`)).status, 403);
  assert.equal((await deputy.post(`${href}/sign-off`, { version: String(behaviour.current.version) })).status, 403);
  const planPage = await deputy.get(href);
  assert.doesNotMatch(planPage.text, /Sign off version/);

  const confirm = await manager.get(`${href}/sign-off`);
  assert.equal(confirm.status, 200);
  assert.match(words(confirm.text), /It cannot be changed afterwards: any change is a new version/);
  const signed = await manager.post(`${href}/sign-off`, readForm(confirm.text, `${href}/sign-off`));
  assert.equal(signed.status, 303, signed.text.slice(0, 500));
  assert.equal(signed.headers.get('location'), `${href}?signed=${behaviour.current.version}`);
  const page = words((await manager.get(signed.headers.get('location'))).text);
  assert.match(page, new RegExp(`Version ${behaviour.current.version} is signed off`));
  assert.match(page, /Signed off by Sam Carter/);
  assert.equal(server.sql(`SELECT title FROM chronology WHERE child_id = 1 AND source_type = 'plan_sign_off' ORDER BY id DESC LIMIT 1`),
    `Individual behaviour plan, version ${behaviour.current.version} signed off`);

  // Signed once: a second sign-off is a conflict and changes nothing.
  const twice = await manager.post(`${href}/sign-off`, { version: String(behaviour.current.version) });
  assert.equal(twice.status, 409);
  assert.match(words(twice.text), /was already signed off by Sam Carter/);
  const signedAt = server.sql(`SELECT signed_at FROM plan_versions WHERE plan_id = ${behaviour.id} AND version = ${behaviour.current.version}`);

  // A change after sign-off is a new version; the signed one is as it was.
  const form = readForm((await deputy.get(`${href}/versions/new`)).text, href);
  const changed = await deputy.post(href, { ...form, section_praise: 'A thumbs up across the room', ...split('review_by', isoIn(50)), reason: 'She asked for quieter praise', child_views: 'Thumbs up is fine' });
  assert.equal(changed.status, 303, changed.text.slice(0, 500));
  const detail = (await api.get(`/api/v1/children/1/plans/${behaviour.id}`)).body;
  assert.equal(detail.plan.current.version, behaviour.current.version + 1);
  assert.equal(detail.plan.current.signed_off, null);
  assert.equal(detail.plan.last_signed_version, behaviour.current.version);
  const signedVersion = detail.versions.find((v) => v.version === behaviour.current.version);
  assert.equal(signedVersion.signed_off.by, 'Sam Carter');
  assert.equal(server.sql(`SELECT signed_at FROM plan_versions WHERE plan_id = ${behaviour.id} AND version = ${behaviour.current.version}`), signedAt);
  assert.deepEqual(signedVersion.sections, behaviour.current.sections);
  // Only the current version can be signed.
  const old = await manager.post(`${href}/sign-off`, { version: String(behaviour.current.version - 1) });
  assert.equal(old.status, 409);
});

test('who a version was shared with, and when', async () => {
  const staff = await signedIn('rsw1.willow@example.org');
  const api = await apiFor('manager.willow@example.org', 'sharing');
  const placement = await planOf(api, 2, 'placement_plan');
  const href = `/children/2/plans/${placement.id}`;
  const form = await staff.get(`${href}/sharing?version=${placement.current.version}`);
  assert.equal(form.status, 200);
  const values = readForm(form.text, `${href}/sharing`);
  assert.equal(values.version, String(placement.current.version));

  const nobody = await staff.post(`${href}/sharing`, { ...values, shared_with_others: '' });
  assert.equal(nobody.status, 400);
  assert.match(nobody.text, /Select who it was shared with, or name them below/);
  const future = await staff.post(`${href}/sharing`, { ...values, shared_with: ['iro'], ...split('shared_on', isoIn(2)) });
  assert.equal(future.status, 400);
  assert.match(future.text, /the date it was shared must be today or earlier/);
  assert.deepEqual([].concat(readForm(future.text, `${href}/sharing`).shared_with), ['iro'], 'the ticks are kept');

  const ok = await staff.post(`${href}/sharing`, { ...values, shared_with: ['iro', 'school'], shared_with_others: 'His nan' });
  assert.equal(ok.status, 303, ok.text.slice(0, 500));
  const page = words((await staff.get(ok.headers.get('location'))).text);
  assert.match(page, /Who it was shared with is recorded/);
  assert.match(page, /Independent reviewing officer, \d+ \w+ \d{4}/);
  assert.match(page, /School or college/);
  assert.match(page, /His nan/);
});

test("the child's page shows what staff on shift need at a glance", async () => {
  const staff = await signedIn('rsw2.willow@example.org');
  const profile = await staff.get('/children/2');
  assert.equal(profile.status, 200);
  const glance = words(profile.text.match(/<section aria-labelledby="glance-title">[\s\S]*?<\/section>/)[0]);
  assert.match(glance, /At a glance/);
  assert.match(glance, /Key worker Dana Lewis/);
  assert.match(glance, /1 review is overdue/);
  assert.match(glance, /Individual behaviour plan , version 1/);
  assert.match(glance, /What helps me Explain the reason, calmly and once Offer a kick-about in the garden/);
  assert.match(glance, /Risk assessment: going missing Medium \d+ \w+ \d{4} Review overdue/);
  const nearWhom = words(profile.text.match(/<section aria-labelledby="interactions-title">[\s\S]*?<\/section>/)[0]);
  assert.match(nearWhom, /Who must not be near whom No managed interactions are in force\./);
  assert.match(profile.text, /href="\/children\/2\/plans"/);
});

test('the API: kinds, a plan started, a version, a stale write, sign-off and sharing', async () => {
  const rsw = await apiFor('rsw1.willow@example.org', 'api rsw');
  const manager = await apiFor('manager.willow@example.org', 'api manager');
  const kinds = await rsw.get('/api/v1/plan-kinds');
  assert.equal(kinds.status, 200);
  const support = kinds.body.kinds.find((k) => k.key === 'support_plan');
  assert.ok(support.sections.some((s) => s.field === 'section_how_staff_support_me' && s.required));
  assert.equal(kinds.body.longest_review_months, 6);

  const body = {
    kind: 'support_plan', section_my_needs: 'Cooking and budgeting', section_how_staff_support_me: 'Cook together on Tuesdays',
    effective_on: isoToday(), review_by: isoIn(90), reason: 'Getting ready for independence', child_views: 'I want to make curry',
  };
  const started = await rsw.post('/api/v1/children/6/plans', body);
  assert.equal(started.status, 404, 'Oscar lives at Harbour View, not their home');
  const made = await rsw.post('/api/v1/children/3/plans', body);
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.title, 'Support plan');
  assert.equal(made.body.current.version, 1);
  assert.equal(made.body.current.author.name, 'Chris Okafor');
  assert.match(made.headers.get('location'), new RegExp(`/api/v1/children/3/plans/${made.body.id}$`));
  const base = `/api/v1/children/3/plans/${made.body.id}`;

  const bad = await rsw.post('/api/v1/children/3/plans', { ...body, kind: 'support_plan', review_by: isoToday() });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'invalid_input');
  const duplicate = await rsw.post('/api/v1/children/3/plans', body);
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.error.code, 'conflict');

  const { kind, ...rest } = body;
  const v2 = await rsw.post(`${base}/versions`, { ...rest, version: 1, section_how_staff_support_me: 'Cook together on Tuesdays and Fridays', reason: 'Going well' });
  assert.equal(v2.status, 201, v2.text);
  assert.equal(v2.body.current.version, 2);
  const stale = await rsw.post(`${base}/versions`, { ...rest, version: 1, reason: 'Stale' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'conflict');
  const noVersion = await rsw.post(`${base}/versions`, { ...rest, reason: 'No version' });
  assert.equal(noVersion.status, 400);
  assert.equal(noVersion.body.error.field, 'version');

  const detail = await rsw.get(base);
  assert.equal(detail.status, 200);
  assert.deepEqual(detail.body.versions.map((v) => v.version), [2, 1]);
  assert.equal(detail.body.older_from, null);
  const change = detail.body.versions[0].changes.sections.find((s) => s.key === 'how_staff_support_me');
  assert.deepEqual(change.pieces, [{ kept: true, text: 'Cook together on Tuesdays' }, { added: true, text: 'and Fridays' }]);
  assert.equal(detail.body.versions[1].changes.first, true);

  assert.equal((await rsw.post(`${base}/sign-off`, { version: 2 })).status, 403);
  const signed = await manager.post(`${base}/sign-off`, { version: 2 });
  assert.equal(signed.status, 200, signed.text);
  assert.equal(signed.body.current.signed_off.by, 'Sam Carter');
  const twice = await manager.post(`${base}/sign-off`, { version: 2 });
  assert.equal(twice.status, 409);

  const shared = await rsw.post(`${base}/sharing`, { version: 2, shared_with: ['child', 'social_worker'], shared_on: isoToday() });
  assert.equal(shared.status, 201, shared.text);
  assert.deepEqual(shared.body.version.sharing.map((s) => s.with), ['child', 'social_worker']);
  const unknown = await rsw.post(`${base}/sharing`, { version: 2, shared_with: ['neighbour'], shared_on: isoToday() });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error.field, 'shared_with');

  const list = await rsw.get('/api/v1/children/3/plans');
  assert.ok(list.body.plans.some((p) => p.id === made.body.id && p.review.overdue === false));
  // A plan is found only under its own child.
  assert.equal((await rsw.get(`/api/v1/children/1/plans/${made.body.id}`)).status, 404);
  // Version 1 was never signed: replaced, not awaiting sign-off.
  const staff = await signedIn('rsw1.willow@example.org');
  const first = words((await staff.get(`/children/3/plans/${made.body.id}?version=1`)).text).split('History of this plan')[0];
  assert.match(first, /Sign-off Not signed off: a later version replaced it/);
  assert.doesNotMatch(first, /Awaiting sign-off/);
});

test('the independent person reads consented plans and changes nothing', async () => {
  const visitor = await signedIn('reg44@example.org');
  const list = await visitor.get('/children/1/plans');
  assert.equal(list.status, 200);
  const id = list.text.match(/href="\/children\/1\/plans\/(\d+)"/)[1];
  assert.equal((await visitor.get(`/children/1/plans/${id}`)).status, 200);
  assert.equal((await visitor.get('/children/2/plans')).status, 404, 'no consent: as if there were no record');
  assert.equal((await visitor.get(`/children/1/plans/${id}/versions/new`)).status, 403);
  assert.equal((await visitor.post(`/children/1/plans/${id}`, {})).status, 403);
});

test("a plan's history is paged ten versions at a time", async () => {
  const api = await apiFor('rsw1.harbour@example.org', 'paging');
  const body = {
    section_the_risk: 'Shares her location in games', section_what_reduces: 'Location off; we check together',
    section_if_it_happens: 'Talk it through; tell the manager', risk_level: 'low',
    effective_on: isoToday(), review_by: isoIn(30), reason: 'Version 1', child_views: 'Ok',
  };
  const made = await api.post('/api/v1/children/5/plans', { ...body, kind: 'risk_self_harm' });
  assert.equal(made.status, 201, made.text);
  const base = `/api/v1/children/5/plans/${made.body.id}`;
  for (let v = 1; v < 12; v++) {
    const next = await api.post(`${base}/versions`, { ...body, version: v, reason: `Version ${v + 1}`, section_the_risk: `Shares her location in games, week ${v}` });
    assert.equal(next.status, 201, next.text);
  }
  const first = (await api.get(base)).body;
  assert.deepEqual(first.versions.map((v) => v.version), [12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  assert.ok(first.versions.every((v) => v.changes), 'each compared with the version before');
  assert.equal(first.older_from, 2);
  const older = (await api.get(`${base}?history=2`)).body;
  assert.deepEqual(older.versions.map((v) => v.version), [2, 1]);
  assert.equal(older.older_from, null);

  const staff = await signedIn('rsw1.harbour@example.org');
  const page = await staff.get(`/children/5/plans/${made.body.id}`);
  assert.match(page.text, new RegExp(`href="/children/5/plans/${made.body.id}\\?history=2#history">Older versions</a>`));
  const olderPage = words((await staff.get(`/children/5/plans/${made.body.id}?history=2`)).text);
  assert.match(olderPage, /Version 2 : Version 2/);
  assert.match(olderPage, /The first version of this plan/);
  assert.doesNotMatch(olderPage, /Older versions/);
});

test("the export of a child's whole record holds every plan and version", async () => {
  const manager = await apiFor('manager.willow@example.org', 'export');
  const doc = await manager.get('/api/v1/children/1/export');
  assert.equal(doc.status, 200, doc.text.slice(0, 300));
  const section = doc.body.sections.find((s) => s.key === 'plans');
  assert.ok(section, 'a plans section');
  assert.equal(section.title, 'Plans and risk assessments');
  const behaviour = section.content.plans.find((p) => p.kind === 'behaviour_plan');
  assert.deepEqual(behaviour.versions.map((v) => v.version).slice(0, 2), [1, 2], 'oldest first');
  assert.equal(behaviour.versions[0].signed_off.by, 'Sam Carter');
  const staff = await signedIn('manager.willow@example.org');
  const html = await staff.get('/children/1/export/record.html');
  assert.equal(html.status, 200);
  assert.match(words(html.text), /Plans and risk assessments/);
  assert.match(words(html.text), /Individual behaviour plan/);
});
