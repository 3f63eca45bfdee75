// Contact restrictions through the real server: the senior on shift restricts a child's contact
// in an emergency; bad input is named field by field and nothing saved; the 24-hour clock to give
// the placing authority full details is met only by recording that notice; the review lifts it
// with the child's view; support workers read and cannot restrict; a social worker sees only their
// own child's.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver } from './server.mjs';

let server;
let deputy;
let worker;
let ids;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = { aisha: demo.child('Aisha Bennett'), kai: demo.child('Kai Donovan'), lily: demo.child('Lily Evans-Ward') };
  deputy = new Client(server.url);
  await deputy.signIn('deputy.willow@example.org');
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
});
after(async () => {
  await server.stop();
});

test('an emergency restriction: refused until whole, then its 24-hour notice and its review', async () => {
  const form = `/children/${ids.aisha}/contact/restrictions/new`;
  const action = `/children/${ids.aisha}/contact/restrictions`;
  const page = await deputy.get(form);
  assert.equal(page.status, 200);
  const offered = readForm(page.text, action);
  const before = one('SELECT COUNT(*) FROM contact_restrictions');

  const bad = await deputy.post(action, typedOver(offered, { person: '', reason: 'safeguard', why: '',
    basis: 'home', agreed_beforehand: 'no', child_told: 'yes', child_view: '', review_on: '2020-01-01' }));
  assert.equal(bad.status, 400);
  for (const field of ['family_member_id', 'forms', 'why', 'review_on', 'child_view']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  assert.equal(one('SELECT COUNT(*) FROM contact_restrictions'), before, 'nothing saved');

  const review = london(-60 * 24 * 7).on;
  const made = await deputy.post(action, typedOver(offered, {
    person: 'Jay Moss, a friend from school', forms: ['phone', 'online'], reason: 'safeguard',
    why: 'Messages asking her to meet an older man', basis: 'home', agreed_beforehand: 'no',
    review_on: review, child_told: 'yes', child_view: "I don't like it but I get why" }));
  assert.equal(made.status, 303, words(made.text).slice(0, 600));
  const href = made.headers.get('location').split('?')[0];
  const id = href.split('/').pop();
  const shown = words((await deputy.get(href)).text);
  assert.match(shown, /Contact with Jay Moss, a friend from school restricted/);
  assert.match(shown, /Imposed by the home without the placing authority's agreement: give them full details, due .* \(Due soon\)/);
  assert.match(shown, /Telephone, Social media and other internet contact/);
  assert.equal(one(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'contact_restriction' AND source_id = ${id} AND state = 'open'`), '2');
  // Staff on shift are told at handover, until it is lifted.
  assert.match(words((await deputy.get('/homes/1/handover')).text),
    /Contact restricted .*Jay Moss, a friend from school \(Telephone, Social media and other internet contact; until it is lifted; review by/);

  // On the deadlines page, not to be met by hand.
  const clock = one(`SELECT id FROM deadlines WHERE source_type = 'contact_restriction' AND source_id = ${id} AND kind = 'contact_restriction_notice'`);
  const byHand = await deputy.post(`/deadlines/${clock}/met`, { note: 'Rang them', version: '1' });
  assert.notEqual(byHand.status, 303);
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'open');

  // The notice, bad then good: met at the moment it was given.
  const told = london(30);
  const noticeAction = `${href}/notice`;
  const noticeForm = readForm((await deputy.get(href)).text, noticeAction);
  const badNotice = await deputy.post(noticeAction, typedOver(noticeForm, { told: '', method: 'pigeon' }));
  assert.equal(badNotice.status, 400);
  assert.match(badNotice.text, /href="#told"/);
  assert.match(badNotice.text, /href="#method"/);
  const notice = await deputy.post(noticeAction, typedOver(noticeForm, { told: 'Northshire duty team',
    method: 'phone', told_on: told.on, told_time: told.time }));
  assert.equal(notice.status, 303, words(notice.text).slice(0, 600));
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'met');
  assert.match(one(`SELECT met_at FROM deadlines WHERE id = ${clock}`), new RegExp(`T\\d\\d:${told.time.slice(3)}:00`));

  // The review lifts it, with the child's view; the review clock is met and none is left open.
  const reviewAction = `${href}/review`;
  const reviewForm = readForm((await deputy.get(href)).text, reviewAction);
  const badReview = await deputy.post(reviewAction, { ...reviewForm, outcome: 'continue', decision: 'x', child_view: '' });
  assert.equal(badReview.status, 400);
  assert.match(badReview.text, /href="#child_view"/);
  assert.match(badReview.text, /href="#next_review_on"/);
  const lifted = await deputy.post(reviewAction, { ...reviewForm, outcome: 'lift',
    decision: 'The police have spoken to him and he has stopped', child_view: 'Good. Can I have my phone back?' });
  assert.equal(lifted.status, 303, words(lifted.text).slice(0, 600));
  assert.equal(one(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'contact_restriction' AND source_id = ${id} AND state = 'open'`), '0');
  const after = words((await deputy.get(href)).text);
  assert.match(after, /Lifted on/);
  assert.match(after, /The child said: Good. Can I have my phone back\?/);
  assert.doesNotMatch(after, /Review it/);
  const handover = (await deputy.get('/homes/1/handover', { headers: { accept: 'application/json' } })).json().parts.contact;
  assert.ok(handover.has_restrictions, 'the demo restrictions in force');
  assert.ok(!handover.restrictions.some((r) => String(r.id) === id), 'lifted: no longer at handover');
  assert.match(one(`SELECT title FROM chronology WHERE source_type = 'contact_restriction' AND source_id = ${id}`),
    /Contact with Jay Moss, a friend from school restricted/);
});

test('a restriction agreed beforehand owes no notice; the demo shows a court order and an emergency', async () => {
  const api = new Api(server.url, await createApiToken(deputy, 'contact'));
  const made = await api.post(`/api/v1/children/${ids.aisha}/contact-restrictions`, {
    person: 'A cousin', forms: ['visit_away'], reason: 'welfare', why: 'Overnight stays unsettle her before exams',
    basis: 'placing_authority', starts_on: london().on, agreed_beforehand: 'yes', agreed_with: 'Casey Nolan',
    agreed_on: london().on, review_on: london(-60 * 24 * 14).on, child_told: 'no', not_told_why: 'She is at school; we tell her tonight' });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.emergency, false);
  assert.equal(made.body.notice.clock, null);
  assert.equal(made.body.review_clock.state, 'open');

  const lily = (await api.get(`/api/v1/children/${ids.lily}/contact-restrictions`)).body.restrictions;
  assert.deepEqual(lily.map((r) => [r.person, r.basis, r.in_force]), [['Ryan Ward', 'court_order', true]]);
  const kai = (await api.get(`/api/v1/children/${ids.kai}/contact-restrictions`)).body.restrictions;
  assert.equal(kai[0].emergency, true);
  assert.equal(kai[0].notice.clock.standing, 'Met');
});

test('support workers read restrictions and cannot make them; a social worker sees only their child', async () => {
  const page = await worker.get(`/children/${ids.lily}/contact`);
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Ryan Ward/);
  assert.doesNotMatch(words(page.text), /Restrict contact/);
  assert.equal((await worker.get(`/children/${ids.lily}/contact/restrictions/new`)).status, 403);
  assert.match(words((await worker.get(`/children/${ids.lily}`)).text),
    /Contact restricted: Ryan Ward \(Visits to the child at the home, Visits by the child to them, Telephone, Video call; review by/);
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  assert.equal((await sw.get(`/children/${ids.aisha}/contact`)).status, 200, 'Aisha is theirs');
  assert.equal((await sw.get(`/children/${ids.lily}/contact`)).status, 404, 'Lily is not');
  const kaiRestriction = one(`SELECT id FROM contact_restrictions WHERE child_id = ${ids.kai}`);
  assert.equal((await sw.get(`/children/${ids.kai}/contact/restrictions/${kaiRestriction}`)).status, 404);
  assert.equal((await sw.get(`/children/${ids.aisha}/contact/restrictions/${kaiRestriction}`)).status, 404,
    "another child's restriction under theirs");
});
