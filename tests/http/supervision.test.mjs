// Supervision through the real server. The registered manager records a supervision for a support
// worker: nothing written, a day to come and an action without its owner are named at the field and
// nothing is saved; the incident with a hold the worker was part of since their last supervision is
// listed by Hearth, on the page and in the record; the manager signs, the record awaits the worker,
// who signs, and only then is the clock to it met and the next one started. Who reads it: the
// worker, their supervisor and the registered manager whole; the administrator without its
// confidential heading; no colleague, deputy, responsible individual or social worker. A deputy
// named as supervisor through the API then reads and records it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

let server;
let ids;
const words = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();
const signedIn = async (email) => {
  const c = new Client(server.url);
  await c.signIn(email);
  return c;
};

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    willow: demo.home('Willow House'),
    chris: demo.person('rsw1.willow@example.org'), dana: demo.person('rsw2.willow@example.org'),
    jo: demo.person('deputy.willow@example.org'), sam: demo.person('manager.willow@example.org'),
    kai: demo.child('Kai Donovan'),
  };
});
after(async () => {
  await server.stop();
});

const clockOf = (person) => one(`SELECT state || ':' || owner_id FROM deadlines WHERE kind = 'supervision_due' AND source_id = ${person} ORDER BY id DESC LIMIT 1`);

