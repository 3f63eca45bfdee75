// Nothing written about a child can have happened before they were born (issue 11): a date before
// their birth is a slip of the keyboard (0205 for 2025), refused at the field with the reason, and
// nothing is saved. Daily notes are in bad_input.test.mjs; here every other record whose dates are
// not already held to the child's admission (money and valuables are).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, demoIds, readForm } from './server.mjs';

let server;
let api;       // the registered manager of Willow House, through the API
let manager;   // and through the pages
let willow, aisha, ben, kai;

before(async () => {
  server = await startServer();
  const ids = demoIds(server);
  willow = ids.home('Willow House');
  aisha = ids.child('Aisha Bennett');
  ben = ids.child('Ben Cole');
  kai = ids.child('Kai Donovan');
  manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  api = new Api(server.url, await createApiToken(manager, 'before birth'));
});
after(async () => { await server.stop(); });

const count = (sql) => Number(server.sql(sql));
const iso = (d) => d.toISOString().slice(0, 10);
const today = iso(new Date());

// The day before the child was born, as the API reads it.
async function dayBeforeBirth(child) {
  const born = (await api.get(`/api/v1/children/${child}`)).body.date_of_birth;
  return iso(new Date(Date.parse(born) - 86400000));
}

function assertBeforeBirth(res, field) {
  assert.equal(res.status, 400, res.text.slice(0, 300));
  assert.equal(res.body.error.field, field, res.text.slice(0, 300));
  assert.match(res.body.error.message, /born/, res.text.slice(0, 300));
}

test('a plan version effective before the child was born is refused', async () => {
  const before = count('SELECT COUNT(*) FROM plans');
  const effective = await dayBeforeBirth(aisha);
  const res = await api.post(`/api/v1/children/${aisha}/plans`, {
    kind: 'risk_self_harm', section_the_risk: 'Shares her location in games',
    section_what_reduces: 'Location off; we check together', section_if_it_happens: 'Talk it through',
    risk_level: 'low', effective_on: effective, review_by: iso(new Date(Date.parse(effective) + 30 * 86400000)),
    reason: 'Version 1', child_views: 'Ok',
  });
  assertBeforeBirth(res, 'effective_on');
  assert.equal(count('SELECT COUNT(*) FROM plans'), before, 'nothing saved');
});

test('leaving with the placing authority told before the child was born is refused', async () => {
  const res = await api.post(`/api/v1/children/${ben}/leaving`, {
    left_on: today, destination: 'Home to mum', reason: 'Going home',
    authority_informed_on: await dayBeforeBirth(ben),
  });
  assertBeforeBirth(res, 'authority_informed_on');
  assert.equal(server.sql(`SELECT COUNT(*) FROM children WHERE id = ${ben} AND left_on IS NULL`), '1', 'still living here');

  // The form says the same at the field, keeping what was typed.
  const form = await manager.get(`/children/${ben}/leaving`);
  const values = readForm(form.text, `/children/${ben}/leaving`);
  const [y, m, d] = (await dayBeforeBirth(ben)).split('-');
  const page = await manager.post(`/children/${ben}/leaving`, {
    ...values, 'left_on-day': String(Number(today.slice(8))), 'left_on-month': String(Number(today.slice(5, 7))),
    'left_on-year': today.slice(0, 4), destination: 'Home to mum', reason: 'Going home',
    'authority_informed_on-day': String(Number(d)), 'authority_informed_on-month': String(Number(m)),
    'authority_informed_on-year': y,
  });
  assert.equal(page.status, 400, page.text.slice(0, 300));
  assert.match(page.text, /<a href="#authority_informed_on">[^<]*born/);
  assert.equal(server.sql(`SELECT COUNT(*) FROM children WHERE id = ${ben} AND left_on IS NULL`), '1', 'still living here');
});

