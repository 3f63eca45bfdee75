// Bullying concerns and managed interactions through the real server: a support worker records a
// concern from what the child said, refused field by field until it is whole and nothing saved;
// staff on shift are told at once (the handover, the home's dashboard); the manager or deputy leads
// the response stage by stage with the child told at each one (a stage that owes the telling shows
// it until it is recorded), tells whoever raised it from outside what was done (the only act that
// meets that clock) and closes it at a review. Above all, each reader sees only the children they
// may read about: the social worker of a bullied child sees the child who bullied only as "another
// young person", the social worker of a child who bullied sees only what is about that child, a
// Reg 44 visitor reads the other child through no consent, each child's chronology line is about
// them alone, and every read of a concern is in the audit trail once per child the reader may read.
// Managed interactions are agreed, shown on both children's pages and at handover, and reviewed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver } from './server.mjs';

let server;
let worker;
let deputy;
let sw;
let api;
let swApi;
let ids;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();
const count = (sql) => Number(one(sql));
const json = { headers: { accept: 'application/json' } };
// Kai and Lily by every name they are known by.
const kaiNamed = /Kai|Donovan/;
const lilyNamed = /Lily|\bLil\b|Evans-Ward/;
const inAWeek = () => london(-60 * 24 * 7).on;

// A concern through the API, whole and valid, with `fields` over it.
async function concern(fields) {
  const then = london(60 * 24 * 2);
  const made = await api.post('/api/v1/homes/1/bullying-concerns', {
    child_id: ids.aisha, by_whom: ['children'], by_children: [ids.kai], occurred_on: then.on, occurred_time: then.time,
    place: 'The garden', forms: ['names'], came_to_light: 'child_told', child_words: 'They laughed at me.',
    owner_id: ids.deputyPerson, safety_plan: 'Staff stay near at break times.', child_told: 'yes', told_on: london().on,
    told_how: 'in_person', child_said: 'OK.', ...fields });
  assert.equal(made.status, 201, made.text);
  return made.body;
}

// The audited reads of a concern by one person: the children whose record each read was part of.
const readChildren = (id, person) => one(`SELECT DISTINCT child_id FROM audit_log WHERE action = 'read' AND record_type =
  'bullying_concern' AND record_id = '${id}' AND actor_id = ${person} ORDER BY child_id`).split('\n').filter(Boolean).map(Number);

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    aisha: demo.child('Aisha Bennett'), kai: demo.child('Kai Donovan'), lily: demo.child('Lily Evans-Ward'),
    ben: demo.child('Ben Cole'), noor: demo.child('Noor Farah'),
    deputyPerson: demo.person('deputy.willow@example.org'), sw: demo.person('social.worker@example.org'),
    reg44: demo.person('reg44@example.org'),
  };
  // The demo's open concern at Willow House: Aisha, bullied by Kai, raised by Aisha herself.
  ids.demoConcern = Number(one(`SELECT id FROM bullying_concerns WHERE home_id = 1 AND child_id = ${ids.aisha} AND closed_at IS NULL`));
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  deputy = new Client(server.url);
  await deputy.signIn('deputy.willow@example.org');
  api = new Api(server.url, await createApiToken(deputy, 'bullying'));
  sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  swApi = new Api(server.url, await createApiToken(sw, 'bullying'));
});
after(async () => {
  await server.stop();
});

test('a support worker records a concern: refused until whole, then at handover, on the dashboard and in each chronology', async () => {
  const action = '/homes/1/bullying';
  const page = await worker.get(`${action}/new?child=${ids.aisha}`);
  assert.equal(page.status, 200);
  const offered = readForm(page.text, action);
  assert.equal(offered.child_id, String(ids.aisha), 'the child it was opened from is chosen');
  const before = one('SELECT COUNT(*) FROM bullying_concerns');
  const linesBefore = one('SELECT COUNT(*) FROM chronology');
  const then = london(90);

  const refusals = [
    [{ child_id: '', by_whom: [], forms: [], came_to_light: 'parent', raised_by: '', child_told: 'yes' },
      ['child_id', 'by_whom', 'forms', 'raised_by', 'told_on', 'told_how', 'child_said']],
    [{ by_whom: 'children', forms: 'ridicule', came_to_light: 'child_told', child_told: 'no' },
      ['by_children', 'characteristic', 'not_told_why']],
    [{ by_whom: 'children', by_children: [String(ids.aisha), String(ids.kai)], forms: 'names', came_to_light: 'staff_saw',
      child_told: 'no', not_told_why: 'Asleep' }, ['by_children']],
    [{ child_id: '999999', by_whom: 'not_known', forms: 'names', came_to_light: 'staff_saw', child_told: 'no',
      not_told_why: 'Asleep' }, ['child_id']],
    [{ child_id: String(ids.noor), by_whom: 'not_known', forms: 'names', came_to_light: 'staff_saw', child_told: 'no',
      not_told_why: 'Asleep' }, ['child_id']],
  ];
  for (const [fields, at] of refusals) {
    const bad = await worker.post(action, typedOver(offered, { occurred_on: then.on, occurred_time: then.time,
      place: 'The lounge', child_words: 'x', owner_id: String(ids.deputyPerson), safety_plan: 'y', ...fields }));
    assert.equal(bad.status, 400, JSON.stringify(fields));
    for (const field of at) assert.match(bad.text, new RegExp(`href="#${field}"`), `${field} for ${JSON.stringify(fields)}`);
  }
  assert.equal(one('SELECT COUNT(*) FROM bullying_concerns'), before, 'nothing saved');
  assert.equal(one('SELECT COUNT(*) FROM chronology'), linesBefore, 'no chronology line');

  const made = await worker.post(action, typedOver(offered, {
    by_whom: 'children', by_children: String(ids.kai), forms: ['online', 'ridicule'], characteristic: 'appearance',
    occurred_on: then.on, occurred_time: then.time, place: 'Group chat of the home', came_to_light: 'parent',
    raised_by: 'Michelle Bennett, her mum', child_words: 'Qx1-words: they put a picture of me in the chat and laughed.',
    owner_id: String(ids.deputyPerson), safety_plan: 'Qx1-safety: her phone stays with her; staff check the chat with her.',
    child_told: 'yes', told_on: london().on, told_how: 'in_person', child_said: 'Qx1-said: please don\'t make a big deal.' }));
  assert.equal(made.status, 303, words(made.text).slice(0, 800));
  const location = made.headers.get('location');
  assert.match(location, /^\/homes\/1\/bullying\/\d+\?saved=1$/);
  const href = location.split('?')[0];
  const id = href.split('/').pop();
  const shown = words((await worker.get(location)).text);
  assert.match(shown, /Saved\. Staff on shift see it at handover/);
  assert.match(shown, /Aisha Bennett: Misusing phones, the internet or social media; Ridiculing who they are/);
  assert.match(shown, /Ridiculed for Appearance/);
  assert.match(shown, /Kai Donovan/, 'staff of the home read both children');
  assert.match(shown, /Michelle Bennett, her mum raised it: tell them what was done, due .*\(/);
  assert.doesNotMatch(shown, /Add a stage/, 'a support worker records; the manager or deputy leads the response');
  const stage = { stage: 'investigated', happened_on: london().on, happened_time: london().time, what: 'Spoke to both',
    safeguarding: 'no', child_told: 'yes', told_on: london().on, told_how: 'in_person', child_said: 'OK' };
  assert.equal((await worker.post(`${href}/stages`, stage)).status, 403);

  // Staff on shift are told at once: at handover, new, with the demo's interaction in force; and on the dashboard.
  const handover = (await worker.get('/homes/1/handover', json)).json().parts.relationships;
  const listed = handover.concerns.find((k) => String(k.id) === id);
  assert.ok(listed && listed.new_this_shift, 'at handover, new this shift');
  assert.ok(handover.concerns.every((k) => k.open), 'only the open ones');
  assert.ok(handover.interactions.some((m) => [m.child.id, m.other_child.id].sort().join() === [ids.aisha, ids.kai].sort().join()),
    'the demo interaction of Aisha and Kai, in force');
  assert.match(words((await worker.get('/homes/1/handover')).text),
    /Bullying concerns open New Aisha Bennett : Misusing phones, the internet or social media; Ridiculing who they are , Group chat of the home, .*; by Kai Donovan\. Led by Jo Whitfield\./);
  const open = count("SELECT COUNT(*) FROM bullying_concerns WHERE home_id = 1 AND closed_at IS NULL");
  assert.ok(open >= 2, 'the demo one and this one');
  assert.match(words((await worker.get('/homes/1')).text), new RegExp(`Bullying concerns ${open} open, 1 new today`));
  const list = (await worker.get('/homes/1/bullying', json)).json();
  assert.equal(list.open.length, open);
  assert.ok(list.closed.length > 0 && list.closed.every((k) => !k.open), 'the demo closed some');

  // A line in each child's chronology, each about that child alone.
  const lines = server.sql(`SELECT child_id || '|' || title || '|' || summary FROM chronology WHERE source_type = 'bullying_concern'
    AND source_id = ${id} ORDER BY child_id`).split('\n').map((l) => l.split('|'));
  assert.deepEqual(lines.map((l) => Number(l[0])), [ids.aisha, ids.kai].sort((a, b) => a - b));
  const aishaLine = lines.find((l) => Number(l[0]) === ids.aisha).join(' ');
  const kaiLine = lines.find((l) => Number(l[0]) === ids.kai).join(' ');
  assert.match(aishaLine, /Bullying concern: Misusing phones/);
  assert.doesNotMatch(aishaLine, kaiNamed);
  assert.match(kaiLine, /A concern that they bullied another young person/);
  assert.doesNotMatch(kaiLine, /Aisha|Bennett|Qx1/);
  const kaiChronology = words((await worker.get(`/children/${ids.kai}/chronology`)).text);
  assert.match(kaiChronology, /A concern that they bullied another young person/);
  assert.doesNotMatch(kaiChronology, /Qx1/);

  // The clock to tell her mum is met only by recording that she was told.
  const clock = one(`SELECT id FROM deadlines WHERE source_type = 'bullying_concern' AND source_id = ${id} AND kind = 'bullying_report_back'`);
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'open');
  const byHand = await deputy.post(`/deadlines/${clock}/met`, { note: 'Rang her', version: '1' });
  assert.notEqual(byHand.status, 303, 'not met by hand');
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'open');
});

