// Reg 41 notices through the real server: admitting a child placed from elsewhere owes the home's
// local authority a written notice, drafted from the case record, with its clock on the deadlines
// page; bad input is named field by field and nothing is saved; recording it sent meets the clock at
// that moment and keeps what it said; the notice downloads as a document; a child placed by the
// home's own authority owes none; leaving owes its own; who may read and who may record.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver, validChild } from './server.mjs';

let server;
let manager;
let worker;
let api;
let ids;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = { home: demo.home('Willow House'), manager: demo.person('manager.willow@example.org') };
  manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  api = new Api(server.url, await createApiToken(manager, 'reg41'));
});
after(async () => {
  await server.stop();
});

// The case record as the API gives it, changed and put back.
async function amend(child, changes) {
  const { id, home_id, version, created_at, updated_at, age, left_on, reg44_consent, key_workers,
    retention_date, ...details } = (await api.get(`/api/v1/children/${child}`)).body;
  const r = await api.put(`/api/v1/children/${child}`, { ...details, ...changes, version });
  assert.equal(r.status, 200, r.text);
}

async function admit(overrides) {
  const r = await api.post(`/api/v1/homes/${ids.home}/children`, validChild({
    placing_authority: 'Testshire County Council', placing_authority_contact: 'Placements, 01632 960999',
    admission_date: london(60 * 24 * 2).on, ...overrides,
  }));
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}