test('a supervision is recorded, refused field by field, lists the hold since the last, and its clock is met only when both have signed', async () => {
  const chris = await signedIn('rsw1.willow@example.org');
  // A hold Chris was part of, after his last supervision.
  const began = london(60);
  const held = london(55);
  const ended = london(40);
  await chris.get(`/homes/${ids.willow}/incidents/new?child=${ids.kai}`);
  const incident = await chris.post(`/homes/${ids.willow}/incidents`, {
    occurred_on: began.on, occurred_time: began.time, measure_began_on: held.on, measure_began_time: held.time,
    ended_on: ended.on, ended_time: ended.time, children: [String(ids.kai)], location: 'the garden',
    antecedents: 'Told a visit was cancelled', triggers: ['demand'], behaviour: 'Ran at the gate and hit out',
    communicating: ['control'], deescalation: 'A calm voice\nGave space', afterwards: 'Settled with a hot chocolate',
    restrictive_measure: 'physical_intervention', staff_involved: [String(ids.chris)],
  });
  assert.equal(incident.status, 303, words(incident.text).slice(0, 500));
  const incidentId = Number(incident.headers.get('location').match(/incidents\/(\d+)/)[1]);

  const manager = await signedIn('manager.willow@example.org');
  const path = `/homes/${ids.willow}/team/${ids.chris}/supervision`;
  const page = await manager.get(path);
  assert.equal(page.status, 200);
  const text = words(page.text);
  assert.match(text, /Supervised by Sam Carter \(the home's registered manager\)/);
  assert.match(text, /Awaiting the supervisee's signature/, 'the demo\'s latest awaits Chris');
  assert.match(text, /Restraint .*the garden\. Someone was held; no debrief or wellbeing check with them is recorded yet/);
  assert.match(page.text, new RegExp(`href="/children/\\d+/incidents/${incidentId}"`));
  assert.doesNotMatch(text, /Kai/, 'no child is named in what Hearth lists');

  const before = one(`SELECT COUNT(*) FROM supervisions WHERE person_id = ${ids.chris}`);
  const form = readForm(page.text, path);
  const tomorrow = london(-24 * 60).on;
  const bad = await manager.post(path, typedOver(form, { held_on: tomorrow, action1: 'Book the PACE course' }));
  assert.equal(bad.status, 400);
  for (const field of ['held_on', 'practice', 'action1_owner', 'action1_due']) {
    assert.match(bad.text, new RegExp(`href="#${field}`), field);
  }
  assert.match(bad.text, /Book the PACE course/, 'what was typed is shown again');
  assert.equal(one(`SELECT COUNT(*) FROM supervisions WHERE person_id = ${ids.chris}`), before, 'nothing saved');

  const today = london(0).on;
  const dueOn = london(-14 * 24 * 60).on;
  const saved = await manager.post(path, typedOver(form, {
    held_on: today, practice: 'Talked through the hold in the garden and what came before it',
    wellbeing: 'Shaken for a day; sleeping badly since', confidential: ['wellbeing'],
    reflection: 'Felt it was about him at the time; can see now it was about the visit',
    action1: 'Book the PACE course', action1_owner: String(ids.chris), action1_due: dueOn,
  }));
  assert.equal(saved.status, 303, words(saved.text).slice(0, 600));
  const recordPath = saved.headers.get('location').split('?')[0];
  const id = Number(recordPath.match(/supervision\/(\d+)$/)[1]);
  assert.equal(one(`SELECT COUNT(*) FROM supervision_incidents WHERE supervision_id = ${id} AND source_id = ${incidentId} AND restraint = 1`), '1');
  assert.equal(one(`SELECT owner_id FROM deadlines WHERE kind = 'supervision_action' AND source_type = 'supervision_action' AND title LIKE 'Book the PACE course%' ORDER BY id DESC LIMIT 1`), String(ids.chris));

  let record = await manager.get(recordPath);
  assert.match(words(record.text), /Awaiting both signatures/);
  assert.match(words(record.text), /Incidents listed by Hearth Restraint/);
  const sign = readForm(record.text, `${path}/${id}/sign`);
  assert.equal((await manager.post(`${path}/${id}/sign`, sign)).status, 303);
  record = await manager.get(recordPath);
  assert.match(words(record.text), /Awaiting the supervisee's signature/);
  assert.doesNotMatch(record.text, /Sign the supervision/, 'the manager has signed');
  const openBefore = one(`SELECT COUNT(*) FROM deadlines WHERE kind = 'supervision_due' AND source_id = ${ids.chris} AND state = 'open'`);
  assert.equal(openBefore, '1', 'one signature does not meet the clock');
  const dueId = one(`SELECT id FROM deadlines WHERE kind = 'supervision_due' AND source_id = ${ids.chris} AND state = 'open'`);

  const twice = await manager.post(`${path}/${id}/sign`, sign);
  assert.equal(twice.status, 400, 'signed once');
  const dana = await signedIn('rsw2.willow@example.org');
  assert.equal((await dana.post(`${path}/${id}/sign`, sign)).status, 403, 'a colleague neither reads nor signs it');

  const own = await chris.get(recordPath);
  assert.equal(own.status, 200);
  assert.match(words(own.text), /Shaken for a day/, 'the confidential heading is his to read');
  const chrisSign = readForm(own.text, `${path}/${id}/sign`);
  assert.equal((await chris.post(`${path}/${id}/sign`, chrisSign)).status, 303);
  assert.match(words((await chris.get(recordPath)).text), /Signed by both/);
  assert.equal(one(`SELECT state FROM deadlines WHERE id = ${dueId}`), 'met', 'met at the second signature');
  assert.equal(clockOf(ids.chris), `open:${ids.sam}`, 'the next one runs, owned by his supervisor');
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'sign' AND record_type = 'supervision' AND record_id = '${id}'`), '2');
});

test('who reads a supervision: the two and the registered manager whole, the administrator without what is confidential, nobody else', async () => {
  const manager = await signedIn('manager.willow@example.org');
  const managerApi = new Api(server.url, await createApiToken(manager));
  const list = await managerApi.get(`/api/v1/homes/${ids.willow}/team/${ids.chris}/supervision`);
  assert.equal(list.status, 200);
  assert.ok(list.body.supervisions.length >= 12);
  const withSecret = Number(one(`SELECT id FROM supervisions WHERE person_id = ${ids.chris} AND confidential LIKE '%wellbeing%' ORDER BY id DESC LIMIT 1`));
  const apiPath = `/api/v1/homes/${ids.willow}/team/${ids.chris}/supervision/${withSecret}`;
  const whole = await managerApi.get(apiPath);
  assert.equal(whole.status, 200);
  assert.ok(whole.body.discussed.some((h) => h.key === 'wellbeing' && h.confidential));

  const admin = await signedIn('admin@example.org');
  const adminView = await admin.get(`/homes/${ids.willow}/team/${ids.chris}/supervision/${withSecret}`);
  assert.equal(adminView.status, 200);
  assert.match(words(adminView.text), /1 confidential heading\(s\) are read only by the two who held it and the registered manager/);
  assert.doesNotMatch(words(adminView.text), /Their wellbeing/);

  const page = `/homes/${ids.willow}/team/${ids.chris}/supervision`;
  for (const email of ['rsw2.willow@example.org', 'deputy.willow@example.org', 'ri@example.org', 'social.worker@example.org', 'reg44@example.org', 'manager.harbour@example.org']) {
    const c = await signedIn(email);
    // Refused as forbidden, or, for a social worker whose children do not live here, as not there.
    for (const p of [page, `${page}/${withSecret}`]) {
      const res = await c.get(p);
      assert.ok([403, 404].includes(res.status), `${email} ${p}: ${res.status}`);
    }
  }
  const chris = await signedIn('rsw1.willow@example.org');
  assert.equal((await chris.get(page)).status, 200, 'his own');
  assert.doesNotMatch((await chris.get(page)).text, /Record the supervision/, 'he does not record his own');
  await chris.get(page);
  assert.equal((await chris.post(page, { held_on: london(0).on, practice: 'x' })).status, 403);
  const danaPage = `/homes/${ids.willow}/team/${ids.dana}/supervision`;
  assert.equal((await chris.get(danaPage)).status, 403, 'nor a colleague\'s');
  const reads = one(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'supervision' AND record_id = '${withSecret}'`);
  assert.ok(Number(reads) >= 2, 'each read audited');

  // The manager names the deputy as Dana's supervisor: the clock moves to her, and she reads and records.
  const badArrange = await managerApi.put(`/api/v1/homes/${ids.willow}/team/${ids.dana}/supervision/arrangement`, { supervisor_id: ids.dana });
  assert.equal(badArrange.status, 400);
  assert.equal(badArrange.body.error.fields[0].field, 'supervisor_id');
  const arranged = await managerApi.put(`/api/v1/homes/${ids.willow}/team/${ids.dana}/supervision/arrangement`, { supervisor_id: ids.jo, every_days: 21 });
  assert.equal(arranged.status, 200, arranged.text);
  assert.equal(clockOf(ids.dana), `open:${ids.jo}`);
  const jo = await signedIn('deputy.willow@example.org');
  const joApi = new Api(server.url, await createApiToken(jo));
  const first = await joApi.post(`/api/v1/homes/${ids.willow}/team/${ids.dana}/supervision`, {
    held_on: london(0).on, practice: 'Her first weeks: settling in with the young people', reflection: 'Nervous about nights',
  });
  assert.equal(first.status, 201, first.text);
  const signed = await joApi.post(`/api/v1/homes/${ids.willow}/team/${ids.dana}/supervision/${first.body.id}/sign`, {});
  assert.equal(signed.status, 200, signed.text);
  assert.equal(signed.body.signatures.state, 'awaiting_person');
  assert.equal((await jo.get(page)).status, 403, 'Jo supervises Dana, not Chris');
});