test('the deputy leads the response: each stage refused until whole, the child told later, her mum told, closed at a review', async () => {
  const k = await concern({ came_to_light: 'social_worker', raised_by: 'Casey Nolan, her social worker' });
  const href = `/homes/1/bullying/${k.id}`;
  const page = await deputy.get(href);
  assert.equal(page.status, 200);
  const offered = readForm(page.text, `${href}/stages`);
  const stagesBefore = one(`SELECT COUNT(*) FROM bullying_stages WHERE concern_id = ${k.id}`);
  const now = london();
  const early = london(60 * 24 * 3);
  const told = { child_told: 'yes', told_on: now.on, told_how: 'in_person', child_said: 'Fine.' };
  const refusals = [
    [{ stage: 'investigated', happened_on: early.on, happened_time: early.time, safeguarding: 'reg40', ...told },
      ['happened_on', 'serious_event']],
    [{ stage: 'meeting', happened_on: now.on, happened_time: now.time, ...told }, ['who_came']],
    [{ stage: 'outcome', happened_on: now.on, happened_time: now.time, ...told }, ['review_on']],
    [{ stage: 'review', happened_on: now.on, happened_time: now.time, closes: 'no', child_told: 'no' }, ['review_on', 'not_told_why']],
  ];
  for (const [fields, at] of refusals) {
    const bad = await deputy.post(`${href}/stages`, typedOver(offered, { what: 'Something happened', ...fields }));
    assert.equal(bad.status, 400, JSON.stringify(fields));
    for (const field of at) assert.match(bad.text, new RegExp(`href="#${field}"`), `${field} for ${fields.stage}`);
    if (at.includes('happened_on')) assert.match(words(bad.text), /This stage cannot have been before the bullying it is about/);
  }
  assert.equal(one(`SELECT COUNT(*) FROM bullying_stages WHERE concern_id = ${k.id}`), stagesBefore, 'nothing saved');

  // Investigated while she was away: owed until she is told.
  const investigated = await deputy.post(`${href}/stages`, typedOver(offered, { stage: 'investigated', happened_on: now.on,
    happened_time: now.time, what: 'Spoke with everyone in the garden.', safeguarding: 'no', child_told: 'no',
    not_told_why: 'She is at her nan until Sunday' }));
  assert.equal(investigated.status, 303, words(investigated.text).slice(0, 800));
  const owing = await deputy.get(href);
  assert.match(words(owing.text), /Owes the child being told She is at her nan until Sunday/);
  const outcome = await deputy.post(`${href}/stages`, typedOver(offered, { stage: 'outcome', happened_on: now.on,
    happened_time: now.time, what: 'Seats at tea are chosen by rota.', restorative: 'He said sorry.', review_on: inAWeek(), ...told }));
  assert.equal(outcome.status, 303, words(outcome.text).slice(0, 800));
  assert.equal(one(`SELECT COUNT(*) FROM deadlines WHERE source_type = 'bullying_concern' AND source_id = ${k.id} AND kind = 'bullying_review' AND state = 'open'`), '1');

  // Told later, from the link beside the stage that owes it: the owing goes; told twice is a conflict.
  const stageId = one(`SELECT id FROM bullying_stages WHERE concern_id = ${k.id} AND stage = 'investigated'`);
  assert.match((await deputy.get(href)).text, new RegExp(`href="${href}/told\\?stage=${stageId}"`));
  const toldPage = await deputy.get(`${href}/told?stage=${stageId}`);
  assert.equal(toldPage.status, 200);
  const toldForm = readForm(toldPage.text, `${href}/told`);
  assert.equal(toldForm.stage_id, stageId, 'the stage it came from is chosen');
  const badTold = await deputy.post(`${href}/told`, typedOver(toldForm, { stage_id: stageId, told_on: '', child_said: '' }));
  assert.equal(badTold.status, 400);
  for (const field of ['told_on', 'told_how', 'child_said']) assert.match(badTold.text, new RegExp(`href="#${field}"`), field);
  const toldLater = typedOver(toldForm, { stage_id: stageId, told_on: now.on, told_how: 'phone', child_said: 'Good, thanks for ringing.' });
  assert.equal((await deputy.post(`${href}/told`, toldLater)).status, 303);
  const after = await deputy.get(href, json);
  assert.equal(after.json().owing, 0);
  assert.ok(after.json().stages.every((s) => s.child_told), 'told at every stage');
  assert.doesNotMatch(words((await deputy.get(href)).text), /Owes the child being told/);
  assert.equal((await deputy.post(`${href}/told`, toldLater)).status, 409);

  // Her social worker is told what was done: the clock is met at that moment, and only once.
  const clock = one(`SELECT id FROM deadlines WHERE source_type = 'bullying_concern' AND source_id = ${k.id} AND kind = 'bullying_report_back'`);
  assert.match((await deputy.get(href)).text, new RegExp(`href="${href}/report-back"`));
  const reportForm = readForm((await deputy.get(`${href}/report-back`)).text, `${href}/report-back`);
  const badReport = await deputy.post(`${href}/report-back`, typedOver(reportForm, { told: '', how: 'pigeon', what: '' }));
  assert.equal(badReport.status, 400);
  for (const field of ['told', 'how', 'what']) assert.match(badReport.text, new RegExp(`href="#${field}"`), field);
  const when = london(30);
  const report = typedOver(reportForm, { told: 'Casey Nolan', how: 'phone', what: 'What was done, and how Aisha is.',
    told_on: when.on, told_time: when.time });
  assert.equal((await deputy.post(`${href}/report-back`, report)).status, 303);
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${clock}`), 'met');
  assert.match(one(`SELECT met_at FROM deadlines WHERE id = ${clock}`), new RegExp(`T\\d\\d:${when.time.slice(3)}:00`));
  assert.equal((await deputy.post(`${href}/report-back`, report)).status, 409);
  assert.equal((await deputy.post(`/homes/1/bullying/${ids.demoConcern}/report-back`, report)).status, 409, 'the demo concern was raised by Aisha herself');

  // A review that continues meets the clock and sets the next; a review that closes it ends the response.
  const review = { what: 'Things are calmer.', happened_on: now.on, happened_time: now.time, ...told };
  assert.equal((await deputy.post(`${href}/stages`, typedOver(offered, { ...review, stage: 'review', closes: 'no', review_on: inAWeek() }))).status, 303);
  const clocks = () => server.sql(`SELECT state FROM deadlines WHERE source_type = 'bullying_concern' AND source_id = ${k.id}
    AND kind = 'bullying_review' ORDER BY id`).split('\n');
  assert.deepEqual(clocks(), ['met', 'open']);
  assert.equal((await deputy.post(`${href}/stages`, typedOver(offered, { ...review, stage: 'review', closes: 'yes' }))).status, 303);
  assert.deepEqual(clocks(), ['met', 'met']);
  const closed = await deputy.get(href);
  assert.match(words(closed.text), /Closed \d/);
  assert.doesNotMatch(words(closed.text), /Add a stage/);
  assert.equal((await deputy.post(`${href}/stages`, typedOver(offered, { ...review, stage: 'review', closes: 'yes' }))).status, 409);
  const list = (await deputy.get('/homes/1/bullying', json)).json();
  assert.ok(list.closed.some((c) => c.id === k.id) && !list.open.some((c) => c.id === k.id));
  assert.ok(!(await deputy.get('/homes/1/handover', json)).json().parts.relationships.concerns.some((c) => c.id === k.id),
    'closed: no longer at handover');
});

test("Aisha's social worker reads her concern with the child who bullied her only as \"another young person\"", async () => {
  const k = await concern({ by_described: '', place: 'The bus stop', child_words: 'Qx3-words: he took my bag.' });
  const stage = await api.post(`/api/v1/homes/1/bullying-concerns/${k.id}/stages`, { stage: 'outcome',
    happened_on: london().on, happened_time: london().time, what: 'A restorative conversation; bus times changed.',
    restorative: 'Qx3-restorative: he came to see the bag held her dad\'s letters.', review_on: inAWeek(),
    child_told: 'yes', told_on: london().on, told_how: 'key_work', child_said: 'OK.' });
  assert.equal(stage.status, 200, stage.text);
  assert.equal(stage.body.by_children[0].name, 'Kai Donovan', 'the deputy reads both');
  assert.deepEqual(readChildren(k.id, ids.deputyPerson), [ids.aisha, ids.kai].sort((a, b) => a - b),
    "each read by staff is a read of both children's records");

  // Each child's social worker and parents told, through the form: refused until whole (and for a
  // child the concern is not about), nothing saved; then one of each child's.
  const informedAt = `/homes/1/bullying/${k.id}/informed`;
  const blank = readForm((await deputy.get(informedAt)).text, informedAt);
  const told = () => count(`SELECT COUNT(*) FROM bullying_informed WHERE concern_id = ${k.id}`);
  const refused = await deputy.post(informedAt, { ...blank, child_id: String(ids.ben) });
  assert.equal(refused.status, 400);
  for (const field of ['child_id', 'who', 'name', 'how', 'invited']) {
    assert.match(refused.text, new RegExp(`<a href="#${field}`), `the summary names ${field}`);
  }
  assert.equal(told(), 0, 'nothing saved');
  for (const [child, who, name] of [[ids.kai, 'parent_or_carer', 'Mr Donovan'], [ids.aisha, 'social_worker', 'Casey Nolan']]) {
    const res = await deputy.post(informedAt, { ...blank, child_id: String(child), who, name, how: 'phone', invited: 'yes',
      what: 'Qx3-told: a meeting on Thursday.' });
    assert.equal(res.status, 303, res.text.slice(0, 300));
  }
  assert.equal(told(), 2);
  const whole = words((await deputy.get(`/homes/1/bullying/${k.id}`)).text);
  assert.match(whole, /Kai Donovan Not recorded yet that their social worker was told A parent or carer, Mr Donovan: By phone, [^;]*; invited to a meeting about it/);
  assert.match(whole, /Aisha Bennett Not recorded yet that a parent or carer was told Their social worker, Casey Nolan: By phone/);
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const bullyingSection = async (child) => JSON.stringify(JSON.parse((await manager.get(`/api/v1/children/${child}/export`, json)).text)
    .sections.find((x) => x.key === 'bullying_concerns'));
  const kaiRecord = await bullyingSection(ids.kai);
  assert.match(kaiRecord, /Mr Donovan/, "his parent told is in Kai's record");
  assert.doesNotMatch(kaiRecord, /Casey Nolan/, "Aisha's social worker is not");
  assert.doesNotMatch(await bullyingSection(ids.aisha), /Mr Donovan/, "nor is Kai's parent in Aisha's");

  const seen = [
    (await sw.get(`/children/${ids.aisha}/bullying/${k.id}`)).text,
    (await sw.get(`/children/${ids.aisha}/bullying/${k.id}`, json)).text,
    (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns/${k.id}`)).text,
    (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns`)).text,
    (await sw.get(`/children/${ids.aisha}/relationships`)).text,
    (await sw.get(`/children/${ids.aisha}/relationships`, json)).text,
    (await swApi.get(`/api/v1/children/${ids.aisha}/managed-interactions`)).text,
    (await sw.get(`/children/${ids.aisha}/deadlines`)).text,
    (await sw.get(`/children/${ids.aisha}/deadlines`, json)).text,
    (await sw.get(`/children/${ids.aisha}/chronology`)).text,
  ];
  const page = words(seen[0]);
  assert.match(page, /Aisha Bennett: Offensive names/);
  assert.match(page, /Qx3-words: he took my bag/, 'what Aisha said is hers to read');
  assert.match(page, /Who by One or more children of the home\. another young person/);
  assert.match(page, /Their social worker, Casey Nolan: By phone/, 'who of Aisha\'s was told is hers to read');
  const view = JSON.parse(seen[1]);
  assert.equal(view.whole, true);
  assert.deepEqual(view.by_children, [{ id: null, name: 'another young person' }]);
  assert.deepEqual(JSON.parse(seen[2]), view, 'the API gives what the page does');
  assert.deepEqual(JSON.parse(seen[3]).bullying_concerns.find((c) => c.id === k.id), view);
  // Kai's side is not theirs to read, by any road.
  for (const p of [`/children/${ids.kai}/bullying/${k.id}`, `/homes/1/bullying/${k.id}`, '/homes/1/bullying',
    `/children/${ids.kai}/relationships`, `/children/${ids.aisha}/bullying/${one("SELECT id FROM bullying_concerns WHERE home_id = 2 LIMIT 1")}`]) {
    assert.equal((await sw.get(p)).status, 404, p);
  }
  for (const p of [`/api/v1/children/${ids.kai}/bullying-concerns/${k.id}`, `/api/v1/homes/1/bullying-concerns/${k.id}`,
    `/api/v1/children/${ids.kai}/bullying-concerns`]) {
    assert.equal((await swApi.get(p)).status, 404, p);
  }
  assert.deepEqual(readChildren(k.id, ids.sw), [ids.aisha], 'nothing more read');

  // Nothing of Kai in any of it: not his name, a link to his record, nor the work done with him.
  for (const [i, text] of seen.entries()) {
    assert.doesNotMatch(text, kaiNamed, `Kai named in answer ${i}`);
    assert.doesNotMatch(text, /Qx3-restorative/, `the work done with Kai, in answer ${i}`);
    assert.doesNotMatch(text, new RegExp(`/children/${ids.kai}/`), `a link to Kai's record in answer ${i}`);
  }
  const interactions = JSON.parse(seen[6]).managed_interactions;
  assert.ok(interactions.length > 0 && interactions.every((m) => m.other_child.id === null && !m.other_child.named));
  assert.equal(count(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'bullying_concern' AND record_id = '${k.id}'
    AND actor_id = ${ids.sw}`), 6, 'one read each time the concern was shown: its page, its JSON, the API twice, the tab twice; not the list of interactions');
});

test('both children may have an advocate and may complain: each refused until whole, on the concern with who they can talk to, each in that child\'s record alone', async () => {
  const k = await concern({ place: 'The lounge', child_words: 'Qx5-words: he calls me names.' });
  const base = `/homes/1/bullying/${k.id}`;
  const complaints = () => count(`SELECT COUNT(*) FROM bullying_complaints WHERE concern_id = ${k.id}`);

  // Anyone on shift records a child's complaint; only who leads the response offers an advocate.
  const complaintForm = readForm((await worker.get(`${base}/complaints`)).text, `${base}/complaints`);
  const blank = await worker.post(`${base}/complaints`, { ...complaintForm, child_id: String(ids.kai) });
  assert.equal(blank.status, 400);
  for (const field of ['complaint', 'about', 'looked_into_by']) {
    assert.match(blank.text, new RegExp(`<a href="#${field}`), `the summary names ${field}`);
  }
  const himself = await worker.post(`${base}/complaints`, { ...complaintForm, child_id: String(ids.kai),
    complaint: 'Qx5-complaint: I lost my phone for a week and she did not.', about: 'Jo Whitfield', looked_into_by: 'Jo Whitfield' });
  assert.equal(himself.status, 400);
  assert.match(himself.text, /Someone other than the person complained about looks into it/);
  assert.equal(complaints(), 0, 'nothing saved');
  const made = await worker.post(`${base}/complaints`, { ...complaintForm, child_id: String(ids.kai),
    complaint: 'Qx5-complaint: I lost my phone for a week and she did not.', about: 'Jo Whitfield', looked_into_by: 'Sam Carter' });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  assert.equal(complaints(), 1);
  assert.equal((await worker.get(`${base}/advocates`)).status, 403);

  const offerForm = readForm((await deputy.get(`${base}/advocates`)).text, `${base}/advocates`);
  const noName = await deputy.post(`${base}/advocates`, { ...offerForm, child_id: String(ids.aisha), answer: 'taken_up' });
  assert.equal(noName.status, 400);
  assert.match(noName.text, /<a href="#advocate_name/);
  for (const [child, answer, name] of [[ids.aisha, 'taken_up', 'Rowan Ellis, Voices advocacy'], [ids.kai, 'declined', '']]) {
    const res = await deputy.post(`${base}/advocates`, { ...offerForm, child_id: String(child), answer, advocate_name: name });
    assert.equal(res.status, 303, res.text.slice(0, 300));
  }
  const page = words((await deputy.get(base)).text);
  assert.match(page, /Aisha Bennett People they can talk to .*The Reg 44 visitor: Elliot Price/);
  assert.match(page, /An advocate Offered [^:]+: Taken up, Rowan Ellis, Voices advocacy/);
  assert.match(page, /Kai Donovan People they can talk to .* An advocate Offered [^:]+: Declined A complaint made [^,]+, about Jo Whitfield; looked into by Sam Carter Qx5-complaint.* Awaiting its outcome Record its outcome/);

  // Its outcome: refused until whole, then recorded once.
  const complaintId = count(`SELECT id FROM bullying_complaints WHERE concern_id = ${k.id}`);
  const outcomeAt = `${base}/complaint-outcome`;
  const outcomeForm = readForm((await deputy.get(`${outcomeAt}?complaint=${complaintId}`)).text, outcomeAt);
  assert.equal(outcomeForm.complaint_id, String(complaintId), 'the complaint chosen from the concern');
  const half = await deputy.post(outcomeAt, { ...outcomeForm, action: 'Looked again at the consequence.' });
  assert.equal(half.status, 400);
  assert.match(half.text, /<a href="#outcome"/);
  const answered = await deputy.post(outcomeAt, { ...outcomeForm, action: 'Looked again at the consequence.',
    outcome: 'Qx5-outcome: upheld; his phone back, and the rule explained.' });
  assert.equal(answered.status, 303, answered.text.slice(0, 300));
  assert.equal((await deputy.get(outcomeAt)).status, 409, 'nothing awaits an outcome');
  const again = await api.post(`/api/v1/homes/1/bullying-concerns/${k.id}/complaint-outcome`,
    { complaint_id: complaintId, action: 'x', outcome: 'y', outcome_on: london().on });
  assert.equal(again.status, 409);
  const notInIt = await api.post(`/api/v1/homes/1/bullying-concerns/${k.id}/complaints`,
    { child_id: ids.ben, made_on: london().on, complaint: 'x', about: 'y', looked_into_by: 'z' });
  assert.equal(notInIt.status, 400);
  assert.deepEqual(notInIt.body.error.fields.map((f) => f.field), ['child_id']);

  // Kai's complaint and advocate are about him: in his record, never in Aisha's or to her social worker.
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const section = async (child) => JSON.stringify(JSON.parse((await manager.get(`/api/v1/children/${child}/export`, json)).text)
    .sections.find((x) => x.key === 'bullying_concerns'));
  const his = await section(ids.kai);
  assert.match(his, /Qx5-complaint/);
  assert.match(his, /Qx5-outcome/);
  assert.doesNotMatch(his, /Rowan Ellis/, "Aisha's advocate is not in Kai's record");
  const hers = await section(ids.aisha);
  assert.match(hers, /Rowan Ellis/);
  assert.doesNotMatch(hers, /Qx5-complaint|Qx5-outcome/);
  const chronology = (child) => one(`SELECT COUNT(*) FROM chronology WHERE child_id = ${child} AND source_type LIKE 'bullying_complaint%'
    AND source_id = ${complaintId}`);
  assert.equal(Number(chronology(ids.kai)), 2, 'made and answered, in his chronology');
  assert.equal(Number(chronology(ids.aisha)), 0);
  const view = (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns/${k.id}`)).body;
  assert.deepEqual(view.voices.map((v) => v.child.name), ['Aisha Bennett']);
  assert.equal(view.voices[0].advocates[0].advocate_name, 'Rowan Ellis, Voices advocacy');
  assert.doesNotMatch(JSON.stringify(view), /Qx5-complaint|Qx5-outcome|Kai|Donovan/);
});

test('the outcome links what the response changed: a consequence the Reg 19 rules allowed and a new version of his behaviour plan, each shown only to who may read him', async () => {
  const k = await concern({ place: 'The stairs', child_words: 'Qx6-words: he pushed past me every day.' });
  const stages = `/api/v1/homes/1/bullying-concerns/${k.id}/stages`;
  // The consequence goes through the incident and its Reg 35 record, where Reg 19 refuses a prohibited one.
  const soon = london(30);
  const calm = london(20);
  const incident = await api.post('/api/v1/homes/1/incidents', {
    occurred_on: soon.on, occurred_time: soon.time, ended_on: calm.on, ended_time: calm.time, children: [ids.kai],
    location: 'The stairs', setting: 'After school', antecedents: 'Passing on the stairs', triggers: [],
    behaviour: 'Pushed past Aisha again', communicating: [], afterwards: 'Talked it through', restrictive_measure: 'none',
    deescalation: ['Talked calmly'], staff_involved: [ids.deputyPerson], staff_assaulted: [], injuries: '', damage: '', notifiable: [],
  });
  assert.equal(incident.status, 201, incident.text);
  const measures = `/api/v1/children/${ids.kai}/incidents/${incident.body.id}/measures`;
  const consequence = { kind: 'consequence', started_on: soon.on, started_time: soon.time, behaviour: 'Pushed past Aisha',
    steps_to_avoid: 'Talked about it', consequence_kind: 'loss_of_privilege', description: 'No phone call to mum tonight',
    lasts: 'This evening', for_child_alone: 'yes', used_by: [ids.deputyPerson], child_view: 'Fair enough', effectiveness: 'too_soon' };
  const prohibited = await api.post(measures, consequence);
  assert.equal(prohibited.status, 400, 'Reg 19: contact is never stopped as a sanction');
  const lawful = await api.post(measures, { ...consequence, description: 'No games console tonight' });
  assert.equal(lawful.status, 201, lawful.text);
  const plan = Number(one(`SELECT id FROM plans WHERE child_id = ${ids.kai} AND kind = 'behaviour_plan'`));
  const kind = (await api.get('/api/v1/plan-kinds')).body.kinds.find((x) => x.key === 'behaviour_plan');
  const written = await api.post(`/api/v1/children/${ids.kai}/plans/${plan}/versions`, {
    ...Object.fromEntries(kind.sections.map((x) => [`section_${x.key}`, `Qx6-plan: ${x.label}`])),
    effective_on: london().on, review_by: inAWeek(), reason: 'After the bullying concern', views_not_asked: 'At football',
    version: Number(one(`SELECT current_version FROM plans WHERE id = ${plan}`)) });
  assert.equal(written.status, 201, written.text);
  const version = Number(one(`SELECT MAX(id) FROM plan_versions WHERE plan_id = ${plan}`));

  // The concern's page offers them; an outcome links them, and nothing it was not offered.
  const page = (await deputy.get(`/homes/1/bullying/${k.id}`)).text;
  for (const key of [`consequence:${lawful.body.id}`, `plan_version:${version}`]) {
    assert.match(page, new RegExp(`name="changed" type="checkbox" value="${key}"`), key);
  }
  const outcome = { stage: 'outcome', happened_on: london().on, happened_time: london().time, what: 'Restorative conversation.',
    restorative: 'He saw how it felt.', review_on: inAWeek(), child_told: 'yes', told_on: london().on, told_how: 'in_person', child_said: 'OK.' };
  for (const [fields, why] of [[{ changed: ['consequence:999999'] }, 'a record not offered'],
    [{ stage: 'meeting', who_came: 'Both', changed: [`consequence:${lawful.body.id}`] }, 'a meeting']]) {
    const refused = await api.post(stages, { ...outcome, ...fields });
    assert.equal(refused.status, 400, why);
    assert.deepEqual(refused.body.error.fields.map((f) => f.field), ['changed'], why);
  }
  const linked = await api.post(stages, { ...outcome, changed: [`consequence:${lawful.body.id}`, `plan_version:${version}`] });
  assert.equal(linked.status, 200, linked.text);
  const changed = linked.body.stages.at(-1).changed;
  assert.deepEqual(changed.map((c) => [c.kind, c.child.name, c.href]).sort(), [
    ['consequence', 'Kai Donovan', `/measures/${lawful.body.id}`],
    ['plan_version', 'Kai Donovan', `/children/${ids.kai}/plans/${plan}`],
  ]);
  assert.match(words((await deputy.get(`/homes/1/bullying/${k.id}`)).text),
    /What it changed: Kai Donovan: Consequence, [^(]+?: Losing a privilege or an activity for a time \(This evening\)/);
  // Aisha's social worker reads her concern: nothing of what was done with Kai.
  const hers = (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns/${k.id}`)).body;
  assert.deepEqual(hers.stages.at(-1).changed, []);
  assert.doesNotMatch(JSON.stringify(hers), /measures|Qx6-plan|Kai/);
});