test('an admission from another authority owes a notice: drafted, on the deadlines page, sent once', async () => {
  const jordan = await admit({ first_name: 'Jordan', last_name: 'Noticechild' });
  const list = await manager.get(`/children/${jordan}/placement-notices`);
  assert.equal(list.status, 200);
  assert.match(words(list.text), /Notice of admission/);
  const href = list.text.match(/href="(\/children\/\d+\/placement-notices\/\d+)"/)[1];
  const id = href.split('/').pop();

  // Owed two days ago, within a day: overdue, and on the deadlines page with a link to the notice.
  const deadlines = await manager.get('/deadlines', { headers: { accept: 'application/json' } });
  const clock = deadlines.text;
  assert.match(clock, /Send Northshire County Council notice of Jordan's admission \(Reg 41\)/);
  assert.equal(one(`SELECT state FROM deadlines WHERE source_type = 'placement_notice' AND source_id = ${id}`), 'open');

  const page = await manager.get(href);
  assert.equal(page.status, 200);
  const t = words(page.text);
  assert.match(t, /Notice of admission to Northshire County Council/);
  assert.match(t, /Overdue/);
  assert.match(t, /Accommodated under section 20 or 21 Yes: accommodated under section 20/);
  assert.match(t, /Testshire County Council, Placements, 01632 960999/);
  assert.match(t, /does not hold everything Reg 41\(3\) asks: the independent reviewing officer/);

  // Bad input: each field named, nothing saved.
  const action = `${href}/sent`;
  const offered = readForm(page.text, action);
  assert.equal(offered.placing_authority, 'Testshire County Council, Placements, 01632 960999');
  const bad = await manager.post(action, typedOver(offered, { iro: '', ehc: 'ehc_plan', ehc_authority: '',
    method: 'phone', sent_on: london(60 * 24 * 5).on }));
  assert.equal(bad.status, 400);
  for (const field of ['iro', 'ehc_authority', 'method', 'sent_on']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  assert.equal(one(`SELECT COUNT(*) FROM placement_notices WHERE id = ${id} AND sent_at IS NULL`), '1');

  // Sent yesterday, recorded today: met when it was sent, and late.
  const sentAt = london(60 * 24);
  const ok = await manager.post(action, typedOver(offered, { iro: 'Not yet appointed: ask the placements team',
    ehc: 'neither', method: 'secure_email', sent_on: sentAt.on, sent_time: sentAt.time,
    sent_to: 'Front door team', reference: 'TS-41-7' }));
  assert.equal(ok.status, 303, words(ok.text).slice(0, 500));
  const shown = words((await manager.get(ok.headers.get('location'))).text);
  assert.match(shown, /Recorded as sent/);
  assert.match(shown, /Met late/);
  assert.match(shown, /What the notice said/);
  assert.doesNotMatch(shown, /Record the notice sent/);
  const metAt = one(`SELECT met_at FROM deadlines WHERE source_type = 'placement_notice' AND source_id = ${id}`);
  assert.equal(new Date(metAt).getUTCMinutes(), new Date(`${sentAt.on}T${sentAt.time}:00Z`).getUTCMinutes());

  // Kept as it was sent, whatever the case record says later.
  await amend(jordan, { placing_authority_contact: 'A new number', reason: 'The placements team moved' });
  const kept = (await api.get(`/api/v1/children/${jordan}/placement-notices/${id}`)).body;
  assert.equal(kept.notice.placing_authority, 'Testshire County Council, Placements, 01632 960999');
  assert.equal(kept.notice.iro, 'Not yet appointed: ask the placements team');

  // Once only.
  const again = await manager.post(action, typedOver(offered, { iro: 'x', ehc: 'neither',
    method: 'email', sent_on: sentAt.on, sent_time: sentAt.time }));
  assert.equal(again.status, 409);
  assert.match(words(again.text), /This notice was recorded as sent already: Sam Carter sent it/);
  const apiAgain = await api.post(`/api/v1/children/${jordan}/placement-notices/${id}/sent`, {
    sent_to: 'x', method: 'email', sent_on: sentAt.on, sent_time: sentAt.time, sent_by: ids.manager,
    placing_authority: 'x', iro: 'x', ehc: 'neither' });
  assert.equal(apiAgain.status, 409);

  // The notice as a document to print or attach, its reading audited.
  const doc = await manager.get(`${href}/notice.html`);
  assert.equal(doc.status, 200);
  assert.match(doc.headers.get('content-disposition'), /^attachment; filename="reg41-notice-\d+-admission\.html"$/);
  const letter = words(doc.text);
  assert.match(letter, /Notice of a child's admission/);
  assert.match(letter, /Child's name Jordan Noticechild/);
  assert.match(letter, /Date of birth 27 March 2012/);
  assert.match(letter, /No: neither an EHC plan nor a statement/);
  assert.match(letter, /your reference TS-41-7/);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE record_type = 'placement_notice' AND record_id = '${id}' AND action = 'read' AND detail = 'downloaded'`), '1');
});

test("a child placed by the home's own authority owes no notice; correcting it away owes one", async () => {
  const sky = await admit({ first_name: 'Sky', last_name: 'Localchild', placing_authority: ' northshire county council' });
  assert.deepEqual((await api.get(`/api/v1/children/${sky}/placement-notices`)).body.notices, []);
  await amend(sky, { placing_authority: 'Testshire County Council', reason: 'Placed by Testshire, not Northshire' });
  const owed = (await api.get(`/api/v1/children/${sky}/placement-notices`)).body.notices;
  assert.deepEqual(owed.map((n) => [n.occasion, n.sent, n.clock.state]), [['admission', false, 'open']]);
});

test('leaving owes a notice of its own, starting from what the admission notice said', async () => {
  const ash = await admit({ first_name: 'Ash', last_name: 'Leaverchild' });
  const [admission] = (await api.get(`/api/v1/children/${ash}/placement-notices`)).body.notices;
  const today = london();
  const sent = await api.post(`/api/v1/children/${ash}/placement-notices/${admission.id}/sent`, {
    sent_to: 'Front door team', method: 'email', sent_on: today.on, sent_time: today.time,
    sent_by: ids.manager, placing_authority: 'Testshire County Council', iro: 'Pat Example, 01632 960111',
    ehc: 'ehc_plan', ehc_authority: 'Testshire County Council' });
  assert.equal(sent.status, 200, sent.text);
  const left = await api.post(`/api/v1/children/${ash}/leaving`, { left_on: today.on,
    destination: 'Foster care', reason: 'A planned move', authority_informed_on: today.on,
    authority_informed_who: 'Their social worker' });
  assert.equal(left.status, 201, left.text);
  const notices = (await api.get(`/api/v1/children/${ash}/placement-notices`)).body.notices;
  assert.deepEqual(notices.map((n) => [n.occasion, n.sent]), [['leaving', false], ['admission', true]]);
  const page = await manager.get(notices[0].href);
  const form = readForm(page.text, `${notices[0].href}/sent`);
  assert.equal(form.ehc, 'ehc_plan');
  assert.equal(form.ehc_authority, 'Testshire County Council');
});

test('a legal basis the case record does not name is asked when the notice is sent', async () => {
  const eli = await admit({ first_name: 'Eli', last_name: 'Otherchild', legal_basis: 'other' });
  const [notice] = (await api.get(`/api/v1/children/${eli}/placement-notices`)).body.notices;
  assert.equal(notice.notice.accommodated, '');
  const now = london();
  const sending = { sent_to: 'Front door team', method: 'letter', sent_on: now.on, sent_time: now.time,
    sent_by: ids.manager, placing_authority: 'Testshire County Council', iro: 'Pat Example', ehc: 'neither' };
  const url = `/api/v1/children/${eli}/placement-notices/${notice.id}/sent`;
  const refused = await api.post(url, sending);
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.error.fields.map((f) => f.field), ['accommodated', 'order']);
  const sent = await api.post(url, { ...sending, accommodated: 'No', order: 'Yes: a supervision order under section 31' });
  assert.equal(sent.status, 200, sent.text);
  assert.equal(sent.body.notice.order, 'Yes: a supervision order under section 31');
});

test('staff read notices; only seniors record them sent; a social worker sees only their own children', async () => {
  const kai = one("SELECT id FROM children WHERE first_name = 'Kai'");
  const [notice] = (await api.get(`/api/v1/children/${kai}/placement-notices`)).body.notices;
  assert.ok(notice, 'Kai, placed by Eastbrook, was notified to Northshire');
  const read = await worker.get(notice.href);
  assert.equal(read.status, 200);
  assert.doesNotMatch(words(read.text), /Record the notice sent/);
  const post = await worker.post(`${notice.href}/sent`, {});
  assert.equal(post.status, 403);
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  assert.equal((await sw.get(notice.href)).status, 404, 'Kai is not theirs');
  assert.equal((await sw.get(`/homes/${ids.home}/placement-notices`)).status, 404);
  const home = await manager.get(`/homes/${ids.home}/placement-notices`);
  assert.equal(home.status, 200);
  assert.match(words(home.text), /Notice of leaving/, "Mia's leaving, from the demo");
});

test("the administrator records where a home is, and the next admission's notice follows it", async () => {
  const harbour = demoIds(server).home('Harbour View');
  const admin = new Client(server.url);
  await admin.signIn('admin@example.org');
  assert.match(words((await admin.get(`/homes/${harbour}`)).text), /In Northshire County Council · Change the home's details/);
  assert.doesNotMatch(words((await manager.get(`/homes/${ids.home}`)).text), /Change the home's details/);
  assert.equal((await manager.get(`/homes/${ids.home}/details`)).status, 403);

  const action = `/homes/${harbour}/details`;
  const form = readForm((await admin.get(action)).text, action);
  assert.equal(form.local_authority, 'Northshire County Council');
  const bad = await admin.post(action, { ...form, local_authority: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#local_authority"/);
  assert.equal(one(`SELECT local_authority FROM homes WHERE id = ${harbour}`), 'Northshire County Council');
  const saved = await admin.post(action, { ...form, local_authority: 'Eastbrook Borough Council' });
  assert.equal(saved.status, 303);
  assert.match(one(`SELECT detail FROM audit_log WHERE record_type = 'home' AND record_id = '${harbour}' AND action = 'change'`),
    /local authority Eastbrook Borough Council, was Northshire County Council/);

  const adminApi = new Api(server.url, await createApiToken(admin, 'reg41'));
  const placed = async (authority, first) => {
    const r = await adminApi.post(`/api/v1/homes/${harbour}/children`, validChild({
      first_name: first, last_name: 'Harbourchild', placing_authority: authority, admission_date: london().on }));
    assert.equal(r.status, 201, r.text);
    return (await adminApi.get(`/api/v1/children/${r.body.id}/placement-notices`)).body.notices;
  };
  assert.deepEqual(await placed('Eastbrook Borough Council', 'Rowan'), []);
  const [owed] = await placed('Northshire County Council', 'Quinn');
  assert.equal(owed.local_authority, 'Eastbrook Borough Council');
  assert.equal(owed.clock.standing, 'Due soon');
});