test('an entry in the family and friends list cannot stop applying before the child was born', async () => {
  const added = await api.post(`/api/v1/children/${aisha}/family`,
    { name: 'Old Entry', relationship: 'Uncle', parental_responsibility: 'no' });
  assert.equal(added.status, 201, added.text);
  const res = await api.post(`/api/v1/children/${aisha}/family/${added.body.id}/end`,
    { version: 1, ended_on: await dayBeforeBirth(aisha), reason: 'Not family' });
  assertBeforeBirth(res, 'ended_on');
  assert.equal(server.sql(`SELECT COUNT(*) FROM family_members WHERE id = ${added.body.id} AND ended_on IS NULL`), '1');
});

const staff = () => ['rsw1.willow@example.org', 'rsw2.willow@example.org']
  .map((email) => server.sql(`SELECT id FROM people WHERE email = '${email}'`));

function incident(overrides = {}) {
  return {
    occurred_on: today, occurred_time: '00:05', children: [String(kai)], location: 'the lounge',
    antecedents: 'Asked to come off the console for tea', triggers: ['demand'],
    behaviour: 'Threw the controller at the window', communicating: ['control'],
    deescalation: 'A calm voice\nGave space', afterwards: 'Calm after twenty minutes',
    restrictive_measure: 'physical_intervention', measure_began_on: today, measure_began_time: '00:06',
    staff_involved: staff(), ...overrides,
  };
}

test('an incident that happened before a child it was about was born is refused', async () => {
  const before = count('SELECT COUNT(*) FROM incidents');
  const res = await api.post(`/api/v1/homes/${willow}/incidents`,
    incident({ occurred_on: await dayBeforeBirth(kai) }));
  assertBeforeBirth(res, 'occurred_on');
  assert.equal(count('SELECT COUNT(*) FROM incidents'), before, 'nothing saved');
});

test('a Reg 35 record of a hold that started before the child was born is refused', async () => {
  const made = await api.post(`/api/v1/homes/${willow}/incidents`, incident());
  assert.equal(made.status, 201, made.text);
  const before = count('SELECT COUNT(*) FROM measures');
  const res = await api.post(`/api/v1/children/${kai}/incidents/${made.body.id}/measures`, {
    kind: 'physical_intervention', started_on: await dayBeforeBirth(kai), started_time: '00:05',
    ended_on: today, ended_time: '00:10', location: 'the lounge',
    behaviour: 'Picked up a chair to throw', steps_to_avoid: 'A calm voice; gave space',
    description: 'Two staff held his arms until calm', lawful_purpose: 'prevent_injury_to_others',
    why_necessary: 'He was about to throw the chair', technique: 'seated_hold', position: 'seated',
    used_by: staff(), effect: 'He calmed within minutes',
    rights_offered: ['medical', 'advocate', 'social_worker', 'childrens_commissioner', 'ofsted'],
  });
  assertBeforeBirth(res, 'started_on');
  assert.equal(count('SELECT COUNT(*) FROM measures'), before, 'nothing saved');
});

test("a children's meeting held before the youngest child at it was born is refused", async () => {
  const meetings = `/api/v1/homes/${willow}/childrens-meetings`;
  const before = count('SELECT COUNT(*) FROM childrens_meetings');
  const meeting = { held_time: '18:00', topic: 'Summer trip', discussion: 'Where to go', attendees: [aisha] };
  assertBeforeBirth(await api.post(meetings, { ...meeting, held_on: await dayBeforeBirth(aisha) }), 'held_on');
  assert.equal(count('SELECT COUNT(*) FROM childrens_meetings'), before, 'nothing saved');

  const made = await api.post(meetings, { ...meeting, held_on: today, held_time: '00:05' });
  assert.equal(made.status, 201, made.text);
  const amended = await api.put(`/api/v1/childrens-meetings/${made.body.id}`, {
    held_on: await dayBeforeBirth(aisha), held_time: '18:00', topic: 'Summer trip', discussion: 'Where to go',
    version: made.body.version, reason: 'The date was wrong',
  });
  assertBeforeBirth(amended, 'held_on');
});
