// Reflective practice and team meetings through the real server: a session is recorded by a
// senior, refused field by field with nothing saved (a day to come, nobody who came, a child not
// chosen, nothing learned); it names a child only to a reader who may read that child; the figures
// show sessions held this month, who has not been to one in three months, and supervision on time —
// each person's only to those who read staff records.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, demoIds, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

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
    willow: demo.home('Willow House'), harbour: demo.home('Harbour View'),
    chris: demo.person('rsw1.willow@example.org'), jo: demo.person('deputy.willow@example.org'),
    aisha: demo.child('Aisha Bennett'),
  };
});
after(async () => {
  await server.stop();
});

test('a session is recorded, refused field by field, and names a child only to who may read them', async () => {
  const deputy = await signedIn('deputy.willow@example.org');
  const path = `/homes/${ids.willow}/team-sessions`;
  const page = await deputy.get(path);
  assert.equal(page.status, 200);
  const form = readForm(page.text, path);
  const before = one('SELECT COUNT(*) FROM team_sessions');
  const bad = await deputy.post(path, typedOver(form, { kind: 'reflective_practice', held_on: london(-24 * 60).on, about: 'child' }));
  assert.equal(bad.status, 400);
  for (const field of ['held_on', 'attendees', 'child_id', 'learned']) {
    assert.match(bad.text, new RegExp(`href="#${field}`), field);
  }
  assert.equal(one('SELECT COUNT(*) FROM team_sessions'), before, 'nothing saved');
  const saved = await deputy.post(path, typedOver(form, {
    kind: 'reflective_practice', held_on: london(0).on, about: 'child', child_id: String(ids.aisha),
    attendees: [String(ids.chris), String(ids.jo)], learned: 'Aisha settles when the same adult does the school run',
  }));
  assert.equal(saved.status, 303, words(saved.text).slice(0, 400));
  const session = saved.headers.get('location').split('?')[0];
  assert.match(words((await deputy.get(session)).text), /A child's needs: Aisha Bennett .*Chris Okafor/);

  const list = words((await deputy.get(path)).text);
  assert.match(list, /Reflective practice session, .*: A child's needs: Aisha Bennett \(2 came\)/);
  const ri = await signedIn('ri@example.org');
  assert.equal((await ri.get(session)).status, 200, 'oversight sees that sessions happen');
  for (const email of ['social.worker@example.org', 'rsw1.harbour@example.org']) {
    const c = await signedIn(email);
    assert.ok([403, 404].includes((await c.get(session)).status), email);
  }
  assert.equal((await (await signedIn('rsw1.willow@example.org')).post(path, form)).status, 403, 'a support worker does not write one');
});

test('the figures: sessions this month, who has not been in three months, supervision on time', async () => {
  const manager = await signedIn('manager.harbour@example.org');
  const page = words((await manager.get(`/homes/${ids.harbour}/team-sessions`)).text);
  assert.match(page, /Not at a session in three months Robin Hale/);
  assert.match(page, /% of supervisions due in the last twelve months were signed by both by their day/);
  assert.match(page, /Supervision on time, by person, the last twelve months .*Jamie Fox \d+ \d+ \d+%/);
  const months = Number(one(`SELECT COUNT(DISTINCT substr(held_on, 1, 7)) FROM team_sessions WHERE home_id = ${ids.harbour}`));
  assert.ok(months >= 11, 'a year of sessions');
  const worker = await signedIn('rsw1.harbour@example.org');
  const theirs = await worker.get(`/homes/${ids.harbour}/team-sessions`, { headers: { accept: 'application/json' } });
  assert.equal(theirs.status, 200);
  const body = JSON.parse(theirs.text);
  assert.equal(body.figures.supervision, undefined, 'each person\'s supervision is read with their staff record');
  assert.ok(body.figures.not_attended_in_three_months.some((p) => p.name === 'Robin Hale'));
});
