// Serious events (Reg 40) through the real server: recorded from the home's page as well as from an
// incident; bad input named field by field and nothing saved; who must be told follows the event
// and the child's placing authority; an enquiry's outcome is its own event with its own clock; the
// child's social worker reads it and records nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver } from './server.mjs';

let server;
let worker;
let ids;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    home: demo.home('Willow House'),
    aisha: demo.child('Aisha Bennett'),
    kai: demo.child('Kai Donovan'),
    worker: demo.person('rsw1.willow@example.org'),
  };
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
});
after(async () => {
  await server.stop();
});

const count = (sql) => Number(server.sql(sql));

async function record(fields) {
  const form = `/homes/${ids.home}/serious-events/new`;
  const action = `/homes/${ids.home}/serious-events`;
  const page = await worker.get(form);
  assert.equal(page.status, 200);
  return worker.post(action, typedOver(readForm(page.text, action), fields));
}

async function tell(eventId, recipient, when) {
  const r = await worker.post(`/homes/${ids.home}/serious-events/${eventId}/told`, {
    recipient, named: 'Duty desk', method: 'phone', told_on: when.on, told_time: when.time,
    told_by: String(ids.worker),
  });
  assert.equal(r.status, 303, words(r.text).slice(0, 400));
}

test('bad input is named field by field, and nothing is saved', async () => {
  const before = count('SELECT COUNT(*) FROM serious_events');
  const r = await record({ event: 'police_serious_incident', child_id: '', what_happened: '',
    known_on: '2026-02-30' });
  assert.equal(r.status, 400);
  for (const field of ['child_id', 'what_happened', 'known_on']) {
    assert.match(r.text, new RegExp(`href="#${field}"`), field);
  }
  assert.match(words(r.text), /Choose the child it is about: A serious incident needing the police is about a child/);
  const none = await record({ event: '', what_happened: 'Something' });
  assert.equal(none.status, 400);
  assert.match(none.text, /href="#event"/);
  assert.equal(count('SELECT COUNT(*) FROM serious_events'), before, 'nothing saved');
});

test('who must be told follows the event and where the child was placed from', async () => {
  const known = london(30);
  // A referral of staff is about no one child: Ofsted is told, and no placing authority is owed.
  let r = await record({ event: 'staff_referral', child_id: '', known_on: known.on,
    known_time: known.time, what_happened: 'A member of staff was referred to the DBS after an allegation' });
  assert.equal(r.status, 303, words(r.text).slice(0, 500));
  let page = await worker.get(r.headers.get('location'));
  assert.match(words(page.text), /Still to tell: Ofsted \(HMCI\)\./);

  // A death: the Secretary of State and the integrated care board too; the home's own local
  // authority unless it placed the child.
  const api = new Api(server.url, await createApiToken(worker, 'reg40'));
  for (const child of [ids.aisha, ids.kai]) {
    const placed = (await api.get(`/api/v1/children/${child}`)).body;
    const made = await api.post(`/api/v1/homes/${ids.home}/serious-events`, {
      event: 'death', child_id: child, known_on: known.on, known_time: known.time,
      what_happened: 'A test of who must be told (fictional)',
    });
    assert.equal(made.status, 201, made.text);
    const required = made.body.recipients.filter((x) => x.required).map((x) => x.recipient);
    const sameAuthority = JSON.stringify(placed).includes('Northshire County Council');
    assert.deepEqual(required, ['ofsted', 'placing_authority', 'secretary_of_state',
      ...(sameAuthority ? [] : ['host_authority']), 'integrated_care_board'], JSON.stringify(placed));
    assert.equal(made.body.clock.standing, 'Due soon');
  }
});