test('a concern is corrected, never overwritten: refused without why or with nothing changed, each version kept, each child\'s chronology line still about them alone', async () => {
  const k = await concern({ place: 'The lounge', child_words: 'Qx7-words: he hid my shoes.' });
  const at = `/homes/1/bullying/${k.id}/correct`;
  assert.equal((await worker.get(at)).status, 403, 'a support worker records concerns; the lead corrects them');
  const form = readForm((await deputy.get(at)).text, at);
  assert.equal(form.place, 'The lounge', 'the form shows the concern as it reads now');
  const noWhy = await deputy.post(at, { ...form, place: 'The dining room' });
  assert.equal(noWhy.status, 400);
  assert.match(noWhy.text, /<a href="#reason"/);
  const same = await deputy.post(at, { ...form, reason: 'Checking' });
  assert.equal(same.status, 400);
  assert.match(words(same.text), /Nothing was changed/);
  assert.equal(Number(one(`SELECT version FROM bullying_concerns WHERE id = ${k.id}`)), k.version ?? 1, 'nothing saved');
  const saved = await deputy.post(at, { ...form, place: 'The dining room', child_words: 'Qx7-words: he hid my trainers, not my shoes.',
    reason: 'She told us again: it was the dining room, and her trainers' });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const now = (await api.get(`/api/v1/homes/1/bullying-concerns/${k.id}`)).body;
  assert.equal(now.place, 'The dining room');
  assert.equal(now.corrected, true);
  assert.deepEqual(now.history.map((h) => h.reason), ['She told us again: it was the dining room, and her trainers', 'As first recorded']);
  assert.deepEqual(now.history[0].changes.map((c) => [c.label, c.before, c.after]), [
    ['Where', 'The lounge', 'The dining room'],
    ['What the child said', 'Qx7-words: he hid my shoes.', 'Qx7-words: he hid my trainers, not my shoes.']]);
  const line = (child) => one(`SELECT title || ' | ' || summary || ' | ' || amended FROM chronology WHERE source_type = 'bullying_concern'
    AND source_id = ${k.id} AND child_id = ${child}`);
  assert.match(line(ids.aisha), /trainers, not my shoes.* \| 1$/);
  assert.match(line(ids.kai), /^A concern that they bullied another young person \| .*\(The dining room\) \| 1$/);
  assert.doesNotMatch(line(ids.kai), /Qx7/, "her words never reach Kai's record");
  const stale = await api.put(`/api/v1/homes/1/bullying-concerns/${k.id}`, { ...form, version: Number(form.version),
    place: 'The hall', reason: 'Stale' });
  assert.equal(stale.status, 409);
  const sw = (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns/${k.id}`)).body;
  assert.equal(sw.history.length, 2, "her social worker reads her concern's history");
});

test("a concern where Aisha bullied Lily: her social worker sees only what is about Aisha; the Reg 44 visitor reads each child through no consent but theirs", async () => {
  const k = await concern({ child_id: ids.lily, by_children: [ids.aisha], forms: ['ridicule'], characteristic: 'religion',
    place: 'The kitchen', child_words: 'Qx4-words: she mocks my prayers.', safety_plan: 'Qx4-safety: staff in the kitchen at tea.',
    child_wants: 'Qx4-wants: for it to stop.', child_said: 'Qx4-said: thank you.' });
  // Lily's advocate and complaint, and a correction of what she said: each about Lily alone.
  const base = `/api/v1/homes/1/bullying-concerns/${k.id}`;
  assert.equal((await api.post(`${base}/advocates`, { child_id: ids.lily, offered_on: london().on, answer: 'taken_up',
    advocate_name: 'Qx4-advocate' })).status, 200);
  assert.equal((await api.post(`${base}/complaints`, { child_id: ids.lily, made_on: london().on,
    complaint: 'Qx4-complaint: nobody stopped her.', about: 'The staff on shift', looked_into_by: 'Jo Whitfield' })).status, 200);
  const corrected = await api.put(base, { occurred_on: london(60 * 24 * 2).on, occurred_time: london(60 * 24 * 2).time,
    place: 'The kitchen', forms: ['ridicule'], characteristic: 'religion', child_words: 'Qx4-words: she mocks my prayers, every day.',
    safety_plan: 'Qx4-safety: staff in the kitchen at tea.', child_wants: 'Qx4-wants: for it to stop.',
    reason: 'Qx4-reason: she told us it is every day', version: (await api.get(base)).body.version });
  assert.equal(corrected.status, 200, corrected.text);
  const markers = /Qx4-(words|safety|wants|said|advocate|complaint|reason)|Religion/;
  const view = (await sw.get(`/children/${ids.aisha}/bullying/${k.id}`, json)).json();
  assert.deepEqual(view.voices.map((v) => v.child.id), [ids.aisha], "only Aisha's advocate and complaints are this reader's");
  assert.ok(!('history' in view), 'nor the history of what Lily said');
  assert.equal(view.whole, false);
  assert.deepEqual(view.child, { id: null, name: 'another young person' });
  assert.deepEqual(view.by_children, [{ id: ids.aisha, name: 'Aisha Bennett' }]);
  for (const key of ['child_words', 'safety_plan', 'child_wants', 'characteristic', 'characteristic_label', 'report_back', 'owing']) {
    assert.ok(!(key in view), `${key} is not for this reader`);
  }
  assert.ok(view.stages.every((s) => !('what' in s) && !('child_said' in s) && !('child_told' in s)), 'nor how the other child was told');
  const page = words((await sw.get(`/children/${ids.aisha}/bullying/${k.id}`)).text);
  assert.match(page, /A concern that they bullied another young person: Ridiculing who they are/);
  const fromApi = (await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns/${k.id}`)).text;
  const tab = (await sw.get(`/children/${ids.aisha}/relationships`)).text;
  assert.match(words(tab), /Thought to have bullied another young person: Ridiculing who they are/);
  for (const text of [JSON.stringify(view), page, fromApi, tab]) {
    assert.doesNotMatch(text, markers);
    assert.doesNotMatch(text, lilyNamed);
  }
  assert.equal((await sw.get(`/children/${ids.lily}/bullying/${k.id}`)).status, 404);
  assert.deepEqual(readChildren(k.id, ids.sw), [ids.aisha]);

  // Each child's chronology line is about them alone.
  const line = (child) => one(`SELECT title || ' ' || summary FROM chronology WHERE source_type = 'bullying_concern' AND source_id = ${k.id} AND child_id = ${child}`);
  assert.match(line(ids.aisha), /^A concern that they bullied another young person/);
  assert.doesNotMatch(line(ids.aisha), /Qx4|Lily|Lil\b|Evans-Ward/);
  assert.doesNotMatch(line(ids.lily), /Aisha|Bennett/);

  // The Reg 44 visitor: Lily and Aisha consented, each to their own record being read; neither
  // consent opens the other child's part.
  const reg44 = new Client(server.url);
  await reg44.signIn('reg44@example.org');
  const fromLily = (await reg44.get(`/children/${ids.lily}/bullying/${k.id}`, json)).json();
  assert.equal(fromLily.whole, true);
  assert.equal(fromLily.child_words, 'Qx4-words: she mocks my prayers, every day.');
  assert.deepEqual(fromLily.voices.map((v) => [v.child.id, v.advocates.length, v.complaints.length]), [[ids.lily, 1, 1]]);
  assert.equal(fromLily.history.length, 2, "Lily's concern, corrected, with its history");
  assert.deepEqual(fromLily.by_children, [{ id: null, name: 'another young person' }]);
  const fromAisha = (await reg44.get(`/children/${ids.aisha}/bullying/${k.id}`, json)).json();
  assert.equal(fromAisha.whole, false);
  assert.deepEqual(fromAisha.voices.map((v) => v.child.id), [ids.aisha]);
  assert.doesNotMatch(JSON.stringify(fromAisha), markers);
  assert.doesNotMatch((await reg44.get(`/children/${ids.aisha}/bullying/${k.id}`)).text, markers);
  assert.deepEqual(readChildren(k.id, ids.reg44), [ids.aisha, ids.lily].sort((a, b) => a - b), 'each a read of the one child');
  assert.notEqual((await reg44.get('/homes/1/bullying')).status, 200, "the home's list names every child");
  assert.notEqual((await reg44.get(`/homes/1/bullying/${k.id}`)).status, 200);
  assert.equal((await reg44.get(`/children/${ids.ben}/relationships`)).status, 404, 'Ben did not consent');

  // Oversight reads the home's concerns; another home's are not under this one.
  const ri = new Client(server.url);
  await ri.signIn('ri@example.org');
  const list = await ri.get('/homes/1/bullying');
  assert.equal(list.status, 200);
  assert.match(words(list.text), /Lil Evans-Ward Ridiculing who they are , The kitchen/);
  const harbour = one('SELECT id FROM bullying_concerns WHERE home_id = 2 LIMIT 1');
  assert.equal((await ri.get(`/homes/1/bullying/${harbour}`)).status, 404);
  assert.equal((await ri.get(`/homes/2/bullying/${harbour}`)).status, 200);
});

