// The API document describes what the server really answers: every operation under /api/v1 in
// docs/api/openapi.yaml is called on the demo store (reads with the demo's records, writes with a
// valid body and with an invalid one), and each answer's status, content type and body are checked
// against the operation's documented response. An operation the document lists that this file does
// not call fails the last test, as does a field the server renders that the document does not name
// (Hearth's objects say additionalProperties: false).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

import { Api, Client, createApiToken, demoIds, startServer, validChild } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = YAML.parse(readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8'));
// Set OPENAPI_DUMP to a folder to keep every answer's body there, for writing schemas: then only
// statuses are checked, not bodies.
const dump = process.env.OPENAPI_DUMP;
if (dump) mkdirSync(dump, { recursive: true });

// OpenAPI 3.0's Schema Object is not JSON Schema: `nullable: true` adds null to the types (and,
// with an enum, null must be listed in it, as 3.0.3 says), `example` is a keyword, and references
// point into the document. Each component schema becomes a JSON Schema of its own.
const base = 'https://hearth.invalid/openapi/';
function toJsonSchema(s) {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable' || k === 'example') continue;
    if (k === '$ref') {
      const m = v.match(/^#\/components\/schemas\/(\w+)$/);
      assert.ok(m, `only component schemas are referenced from a schema: ${v}`);
      out.$ref = `${base}${m[1]}`;
    } else if (k === 'properties') {
      out.properties = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, toJsonSchema(ps)]));
    } else {
      out[k] = toJsonSchema(v);
    }
  }
  if (s.nullable === true) {
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
for (const [name, schema] of Object.entries(doc.components.schemas)) {
  ajv.addSchema({ ...toJsonSchema(schema), $id: `${base}${name}` });
}
const resolve = (o) => (o && o.$ref ? o.$ref.split('/').slice(1).reduce((x, k) => x[k], doc) : o);
const validators = new Map();
function validatorFor(key, schema) {
  if (!validators.has(key)) validators.set(key, ajv.compile(toJsonSchema(schema)));
  return validators.get(key);
}

// Which operations and statuses were checked.
const covered = new Map();
const methods = ['get', 'post', 'put', 'patch', 'delete'];
const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  methods.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`));

// Checks an answer to `op` ("POST /api/v1/...", as in the document) against the document; returns
// the parsed body. `status` is the status the test expects.
function check(op, res, status) {
  const [method, p] = op.split(' ');
  const operation = doc.paths[p]?.[method.toLowerCase()];
  assert.ok(operation, `${op} is in the document`);
  assert.equal(res.status, status, `${op}: ${res.text.slice(0, 600)}`);
  if (dump) {
    writeFileSync(path.join(dump, `${op.replace(/[^a-z0-9]+/gi, '_')}_${res.status}.json`), res.text);
    if (!covered.has(op)) covered.set(op, new Set());
    covered.get(op).add(res.status);
    return res.text && res.text.startsWith('{') ? JSON.parse(res.text) : res.text;
  }
  const response = resolve(operation.responses[String(res.status)]);
  assert.ok(response, `${op} documents the status ${res.status}`);
  if (!covered.has(op)) covered.set(op, new Set());
  covered.get(op).add(res.status);
  const type = (res.headers.get('content-type') || '').split(';')[0].trim();
  if (!response.content) {
    assert.equal(res.text, '', `${op} ${res.status} documents no body`);
    return undefined;
  }
  const media = response.content[type];
  assert.ok(media, `${op} ${res.status}: the content type ${type} is documented (${Object.keys(response.content)})`);
  if (type !== 'application/json') {
    assert.ok(res.text.length > 0);
    return res.text;
  }
  assert.ok(media.schema, `${op} ${res.status} has a schema`);
  const body = JSON.parse(res.text);
  const validate = validatorFor(`${op} ${res.status} ${type}`, media.schema);
  if (!validate(body)) {
    const problems = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${op} ${res.status} does not match the document:\n${problems.join('\n')}\n${res.text.slice(0, 800)}`);
  }
  return body;
}

