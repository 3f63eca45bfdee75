// The rota through the real server. A week of a home's rota shows who is on shift now and the days
// short of the staffing the statement of purpose promises; a shift ending before it starts, someone
// whose checks are not recorded, an agency worker without their agency are named at the field and
// nothing is saved; a shift put on for tomorrow is planned, one put on once begun is a change; what
// happened is recorded once it has begun, sickness with its cover, once. Who is on shift now is at
// handover and first among the staff of the incident form. The rota is read by those who work at
// the home and kept by its seniors. A person's own shifts reach their calendar through an address of
// their own, until they revoke it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, demoIds, demoPassword, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

let server;
let ids;
let manager;
const words = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();
const signedIn = async (email) => {
  const c = new Client(server.url);
  await c.signIn(email);
  return c;
};
const daysAhead = (n) => london(-n * 24 * 60).on;

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    willow: demo.home('Willow House'), chris: demo.person('rsw1.willow@example.org'),
    dana: demo.person('rsw2.willow@example.org'), kai: demo.child('Kai Donovan'),
  };
  manager = await signedIn('manager.willow@example.org');
});
after(async () => {
  await server.stop();
});

test('a week of the rota: who is on shift now, the days short of the promise, and shifts put on refused field by field', async () => {
  const rota = `/homes/${ids.willow}/rota`;
  const page = await manager.get(rota);
  assert.equal(page.status, 200);
  assert.match(words(page.text), /On shift now .* until \d\d:\d\d/);
  const ahead = await manager.get(`${rota}?week=${daysAhead(3)}`);
  assert.match(words(ahead.text), /Fewer staff than the statement of purpose promises: .*Early: 1 on the rota of the 2 the statement of purpose promises/);

  // Someone whose checks are not recorded is not put on the rota.
  const people = `/homes/${ids.willow}/people`;
  const offered = readForm((await manager.get(people)).text, people);
  assert.equal((await manager.post(people, { ...offered, name: 'Rowan Pike', email: 'rowan.pike@example.org', job_title: 'Residential support worker', role: 'support_worker' })).status, 201);
  const rowan = one("SELECT id FROM people WHERE email = 'rowan.pike@example.org'");

  const before = one('SELECT COUNT(*) FROM shifts');
  const form = readForm((await manager.get(rota)).text, `${rota}/shifts`);
  const tomorrow = daysAhead(1);
  const post = (fields) => manager.post(`${rota}/shifts`, typedOver(form, { kind: 'early', role: 'on_shift', on: tomorrow, starts: '07:00', ends: '15:00', ...fields }));
  const backwards = await post({ person_id: String(ids.chris), ends: '06:00' });
  assert.equal(backwards.status, 400);
  assert.match(backwards.text, /href="#ends"/);
  const unchecked = await post({ person_id: rowan });
  assert.equal(unchecked.status, 400);
  assert.match(words(unchecked.text), /Rowan Pike cannot be on the rota that day/);
  const agency = await post({ person_id: '', agency_worker: 'Lee Parry' });
  assert.equal(agency.status, 400);
  assert.match(agency.text, /href="#agency"/);
  assert.match(agency.text, /href="#agency_checks"/);
  assert.equal(one('SELECT COUNT(*) FROM shifts'), before, 'nothing saved');

  const planned = await post({ person_id: String(ids.dana), role: 'shift_lead', kind: 'long_day' });
  assert.equal(planned.status, 303, words(planned.text).slice(0, 500));
  const dana = one(`SELECT planned FROM shifts WHERE person_id = ${ids.dana} ORDER BY id DESC LIMIT 1`);
  assert.equal(dana, '1', 'put on before its day: the plan');
  const week = await manager.get(planned.headers.get('location'));
  assert.match(words(week.text), /Long day Dana Lewis ?, 07:00 to 15:00, Shift lead Planned/);
});