test("an enquiry's outcome is notified as its own event, with its own clock", async () => {
  const known = london(120);
  let r = await record({ event: 'child_protection_enquiry', child_id: String(ids.aisha),
    known_on: known.on, known_time: known.time, what_happened: 'The local authority opened an enquiry' });
  assert.equal(r.status, 303, words(r.text).slice(0, 500));
  const enquiryPage = r.headers.get('location').split('?')[0];
  const enquiry = Number(enquiryPage.split('/').pop());
  await tell(enquiry, 'ofsted', london(100));
  await tell(enquiry, 'placing_authority', london(90));
  let page = await worker.get(enquiryPage);
  assert.doesNotMatch(words(page.text), /Still to tell/);
  assert.match(words(page.text), /Record the enquiry's outcome/);
  assert.equal(server.sql(`SELECT state FROM deadlines WHERE source_type = 'serious_event' AND
    source_id = ${enquiry}`), 'met');

  // Its outcome, from the link on the enquiry's page.
  const form = `/homes/${ids.home}/serious-events/new?outcome_of=${enquiry}&child=${ids.aisha}`;
  const action = `/homes/${ids.home}/serious-events`;
  const outcomeForm = await worker.get(form);
  const typed = readForm(outcomeForm.text, action);
  assert.equal(typed.outcome_of, String(enquiry));
  assert.equal(typed.event, 'child_protection_enquiry_outcome');
  const outcomeKnown = london(10);
  r = await worker.post(action, typedOver(typed, { known_on: outcomeKnown.on,
    known_time: outcomeKnown.time, what_happened: 'No further action; the social worker visits weekly' }));
  assert.equal(r.status, 303, words(r.text).slice(0, 500));
  const outcome = Number(r.headers.get('location').split('?')[0].split('/').pop());
  assert.equal(server.sql(`SELECT outcome_of FROM serious_events WHERE id = ${outcome}`), String(enquiry));
  assert.equal(server.sql(`SELECT state FROM deadlines WHERE source_type = 'serious_event' AND
    source_id = ${outcome}`), 'open');
  page = await worker.get(enquiryPage);
  assert.doesNotMatch(words(page.text), /Record the enquiry's outcome/);

  // An outcome of something that is not an enquiry is refused.
  const wrong = await worker.post(action, typedOver(typed, { outcome_of: String(outcome),
    known_on: outcomeKnown.on, known_time: outcomeKnown.time, what_happened: 'Again' }));
  assert.equal(wrong.status, 400);
  assert.match(words(wrong.text), /An outcome is recorded against a child protection enquiry/);
});

test("the child's social worker reads their serious events and records nothing", async () => {
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  const event = server.sql(
    `SELECT id FROM serious_events WHERE child_id = ${ids.aisha} ORDER BY id LIMIT 1`);
  const page = await sw.get(`/children/${ids.aisha}/serious-events/${event}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /Record that someone was told/);
  assert.equal((await sw.get(`/children/${ids.aisha}/serious-events`)).status, 200);
  // The home's pages are not theirs: answered as for a home that does not exist.
  assert.equal((await sw.get(`/homes/${ids.home}/serious-events`)).status, 404);
  const kaisEvent = server.sql(
    `SELECT id FROM serious_events WHERE child_id = ${ids.kai} ORDER BY id LIMIT 1`);
  assert.equal((await sw.get(`/children/${ids.aisha}/serious-events/${kaisEvent}`)).status, 404);
  // Not even whether Kai has a record: the same answer as for a child who does not exist.
  assert.equal((await sw.get(`/children/${ids.kai}/serious-events/${kaisEvent}`)).status, 404);
  const told = await sw.post(`/homes/${ids.home}/serious-events/${event}/told`, {
    recipient: 'parent', named: 'x', method: 'phone', told_on: london(0).on, told_time: '00:00',
  });
  assert.equal(told.status, 404);
  assert.equal(count(`SELECT COUNT(*) FROM serious_event_recipients WHERE serious_event_id = ${
    event} AND recipient = 'parent'`), 0);
});

test("Ofsted's counts read the serious events recorded", async () => {
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const api = new Api(server.url, await createApiToken(manager, 'counts'));
  const range = `from=${london(60 * 24 * 30).on}&to=${london(0).on}`;
  const counts = async () => (await api.get(`/api/v1/homes/${ids.home}/ofsted-counts?${range}`)).body;
  const exploitation = (c) => c.serious_events.find((e) => e.event === 'child_sexual_exploitation').count;
  const before = await counts();
  assert.equal(exploitation(before), 0);
  assert.equal(before.children_sexually_exploited, 0);
  const known = london(15);
  const r = await record({ event: 'child_sexual_exploitation', child_id: String(ids.kai),
    known_on: known.on, known_time: known.time,
    what_happened: 'Staff saw messages from an adult offering Kai money (fictional)' });
  assert.equal(r.status, 303, words(r.text).slice(0, 400));
  const after = await counts();
  assert.equal(exploitation(after), 1);
  assert.equal(after.children_sexually_exploited, 1);
  const page = await manager.get(`/homes/${ids.home}/ofsted-counts?${range}`);
  assert.match(words(page.text), /Child sexual exploitation, actual or suspected 1/);
});