// A day in the home's zone, `days` before today.
function dayBefore(days) {
  return new Date(Date.now() - days * 86400e3).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

describe('the API answers as its document says', () => {
  let server;
  let ids;
  let manager;
  let admin;
  let worker;
  const twoDaysAgo = dayBefore(2);
  const threeDaysAgo = dayBefore(3);
  const today = dayBefore(0);

  before(async () => {
    server = await startServer();
    const demo = demoIds(server);
    ids = {
      willow: demo.home('Willow House'),
      aisha: demo.child('Aisha Bennett'),
      lily: demo.child('Lily Evans-Ward'),
      manager: demo.person('manager.willow@example.org'),
      deputy: demo.person('deputy.willow@example.org'),
      worker: demo.person('rsw1.willow@example.org'),
      worker2: demo.person('rsw2.willow@example.org'),
    };
    const one = (q) => Number(server.sql(q).split('\n')[0]);
    ids.familyMember = one(`SELECT id FROM family_members WHERE child_id = ${ids.aisha} ORDER BY id`);
    ids.plan = one(`SELECT id FROM plans WHERE child_id = ${ids.aisha} ORDER BY id`);
    ids.entry = one(`SELECT id FROM daily_entries WHERE child_id = ${ids.aisha} ORDER BY id`);
    ids.meeting = one(`SELECT id FROM childrens_meetings WHERE home_id = ${ids.willow} ORDER BY id`);
    ids.deadline = one(`SELECT id FROM deadlines WHERE home_id = ${ids.willow} AND state = 'open' AND kind = 'plan_review' ORDER BY id`);
    ids.action = one(`SELECT id FROM agreed_actions WHERE child_id = ${ids.aisha} AND state = 'open' ORDER BY id`);
    ids.incident = one(`SELECT incident_id FROM incident_children WHERE child_id = ${ids.aisha} ORDER BY incident_id`);
    ids.measure = one(`SELECT id FROM measures WHERE child_id = ${ids.aisha} ORDER BY id`);
    const signIn = async (email) => {
      const c = new Client(server.url);
      await c.signIn(email);
      return new Api(server.url, await createApiToken(c));
    };
    manager = await signIn('manager.willow@example.org');
    admin = await signIn('admin@example.org');
    worker = await signIn('rsw1.willow@example.org');
  });
  after(async () => { await server?.stop(); });

  const child = () => `/api/v1/children/${ids.aisha}`;
  const home = () => `/api/v1/homes/${ids.willow}`;

  test('who is signed in, the organisation and its people', async () => {
    check('GET /api/v1/me', await manager.get('/api/v1/me'), 200);
    check('GET /api/v1/me', await new Api(server.url, 'hearth_nope').get('/api/v1/me'), 401);
    check('GET /api/v1/organisation', await admin.get('/api/v1/organisation'), 200);
    check('GET /api/v1/organisation', await worker.get('/api/v1/organisation'), 403);
    check('GET /api/v1/homes/{home}/people', await manager.get(`${home()}/people`), 200);
    check('GET /api/v1/homes/{home}/people', await manager.get('/api/v1/homes/2/people'), 404);
    const op = 'POST /api/v1/homes/{home}/people';
    check(op, await manager.post(`${home()}/people`, {
      name: 'Avery Testperson', email: 'avery.testperson@example.org', job_title: 'Night worker', role: 'support_worker',
    }), 201);
    check(op, await manager.post(`${home()}/people`, { name: 'No Email', role: 'support_worker' }), 400);
  });

  test("children: the list, a record, its versions, admission and amendment", async () => {
    check('GET /api/v1/homes/{home}/children', await manager.get(`${home()}/children`), 200);
    check('GET /api/v1/homes/{home}/children', await manager.get('/api/v1/homes/2/children'), 404);
    const admitted = check('POST /api/v1/homes/{home}/children', await manager.post(`${home()}/children`, {
      first_name: 'Robin', last_name: 'Testchild', date_of_birth: '2012-03-27', sex: 'other',
      legal_basis: 's20', placing_authority: 'Testshire County Council', admission_date: today,
      key_worker: ids.worker,
    }), 201);
    assert.ok(admitted);
    check('POST /api/v1/homes/{home}/children', await manager.post(`${home()}/children`, { first_name: 'Robin' }), 400);
    const record = check('GET /api/v1/children/{child}', await manager.get(child()), 200);
    check('GET /api/v1/children/{child}', await manager.get('/api/v1/children/99999'), 404);
    const fields = Object.keys(doc.components.schemas.ChildDetails.properties);
    const amendment = Object.fromEntries(fields.filter((f) => f in record && f !== 'address_on_leaving' && f !== 'date_of_death')
      .map((f) => [f, record[f]]));
    check('PUT /api/v1/children/{child}', await manager.put(child(), {
      ...amendment, school: 'Testfield Academy', version: record.version, reason: 'Changed school',
    }), 200);
    check('PUT /api/v1/children/{child}', await manager.put(child(), {
      ...amendment, version: record.version, reason: 'Stale',
    }), 409);
    check('PUT /api/v1/children/{child}', await manager.put(child(), { version: record.version + 1 }), 400);
    check('GET /api/v1/children/{child}/versions', await manager.get(`${child()}/versions`), 200);
    check('GET /api/v1/children/{child}/versions', await manager.get('/api/v1/children/5/versions'), 404);
  });

  test("a child's family, key workers and valuables", async () => {
    const family = `${child()}/family`;
    check('GET /api/v1/children/{child}/family', await manager.get(family), 200);
    check('GET /api/v1/children/{child}/family', await manager.get('/api/v1/children/5/family'), 404);
    const added = check('POST /api/v1/children/{child}/family', await manager.post(family, {
      name: 'Pat Testparent', relationship: 'Uncle', parental_responsibility: false, contact_details: '01632 960000',
    }), 201);
    check('POST /api/v1/children/{child}/family', await manager.post(family, { name: 'Pat' }), 400);
    const member = `${family}/${added.id}`;
    check('PUT /api/v1/children/{child}/family/{member}', await manager.put(member, {
      name: 'Pat Testparent', relationship: 'Uncle', parental_responsibility: 'no', notes: 'Visits on Sundays',
      version: added.version, reason: 'Visiting day',
    }), 200);
    check('PUT /api/v1/children/{child}/family/{member}', await manager.put(member, {
      name: 'Pat Testparent', relationship: 'Uncle', parental_responsibility: false, version: added.version, reason: 'Stale',
    }), 409);
    check('PUT /api/v1/children/{child}/family/{member}', await manager.put(`${family}/99999`, {
      name: 'Pat', relationship: 'Uncle', parental_responsibility: false, version: 1, reason: 'Missing',
    }), 404);
    check('PUT /api/v1/children/{child}/family/{member}', await manager.put(member, { version: 2 }), 400);
    check('POST /api/v1/children/{child}/family/{member}/end', await manager.post(`${member}/end`, {
      version: added.version + 1, ended_on: today, reason: 'Moved away',
    }), 200);
    check('POST /api/v1/children/{child}/family/{member}/end', await manager.post(`${member}/end`, {
      version: added.version, ended_on: today, reason: 'Stale',
    }), 409);
    check('POST /api/v1/children/{child}/family/{member}/end', await manager.post(`${member}/end`, { version: 1 }), 400);

    const keyWorkers = `${child()}/key-workers`;
    const read = check('GET /api/v1/children/{child}/key-workers', await manager.get(keyWorkers), 200);
    check('GET /api/v1/children/{child}/key-workers', await manager.get('/api/v1/children/5/key-workers'), 404);
    check('POST /api/v1/children/{child}/key-workers', await manager.post(keyWorkers, {
      key_workers: [ids.worker, ids.worker2], reason: 'Two key workers', child_view: 'Fine by me',
      relationships: 'Nobody steps back', read_change: read.latest_change,
    }), 201);
    check('POST /api/v1/children/{child}/key-workers', await manager.post(keyWorkers, {
      key_workers: [ids.worker], reason: 'Stale', view_not_asked: 'Asleep', read_change: read.latest_change,
      relationships: 'Dana stays in touch',
    }), 409);
    check('POST /api/v1/children/{child}/key-workers', await manager.post(keyWorkers, { reason: '' }), 400);

    const valuables = `${child()}/valuables`;
    check('GET /api/v1/children/{child}/valuables', await manager.get(valuables), 200);
    check('GET /api/v1/children/{child}/valuables', await manager.get('/api/v1/children/5/valuables'), 404);
    const deposits = 'POST /api/v1/children/{child}/valuables/deposits';
    check(deposits, await manager.post(`${valuables}/deposits`, {
      what: 'money', amount: '20.00', deposited_on: threeDaysAgo, received_by: 'Sam Carter',
    }), 201);
    const item = check(deposits, await manager.post(`${valuables}/deposits`, {
      what: 'item', description: 'A silver watch', deposited_on: threeDaysAgo, received_by: 'Sam Carter', notes: 'In the safe',
    }), 201);
    check(deposits, await manager.post(`${valuables}/deposits`, { what: 'money' }), 400);
    const returns = 'POST /api/v1/children/{child}/valuables/returns';
    check(returns, await manager.post(`${valuables}/returns`, {
      what: 'money', amount: '5.00', returned_on: twoDaysAgo, returned_to: 'Aisha', returned_by: 'Sam Carter',
    }), 201);
    check(returns, await manager.post(`${valuables}/returns`, {
      what: 'item', item: item.saved.item_id ?? item.items_held[0].id, returned_on: twoDaysAgo, returned_to: 'Aisha', returned_by: 'Sam Carter',
    }), 201);
    check(returns, await manager.post(`${valuables}/returns`, {
      what: 'money', amount: '500.00', returned_on: twoDaysAgo, returned_to: 'Aisha', returned_by: 'Sam Carter',
    }), 400);
  });

  test('the register, a leaving and the export', async () => {
    check('GET /api/v1/homes/{home}/register', await manager.get(`${home()}/register`), 200);
    check('GET /api/v1/homes/{home}/register', await worker.get(`${home()}/register`), 403);
    const lily = `/api/v1/children/${ids.lily}`;
    check('POST /api/v1/children/{child}/leaving', await manager.post(`${lily}/leaving`, { left_on: today }), 400);
    check('POST /api/v1/children/{child}/leaving', await manager.post(`${lily}/leaving`, {
      left_on: today, destination: 'Independent living', address: '1 Test Street, Testtown', reason: 'Turned 18',
      authority_informed_on: today, authority_informed_who: 'Her social worker',
    }), 201);
    check('POST /api/v1/children/{child}/leaving', await manager.post(`${lily}/leaving`, {
      left_on: today, destination: 'Again', reason: 'Twice', authority_informed_on: today,
    }), 409);
    // Every section has its own schema: one child who lives at the home, one who has left.
    check('GET /api/v1/children/{child}/export', await manager.get(`${child()}/export`), 200);
    const gone = check('GET /api/v1/children/{child}/export', await manager.get(`${lily}/export`), 200);
    assert.ok(gone.sections.find((s) => s.key === 'leaving').content, 'the export of a child who left says where they went');
    check('GET /api/v1/children/{child}/export', await worker.get(`${child()}/export`), 403);
  });

  test('plans', async () => {
    const kinds = check('GET /api/v1/plan-kinds', await manager.get('/api/v1/plan-kinds'), 200);
    check('GET /api/v1/plan-kinds', await new Api(server.url, null).get('/api/v1/plan-kinds'), 401);
    const plans = `${child()}/plans`;
    check('GET /api/v1/children/{child}/plans', await manager.get(plans), 200);
    check('GET /api/v1/children/{child}/plans', await manager.get('/api/v1/children/5/plans'), 404);
    const has = server.sql(`SELECT kind FROM plans WHERE child_id = ${ids.aisha}`).split('\n');
    const kind = kinds.kinds.find((k) => k.family === 'plan' && !has.includes(k.key));
    const sections = Object.fromEntries(kind.sections.map((s) => [`section_${s.key}`, `The ${s.label} for the test`]));
    const dates = { effective_on: today, review_by: dayBefore(-30) };
    const started = check('POST /api/v1/children/{child}/plans', await manager.post(plans, {
      kind: kind.key, ...sections, ...dates, reason: 'First plan', child_views: 'I like it',
    }), 201);
    check('POST /api/v1/children/{child}/plans', await manager.post(plans, {
      kind: kind.key, ...sections, ...dates, reason: 'Twice', child_views: 'Again',
    }), 409);
    check('POST /api/v1/children/{child}/plans', await manager.post(plans, { kind: kind.key }), 400);
    const plan = `${plans}/${started.id}`;
    check('GET /api/v1/children/{child}/plans/{plan}', await manager.get(plan), 200);
    check('GET /api/v1/children/{child}/plans/{plan}', await manager.get(`${plans}/99999`), 404);
    const written = check('POST /api/v1/children/{child}/plans/{plan}/versions', await manager.post(`${plan}/versions`, {
      ...sections, ...dates, reason: 'Second version', views_not_asked: 'Away on a trip', version: 1,
    }), 201);
    check('POST /api/v1/children/{child}/plans/{plan}/versions', await manager.post(`${plan}/versions`, {
      ...sections, ...dates, reason: 'Stale', views_not_asked: 'Away', version: 1,
    }), 409);
    check('POST /api/v1/children/{child}/plans/{plan}/versions', await manager.post(`${plan}/versions`, { version: 2 }), 400);
    check('POST /api/v1/children/{child}/plans/{plan}/sign-off', await worker.post(`${plan}/sign-off`, { version: 2 }), 403);
    check('POST /api/v1/children/{child}/plans/{plan}/sign-off', await manager.post(`${plan}/sign-off`, { version: 1 }), 409);
    check('POST /api/v1/children/{child}/plans/{plan}/sign-off', await manager.post(`${plan}/sign-off`, { version: 'two' }), 400);
    check('POST /api/v1/children/{child}/plans/{plan}/sign-off', await manager.post(`${plan}/sign-off`, {
      version: written.current.version,
    }), 200);
    check('POST /api/v1/children/{child}/plans/{plan}/sharing', await manager.post(`${plan}/sharing`, {
      version: 2, shared_with: ['child', 'social_worker'], shared_with_others: 'Her aunt', shared_on: today,
    }), 201);
    check('POST /api/v1/children/{child}/plans/{plan}/sharing', await manager.post(`${plan}/sharing`, {
      version: 2, shared_with: ['the_moon'], shared_on: today,
    }), 400);
  });

  test('the audit trail and the chronology', async () => {
    check('GET /api/v1/homes/{home}/audit', await manager.get(`${home()}/audit`), 200);
    check('GET /api/v1/homes/{home}/audit', await worker.get(`${home()}/audit`), 403);
    check('GET /api/v1/children/{child}/chronology', await manager.get(`${child()}/chronology`), 200);
    check('GET /api/v1/children/{child}/chronology', await manager.get(`${child()}/chronology?from=not-a-date`), 400);
    check('GET /api/v1/homes/{home}/search', await manager.get(`${home()}/search?q=school`), 200);
    check('GET /api/v1/homes/{home}/search', await manager.get(`${home()}/search?q=${'x'.repeat(201)}`), 400);
  });

  test('the daily record, agreed actions and handovers', async () => {
    const written = check('POST /api/v1/children/{child}/daily-record', await worker.post(`${child()}/daily-record`, {
      kind: 'key_work', category: 'education', occurred_on: twoDaysAgo, occurred_time: '16:30', topic: 'Homework',
      body: 'We planned the week\'s homework together.', child_words: 'Maths first', significant: false,
      for_handover: true, about_bullying: true, actions: 'Buy a calculator',
    }), 201);
    assert.equal(written.about_bullying, true);
    check('POST /api/v1/children/{child}/daily-record', await worker.post(`${child()}/daily-record`, { kind: 'note' }), 400);
    check('POST /api/v1/children/{child}/daily-record', await worker.post('/api/v1/children/5/daily-record', {
      kind: 'praise', occurred_on: twoDaysAgo, occurred_time: '10:00', body: 'Kind to a friend',
    }), 404);
    const entry = `/api/v1/daily-record/${written.id}`;
    check('GET /api/v1/daily-record/{entry}', await manager.get(entry), 200);
    check('GET /api/v1/daily-record/{entry}', await manager.get(`/api/v1/daily-record/${ids.entry}`), 200);
    check('GET /api/v1/daily-record/{entry}', await manager.get('/api/v1/daily-record/999999'), 404);
    const amended = {
      kind: 'key_work', category: 'education', occurred_on: twoDaysAgo, occurred_time: '16:30', topic: 'Homework',
      body: 'We planned the week\'s homework together, and art.', version: written.version, reason: 'Art too',
    };
    check('PUT /api/v1/daily-record/{entry}', await manager.put(entry, amended), 200);
    check('PUT /api/v1/daily-record/{entry}', await manager.put(entry, amended), 409);
    check('PUT /api/v1/daily-record/{entry}', await manager.put(entry, { ...amended, occurred_time: '25:99' }), 400);

    const version = Number(server.sql(`SELECT version FROM agreed_actions WHERE id = ${ids.action}`));
    check('POST /api/v1/actions/{action}/done', await worker.post(`/api/v1/actions/${ids.action}/done`, { version, note: 'Done on Tuesday' }), 204);
    check('POST /api/v1/actions/{action}/done', await worker.post(`/api/v1/actions/${ids.action}/done`, { version, note: 'Again' }), 409);
    check('POST /api/v1/actions/{action}/done', await worker.post(`/api/v1/actions/${ids.action}/done`, { note: 'No version' }), 400);

    const handover = check('GET /api/v1/homes/{home}/handover', await worker.get(`${home()}/handover`), 200);
    check('GET /api/v1/homes/{home}/handover', await worker.get('/api/v1/homes/2/handover'), 404);
    check('POST /api/v1/homes/{home}/handovers', await worker.post(`${home()}/handovers`, {
      shift: handover.shift, notes: 'A calm evening', covers_from: handover.since,
    }), 201);
    check('POST /api/v1/homes/{home}/handovers', await worker.post(`${home()}/handovers`, { shift: 'lunch' }), 400);
  });

  test("children's meetings", async () => {
    const meetings = `${home()}/childrens-meetings`;
    check('GET /api/v1/homes/{home}/childrens-meetings', await manager.get(meetings), 200);
    check('GET /api/v1/homes/{home}/childrens-meetings', await manager.get('/api/v1/homes/2/childrens-meetings'), 404);
    const meeting = {
      held_on: twoDaysAgo, held_time: '18:00', topic: 'Summer trip', discussion: 'Where to go this summer',
      children_said: 'The seaside', attendees: [ids.aisha], actions: 'Find prices',
    };
    const made = check('POST /api/v1/homes/{home}/childrens-meetings', await worker.post(meetings, meeting), 201);
    check('POST /api/v1/homes/{home}/childrens-meetings', await worker.post(meetings, { topic: 'No date' }), 400);
    const one = `/api/v1/childrens-meetings/${made.id}`;
    check('GET /api/v1/childrens-meetings/{meeting}', await manager.get(one), 200);
    check('GET /api/v1/childrens-meetings/{meeting}', await manager.get(`/api/v1/childrens-meetings/${ids.meeting}`), 200);
    check('GET /api/v1/childrens-meetings/{meeting}', await manager.get('/api/v1/childrens-meetings/99999'), 404);
    const { attendees, actions, ...written } = meeting;
    assert.ok(attendees && actions, 'who came and the actions are given only when a meeting is written');
    const amended = { ...written, discussion: 'Where to go this summer, and when', version: made.version, reason: 'Dates too' };
    check('PUT /api/v1/childrens-meetings/{meeting}', await manager.put(one, amended), 200);
    check('PUT /api/v1/childrens-meetings/{meeting}', await manager.put(one, amended), 409);
    check('PUT /api/v1/childrens-meetings/{meeting}', await manager.put(one, { version: made.version + 1 }), 400);
  });

  test('deadlines', async () => {
    check('GET /api/v1/homes/{home}/deadlines', await manager.get(`${home()}/deadlines`), 200);
    check('GET /api/v1/homes/{home}/deadlines', await manager.get('/api/v1/homes/2/deadlines'), 404);
    check('GET /api/v1/deadlines', await manager.get('/api/v1/deadlines'), 200);
    check('GET /api/v1/deadlines', await new Api(server.url, null).get('/api/v1/deadlines'), 401);
    const deadline = `/api/v1/deadlines/${ids.deadline}`;
    const read = check('GET /api/v1/deadlines/{deadline}', await manager.get(deadline), 200);
    check('GET /api/v1/deadlines/{deadline}', await manager.get('/api/v1/deadlines/99999'), 404);
    check('POST /api/v1/deadlines/{deadline}/met', await manager.post(`${deadline}/met`, { version: read.version }), 400);
    check('POST /api/v1/deadlines/{deadline}/met', await manager.post(`${deadline}/met`, {
      version: read.version, note: 'Done, and filed',
    }), 200);
    check('POST /api/v1/deadlines/{deadline}/met', await manager.post(`${deadline}/met`, {
      version: read.version, note: 'Again',
    }), 409);
    check('GET /api/v1/children/{child}/deadlines', await manager.get(`${child()}/deadlines`), 200);
    check('GET /api/v1/children/{child}/deadlines', await manager.get('/api/v1/children/5/deadlines'), 404);
  });

  test('the document itself', async () => {
    const res = await new Api(server.url, null).get('/api/v1/openapi.yaml');
    check('GET /api/v1/openapi.yaml', res, 200);
    assert.equal(res.text, readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8'));
  });

  test('the language list, checks and figures', async () => {
    const phrases = '/api/v1/language/phrases';
    check('GET /api/v1/language/phrases', await manager.get(phrases), 200);
    check('GET /api/v1/language/phrases', await new Api(server.url, null).get(phrases), 401);
    const words = {
      phrase: 'went off on one', match: ['went off on one'], not_when: ['went off on one of'],
      alternative: 'Say what happened', why: 'It says nothing of what the child did or felt', fine_when: '', reason: 'Heard at handover',
    };
    const added = check('POST /api/v1/language/phrases', await manager.post(phrases, words), 201);
    check('POST /api/v1/language/phrases', await worker.post(phrases, words), 403);
    check('POST /api/v1/language/phrases', await manager.post(phrases, { phrase: 'no match' }), 400);
    const phrase = `${phrases}/${added.id}`;
    check('GET /api/v1/language/phrases/{phrase}', await manager.get(phrase), 200);
    check('GET /api/v1/language/phrases/{phrase}', await manager.get(`${phrases}/99999`), 404);
    const put = 'PUT /api/v1/language/phrases/{phrase}';
    const changed = check(put, await manager.put(phrase, { ...words, alternative: 'Say what they did', version: added.version }), 200);
    check(put, await manager.put(phrase, { ...words, version: added.version }), 409);
    check(put, await manager.put(`${phrases}/99999`, { ...words, version: 1 }), 404);
    check(put, await manager.put(phrase, { ...words, match: [], version: changed.version }), 400);
    const retired = check('POST /api/v1/language/phrases/{phrase}/retire', await manager.post(`${phrase}/retire`, {
      version: changed.version, reason: 'Nobody says it',
    }), 200);
    check('POST /api/v1/language/phrases/{phrase}/retire', await manager.post(`${phrase}/retire`, {
      version: changed.version, reason: 'Stale',
    }), 409);
    check('POST /api/v1/language/phrases/{phrase}/retire', await manager.post(`${phrase}/retire`, { version: retired.version }), 400);
    check('POST /api/v1/language/phrases/{phrase}/restore', await manager.post(`${phrase}/restore`, {
      version: retired.version, reason: 'Heard again',
    }), 200);
    check('POST /api/v1/language/phrases/{phrase}/restore', await manager.post(`${phrase}/restore`, {
      version: retired.version, reason: 'Stale',
    }), 409);
    check('POST /api/v1/language/phrases/{phrase}/restore', await manager.post(`${phrase}/restore`, { reason: 'No version' }), 400);
    check('POST /api/v1/language/check', await worker.post('/api/v1/language/check', {
      text: 'He kicked off at tea and went off on one.',
    }), 200);
    check('POST /api/v1/language/check', await worker.post('/api/v1/language/check', { text: 'x'.repeat(20001) }), 400);
    check('GET /api/v1/language/figures', await manager.get('/api/v1/language/figures'), 200);
    check('GET /api/v1/language/figures', await worker.get('/api/v1/language/figures'), 403);
  });

  test('incidents and what followed them', async () => {
    check('GET /api/v1/homes/{home}/incidents', await manager.get(`${home()}/incidents`), 200);
    check('GET /api/v1/homes/{home}/incidents', await manager.get('/api/v1/homes/2/incidents'), 404);
    check('GET /api/v1/homes/{home}/warmth', await manager.get(`${home()}/warmth`), 200);
    check('GET /api/v1/homes/{home}/warmth', await manager.get('/api/v1/homes/2/warmth'), 404);
    check('GET /api/v1/children/{child}/incidents', await manager.get(`${child()}/incidents`), 200);
    check('GET /api/v1/children/{child}/incidents', await manager.get('/api/v1/children/5/incidents'), 404);
    const incident = {
      occurred_on: threeDaysAgo, occurred_time: '19:00', ended_on: threeDaysAgo, ended_time: '19:20',
      children: [ids.aisha], location: 'the kitchen', setting: 'Tea time', antecedents: 'Asked to lay the table',
      triggers: [], behaviour: 'Threw a plate at the wall', communicating: [], afterwards: 'Calm by eight',
      restrictive_measure: 'physical_intervention', measure_began_on: threeDaysAgo, measure_began_time: '19:05',
      deescalation: ['Offered a choice', 'Gave space'],
      staff_involved: [ids.worker, ids.worker2], staff_assaulted: [], injuries: '', damage: 'A plate',
      notifiable: [],
    };
    const create = 'POST /api/v1/homes/{home}/incidents';
    const made = check(create, await worker.post(`${home()}/incidents`, incident), 201);
    check(create, await worker.post(`${home()}/incidents`, { ...incident, children: [] }), 400);
    const path1 = `${child()}/incidents/${made.id}`;
    const read = check('GET /api/v1/children/{child}/incidents/{incident}', await manager.get(path1), 200);
    check('GET /api/v1/children/{child}/incidents/{incident}', await manager.get(`${child()}/incidents/${ids.incident}`), 200);
    check('GET /api/v1/children/{child}/incidents/{incident}', await manager.get(`${child()}/incidents/999999`), 404);
    const amend = 'PUT /api/v1/children/{child}/incidents/{incident}';
    check(amend, await manager.put(path1, { ...incident, location: 'the kitchen and hall', version: read.version, reason: 'Went into the hall' }), 200);
    check(amend, await manager.put(path1, { ...incident, version: read.version, reason: 'Stale' }), 409);
    check(amend, await manager.put(path1, { ...incident, location: '', version: read.version + 1, reason: 'No place' }), 400);

    const after = (what) => `${path1}/${what}`;
    check(`POST /api/v1/children/{child}/incidents/{incident}/accounts`, await worker.post(after('accounts'), {
      child_id: ids.aisha, given_on: twoDaysAgo, given_time: '10:00', words: 'I was cross about tea',
    }), 201);
    check(`POST /api/v1/children/{child}/incidents/{incident}/accounts`, await worker.post(after('accounts'), {
      child_id: ids.aisha, given_on: twoDaysAgo, given_time: '10:00',
    }), 400);
    check(`POST /api/v1/children/{child}/incidents/{incident}/notifications`, await worker.post(after('notifications'), {
      recipient: 'placing_authority', child_id: ids.aisha, named: 'Duty team', method: 'phone',
      notified_on: twoDaysAgo, notified_time: '09:00', reference: 'REF-1',
    }), 201);
    check(`POST /api/v1/children/{child}/incidents/{incident}/notifications`, await worker.post(after('notifications'), {
      recipient: 'the_moon',
    }), 400);
    check(`POST /api/v1/children/{child}/incidents/{incident}/child-debriefs`, await worker.post(after('child-debriefs'), {
      child_id: ids.aisha, held_on: twoDaysAgo, held_time: '11:00', held_by: ids.worker, felt: 'Embarrassed',
      would_help: 'A warning before tea', repair: 'Help wash up', child_words: 'Sorry about the plate',
    }), 201);
    check(`POST /api/v1/children/{child}/incidents/{incident}/child-debriefs`, await worker.post(after('child-debriefs'), {
      child_id: ids.aisha,
    }), 400);
    check(`POST /api/v1/children/{child}/incidents/{incident}/staff-debriefs`, await manager.post(after('staff-debriefs'), {
      person_id: ids.worker, held_on: twoDaysAgo, held_time: '12:00', held_by: ids.manager, wellbeing: 'shaken',
      how_they_are: 'Tired', learnt: 'Warn before tea', support: ['supervision'], support_note: 'Next week',
      learning: 'A warning before a change of activity helps', share_learning: true,
    }), 201);
    check(`POST /api/v1/children/{child}/incidents/{incident}/staff-debriefs`, await manager.post(after('staff-debriefs'), {
      person_id: ids.worker,
    }), 400);
    check(`POST /api/v1/children/{child}/incidents/{incident}/restorative`, await worker.post(after('restorative'), {
      held_on: twoDaysAgo, held_time: '15:00', form: 'conversation', taking_part: 'Aisha and Chris',
      outcome: 'Said sorry to each other', agreed: 'A warning before tea',
    }), 201);
    check(`POST /api/v1/children/{child}/incidents/{incident}/restorative`, await worker.post(after('restorative'), { form: 'party' }), 400);

    // The Reg 35 record of the hold, both sign-offs, then an amendment.
    const measure = {
      kind: 'physical_intervention', started_on: threeDaysAgo, started_time: '19:05', ended_on: threeDaysAgo,
      ended_time: '19:08', location: 'the kitchen', behaviour: 'Throwing plates at people',
      steps_to_avoid: 'Offered a choice, gave space', description: 'Guided to the lounge', used_by: [ids.worker, ids.worker2],
      lawful_purpose: 'prevent_injury_to_others', why_necessary: 'Plates were thrown at Dana',
      technique: 'guide', position: 'walking', effect: 'Calm within minutes', rights_offered: [],
    };
    const record = 'POST /api/v1/children/{child}/incidents/{incident}/measures';
    const recorded = check(record, await worker.post(after('measures'), measure), 201);
    check(record, await worker.post(after('measures'), { ...measure, lawful_purpose: 'compliance' }), 400);
    const measurePath = `/api/v1/measures/${recorded.id}`;
    const shown = check('GET /api/v1/measures/{measure}', await manager.get(measurePath), 200);
    check('GET /api/v1/measures/{measure}', await manager.get(`/api/v1/measures/${ids.measure}`), 200);
    check('GET /api/v1/measures/{measure}', await manager.get('/api/v1/measures/99999'), 404);
    const amendMeasure = 'PUT /api/v1/measures/{measure}';
    check(amendMeasure, await worker.put(measurePath, { ...measure, effect: 'Calm within two minutes', version: shown.version, reason: 'Timed it' }), 200);
    check(amendMeasure, await worker.put(measurePath, { ...measure, version: shown.version, reason: 'Stale' }), 409);
    check(amendMeasure, await worker.put(measurePath, { ...measure, behaviour: '', version: shown.version + 1, reason: 'Blank' }), 400);
    const version = shown.version + 1;
    const staff = 'POST /api/v1/measures/{measure}/staff-review';
    check(staff, await manager.post(`${measurePath}/staff-review`, { version, spoke_to: ids.worker, spoke_on: today }), 400);
    check(staff, await manager.post(`${measurePath}/staff-review`, {
      version: version - 1, spoke_to: ids.worker, spoke_on: today, note: 'Proportionate', signed: true,
    }), 409);
    check(staff, await manager.post(`${measurePath}/staff-review`, {
      version, spoke_to: [ids.worker], spoke_on: today, note: 'Proportionate and brief', signed: true,
    }), 204);
    const talk = 'POST /api/v1/measures/{measure}/staff-conversations';
    check(talk, await manager.post(`${measurePath}/staff-conversations`, { spoke_to: ids.worker, spoke_on: today, note: 'Again' }), 400);
    check(talk, await worker.post(`${measurePath}/staff-conversations`, { spoke_to: ids.worker2, spoke_on: today, note: 'Talked' }), 400);
    check(talk, await manager.post(`${measurePath}/staff-conversations`, { spoke_to: ids.worker2, spoke_on: today, note: 'Talked it through' }), 204);
    check(talk, await manager.post('/api/v1/measures/99999/staff-conversations', { spoke_to: ids.worker2, spoke_on: today, note: 'Talked' }), 404);
    const childReview = 'POST /api/v1/measures/{measure}/child-review';
    const now = Number(server.sql(`SELECT version FROM measures WHERE id = ${recorded.id}`));
    check(childReview, await manager.post(`${measurePath}/child-review`, { version: now, spoke_on: today }), 400);
    check(childReview, await manager.post(`${measurePath}/child-review`, {
      version: now - 1, spoke_on: today, note: 'Talked it through', child_said: 'It was fair', signed: true,
    }), 409);
    check(childReview, await manager.post(`${measurePath}/child-review`, {
      version: now, spoke_on: today, note: 'Talked it through', child_said: 'It was fair', signed: true,
    }), 204);
  });

  test('settings', async () => {
    const get = 'GET /api/v1/organisation/settings';
    const shown = check(get, await admin.get('/api/v1/organisation/settings'), 200);
    assert.equal(shown.settings.find((x) => x.key === 'reg40_target_hours').value, 24);
    check(get, await manager.get('/api/v1/organisation/settings'), 403);
    check(get, await new Api(server.url, null).get('/api/v1/organisation/settings'), 401);
    const put = 'PUT /api/v1/organisation/settings';
    check(put, await admin.put('/api/v1/organisation/settings', { reg40_target_hours: 0 }), 400);
    check(put, await manager.put('/api/v1/organisation/settings', { reg40_target_hours: 12 }), 403);
    const changed = check(put, await admin.put('/api/v1/organisation/settings', { staff_wellbeing_check_hours: 24 }), 200);
    assert.equal(changed.settings.find((x) => x.key === 'staff_wellbeing_check_hours').changed, false, 'the same value is no change');
  });

  test('serious events (Reg 40)', async () => {
    const list = 'GET /api/v1/homes/{home}/serious-events';
    const page = check(list, await manager.get(`${home()}/serious-events`), 200);
    assert.ok(page.events.length > 0, 'the demo has serious events at Willow House');
    check(list, await manager.get(`${home()}/serious-events?before=${page.events[0].id}`), 200);
    check(list, await manager.get('/api/v1/homes/2/serious-events'), 404);
    const create = 'POST /api/v1/homes/{home}/serious-events';
    check(create, await worker.post(`${home()}/serious-events`, { event: 'police_serious_incident', what_happened: 'x', known_on: today, known_time: '00:00' }), 400);
    check(create, await manager.post('/api/v1/homes/2/serious-events', { event: 'police_serious_incident' }), 404);
    const made = check(create, await worker.post(`${home()}/serious-events`, {
      event: 'child_sexual_exploitation', child_id: ids.aisha, known_on: today, known_time: '00:01',
      what_happened: 'A worry about an older man waiting outside school, passed to the police',
    }), 201);
    const one = 'GET /api/v1/homes/{home}/serious-events/{serious_event}';
    check(one, await manager.get(`${home()}/serious-events/${made.id}`), 200);
    check(one, await manager.get(`${home()}/serious-events/999999`), 404);
    const told = 'POST /api/v1/homes/{home}/serious-events/{serious_event}/told';
    const telling = { recipient: 'ofsted', named: 'Ofsted notifications', method: 'online_form', told_on: today, told_time: '00:02', told_by: ids.worker };
    check(told, await worker.post(`${home()}/serious-events/${made.id}/told`, { ...telling, method: 'pigeon' }), 400);
    check(told, await worker.post(`${home()}/serious-events/${made.id}/told`, telling), 204);
    check(told, await worker.post(`${home()}/serious-events/${made.id}/told`, telling), 409);
    check(told, await worker.post(`${home()}/serious-events/999999/told`, telling), 404);
    const childList = 'GET /api/v1/children/{child}/serious-events';
    check(childList, await manager.get(`${child()}/serious-events`), 200);
    check(childList, await manager.get('/api/v1/children/999999/serious-events'), 404);
    const childOne = 'GET /api/v1/children/{child}/serious-events/{serious_event}';
    check(childOne, await manager.get(`${child()}/serious-events/${made.id}`), 200);
    check(childOne, await manager.get(`/api/v1/children/${ids.lily}/serious-events/${made.id}`), 404);
  });

  test("a home's details", async () => {
    const get = 'GET /api/v1/homes/{home}/details';
    const shown = check(get, await admin.get(`${home()}/details`), 200);
    assert.equal(shown.local_authority, 'Northshire County Council');
    check(get, await manager.get(`${home()}/details`), 403);
    check(get, await admin.get('/api/v1/homes/999999/details'), 404);
    check(get, await new Api(server.url, null).get(`${home()}/details`), 401);
    const put = 'PUT /api/v1/homes/{home}/details';
    check(put, await admin.put(`${home()}/details`, { local_authority: '' }), 400);
    check(put, await manager.put(`${home()}/details`, { local_authority: 'Elsewhere' }), 403);
    check(put, await admin.put('/api/v1/homes/999999/details', { local_authority: 'Elsewhere' }), 404);
    const same = check(put, await admin.put(`${home()}/details`, { ofsted_urn: shown.ofsted_urn, local_authority: shown.local_authority }), 200);
    assert.deepEqual(same, shown);
    const phone = { ofsted_urn: shown.ofsted_urn, local_authority: shown.local_authority, private_phone: 'The cordless phone in the office' };
    check(put, await admin.put(`${home()}/details`, phone), 400);
    const withPhone = check(put, await admin.put(`${home()}/details`, { ...phone, private_phone_kind: 'home_phone' }), 200);
    assert.equal(withPhone.private_phone_kind, 'home_phone');
  });

  test("the visitors' book", async () => {
    const list = 'GET /api/v1/homes/{home}/visits';
    const book = check(list, await worker.get(`${home()}/visits`), 200);
    check(list, await worker.get(`${home()}/visits?after=${encodeURIComponent(book.next)}`), 200);
    check(list, await worker.get(`${home()}/visits?after=nonsense`), 400);
    check(list, await worker.get('/api/v1/homes/999999/visits'), 404);
    check(list, await new Api(server.url, null).get(`${home()}/visits`), 401);
    const create = 'POST /api/v1/homes/{home}/visits';
    const visitor = { visitor_name: 'Jordan Vale', organisation: 'Window cleaner', visiting: ['home'], reason: 'Windows',
      id_kind: 'photo_id', items: ['Ladder'] };
    check(create, await worker.post(`${home()}/visits`, { ...visitor, reason: '' }), 400);
    check(create, await worker.post('/api/v1/homes/999999/visits', visitor), 404);
    const made = check(create, await worker.post(`${home()}/visits`, {
      ...visitor, visiting: [String(ids.aisha)], supervises_contact: 'yes', supervised_child: ids.aisha,
      supervised_contact: 'her mum', supplied_by: 'Casey Nolan' }), 201);
    assert.equal(made.supervises_contact.child.id, ids.aisha);
    const one = 'GET /api/v1/homes/{home}/visits/{visit}';
    check(one, await manager.get(`${home()}/visits/${made.id}`), 200);
    check(one, await manager.get(`/api/v1/homes/2/visits/${made.id}`), 404);
    const here = 'GET /api/v1/homes/{home}/visits/in-building';
    const inBuilding = check(here, await manager.get(`${home()}/visits/in-building`), 200);
    assert.ok(inBuilding.in_building.some((v) => v.id === made.id));
    check(here, await manager.get('/api/v1/homes/999999/visits/in-building'), 404);
    const out = 'POST /api/v1/homes/{home}/visits/{visit}/sign-out';
    check(out, await worker.post(`${home()}/visits/${made.id}/sign-out`, { signed_out_time: '25:00' }), 400);
    check(out, await admin.post(`${home()}/visits/${made.id}/sign-out`, {}), 403);
    check(out, await worker.post(`${home()}/visits/999999/sign-out`, {}), 404);
    const left = check(out, await worker.post(`${home()}/visits/${made.id}/sign-out`, {}), 200);
    assert.equal(left.in_building, false);
    check(out, await worker.post(`${home()}/visits/${made.id}/sign-out`, {}), 409);
    const items = 'GET /api/v1/homes/{home}/items-not-allowed';
    const listed = check(items, await manager.get(`${home()}/items-not-allowed`), 200);
    check(items, await worker.get(`${home()}/items-not-allowed`), 403);
    check(items, await manager.get('/api/v1/homes/999999/items-not-allowed'), 404);
    const keep = 'PUT /api/v1/homes/{home}/items-not-allowed';
    check(keep, await manager.put(`${home()}/items-not-allowed`, { items: 5 }), 400);
    check(keep, await worker.put(`${home()}/items-not-allowed`, listed), 403);
    check(keep, await manager.put('/api/v1/homes/999999/items-not-allowed', listed), 404);
    assert.deepEqual(check(keep, await manager.put(`${home()}/items-not-allowed`, listed), 200), listed);
  });

  test('contact restrictions', async () => {
    const list = 'GET /api/v1/children/{child}/contact-restrictions';
    check(list, await manager.get(`${child()}/contact-restrictions`), 200);
    check(list, await manager.get('/api/v1/children/999999/contact-restrictions'), 404);
    const create = 'POST /api/v1/children/{child}/contact-restrictions';
    const restriction = {
      person: 'Jay Moss', forms: ['phone'], reason: 'safeguard', why: 'Messages', basis: 'home',
      starts_on: today, agreed_beforehand: 'no', review_on: today, child_told: 'yes', child_view: 'Fine',
    };
    check(create, await manager.post(`${child()}/contact-restrictions`, { ...restriction, basis: 'whim' }), 400);
    check(create, await worker.post(`${child()}/contact-restrictions`, restriction), 403);
    const made = check(create, await manager.post(`${child()}/contact-restrictions`, restriction), 201);
    const one = 'GET /api/v1/children/{child}/contact-restrictions/{restriction}';
    check(one, await manager.get(`${child()}/contact-restrictions/${made.id}`), 200);
    check(one, await manager.get(`/api/v1/children/${ids.lily}/contact-restrictions/${made.id}`), 404);
    const notice = 'POST /api/v1/children/{child}/contact-restrictions/{restriction}/notice';
    const given = { told: 'Northshire duty team', method: 'phone', told_on: today, told_time: '00:01' };
    check(notice, await manager.post(`${child()}/contact-restrictions/${made.id}/notice`, { ...given, method: 'pigeon' }), 400);
    check(notice, await worker.post(`${child()}/contact-restrictions/${made.id}/notice`, given), 403);
    check(notice, await manager.post(`${child()}/contact-restrictions/999999/notice`, given), 404);
    check(notice, await manager.post(`${child()}/contact-restrictions/${made.id}/notice`, given), 200);
    check(notice, await manager.post(`${child()}/contact-restrictions/${made.id}/notice`, given), 409);
    const review = 'POST /api/v1/children/{child}/contact-restrictions/{restriction}/review';
    const lift = { outcome: 'lift', decision: 'No longer needed', child_view: 'Good' };
    check(review, await manager.post(`${child()}/contact-restrictions/${made.id}/review`, { ...lift, child_view: '' }), 400);
    check(review, await worker.post(`${child()}/contact-restrictions/${made.id}/review`, lift), 403);
    check(review, await manager.post(`${child()}/contact-restrictions/999999/review`, lift), 404);
    check(review, await manager.post(`${child()}/contact-restrictions/${made.id}/review`, lift), 200);
    check(review, await manager.post(`${child()}/contact-restrictions/${made.id}/review`, lift), 409);
  });

  test('the contact log and school hours', async () => {
    const list = 'GET /api/v1/children/{child}/contacts';
    const page = check(list, await worker.get(`${child()}/contacts`), 200);
    check(list, await worker.get(`${child()}/contacts?after=${encodeURIComponent(page.next)}`), 200);
    check(list, await worker.get(`${child()}/contacts?after=nope`), 400);
    check(list, await worker.get('/api/v1/children/999999/contacts'), 404);
    const create = 'POST /api/v1/children/{child}/contacts';
    const call = { state: 'happened', person: 'Grace Bennett', form: 'phone', on: today, at: '00:01',
      supervision: 'none', staff_view: 'Laughing on the phone' };
    check(create, await worker.post(`${child()}/contacts`, { ...call, form: 'carrier_pigeon' }), 400);
    check(create, await admin.post(`${child()}/contacts`, call), 403);
    check(create, await worker.post('/api/v1/children/999999/contacts', call), 404);
    const made = check(create, await worker.post(`${child()}/contacts`, call), 201);
    const one = 'GET /api/v1/children/{child}/contacts/{contact}';
    check(one, await worker.get(`${child()}/contacts/${made.id}`), 200);
    check(one, await worker.get(`/api/v1/children/${ids.lily}/contacts/${made.id}`), 404);
    const concern = 'POST /api/v1/children/{child}/contacts/{contact}/concern';
    const raised = { about: 'Asked her to keep a secret', raised_with: 'Casey Nolan', answer_on: dayBefore(-2), answer_time: '09:00' };
    check(concern, await worker.post(`${child()}/contacts/${made.id}/concern`, { ...raised, about: '' }), 400);
    check(concern, await admin.post(`${child()}/contacts/${made.id}/concern`, raised), 403);
    check(concern, await worker.post(`${child()}/contacts/999999/concern`, raised), 404);
    check(concern, await worker.post(`${child()}/contacts/${made.id}/concern`, raised), 200);
    check(concern, await worker.post(`${child()}/contacts/${made.id}/concern`, raised), 409);
    const answer = 'POST /api/v1/children/{child}/contacts/{contact}/concern/answer';
    const agreed = { agreed: 'She will talk to Mum', agreed_with: 'Casey Nolan' };
    check(answer, await worker.post(`${child()}/contacts/${made.id}/concern/answer`, { ...agreed, agreed: '' }), 400);
    check(answer, await admin.post(`${child()}/contacts/${made.id}/concern/answer`, agreed), 403);
    check(answer, await worker.post(`${child()}/contacts/999999/concern/answer`, agreed), 404);
    check(answer, await worker.post(`${child()}/contacts/${made.id}/concern/answer`, agreed), 200);
    check(answer, await worker.post(`${child()}/contacts/${made.id}/concern/answer`, agreed), 409);
    const outcome = 'POST /api/v1/children/{child}/contacts/{contact}/outcome';
    const planned = check(create, await worker.post(`${child()}/contacts`,
      { ...call, state: 'planned', on: dayBefore(-3), at: '18:00' }), 201);
    const cancelled = { version: planned.version, outcome: 'cancelled', cancelled_by: 'family',
      cancelled_why: 'Unwell', child_took_it: 'Disappointed' };
    check(outcome, await worker.post(`${child()}/contacts/${planned.id}/outcome`, { ...cancelled, cancelled_why: '' }), 400);
    check(outcome, await admin.post(`${child()}/contacts/${planned.id}/outcome`, cancelled), 403);
    check(outcome, await worker.post(`${child()}/contacts/999999/outcome`, cancelled), 404);
    check(outcome, await worker.post(`${child()}/contacts/${planned.id}/outcome`, cancelled), 200);
    check(outcome, await worker.post(`${child()}/contacts/${planned.id}/outcome`, cancelled), 409);

    for (const [at, where] of [[`${child()}/school-hours`, 'children/{child}'], [`${home()}/school-hours`, 'homes/{home}']]) {
      const get = `GET /api/v1/${where}/school-hours`;
      const put = `PUT /api/v1/${where}/school-hours`;
      check(get, await worker.get(at), 200);
      check(get, await worker.get(at.replace(/\/\d+\/school/, '/999999/school')), 404);
      check(put, await manager.put(at, { in_school: 'yes', starts: '9:00' }), 400);
      check(put, await worker.put(at, { in_school: 'no' }), 403);
      check(put, await manager.put(at.replace(/\/\d+\/school/, '/999999/school'), { in_school: 'no' }), 404);
      check(put, await manager.put(at, { in_school: 'yes', starts: '09:00', ends: '15:00' }), 200);
    }
  });

  test('contact figures, and restrictions across the homes', async () => {
    const home = 'GET /api/v1/homes/{home}/contact-figures';
    const figures = check(home, await manager.get(`/api/v1/homes/${ids.willow}/contact-figures`), 200);
    assert.equal(figures.months.length, 12);
    check(home, await worker.get(`/api/v1/homes/${ids.willow}/contact-figures`), 403);
    check(home, await manager.get('/api/v1/homes/999999/contact-figures'), 404);
    const kid = 'GET /api/v1/children/{child}/contact-figures';
    check(kid, await worker.get(`${child()}/contact-figures`), 200);
    check(kid, await worker.get('/api/v1/children/999999/contact-figures'), 404);
    const across = 'GET /api/v1/contact-restrictions';
    const all = check(across, await admin.get('/api/v1/contact-restrictions'), 200);
    assert.ok(all.restrictions.length > 0, 'the demo has restrictions in force');
    check(across, await manager.get('/api/v1/contact-restrictions'), 403);
    check(across, await new Api(server.url, null).get('/api/v1/contact-restrictions'), 401);
  });

  test('bullying figures of a home, and across the homes', async () => {
    const home = 'GET /api/v1/homes/{home}/bullying-figures';
    const figures = check(home, await manager.get(`/api/v1/homes/${ids.willow}/bullying-figures`), 200);
    assert.equal(figures.by_month.length, 12);
    assert.equal(figures.by_month.reduce((n, m) => n + m.count, 0), figures.concerns);
    check(home, await manager.get('/api/v1/homes/999999/bullying-figures'), 404);
    const across = 'GET /api/v1/bullying-figures';
    const all = check(across, await admin.get('/api/v1/bullying-figures'), 200);
    assert.ok(all.all.concerns >= figures.concerns);
    check(across, await manager.get('/api/v1/bullying-figures'), 403);
    check(across, await new Api(server.url, null).get('/api/v1/bullying-figures'), 401);
    const talked = 'GET /api/v1/homes/{home}/talked-about-bullying';
    const who = check(talked, await manager.get(`/api/v1/homes/${ids.willow}/talked-about-bullying`), 200);
    assert.equal(who.children.length, who.living_here);
    assert.equal(who.children.filter((c) => c.standing === 'lately').length, who.lately);
    check(talked, await manager.get('/api/v1/homes/999999/talked-about-bullying'), 404);
    check(talked, await new Api(server.url, null).get(`/api/v1/homes/${ids.willow}/talked-about-bullying`), 401);
  });

  test('contact arrangements, digital contact and the social worker\'s agreement', async () => {
    const sw = await (async () => {
      const c = new Client(server.url);
      await c.signIn('social.worker@example.org');
      return new Api(server.url, await createApiToken(c));
    })();
    const list = 'GET /api/v1/children/{child}/contact-arrangements';
    check(list, await worker.get(`${child()}/contact-arrangements`), 200);
    check(list, await worker.get('/api/v1/children/999999/contact-arrangements'), 404);
    const create = 'POST /api/v1/children/{child}/contact-arrangements';
    const arrangement = { person: 'Grace Bennett', forms: ['video'], how_often: 'Weekly', supervision: 'none',
      agreed_with: 'Casey Nolan', agreed_on: today, child_view: 'Good', starts_on: today };
    check(create, await manager.post(`${child()}/contact-arrangements`, { ...arrangement, forms: [] }), 400);
    check(create, await worker.post(`${child()}/contact-arrangements`, arrangement), 403);
    check(create, await manager.post('/api/v1/children/999999/contact-arrangements', arrangement), 404);
    const made = check(create, await manager.post(`${child()}/contact-arrangements`, arrangement), 201);
    const one = 'GET /api/v1/children/{child}/contact-arrangements/{contact_arrangement}';
    check(one, await worker.get(`${child()}/contact-arrangements/${made.id}`), 200);
    check(one, await worker.get(`/api/v1/children/${ids.lily}/contact-arrangements/${made.id}`), 404);
    const agree = 'POST /api/v1/children/{child}/contact-arrangements/{contact_arrangement}/agreement';
    check(agree, await manager.post(`${child()}/contact-arrangements/${made.id}/agreement`, {}), 403);
    check(agree, await sw.post(`${child()}/contact-arrangements/999999/agreement`, {}), 404);
    check(agree, await sw.post(`${child()}/contact-arrangements/${made.id}/agreement`, {}), 200);
    check(agree, await sw.post(`${child()}/contact-arrangements/${made.id}/agreement`, {}), 409);
    const end = 'POST /api/v1/children/{child}/contact-arrangements/{contact_arrangement}/end';
    const stop = { ended_on: today, reason: 'Grace moved abroad', child_view: 'Sad' };
    check(end, await manager.post(`${child()}/contact-arrangements/${made.id}/end`, { ...stop, reason: '' }), 400);
    check(end, await worker.post(`${child()}/contact-arrangements/${made.id}/end`, stop), 403);
    check(end, await manager.post(`${child()}/contact-arrangements/999999/end`, stop), 404);
    check(end, await manager.post(`${child()}/contact-arrangements/${made.id}/end`, stop), 200);
    check(end, await manager.post(`${child()}/contact-arrangements/${made.id}/end`, stop), 409);
    const restricted = await manager.post(`${child()}/contact-restrictions`, {
      person: 'Jay Moss', forms: ['online'], reason: 'safeguard', why: 'Messages', basis: 'placing_authority',
      starts_on: today, agreed_beforehand: 'yes', agreed_with: 'Casey Nolan', agreed_on: today, review_on: today,
      child_told: 'yes', child_view: 'Fine' });
    assert.equal(restricted.status, 201, restricted.text);
    const confirm = 'POST /api/v1/children/{child}/contact-restrictions/{restriction}/agreement';
    check(confirm, await manager.post(`${child()}/contact-restrictions/${restricted.body.id}/agreement`, {}), 403);
    check(confirm, await sw.post(`${child()}/contact-restrictions/999999/agreement`, {}), 404);
    check(confirm, await sw.post(`${child()}/contact-restrictions/${restricted.body.id}/agreement`, {}), 200);
    check(confirm, await sw.post(`${child()}/contact-restrictions/${restricted.body.id}/agreement`, {}), 409);
    const getDigital = 'GET /api/v1/children/{child}/digital-contact';
    check(getDigital, await worker.get(`${child()}/digital-contact`), 200);
    check(getDigital, await worker.get('/api/v1/children/999999/digital-contact'), 404);
    const postDigital = 'POST /api/v1/children/{child}/digital-contact';
    const digital = { devices: 'Phone', platforms: 'Messages', times: 'Until 21:00', child_agreed_on: today,
      social_worker: 'Casey Nolan', social_worker_agreed_on: today, manager: 'Sam Carter', manager_agreed_on: today,
      review_on: today };
    check(postDigital, await manager.post(`${child()}/digital-contact`, { ...digital, devices: '' }), 400);
    check(postDigital, await worker.post(`${child()}/digital-contact`, digital), 403);
    check(postDigital, await manager.post('/api/v1/children/999999/digital-contact', digital), 404);
    check(postDigital, await manager.post(`${child()}/digital-contact`, digital), 200);
  });

  test('notices of admissions and leavings (Reg 41)', async () => {
    const list = 'GET /api/v1/homes/{home}/placement-notices';
    const page = check(list, await manager.get(`${home()}/placement-notices`), 200);
    assert.ok(page.notices.length > 0, 'the demo has notices at Willow House');
    check(list, await manager.get(`${home()}/placement-notices?before=${page.notices[0].id}`), 200);
    check(list, await manager.get('/api/v1/homes/2/placement-notices'), 404);
    const admitted = await manager.post(`${home()}/children`,
      validChild({ first_name: 'Robin', last_name: 'Noticechild', admission_date: today }));
    assert.equal(admitted.status, 201, admitted.text);
    const kid = `/api/v1/children/${admitted.body.id}`;
    const childList = 'GET /api/v1/children/{child}/placement-notices';
    const owed = check(childList, await manager.get(`${kid}/placement-notices`), 200);
    assert.deepEqual(owed.notices.map((n) => [n.occasion, n.sent]), [['admission', false]]);
    check(childList, await manager.get('/api/v1/children/999999/placement-notices'), 404);
    const notice = `${kid}/placement-notices/${owed.notices[0].id}`;
    const one = 'GET /api/v1/children/{child}/placement-notices/{placement_notice}';
    check(one, await manager.get(notice), 200);
    check(one, await manager.get(`${child()}/placement-notices/${owed.notices[0].id}`), 404);
    const sent = 'POST /api/v1/children/{child}/placement-notices/{placement_notice}/sent';
    const sending = {
      sent_to: "Children's services front door", method: 'secure_email', sent_on: today,
      sent_time: '00:02', sent_by: ids.manager, placing_authority: 'Testshire County Council, 01632 960999',
      iro: 'Not yet appointed', ehc: 'neither',
    };
    check(sent, await manager.post(`${notice}/sent`, { ...sending, ehc: 'ehc_plan' }), 400);
    check(sent, await worker.post(`${notice}/sent`, sending), 403);
    const made = check(sent, await manager.post(`${notice}/sent`, sending), 200);
    assert.equal(made.clock.state, 'met');
    check(sent, await manager.post(`${notice}/sent`, sending), 409);
    check(sent, await manager.post(`${kid}/placement-notices/999999/sent`, sending), 404);
  });

  test('Reg 35 signers, training, figures and techniques', async () => {
    const signers = `${home()}/reg35-signers`;
    check('GET /api/v1/homes/{home}/reg35-signers', await manager.get(signers), 200);
    check('GET /api/v1/homes/{home}/reg35-signers', await worker.get(signers), 403);
    check('POST /api/v1/homes/{home}/reg35-signers', await manager.post(signers, { person_id: ids.worker2, change: 'add' }), 204);
    check('POST /api/v1/homes/{home}/reg35-signers', await manager.post(signers, { person_id: ids.worker2, change: 'maybe' }), 400);
    const training = `${home()}/intervention-training`;
    check('GET /api/v1/homes/{home}/intervention-training', await manager.get(training), 200);
    check('GET /api/v1/homes/{home}/intervention-training', await manager.get('/api/v1/homes/2/intervention-training'), 404);
    check('POST /api/v1/homes/{home}/intervention-training', await manager.post(training, {
      person_id: ids.worker2, course: 'Team Teach Level 2', awarded_on: threeDaysAgo, expires_on: dayBefore(-360),
    }), 201);
    check('POST /api/v1/homes/{home}/intervention-training', await manager.post(training, { person_id: ids.worker2 }), 400);
    check('GET /api/v1/homes/{home}/restrictive-practice', await manager.get(`${home()}/restrictive-practice`), 200);
    check('GET /api/v1/homes/{home}/restrictive-practice', await worker.get(`${home()}/restrictive-practice`), 403);
    check('GET /api/v1/organisation/restrictive-practice', await admin.get('/api/v1/organisation/restrictive-practice'), 200);
    check('GET /api/v1/organisation/restrictive-practice', await worker.get('/api/v1/organisation/restrictive-practice'), 403);
    check('GET /api/v1/homes/{home}/ofsted-counts', await manager.get(`${home()}/ofsted-counts`), 200);
    check('GET /api/v1/homes/{home}/ofsted-counts', await manager.get(`${home()}/ofsted-counts?format=csv`), 200);
    check('GET /api/v1/homes/{home}/ofsted-counts', await manager.get(`${home()}/ofsted-counts?from=2026-13-40`), 400);
    check('GET /api/v1/organisation/ofsted-counts', await admin.get('/api/v1/organisation/ofsted-counts'), 200);
    check('GET /api/v1/organisation/ofsted-counts', await admin.get('/api/v1/organisation/ofsted-counts?format=csv'), 200);
    check('GET /api/v1/organisation/ofsted-counts', await admin.get('/api/v1/organisation/ofsted-counts?to=never'), 400);
    check('GET /api/v1/shared-learning', await manager.get('/api/v1/shared-learning'), 200);
    check('GET /api/v1/shared-learning', await new Api(server.url, null).get('/api/v1/shared-learning'), 401);
    const techniques = '/api/v1/organisation/intervention-techniques';
    check('GET /api/v1/organisation/intervention-techniques', await admin.get(techniques), 200);
    check('GET /api/v1/organisation/intervention-techniques', await worker.get(techniques), 403);
    const change = 'POST /api/v1/organisation/intervention-techniques';
    check(change, await admin.post(techniques, { change: 'add', label: 'Test hold (one adult)' }), 204);
    check(change, await admin.post(techniques, { change: 'retire', key: 'guide' }), 204);
    check(change, await admin.post(techniques, { change: 'retire', key: 'guide' }), 409);
    check(change, await admin.post(techniques, { change: 'restore' }), 400);
  });

  test('bullying concerns and managed interactions', async () => {
    const demo = demoIds(server);
    const kai = demo.child('Kai Donovan');
    const ben = demo.child('Ben Cole');
    const yesterday = dayBefore(1);
    const sw = await (async () => {
      const c = new Client(server.url);
      await c.signIn('social.worker@example.org');
      return new Api(server.url, await createApiToken(c));
    })();
    const concerns = `${home()}/bullying-concerns`;
    const list = 'GET /api/v1/homes/{home}/bullying-concerns';
    const page = check(list, await manager.get(concerns), 200);
    assert.ok(page.open.length > 0 && page.closed.length > 0, 'the demo has open and closed concerns at Willow House');
    check(list, await manager.get(`${concerns}?before=${page.closed[0].id}`), 200);
    check(list, await manager.get(`${concerns}?before=nonsense`), 400);
    check(list, await manager.get('/api/v1/homes/2/bullying-concerns'), 404);
    check(list, await sw.get(concerns), 404);

    // Kai bullied by Aisha, raised by his social worker: whole to the manager; to Aisha's social
    // worker, only what is about Aisha.
    const create = 'POST /api/v1/homes/{home}/bullying-concerns';
    const concern = {
      child_id: kai, by_whom: ['children'], by_children: [ids.aisha], occurred_on: twoDaysAgo, occurred_time: '10:00',
      place: 'The lounge', forms: ['names', 'ridicule'], characteristic: 'speech', came_to_light: 'social_worker',
      raised_by: 'His social worker', child_words: 'She copies how I talk.', owner_id: ids.deputy,
      safety_plan: 'Staff in the lounge in the evenings', child_wants: 'For her to stop', child_told: 'no',
      not_told_why: 'At football tonight',
    };
    check(create, await worker.post(concerns, { ...concern, forms: [] }), 400);
    check(create, await admin.post(concerns, concern), 403);
    check(create, await manager.post('/api/v1/homes/2/bullying-concerns', concern), 404);
    const made = check(create, await worker.post(concerns, concern), 201);
    const one = `${concerns}/${made.id}`;
    check('GET /api/v1/homes/{home}/bullying-concerns/{bullying_concern}', await manager.get(one), 200);
    check('GET /api/v1/homes/{home}/bullying-concerns/{bullying_concern}', await manager.get(`${concerns}/999999`), 404);
    const ofChild = 'GET /api/v1/children/{child}/bullying-concerns/{bullying_concern}';
    check(ofChild, await manager.get(`/api/v1/children/${kai}/bullying-concerns/${made.id}`), 200);
    const part = check(ofChild, await sw.get(`${child()}/bullying-concerns/${made.id}`), 200);
    assert.equal(part.whole, false);
    check(ofChild, await sw.get(`/api/v1/children/${kai}/bullying-concerns/${made.id}`), 404);
    check(ofChild, await manager.get(`/api/v1/children/${ben}/bullying-concerns/${made.id}`), 404);
    const childList = 'GET /api/v1/children/{child}/bullying-concerns';
    check(childList, await manager.get(`${child()}/bullying-concerns`), 200);
    check(childList, await sw.get(`${child()}/bullying-concerns`), 200);
    check(childList, await manager.get('/api/v1/children/999999/bullying-concerns'), 404);

    const stages = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/stages';
    const stage = { stage: 'investigated', happened_on: twoDaysAgo, happened_time: '09:00', what: 'Spoke with both',
      safeguarding: 'no', child_told: 'no', not_told_why: 'Asleep' };
    check(stages, await manager.post(`${one}/stages`, stage), 400);
    check(stages, await worker.post(`${one}/stages`, { ...stage, happened_on: yesterday, happened_time: '09:01' }), 403);
    check(stages, await manager.post(`${concerns}/999999/stages`, { ...stage, happened_on: yesterday, happened_time: '09:01' }), 404);
    const investigated = check(stages, await manager.post(`${one}/stages`, { ...stage, happened_on: yesterday, happened_time: '09:01',
      safeguarding: 'reg40', serious_event: 'child_protection_enquiry' }), 200);
    const outcome = check(stages, await manager.post(`${one}/stages`, { stage: 'outcome', happened_on: yesterday, happened_time: '09:02',
      what: 'Apologised', restorative: 'She saw it hurt', review_on: dayBefore(-7), child_told: 'yes', told_on: today,
      told_how: 'key_work', child_said: 'OK' }), 200);
    assert.equal(outcome.review_clock.state, 'open');

    const told = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/told';
    const owed = investigated.stages.find((s) => s.owing);
    const telling = { stage_id: owed.id, told_on: today, told_how: 'in_person', child_said: 'Thanks' };
    check(told, await manager.post(`${one}/told`, { ...telling, told_how: 'pigeon' }), 400);
    check(told, await worker.post(`${one}/told`, telling), 403);
    check(told, await manager.post(`${concerns}/999999/told`, telling), 404);
    check(told, await manager.post(`${one}/told`, telling), 200);
    check(told, await manager.post(`${one}/told`, telling), 409);

    const report = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/report-back';
    const back = { told: 'His social worker', how: 'phone', what: 'What was done', told_on: yesterday, told_time: '09:03' };
    check(report, await manager.post(`${one}/report-back`, { ...back, what: '' }), 400);
    check(report, await worker.post(`${one}/report-back`, back), 403);
    check(report, await manager.post(`${concerns}/999999/report-back`, back), 404);
    check(report, await manager.post(`${one}/report-back`, back), 200);
    check(report, await manager.post(`${one}/report-back`, back), 409);
    const informed = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/informed';
    const toldOf = { child_id: made.child.id, who: 'social_worker', name: 'Their social worker', how: 'email',
      invited: 'yes', told_on: yesterday, told_time: '09:03' };
    check(informed, await manager.post(`${one}/informed`, { ...toldOf, child_id: ben }), 400);
    check(informed, await worker.post(`${one}/informed`, toldOf), 403);
    check(informed, await manager.post(`${concerns}/999999/informed`, toldOf), 404);
    const withTold = check(informed, await manager.post(`${one}/informed`, toldOf), 200);
    assert.equal(withTold.informed.find((i) => i.child.id === made.child.id).social_worker_told, true);
    const correct = 'PUT /api/v1/homes/{home}/bullying-concerns/{bullying_concern}';
    const current = check('GET /api/v1/homes/{home}/bullying-concerns/{bullying_concern}', await manager.get(one), 200);
    const correction = { occurred_on: twoDaysAgo, occurred_time: '10:00', place: 'The dining room', forms: ['names', 'ridicule'],
      characteristic: 'speech', child_words: 'She copies how I talk.', safety_plan: 'Staff in the lounge in the evenings',
      child_wants: 'For her to stop', reason: 'It was the dining room', version: current.version };
    check(correct, await manager.put(one, { ...correction, reason: '' }), 400);
    check(correct, await worker.put(one, correction), 403);
    check(correct, await manager.put(`${concerns}/999999`, correction), 404);
    const corrected = check(correct, await manager.put(one, correction), 200);
    assert.equal(corrected.history.length, 2);
    check(correct, await manager.put(one, { ...correction, place: 'The hall' }), 409);
    const advocates = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/advocates';
    const offer = { child_id: made.child.id, offered_on: yesterday, answer: 'taken_up', advocate_name: 'An advocate' };
    check(advocates, await manager.post(`${one}/advocates`, { ...offer, advocate_name: '' }), 400);
    check(advocates, await worker.post(`${one}/advocates`, offer), 403);
    check(advocates, await manager.post(`${concerns}/999999/advocates`, offer), 404);
    const offered = check(advocates, await manager.post(`${one}/advocates`, offer), 200);
    assert.equal(offered.voices.find((v) => v.child.id === made.child.id).advocates[0].answer, 'taken_up');
    const complaints = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/complaints';
    const complaint = { child_id: made.child.id, made_on: yesterday, complaint: 'Nobody listened', about: 'The rota',
      looked_into_by: 'The registered manager' };
    check(complaints, await worker.post(`${one}/complaints`, { ...complaint, complaint: '' }), 400);
    check(complaints, await admin.post(`${one}/complaints`, complaint), 403);
    check(complaints, await worker.post(`${concerns}/999999/complaints`, complaint), 404);
    const complained = check(complaints, await worker.post(`${one}/complaints`, complaint), 200);
    const complaintId = complained.voices.find((v) => v.child.id === made.child.id).complaints[0].id;
    const outcomeOf = 'POST /api/v1/homes/{home}/bullying-concerns/{bullying_concern}/complaint-outcome';
    const answer = { complaint_id: complaintId, action: 'Looked again', outcome: 'Upheld', outcome_on: today };
    check(outcomeOf, await manager.post(`${one}/complaint-outcome`, { ...answer, outcome: '' }), 400);
    check(outcomeOf, await worker.post(`${one}/complaint-outcome`, answer), 403);
    check(outcomeOf, await manager.post(`${concerns}/999999/complaint-outcome`, answer), 404);
    check(outcomeOf, await manager.post(`${one}/complaint-outcome`, answer), 200);
    check(outcomeOf, await manager.post(`${one}/complaint-outcome`, answer), 409);
    // Closed only once the child was told at every stage.
    const closing = { stage: 'review', happened_on: yesterday, happened_time: '09:04', what: 'Stopped', closes: 'yes',
      child_told: 'yes', told_on: today, told_how: 'in_person', child_said: 'Good' };
    const owing = check('GET /api/v1/homes/{home}/bullying-concerns/{bullying_concern}', await manager.get(one), 200)
      .stages.filter((s) => s.owing);
    if (owing.length > 0) {
      check(stages, await manager.post(`${one}/stages`, closing), 400);
      for (const s of owing) check(told, await manager.post(`${one}/told`, { ...telling, stage_id: s.id }), 200);
    }
    check(stages, await manager.post(`${one}/stages`, { stage: 'review', happened_on: yesterday, happened_time: '09:04',
      what: 'Stopped', closes: 'yes', child_told: 'yes', told_on: today, told_how: 'in_person', child_said: 'Good' }), 200);
    check(stages, await manager.post(`${one}/stages`, { ...stage, happened_on: yesterday, happened_time: '09:05' }), 409);

    // Ben and Kai kept apart, as the response to the concern about Kai.
    const interactions = `/api/v1/children/${kai}/managed-interactions`;
    const mlist = 'GET /api/v1/children/{child}/managed-interactions';
    check(mlist, await manager.get(interactions), 200);
    check(mlist, await sw.get(`${child()}/managed-interactions`), 200);
    check(mlist, await manager.get('/api/v1/children/999999/managed-interactions'), 404);
    const agree = 'POST /api/v1/children/{child}/managed-interactions';
    const interaction = { other_child_id: ben, kind: 'apart', where_when: 'Not on the bus together', why: 'Words on the bus',
      source: 'bullying_response', concern_id: made.id, agreed_by: 'Sam Carter, registered manager', starts_on: today,
      review_on: dayBefore(-14) };
    check(agree, await manager.post(interactions, { ...interaction, where_when: '' }), 400);
    check(agree, await worker.post(interactions, interaction), 403);
    check(agree, await manager.post('/api/v1/children/999999/managed-interactions', interaction), 404);
    const agreed = check(agree, await manager.post(interactions, interaction), 201);
    const mone = 'GET /api/v1/children/{child}/managed-interactions/{managed_interaction}';
    check(mone, await manager.get(`${interactions}/${agreed.id}`), 200);
    check(mone, await manager.get(`/api/v1/children/${ben}/managed-interactions/${agreed.id}`), 200);
    check(mone, await manager.get(`${child()}/managed-interactions/${agreed.id}`), 404);
    const review = 'POST /api/v1/children/{child}/managed-interactions/{managed_interaction}/review';
    const at = `${interactions}/${agreed.id}/review`;
    check(review, await manager.post(at, { outcome: 'continue', decision: 'Still needed' }), 400);
    check(review, await worker.post(at, { outcome: 'end', decision: 'Over' }), 403);
    check(review, await manager.post(`${interactions}/999999/review`, { outcome: 'end', decision: 'Over' }), 404);
    check(review, await manager.post(at, { outcome: 'continue', decision: 'Still needed', next_review_on: dayBefore(-7) }), 200);
    check(review, await manager.post(at, { outcome: 'end', decision: 'They get on now' }), 200);
    check(review, await manager.post(at, { outcome: 'end', decision: 'Again' }), 409);

    // Kai's friendships.
    const friends = `/api/v1/children/${kai}/friendships`;
    const flist = 'GET /api/v1/children/{child}/friendships';
    check(flist, await manager.get(friends), 200);
    check(flist, await manager.get('/api/v1/children/999999/friendships'), 404);
    const befriend = 'POST /api/v1/children/{child}/friendships';
    const friendship = { where: 'outside', with_name: 'Jo', who_they_are: 'From football', what_it_means: 'Fun',
      influence: 'positive', plan: 'encourage' };
    check(befriend, await manager.post(friends, { ...friendship, plan: '' }), 400);
    check(befriend, await sw.post(`${child()}/friendships`, friendship), 403);
    check(befriend, await manager.post('/api/v1/children/999999/friendships', friendship), 404);
    const friend = check(befriend, await worker.post(friends, friendship), 201);
    const fone = 'GET /api/v1/children/{child}/friendships/{friendship}';
    check(fone, await manager.get(`${friends}/${friend.id}`), 200);
    check(fone, await manager.get(`${child()}/friendships/${friend.id}`), 404);
    const flooks = 'POST /api/v1/children/{child}/friendships/{friendship}/looks';
    check(flooks, await manager.post(`${friends}/${friend.id}/looks`, { influence: 'worry' }), 400);
    check(flooks, await manager.post(`${friends}/${friend.id}/looks`, { influence: 'positive', ended: true }), 200);
    check(flooks, await manager.post(`${friends}/${friend.id}/looks`, { influence: 'positive', plan: 'visits' }), 409);

    // A change of staff that matters to Kai, and the registered manager's response.
    const changes = `/api/v1/children/${kai}/staff-changes`;
    const clist = 'GET /api/v1/children/{child}/staff-changes';
    check(clist, await manager.get(changes), 200);
    check(clist, await manager.get('/api/v1/children/999999/staff-changes'), 404);
    const note = 'POST /api/v1/children/{child}/staff-changes';
    const change = { staff_name: 'Dana Lewis', kind: 'changing_shifts', happens_on: dayBefore(-10),
      child_view: 'I will miss our evenings', keeping_in_touch: 'She will still do Saturday mornings' };
    check(note, await manager.post(changes, { ...change, child_view: '' }), 400);
    check(note, await sw.post(`${child()}/staff-changes`, change), 403);
    check(note, await manager.post('/api/v1/children/999999/staff-changes', change), 404);
    const noted = check(note, await worker.post(changes, change), 201);
    assert.equal(noted.awaiting_response, true);
    const cone = 'GET /api/v1/children/{child}/staff-changes/{staff_change}';
    check(cone, await manager.get(`${changes}/${noted.id}`), 200);
    check(cone, await manager.get(`${child()}/staff-changes/${noted.id}`), 404);
    const respond = 'POST /api/v1/children/{child}/staff-changes/{staff_change}/response';
    check(respond, await manager.post(`${changes}/${noted.id}/response`, { response: '' }), 400);
    check(respond, await worker.post(`${changes}/${noted.id}/response`, { response: 'Fine' }), 403);
    const answered = check(respond, await manager.post(`${changes}/${noted.id}/response`, { response: 'Dana keeps Saturdays' }), 200);
    assert.equal(answered.awaiting_response, false);
    check(respond, await manager.post(`${changes}/${noted.id}/response`, { response: 'Again' }), 409);
  });

  test('the team: staff records, checks, a supervised start, qualifications, training and the matrix', async () => {
    const team = `${home()}/team`;
    check('GET /api/v1/homes/{home}/team', await manager.get(team), 200);
    check('GET /api/v1/homes/{home}/team', await worker.get(team), 403);
    const added = check('POST /api/v1/homes/{home}/people', await manager.post(`${home()}/people`, {
      name: 'Ellis Vance', email: 'ellis.vance@example.org', job_title: 'Night worker', role: 'support_worker',
    }), 201);
    const one = `${team}/${added.id}`;
    const get = 'GET /api/v1/homes/{home}/team/{staff}';
    check(get, await manager.get(one), 200);
    check(get, await worker.get(one), 403);
    check(get, await worker.get(`${team}/${ids.worker}`), 200);
    check(get, await manager.get(`${team}/999999`), 404);
    const details = 'PUT /api/v1/homes/{home}/team/{staff}/details';
    const good = { version: 0, sex: 'male', date_of_birth: '1990-01-02', address: '1 Test Row', experience: 'Youth work',
      works: 'full_time', paid: 'yes', lives_at_home: 'no', started_on: threeDaysAgo };
    check(details, await manager.put(`${one}/details`, { ...good, sex: '' }), 400);
    check(details, await worker.put(`${one}/details`, good), 403);
    check(details, await manager.put(`${one}/details`, good), 200);
    check(details, await manager.put(`${one}/details`, { ...good, address: '2 Test Row', reason: 'Stale' }), 409);
    const start = 'POST /api/v1/homes/{home}/team/{staff}/supervised-start';
    check(start, await manager.post(`${one}/supervised-start`, { why: '' }), 400);
    check(start, await manager.post(`${one}/supervised-start`, { why: 'DBS back', checks_by: dayBefore(-10) }), 201);
    const checks = 'POST /api/v1/homes/{home}/team/{staff}/checks';
    check(checks, await manager.post(`${one}/checks`, { kind: 'dbs', what: '12', dated: twoDaysAgo }), 400);
    check(checks, await manager.post(`${one}/checks`, { kind: 'identity', what: 'Passport', dated: twoDaysAgo }), 201);
    check(start, await manager.post(`${team}/${ids.worker}/supervised-start`, { why: 'Again', checks_by: dayBefore(-10) }), 409);
    const quals = 'POST /api/v1/homes/{home}/team/{staff}/qualifications';
    check(quals, await manager.post(`${one}/qualifications`, { qualification: 'level9' }), 400);
    const registered = check(quals, await manager.post(`${one}/qualifications`, { qualification: 'level3_residential', registered_on: twoDaysAgo }), 201);
    const achieved = 'POST /api/v1/homes/{home}/team/{staff}/qualifications/{qualification}/achieved';
    const q = registered.qualifications[0].id;
    check(achieved, await manager.post(`${one}/qualifications/${q}/achieved`, { achieved_on: dayBefore(5) }), 400);
    check(achieved, await manager.post(`${one}/qualifications/${q}/achieved`, { achieved_on: today }), 200);
    check(achieved, await manager.post(`${one}/qualifications/${q}/achieved`, { achieved_on: today }), 409);
    check(achieved, await manager.post(`${one}/qualifications/999999/achieved`, { achieved_on: today }), 404);
    const training = 'POST /api/v1/homes/{home}/team/{staff}/training';
    check(training, await manager.post(`${one}/training`, { course: 'safeguarding', completed_on: dayBefore(-2), provider: 'X' }), 400);
    check(training, await manager.post(`${one}/training`, { course: 'safeguarding', completed_on: twoDaysAgo, provider: 'Hearth Learning' }), 201);
    const ask = 'POST /api/v1/homes/{home}/team/{staff}/corrections';
    check(ask, await worker.post(`${team}/${ids.worker}/corrections`, { field: 'address' }), 400);
    check(ask, await manager.post(`${team}/${ids.worker}/corrections`, { field: 'address', asked: 'x', because: 'y' }), 403);
    const asked = check(ask, await worker.post(`${team}/${ids.worker}/corrections`, { field: 'address', asked: '30 Mill Lane', because: 'Moved' }), 201);
    const answer = 'POST /api/v1/homes/{home}/team/{staff}/corrections/{correction}/answer';
    const request = asked.requests[0].id;
    check(answer, await manager.post(`${team}/${ids.worker}/corrections/${request}/answer`, { answer: 'decline' }), 400);
    check(answer, await worker.post(`${team}/${ids.worker}/corrections/${request}/answer`, { answer: 'accept' }), 403);
    check(answer, await manager.post(`${team}/${ids.worker}/corrections/999999/answer`, { answer: 'accept' }), 404);
    check(answer, await manager.post(`${team}/${ids.worker}/corrections/${request}/answer`, { answer: 'decline', declined_because: 'Full-time' }), 200);
    check(answer, await manager.post(`${team}/${ids.worker}/corrections/${request}/answer`, { answer: 'decline', declined_because: 'Again' }), 409);
    check('GET /api/v1/homes/{home}/training-matrix', await manager.get(`${home()}/training-matrix`), 200);
    check('GET /api/v1/homes/{home}/training-matrix', await worker.get(`${home()}/training-matrix`), 403);
    check('GET /api/v1/homes/{home}/training-matrix', await manager.get(`${home()}/training-matrix?format=odt`), 400);
    check('GET /api/v1/training-matrix', await admin.get('/api/v1/training-matrix'), 200);
    check('GET /api/v1/training-matrix', await manager.get('/api/v1/training-matrix'), 403);
    check('GET /api/v1/training-programme', await admin.get('/api/v1/training-programme'), 200);
    check('GET /api/v1/training-programme', await manager.get('/api/v1/training-programme'), 403);
    const programme = 'POST /api/v1/training-programme';
    check(programme, await admin.post('/api/v1/training-programme', { course: 'new', name: '', within_days: 3 }), 400);
    check(programme, await manager.post('/api/v1/training-programme', { course: 'new', name: 'Makaton', roles: ['support_worker'], within_days: 60 }), 403);
    check(programme, await admin.post('/api/v1/training-programme', { course: 'new', name: 'Makaton', roles: ['support_worker'], within_days: 60 }), 200);

    const supervision = `${team}/${ids.worker}/supervision`;
    const list = 'GET /api/v1/homes/{home}/team/{staff}/supervision';
    const page = check(list, await manager.get(supervision), 200);
    check(list, await worker.get(supervision), 200);
    check(list, await manager.get(`${team}/999999/supervision`), 404);
    check(list, await admin.get(supervision), 200);
    const record = 'POST /api/v1/homes/{home}/team/{staff}/supervision';
    check(record, await manager.post(supervision, { held_on: today }), 400);
    check(record, await worker.post(supervision, { held_on: today, practice: 'Own' }), 403);
    const held = check(record, await manager.post(supervision, {
      held_on: today, practice: 'Bedtimes', wellbeing: 'Tired', confidential: ['wellbeing'],
      action1: 'Book PACE', action1_owner: ids.worker, action1_due: dayBefore(-14),
    }), 201);
    const oneSupervision = 'GET /api/v1/homes/{home}/team/{staff}/supervision/{supervision}';
    check(oneSupervision, await worker.get(`${supervision}/${held.id}`), 200);
    check(oneSupervision, await admin.get(`${supervision}/${held.id}`), 200);
    check(oneSupervision, await manager.get(`${supervision}/999999`), 404);
    check(oneSupervision, await manager.get(`${supervision}/${page.supervisions[0].id}`), 200);
    const sign = 'POST /api/v1/homes/{home}/team/{staff}/supervision/{supervision}/sign';
    check(sign, await admin.post(`${supervision}/${held.id}/sign`, {}), 403);
    check(sign, await manager.post(`${supervision}/${held.id}/sign`, {}), 200);
    check(sign, await manager.post(`${supervision}/${held.id}/sign`, {}), 400);
    check(sign, await worker.post(`${supervision}/${held.id}/sign`, {}), 200);
    const rota = `${home()}/rota`;
    const week = 'GET /api/v1/homes/{home}/rota';
    check(week, await worker.get(rota), 200);
    check(week, await manager.get(`${rota}?week=${dayBefore(-3)}`), 200);
    check(week, await manager.get(`${rota}?week=soon`), 400);
    const addShift = 'POST /api/v1/homes/{home}/rota/shifts';
    const shift = { person_id: ids.worker, kind: 'early', role: 'on_shift', on: dayBefore(-1), starts: '07:00', ends: '15:00' };
    check(addShift, await manager.post(`${rota}/shifts`, { ...shift, ends: '06:00' }), 400);
    check(addShift, await worker.post(`${rota}/shifts`, shift), 403);
    const put = check(addShift, await manager.post(`${rota}/shifts`, shift), 201);
    const begun = check(addShift, await manager.post(`${rota}/shifts`, {
      agency_worker: 'Lee Parry', agency: 'Brightside Staffing', agency_checks: 'DBS and references', kind: 'late', role: 'on_shift', on: dayBefore(1), starts: '14:30', ends: '22:30',
    }), 201);
    const getShift = 'GET /api/v1/homes/{home}/rota/shifts/{shift}';
    check(getShift, await worker.get(`${rota}/shifts/${put.id}`), 200);
    check(getShift, await manager.get(`${rota}/shifts/999999`), 404);
    const outcome = 'POST /api/v1/homes/{home}/rota/shifts/{shift}/outcome';
    check(outcome, await manager.post(`${rota}/shifts/${put.id}/outcome`, { outcome: 'worked' }), 400);
    check(outcome, await worker.post(`${rota}/shifts/${begun.id}/outcome`, { outcome: 'worked' }), 403);
    check(outcome, await manager.post(`${rota}/shifts/${begun.id}/outcome`, { outcome: 'worked', worked_ends: '23:00' }), 200);
    check(outcome, await manager.post(`${rota}/shifts/${begun.id}/outcome`, { outcome: 'worked' }), 409);
    const staffing = 'PUT /api/v1/homes/{home}/rota/staffing';
    check(staffing, await manager.put(`${rota}/staffing`, { early: 99 }), 400);
    check(staffing, await worker.put(`${rota}/staffing`, { early: 3 }), 403);
    check(staffing, await manager.put(`${rota}/staffing`, { early: 3, late: 2, waking_night: 1 }), 200);
    const sessions = `${home()}/team-sessions`;
    const listSessions = 'GET /api/v1/homes/{home}/team-sessions';
    check(listSessions, await manager.get(sessions), 200);
    check(listSessions, await worker.get(sessions), 200);
    const recordSession = 'POST /api/v1/homes/{home}/team-sessions';
    check(recordSession, await manager.post(sessions, { kind: 'team_meeting', held_on: today }), 400);
    check(recordSession, await worker.post(sessions, { kind: 'team_meeting', held_on: today, attendees: [ids.worker], about: 'policy', learned: 'x' }), 403);
    const heldSession = check(recordSession, await manager.post(sessions, {
      kind: 'reflective_practice', held_on: today, attendees: [ids.worker, ids.manager], about: 'child', child_id: ids.aisha, learned: 'What helps at drop-off',
    }), 201);
    const oneSession = 'GET /api/v1/homes/{home}/team-sessions/{session}';
    check(oneSession, await worker.get(`${sessions}/${heldSession.id}`), 200);
    check(oneSession, await manager.get(`${sessions}/999999`), 404);
    const arrange = 'PUT /api/v1/homes/{home}/team/{staff}/supervision/arrangement';
    check(arrange, await manager.put(`${supervision}/arrangement`, { supervisor_id: ids.worker }), 400);
    check(arrange, await worker.put(`${supervision}/arrangement`, { supervisor_id: ids.manager }), 403);
    check(arrange, await manager.put(`${supervision}/arrangement`, { supervisor_id: ids.manager, every_days: 21 }), 200);
  });

  test('every documented operation was called and checked', () => {
    const missing = operations.filter((op) => !covered.has(op));
    assert.deepEqual(missing, [], 'operations in the document that this file does not call');
    // Each write was also refused once, with the documented error.
    for (const op of operations.filter((o) => !o.startsWith('GET '))) {
      assert.ok([...covered.get(op)].some((s) => s >= 400 && s < 500), `${op}: no refusal was checked`);
    }
  });
});