test('what happened on a shift: once it has begun, sickness with its cover, once; the rota at handover and on the incident form', async () => {
  const rota = `/homes/${ids.willow}/rota`;
  const started = london(60);
  const ends = london(-120);
  const form = readForm((await manager.get(rota)).text, `${rota}/shifts`);
  const added = await manager.post(`${rota}/shifts`, typedOver(form, {
    person_id: String(ids.chris), kind: 'long_day', role: 'on_shift', on: started.on, starts: started.time, ends: ends.time, ends_on: ends.on,
  }));
  assert.equal(added.status, 303, words(added.text).slice(0, 500));
  const shift = one(`SELECT id FROM shifts WHERE person_id = ${ids.chris} AND kind = 'long_day' ORDER BY id DESC LIMIT 1`);
  assert.equal(one(`SELECT planned FROM shifts WHERE id = ${shift}`), '0', 'put on once begun: a change to the plan');

  const handover = words((await manager.get(`/homes/${ids.willow}/handover`)).text);
  assert.match(handover, /On shift now .*Chris Okafor — Long day, On shift/);
  await manager.get(`/homes/${ids.willow}/incidents/new?child=${ids.kai}`);
  const incident = await manager.get(`/homes/${ids.willow}/incidents/new?child=${ids.kai}`);
  assert.match(words(incident.text), /Staff involved .*Chris Okafor \(on shift now\)/);

  const path = `${rota}/shifts/${shift}`;
  const page = await manager.get(path);
  assert.equal(page.status, 200);
  const outcome = readForm(page.text, `${path}/outcome`);
  const noCover = await manager.post(`${path}/outcome`, typedOver(outcome, { outcome: 'sick' }));
  assert.equal(noCover.status, 400);
  assert.match(noCover.text, /href="#note"/);
  assert.equal(one(`SELECT COUNT(*) FROM shifts WHERE id = ${shift} AND outcome IS NULL`), '1', 'nothing saved');
  const sick = await manager.post(`${path}/outcome`, typedOver(outcome, { outcome: 'sick', note: 'Went home ill; Jo covered' }));
  assert.equal(sick.status, 303);
  assert.match(words((await manager.get(path)).text), /Off sick Went home ill; Jo covered/);
  const again = await manager.post(`${path}/outcome`, typedOver(outcome, { outcome: 'worked' }));
  assert.equal(again.status, 409, 'recorded once');
  assert.doesNotMatch(words((await manager.get(`/homes/${ids.willow}/handover`)).text), /Chris Okafor — Long day/, 'off sick is not on shift');

  // Tomorrow's shift: nothing has happened yet.
  const future = one(`SELECT id FROM shifts WHERE home_id = ${ids.willow} AND starts_at > '${new Date(Date.now() + 86400000).toISOString()}' ORDER BY id LIMIT 1`);
  const tooSoon = await manager.post(`${rota}/shifts/${future}/outcome`, typedOver(outcome, { outcome: 'worked' }));
  assert.equal(tooSoon.status, 400);
  assert.match(tooSoon.text, /Record what happened once the shift has begun/);
});

test('who reads and keeps the rota; a person\'s own shifts in their calendar until revoked', async () => {
  const rota = `/homes/${ids.willow}/rota`;
  const chris = await signedIn('rsw1.willow@example.org');
  const read = await chris.get(rota);
  assert.equal(read.status, 200);
  assert.doesNotMatch(read.text, /Put them on the rota/);
  assert.equal((await chris.post(`${rota}/shifts`, { person_id: String(ids.chris) })).status, 403);
  for (const email of ['social.worker@example.org', 'rsw1.harbour@example.org', 'reg44@example.org']) {
    const c = await signedIn(email);
    assert.ok([403, 404].includes((await c.get(rota)).status), email);
  }

  const own = await chris.get('/account/shifts');
  assert.equal(own.status, 200);
  assert.match(words(own.text), /(Early|Late|Long day) at Willow House/);
  const wrong = await chris.post('/account/shifts', { password: 'not my password' });
  assert.equal(wrong.status, 400);
  const made = await chris.post('/account/shifts', { password: demoPassword });
  assert.equal(made.status, 201, words(made.text).slice(0, 300));
  const url = new URL(unescapeHtml(made.text.match(/<code class="hearth-token">([^<]+)<\/code>/)[1]));
  assert.equal(url.pathname, '/account/shifts.ics');
  const feed = await fetch(server.url + url.pathname + url.search);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const ics = await feed.text();
  const mine = one(`SELECT id FROM shifts WHERE person_id = ${ids.chris} AND starts_at > '${new Date().toISOString()}' ORDER BY starts_at LIMIT 1`);
  assert.match(ics, new RegExp(`UID:shift-${mine}@hearth\\r\\n`));
  const danas = one(`SELECT id FROM shifts WHERE person_id = ${ids.dana} ORDER BY starts_at DESC LIMIT 1`);
  assert.doesNotMatch(ics, new RegExp(`UID:shift-${danas}@`), 'only his own');
  assert.match(ics, /STATUS:CANCELLED/, 'the shift he was off sick from');
  const key = url.searchParams.get('key');
  assert.equal((await fetch(`${server.url}${rota}?key=${key}`, { redirect: 'manual' })).status, 401, 'the key reads the feed and nothing else');

  const listed = await chris.get('/account/shifts');
  const revoke = listed.text.match(/action="(\/account\/tokens\/\d+\/revoke)"/)[1];
  assert.equal((await chris.post(revoke, {})).status, 303);
  assert.equal((await fetch(server.url + url.pathname + url.search, { redirect: 'manual' })).status, 401);
});