test('a managed interaction: refused until whole, on both pages and at handover, each other child named only to who may read them, reviewed and ended', async () => {
  const action = `/children/${ids.lily}/relationships/interactions`;
  assert.equal((await worker.get(`${action}/new`)).status, 403, 'the manager or deputy decides it');
  const page = await deputy.get(`${action}/new`);
  assert.equal(page.status, 200);
  const offered = readForm(page.text, action);
  const before = one('SELECT COUNT(*) FROM managed_interactions');
  const bad = await deputy.post(action, typedOver(offered, { other_child_id: String(ids.lily), kind: 'apart', where_when: '',
    why: '', source: 'bullying_response', agreed_by: '', review_on: london(60 * 24 * 2).on }));
  assert.equal(bad.status, 400);
  for (const field of ['other_child_id', 'where_when', 'why', 'concern_id', 'agreed_by', 'review_on']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  const harbour = await deputy.post(action, typedOver(offered, { other_child_id: String(ids.noor), kind: 'not_alone',
    why: 'x', source: 'risk_assessment', agreed_by: 'Jo Whitfield, deputy', review_on: inAWeek() }));
  assert.equal(harbour.status, 400);
  assert.match(harbour.text, /href="#other_child_id"/);
  assert.equal(one('SELECT COUNT(*) FROM managed_interactions'), before, 'nothing saved');

  const made = await deputy.post(action, typedOver(offered, { other_child_id: String(ids.aisha), kind: 'apart',
    where_when: 'Qx5-where: separate tables at tea', why: 'Qx5-why: words at mealtimes', source: 'risk_assessment',
    agreed_by: 'Jo Whitfield, deputy', review_on: inAWeek() }));
  assert.equal(made.status, 303, words(made.text).slice(0, 800));
  const href = made.headers.get('location').split('?')[0];
  const id = href.split('/').pop();
  assert.match(words((await deputy.get(href)).text), /Kept apart in named places or at named times: Aisha Bennett/);
  assert.match(words((await deputy.get(`/children/${ids.aisha}/relationships`)).text),
    /Kept apart in named places or at named times: Lil Evans-Ward \(Qx5-where: separate tables at tea\)/, 'on the other child\'s page too');
  assert.match(words((await deputy.get(`/children/${ids.lily}`)).text), /Who must not be near whom .*Aisha Bennett \(Qx5-where/);
  assert.match(words((await worker.get('/homes/1/handover')).text),
    /Who must not be near whom .*Lil Evans-Ward and Aisha Bennett : Kept apart in named places or at named times \(Qx5-where: separate tables at tea\)/);
  const clock = one(`SELECT id FROM deadlines WHERE source_type = 'managed_interaction' AND source_id = ${id} AND state = 'open'`);
  const byHand = (await deputy.post(`/deadlines/${clock}/met`, { note: 'Done', version: '1' })).status;
  const afterByHand = one(`SELECT state FROM deadlines WHERE id = ${clock}`);
  for (const [child, other] of [[ids.aisha, /Lily|Lil\b|Evans-Ward/], [ids.lily, /Aisha|Bennett/]]) {
    assert.doesNotMatch(one(`SELECT title || ' ' || summary FROM chronology WHERE source_type = 'managed_interaction' AND source_id = ${id}
      AND child_id = ${child}`), other, "each child's chronology line does not name the other");
  }

  // Aisha's social worker: the interaction on her page, with Lily unnamed; Lily's side is not theirs.
  const fromAisha = `/children/${ids.aisha}/relationships/interactions/${id}`;
  const swAnswers = [await sw.get(fromAisha), await sw.get(fromAisha, json),
    await swApi.get(`/api/v1/children/${ids.aisha}/managed-interactions/${id}`),
    await sw.get(`/children/${ids.aisha}/relationships`), await sw.get(`/children/${ids.aisha}`),
    await swApi.get(`/api/v1/children/${ids.aisha}/bullying-concerns`)];
  assert.deepEqual(swAnswers.map((r) => r.status), [200, 200, 200, 200, 200, 200]);
  const swSees = swAnswers.map((r) => r.text);
  assert.match(words(swSees[4]), /Who must not be near whom .*Kept apart in named places or at named times: another young person \(Qx5-where/,
    'on her Overview');
  assert.match(words(swSees[0]), /Kept apart in named places or at named times: another young person/);
  assert.deepEqual(JSON.parse(swSees[1]).other_child, { id: null, name: 'another young person', named: false });
  assert.equal((await sw.get(href)).status, 404);
  // Reviewed: it continues (the clock met, the next started), then ends; not reviewed again.
  const review = `${href}/review`;
  const reviewForm = readForm((await deputy.get(href)).text, review);
  const badReview = await deputy.post(review, typedOver(reviewForm, { outcome: 'continue', decision: '' }));
  assert.equal(badReview.status, 400);
  for (const field of ['decision', 'next_review_on']) assert.match(badReview.text, new RegExp(`href="#${field}"`), field);
  assert.equal((await worker.post(review, { outcome: 'end', decision: 'x' })).status, 403);
  assert.equal((await deputy.post(review, typedOver(reviewForm, { outcome: 'continue', decision: 'Better, not yet right.',
    next_review_on: inAWeek() }))).status, 303);
  const clocks = () => server.sql(`SELECT state FROM deadlines WHERE source_type = 'managed_interaction' AND source_id = ${id} ORDER BY id`).split('\n');
  assert.deepEqual(clocks(), ['met', 'open']);
  assert.equal((await deputy.post(review, typedOver(reviewForm, { outcome: 'end', decision: 'They get on now.' }))).status, 303);
  assert.deepEqual(clocks(), ['met', 'met']);
  const ended = words((await deputy.get(`/children/${ids.lily}/relationships`)).text);
  assert.match(ended, /Managed interactions ended .*Kept apart in named places or at named times: Aisha Bennett ?, from .*, ended/);
  assert.ok(!(await deputy.get('/homes/1/handover', json)).json().parts.relationships.interactions.some((m) => String(m.id) === id));
  assert.equal((await deputy.post(review, typedOver(reviewForm, { outcome: 'end', decision: 'Again' }))).status, 409);

  // Told by the clock, the audit trail and what the social worker was shown.
  assert.notEqual(byHand, 303, 'the review clock is met only by its review');
  assert.equal(afterByHand, 'open');
  for (const [i, text] of swSees.entries()) assert.doesNotMatch(text, lilyNamed, `Lily named to Aisha's social worker in answer ${i}`);
  const swReads = (where) => count(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'managed_interaction'
    AND record_id = '${id}' AND actor_id = ${ids.sw} ${where}`);
  assert.equal(swReads(`AND child_id <> ${ids.aisha}`), 0, "no read of Lily's record by her");
  // The Overview is the read of Aisha's record itself; the interaction's own pages are each a read of it.
  assert.equal(swReads(''), 4, 'a read each time it was shown: its page, its JSON, the API, the tab; not the list of concerns');
});

test('through the API: refusals named by field, an interaction from a concern, the closed concerns a page at a time', async () => {
  const then = london(60);
  const valid = { child_id: ids.ben, by_whom: ['not_known'], occurred_on: then.on, occurred_time: then.time, place: 'Online',
    forms: ['online'], came_to_light: 'visitor_professional', raised_by: 'Priya Shah, his advocate', child_words: 'Someone keeps messaging me.',
    owner_id: ids.deputyPerson, safety_plan: 'He shows staff any new message.', child_told: 'no', not_told_why: 'At football' };
  const before = one('SELECT COUNT(*) FROM bullying_concerns');
  for (const [fields, field] of [[{ child_id: 999999 }, 'child_id'], [{ raised_by: '' }, 'raised_by'],
    [{ not_told_why: '' }, 'not_told_why'], [{ by_whom: ['children'] }, 'by_children'], [{ owner_id: ids.sw }, 'owner_id']]) {
    const bad = await api.post('/api/v1/homes/1/bullying-concerns', { ...valid, ...fields });
    assert.equal(bad.status, 400, JSON.stringify(fields));
    assert.ok(bad.body.error.fields.some((f) => f.field === field), `${field}: ${bad.text}`);
  }
  assert.equal(one('SELECT COUNT(*) FROM bullying_concerns'), before, 'nothing saved');
  const supportWorker = new Api(server.url, await createApiToken(worker, 'bullying'));
  const made = await supportWorker.post('/api/v1/homes/1/bullying-concerns', valid);
  assert.equal(made.status, 201, made.text);
  assert.equal(made.headers.get('location'), `/api/v1/homes/1/bullying-concerns/${made.body.id}`);
  assert.equal(made.body.report_back.clock.kind, 'bullying_report_back');
  assert.equal(made.body.owing, 1, 'the first stage owes him being told');
  const stages = `/api/v1/homes/1/bullying-concerns/${made.body.id}/stages`;
  const investigation = { stage: 'investigated', happened_on: london().on, happened_time: london().time,
    what: 'The messages were from an older boy at school.', safeguarding: 'cp_referral', child_told: 'yes', told_on: london().on,
    told_how: 'in_person', child_said: 'OK' };
  assert.equal((await supportWorker.post(stages, investigation)).status, 403);
  const noReference = await api.post(stages, investigation);
  assert.equal(noReference.status, 400);
  assert.deepEqual(noReference.body.error.fields.map((f) => f.field), ['safeguarding_reference']);
  const referred = await api.post(stages, { ...investigation, safeguarding_reference: 'MASH, today, ref 2211' });
  assert.equal(referred.status, 200, referred.text);
  assert.equal(referred.body.stages.at(-1).safeguarding_label, 'A child protection referral');
  assert.equal(referred.body.stages.at(-1).serious_event, null);
  // A Reg 40 event found by the investigation is raised as the notification itself, its clock running.
  const noEvent = await api.post(stages, { ...investigation, safeguarding: 'reg40' });
  assert.equal(noEvent.status, 400);
  assert.deepEqual(noEvent.body.error.fields.map((f) => f.field), ['serious_event']);
  const eventsBefore = Number(one(`SELECT COUNT(*) FROM serious_events WHERE child_id = ${ids.ben}`));
  const notified = await api.post(stages, { ...investigation, safeguarding: 'reg40', serious_event: 'police_serious_incident',
    what: 'An older boy took his phone with threats; the police came.' });
  assert.equal(notified.status, 200, notified.text);
  assert.equal(Number(one(`SELECT COUNT(*) FROM serious_events WHERE child_id = ${ids.ben}`)), eventsBefore + 1);
  const link = notified.body.stages.at(-1).serious_event;
  assert.equal(link.event, 'police_serious_incident');
  assert.equal(link.href, `/children/${ids.ben}/serious-events/${link.id}`);
  assert.equal(link.everyone_told, false);
  assert.ok(link.still_to_tell.length > 0, 'Ofsted and the placing authority are still to be told');
  const event = await api.get(`/api/v1/homes/1/serious-events/${link.id}`);
  assert.equal(event.status, 200, event.text);
  assert.equal(event.body.child.id, ids.ben);
  assert.equal(event.body.event, 'police_serious_incident');
  assert.equal(event.body.what_happened, 'An older boy took his phone with threats; the police came.');
  assert.equal(event.body.clock.kind, 'reg40_notification');
  const page = await api.get(`/api/v1/homes/1/bullying-concerns/${made.body.id}`);
  assert.equal(page.body.stages.at(-1).serious_event.id, link.id, 'the concern keeps its link');
  const wrongStage = await api.post(`/api/v1/homes/1/bullying-concerns/${made.body.id}/told`,
    { stage_id: one(`SELECT MIN(id) FROM bullying_stages WHERE concern_id = ${ids.demoConcern}`), told_on: london().on, told_how: 'phone', child_said: 'x' });
  assert.equal(wrongStage.status, 400, "another concern's stage");
  assert.ok(wrongStage.body.error.fields.some((f) => f.field === 'stage_id'));

  // An interaction as the response to a concern about the child.
  const interactions = `/api/v1/children/${ids.ben}/managed-interactions`;
  const interaction = { other_child_id: ids.kai, kind: 'not_alone', why: 'Until the review.', source: 'bullying_response',
    agreed_by: 'Jo Whitfield, deputy', starts_on: london().on, review_on: inAWeek() };
  const noConcern = await api.post(interactions, interaction);
  assert.equal(noConcern.status, 400);
  assert.ok(noConcern.body.error.fields.some((f) => f.field === 'concern_id'));
  const notHis = await api.post(interactions, { ...interaction, concern_id: ids.demoConcern });
  assert.equal(notHis.status, 400, 'the demo concern is not about Ben');
  const agreed = await api.post(interactions, { ...interaction, concern_id: made.body.id });
  assert.equal(agreed.status, 201, agreed.text);
  assert.equal(agreed.body.other_child.name, 'Kai Donovan');
  assert.equal(agreed.body.review_clock.state, 'open');
  const fromKai = await api.get(`/api/v1/children/${ids.kai}/managed-interactions/${agreed.body.id}`);
  assert.equal(fromKai.body.other_child.name, 'Ben Cole', "read from the other child's side");
  assert.ok((await api.get(`/api/v1/children/${ids.kai}/managed-interactions`)).body.managed_interactions.some((m) => m.id === agreed.body.id));
  assert.equal((await api.get(`/api/v1/children/${ids.lily}/managed-interactions/${agreed.body.id}`)).status, 404);
  // The closed concerns a page at a time, newest first.
  const list = await api.get('/api/v1/homes/1/bullying-concerns');
  const closed = list.body.closed.map((c) => c.id);
  assert.ok(closed.length >= 2);
  assert.deepEqual(closed, [...closed].sort((a, b) => b - a));
  const older = await api.get(`/api/v1/homes/1/bullying-concerns?before=${closed[0]}`);
  assert.equal(older.status, 200);
  assert.deepEqual(older.body.open, [], 'the open ones are on the first page');
  assert.deepEqual(older.body.closed.map((c) => c.id), closed.slice(1));
  assert.equal((await api.get('/api/v1/homes/1/bullying-concerns?before=nonsense')).status, 400);
  assert.equal((await api.get('/api/v1/homes/2/bullying-concerns')).status, 404);

  // One agreed to begin next week is not yet in force, and has not ended either.
  const later = await api.post(interactions, { other_child_id: ids.lily, kind: 'not_alone', why: 'From the new term.',
    source: 'risk_assessment', agreed_by: 'Jo Whitfield, deputy', starts_on: london(-60 * 24 * 3).on, review_on: inAWeek() });
  assert.equal(later.status, 201, later.text);
  assert.equal(later.body.in_force, false, 'not yet begun');
  assert.equal(later.body.ended_on, null);
  assert.doesNotMatch(words((await deputy.get(`/children/${ids.ben}/relationships`)).text),
    /Managed interactions ended .*Not to be alone together: Lil Evans-Ward/, 'one yet to begin has not ended');
});

test("friendships: refused until whole; a worrying one rests on a risk assessment; a friend who lives here named only to who may read them; looked at again until it ends; the limits a harmful sexual behaviour assessment sets", async () => {
  const action = `/children/${ids.aisha}/relationships/friendships`;
  assert.match((await worker.get(`/children/${ids.aisha}/relationships`)).text, new RegExp(`href="${action}/new"`));
  const blank = readForm((await worker.get(`${action}/new`)).text, action);
  const saved = () => count(`SELECT COUNT(*) FROM friendships WHERE child_id = ${ids.aisha}`);
  const before = saved();
  const refused = await worker.post(action, blank);
  assert.equal(refused.status, 400);
  for (const field of ['where', 'what_it_means', 'influence', 'plan']) {
    assert.match(refused.text, new RegExp(`<a href="#${field}`), `the summary names ${field}`);
  }
  const outside = { ...blank, where: 'outside', with_name: 'Qx4-Robin', who_they_are: 'Someone she met online',
    what_it_means: 'They talk every night.', plan: 'limit', plan_detail: 'No calls after nine.' };
  const unlinked = await worker.post(action, { ...outside, influence: 'exploitative', noticed: 'Asked her for photos.' });
  assert.equal(unlinked.status, 400);
  assert.match(unlinked.text, /<a href="#risk_plan_id">Choose the risk assessment this friendship rests on/);
  const unnoticed = await worker.post(action, { ...outside, influence: 'worry' });
  assert.match(unnoticed.text, /<a href="#noticed">Enter what staff noticed/);
  assert.equal(saved(), before, 'nothing saved');

  const risk = Number(one(`SELECT id FROM plans WHERE child_id = ${ids.aisha} AND kind LIKE 'risk_%' ORDER BY id LIMIT 1`));
  const noDay = await worker.post(action, { ...outside, influence: 'exploitative', noticed: 'Asked her for photos.',
    risk_plan_id: String(risk) });
  assert.equal(noDay.status, 400);
  assert.match(noDay.text, /<a href="#look_again_by/, 'a worrying friendship is looked at again by a day');
  const linked = await worker.post(action, typedOver(outside, { influence: 'exploitative', noticed: 'Asked her for photos.',
    risk_plan_id: String(risk), look_again_by: inAWeek() }));
  assert.equal(linked.status, 303, linked.text.slice(0, 300));
  const robin = words((await worker.get(linked.headers.get('location'))).text);
  assert.match(robin, /Friendship with Qx4-Robin Who they are Someone she met online .* Its influence Exploitative The plan Limit it\. No calls after nine\. Look at it again by \d+ \w+ \d{4} It rests on /);
  const chronology = await api.get(`/api/v1/children/${ids.aisha}/chronology?kind=friendship`);
  assert.ok(chronology.body.entries.some((e) => e.title === 'Friendship with Qx4-Robin: Exploitative' && e.significant),
    'a worrying friendship is a significant event in her chronology');
  // Its clock to look again, met by the next look, which sets the next.
  const robinId = Number(linked.headers.get('location').match(/friendships\/(\d+)/)[1]);
  const clocks = () => one(`SELECT state || ': ' || title FROM deadlines WHERE source_type = 'friendship' AND source_id = ${robinId}
    AND kind = 'friendship_look_again' ORDER BY id`).split('\n');
  assert.deepEqual(clocks(), ["open: Look again at Aisha's friendship with Qx4-Robin"]);
  assert.match(robin, /Look at it again by \d+ \w+ \d{4}/);
  const robinLooks = `/api/v1/children/${ids.aisha}/friendships/${robinId}/looks`;
  const undated = await api.post(robinLooks, { influence: 'worry', noticed: 'Fewer messages now.', plan: 'keep_in_touch' });
  assert.equal(undated.status, 400);
  assert.deepEqual(undated.body.error.fields.map((f) => f.field), ['look_again_by']);
  const lookedAgain = await api.post(robinLooks, { influence: 'worry', noticed: 'Fewer messages now.', plan: 'keep_in_touch',
    look_again_by: inAWeek() });
  assert.equal(lookedAgain.status, 200, lookedAgain.text);
  assert.equal(lookedAgain.body.now.look_again_by, inAWeek());
  assert.deepEqual(clocks().map((c) => c.split(':')[0]), ['met', 'open']);

  // With Kai, who lives here: Aisha's social worker, who may not read about Kai, sees "another young person".
  const withKai = await api.post(`/api/v1/children/${ids.aisha}/friendships`, { where: 'inside', other_child_id: ids.kai,
    what_it_means: 'They play chess after tea.', influence: 'positive', plan: 'encourage' });
  assert.equal(withKai.status, 201, withKai.text);
  assert.equal(withKai.body.friend.name, 'Kai Donovan', 'the deputy may read about Kai');
  const swSees = await swApi.get(`/api/v1/children/${ids.aisha}/friendships/${withKai.body.id}`);
  assert.equal(swSees.status, 200);
  assert.deepEqual(swSees.body.friend, { id: null, name: 'another young person', who_they_are: 'Lives here too', lives_here: true, named: false });
  const swTab = (await sw.get(`/children/${ids.aisha}/relationships`)).text;
  assert.match(words(swTab), /Qx4-Robin \(Someone she met online\)/);
  assert.doesNotMatch(swTab, kaiNamed);
  assert.equal((await swApi.get(`/api/v1/children/${ids.kai}/friendships`)).status, 404, "Kai's own are not theirs to read");
  // The Reg 44 visitor, with Aisha's consent and not Kai's, reads her friendships the same way.
  const visitor = new Client(server.url);
  await visitor.signIn('reg44@example.org');
  const visitorTab = await visitor.get(`/children/${ids.aisha}/relationships`);
  assert.equal(visitorTab.status, 200);
  assert.match(words(visitorTab.text), /another young person \(Lives here too\)/);
  assert.doesNotMatch(visitorTab.text, kaiNamed);
  const visitorSees = JSON.parse((await visitor.get(`/children/${ids.aisha}/relationships/friendships/${withKai.body.id}`, json)).text);
  assert.equal(visitorSees.friend.named, false);

  // Looked at again: it ended. Then nothing more can be added to it.
  const looks = `/api/v1/children/${ids.aisha}/friendships/${withKai.body.id}/looks`;
  assert.equal((await api.post(looks, { influence: 'positive' })).status, 400, 'the plan, unless it ended');
  const ended = await api.post(looks, { influence: 'positive', ended: true, noticed: 'Kai moved rooms; they drifted apart.' });
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.body.looks.length, 2, 'the first look is kept beside the second');
  assert.equal(ended.body.now.ended, true);
  assert.equal((await api.post(looks, { influence: 'positive', plan: 'encourage' })).status, 409);

  // A harmful sexual behaviour risk assessment sets the limits on her friendships, shown with them.
  const managerClient = new Client(server.url);
  await managerClient.signIn('manager.willow@example.org');
  const hsbApi = new Api(server.url, await createApiToken(managerClient, 'hsb'));
  const hsb = await hsbApi.post(`/api/v1/children/${ids.aisha}/plans`, { kind: 'risk_harmful_sexual_behaviour',
    section_the_risk: 'Qx4-risk', section_what_reduces: 'Qx4-limits: friendships with younger children only with staff present.',
    section_if_it_happens: 'Tell the manager at once.', risk_level: 'medium', effective_on: london().on, review_by: inAWeek(),
    reason: 'First version', child_views: 'I understand.' });
  assert.equal(hsb.status, 201, hsb.text);
  const list = await api.get(`/api/v1/children/${ids.aisha}/friendships`);
  assert.match(list.body.limits.limits, /^Qx4-limits/);
  assert.equal(list.body.limits.id, hsb.body.id);
  assert.match(words((await worker.get(`/children/${ids.aisha}/relationships`)).text), /Limits on friendships , from Risk assessment: harmful sexual behaviour : Qx4-limits: friendships with younger children only with staff present\./);
});

test("a change of staff that matters to Aisha: her view asked, refused without it or why not, on her tab awaiting the registered manager, who alone responds", async () => {
  const action = `/children/${ids.aisha}/relationships/staff-changes`;
  const blank = readForm((await worker.get(`${action}/new`)).text, action);
  const rows = () => count(`SELECT COUNT(*) FROM staff_changes WHERE child_id = ${ids.aisha}`);
  const before = rows();
  const refused = await worker.post(action, { ...blank, staff_name: 'Qx5-Jordan', kind: 'leaving', 'happens_on-day': '1',
    'happens_on-month': '2', 'happens_on-year': '2027', keeping_in_touch: 'A goodbye tea' });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /<a href="#child_view">Enter what Aisha Bennett said about it, in their words, or why they could not be asked/);
  assert.equal(rows(), before, 'nothing saved');
  const saved = await worker.post(action, { ...blank, staff_name: 'Qx5-Jordan', kind: 'leaving', 'happens_on-day': '1',
    'happens_on-month': '2', 'happens_on-year': '2027', child_view: 'Qx5-view: who will take me swimming?',
    keeping_in_touch: 'A goodbye tea, and a card from everyone' });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));
  const page = saved.headers.get('location').replace('?saved=1', '');
  assert.match(words((await worker.get(`/children/${ids.aisha}/relationships`)).text),
    /Qx5-Jordan: Leaving the home , 1 February 2027 Awaiting the registered manager's response/);
  assert.doesNotMatch((await worker.get(page)).text, /Respond to what they said/, 'a support worker does not respond');
  assert.equal((await worker.post(`${page}/response`, { response: 'x' })).status, 403);
  assert.equal((await deputy.post(`${page}/response`, { response: 'x' })).status, 403, 'nor the deputy: the registered manager');
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  assert.match((await manager.get(page)).text, /Respond to what they said/);
  const empty = await manager.post(`${page}/response`, { response: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /<a href="#response">/);
  const answered = await manager.post(`${page}/response`, { response: 'Qx5-response: Sam will take her swimming on Thursdays.' });
  assert.equal(answered.status, 303);
  assert.match(words((await sw.get(page)).text), /Qx5-view: who will take me swimming\? .* Qx5-response: Sam will take her swimming on Thursdays\. \(Sam Carter/,
    "Aisha's social worker reads her view and the response");
  const line = (await api.get(`/api/v1/children/${ids.aisha}/chronology?kind=staff_change`)).body.entries
    .find((e) => e.title === 'A change of staff: Qx5-Jordan (Leaving the home)');
  assert.ok(line, 'in her chronology');
});

test('the pattern: a home\'s figures as charts, tables and CSV; across the homes without a child named', async () => {
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const figures = (await manager.get('/homes/1/bullying-figures', json)).json();
  assert.equal(figures.by_month.length, 12);
  assert.equal(figures.by_month.reduce((n, m) => n + m.count, 0), figures.concerns);
  assert.equal(figures.concerns, count(`SELECT COUNT(*) FROM bullying_concerns WHERE home_id = 1
    AND occurred_at >= '${figures.by_month[0].month}-01'`) , 'every concern of the twelve months, and no other');
  const page = await manager.get('/homes/1/bullying-figures');
  assert.equal(page.status, 200);
  assert.match(page.text, /<svg[\s\S]*Concerns by month/);
  assert.match(words(page.text), /Children involved more than once/);
  const csv = await manager.get('/homes/1/bullying-figures?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.match(csv.headers.get('content-disposition'), /attachment/);
  assert.match(csv.text, /^figure,what,count\r\nmonth,/);
  assert.equal((await sw.get('/homes/1/bullying-figures')).status, 404, 'the social worker reads children, not the home');

  const ri = new Client(server.url);
  await ri.signIn('ri@example.org');
  const across = await ri.get('/organisation/bullying-figures');
  assert.equal(across.status, 200);
  assert.match(words(across.text), /Bullying by home .*Harbour View \d+ \d+/);
  assert.match(words(across.text), /Willow House \d+ \d+/);
  const acrossJson = (await ri.get('/organisation/bullying-figures', json)).json();
  assert.ok(!JSON.stringify(acrossJson).match(/Aisha|Kai|Noor|Lily|child_id/), 'counts only across the homes');
  assert.equal(acrossJson.homes.reduce((n, h) => n + h.concerns, 0), acrossJson.all.concerns);
  assert.equal((await manager.get('/organisation/bullying-figures')).status, 403);
});
