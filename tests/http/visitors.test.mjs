// The visitors' book through the real server: a visitor is signed in at the door, bad input named
// field by field and nothing saved; who is in the building now; signing out before they came is
// refused and twice is a conflict; the handover flags a visitor still signed in since yesterday;
// the registered manager keeps the list of items not allowed in; who may read and write the book;
// and a visit to one child never shows in another's record.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

let server;
let worker;
let ids;
const words = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    willow: demo.home('Willow House'), harbour: demo.home('Harbour View'),
    aisha: demo.child('Aisha Bennett'), ben: demo.child('Ben Cole'), noor: demo.child('Noor Farah'),
    chris: demo.person('rsw1.willow@example.org'), dana: demo.person('rsw2.willow@example.org'),
  };
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
});
after(async () => {
  await server.stop();
});

test('a visitor is signed in at the door: refused until whole, then in the building and in the child\'s chronology', async () => {
  const book = `/homes/${ids.willow}/visitors`;
  const page = await worker.get(`${book}/new`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.text, /<script(?![^>]*src=)/, 'no inline script');
  const offered = readForm(page.text, book);
  assert.equal(offered.let_in_by, String(ids.chris), 'let in by whoever signs them in');
  assert.match(words(page.text), /Not allowed in: Lighters, Matches, Alcohol/);
  const before = one('SELECT COUNT(*) FROM visits');

  const bad = await worker.post(book, typedOver(offered, {
    visitor_name: '', reason: '', id_kind: 'not_seen', items: 'Flowers\nA lighter', visiting: String(ids.noor) }));
  assert.equal(bad.status, 400);
  for (const field of ['visitor_name', 'reason', 'id_not_seen_why', 'items_action', 'visiting']) {
    assert.match(bad.text, new RegExp(`href="#${field}"`), field);
  }
  assert.match(words(bad.text), /A lighter is on the home(&apos;|')s list of items not allowed in/);
  assert.match(bad.text, /Flowers\nA lighter<\/textarea>/, 'what was typed is shown again');
  const later = london(-30);
  const future = await worker.post(book, typedOver(offered, {
    visitor_name: 'Robin Day', reason: 'Meeting', id_kind: 'passport', visiting: 'home',
    signed_in_on: later.on, signed_in_time: later.time }));
  assert.equal(future.status, 400);
  assert.match(future.text, later.on === london().on ? /href="#signed_in_time"/ : /href="#signed_in_on"/);
  assert.equal(one('SELECT COUNT(*) FROM visits'), before, 'nothing saved');

  const came = london(20);
  const made = await worker.post(book, typedOver(offered, {
    visitor_name: 'Morgan Ash', organisation: 'Aisha\'s godmother', visiting: String(ids.aisha),
    reason: 'Birthday visit', id_kind: 'driving_licence', items: 'A cake\nA lighter',
    items_action: 'Lighter held in the office until she leaves', let_in_by: String(ids.dana),
    signed_in_on: came.on, signed_in_time: came.time }));
  assert.equal(made.status, 303, words(made.text).slice(0, 600));
  const href = made.headers.get('location').split('?')[0];
  const id = href.split('/').pop();
  const shown = words((await worker.get(made.headers.get('location'))).text);
  assert.match(shown, /Signed in\./);
  assert.match(shown, /Driving licence/);
  assert.match(shown, /Not allowed in A lighter: Lighter held in the office until she leaves/);
  assert.match(shown, new RegExp(`${came.time}, let in by Dana Lewis`));

  const here = words((await worker.get(`${book}/in-building`)).text);
  assert.match(here, /Morgan Ash Aisha's godmother/);
  // After the home's evening hour a visitor still here is flagged, whenever the test runs.
  assert.match(here, new RegExp(`${came.time}( Overdue: still signed in after \\d\\d:\\d\\d)? Aisha Bennett Dana Lewis`));
  const listed = words((await worker.get(book)).text);
  assert.ok(listed.indexOf('Morgan Ash') < listed.indexOf('Left today'), 'in the building first');

  assert.equal(one(`SELECT title FROM chronology WHERE source_type = 'visit' AND source_id = ${id} AND child_id = ${ids.aisha}`),
    "Visitor: Morgan Ash (Aisha's godmother)");
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE record_type = 'visit' AND record_id = '${id}' AND action = 'create'`), '1');
});

test('signing out: not before they came, then once; a second time is a conflict', async () => {
  const api = new Api(server.url, await createApiToken(worker, 'visitors'));
  const came = london(60);
  const made = await api.post(`/api/v1/homes/${ids.willow}/visits`, {
    visitor_name: 'Jordan Vale', organisation: 'Willow Window Cleaning', visiting: ['home'],
    reason: 'Windows', id_kind: 'other', id_other: 'Company letter', signed_in_on: came.on, signed_in_time: came.time });
  assert.equal(made.status, 201, made.text);
  assert.equal(made.body.let_in_by.id, ids.chris);
  assert.equal(made.body.in_building, true);
  assert.equal(made.body.id_text, 'Company letter');
  const visit = `/homes/${ids.willow}/visitors/${made.body.id}`;

  const page = await worker.get(visit);
  const earlier = readForm(page.text.replace(/<form[^>]*>\s*<input[^>]*>\s*<button[^>]*>Sign out now[\s\S]*?<\/form>/, ''), `${visit}/sign-out`);
  const tooEarly = london(90);
  const refused = await worker.post(`${visit}/sign-out`, typedOver(earlier, { signed_out_on: tooEarly.on, signed_out_time: tooEarly.time }));
  assert.equal(refused.status, 400);
  assert.match(refused.text, /href="#signed_out_time"/);
  assert.match(words(refused.text), /The time they left must be after they signed in/);
  assert.equal(one(`SELECT COUNT(*) FROM visits WHERE id = ${made.body.id} AND signed_out_at IS NULL`), '1');

  const out = await worker.post(`${visit}/sign-out`, {});
  assert.equal(out.status, 303);
  assert.equal(out.headers.get('location'), `/homes/${ids.willow}/visitors?signed_out=1`);
  const again = await worker.post(`${visit}/sign-out`, {});
  assert.equal(again.status, 409);
  assert.match(words(again.text), /Jordan Vale was signed out already/);
  const apiAgain = await api.post(`/api/v1/homes/${ids.willow}/visits/${made.body.id}/sign-out`, {});
  assert.equal(apiAgain.status, 409);
  const inBuilding = (await api.get(`/api/v1/homes/${ids.willow}/visits/in-building`)).body.in_building;
  assert.ok(!inBuilding.some((v) => v.id === made.body.id));
});

test('the handover flags a visitor still signed in since yesterday; the dashboard counts who is here', async () => {
  const api = new Api(server.url, await createApiToken(worker, 'handover'));
  const handover = await api.get(`/api/v1/homes/${ids.willow}/handover`);
  assert.equal(handover.status, 200);
  const part = handover.body.parts.visitors;
  assert.ok(part, 'the visitors part is there');
  const contractor = part.in_building.find((v) => v.visitor_name === 'Tom Barker');
  assert.ok(contractor, 'the demo contractor never signed out yesterday');
  assert.equal(contractor.overdue, 'Overdue: still signed in since yesterday');
  assert.ok(part.overdue >= 1);
  const page = words((await worker.get(`/homes/${ids.willow}/handover`)).text);
  assert.match(page, /Overdue: still signed in since yesterday Tom Barker \(Barker Plumbing and Heating\)/);
  const dashboard = words((await worker.get(`/homes/${ids.willow}`)).text);
  assert.match(dashboard, /In the building now \d+ visitors signed in, \d+ overdue/);
});

test('earlier days come fifty a page, newest first', async () => {
  const api = new Api(server.url, await createApiToken(worker, 'pages'));
  const first = await api.get(`/api/v1/homes/${ids.willow}/visits`);
  assert.equal(first.status, 200);
  assert.equal(first.body.earlier.length, 50);
  assert.ok(first.body.next);
  const times = first.body.earlier.map((v) => v.signed_in_at);
  assert.deepEqual([...times].sort().reverse(), times);
  const second = await api.get(`/api/v1/homes/${ids.willow}/visits?after=${encodeURIComponent(first.body.next)}`);
  assert.equal(second.status, 200);
  assert.ok(second.body.earlier.length > 0);
  assert.ok(second.body.earlier[0].signed_in_at <= times.at(-1));
  assert.ok(!second.body.earlier.some((v) => first.body.earlier.some((w) => w.id === v.id)));
  const html = await worker.get(`/homes/${ids.willow}/visitors`);
  assert.match(html.text, /href="\/homes\/\d+\/visitors\?after=[^"]+" rel="next"/);
  assert.equal((await api.get(`/api/v1/homes/${ids.willow}/visits?after=nonsense`)).status, 400);
});

test('the registered manager keeps the list of items not allowed in; a support worker cannot', async () => {
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const action = `/homes/${ids.willow}/visitors/items-not-allowed`;
  assert.equal((await worker.get(action)).status, 403);
  const offered = readForm((await manager.get(action)).text, action);
  assert.match(offered.items, /Lighters\nMatches/);
  const saved = await manager.post(action, { ...offered, items: 'Lighters\nVapes' });
  assert.equal(saved.status, 303);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE record_type = 'visitor_item_list' AND action = 'change' AND detail LIKE '%Vapes%'`), '1');
  const form = readForm((await worker.get(`/homes/${ids.willow}/visitors/new`)).text, `/homes/${ids.willow}/visitors`);
  const flagged = await worker.post(`/homes/${ids.willow}/visitors`, typedOver(form, {
    visitor_name: 'Sky Hale', visiting: 'home', reason: 'Interview', id_kind: 'passport', items: 'Two vapes' }));
  assert.equal(flagged.status, 400);
  assert.match(flagged.text, /href="#items_action"/);
});

test('who may read and write the book; a social worker sees none of it', async () => {
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  const visit = one(`SELECT MIN(id) FROM visits WHERE home_id = ${ids.willow}`);
  for (const path of [`/homes/${ids.willow}/visitors`, `/homes/${ids.willow}/visitors/in-building`,
    `/homes/${ids.willow}/visitors/${visit}`]) {
    const res = await sw.get(path);
    assert.ok([403, 404].includes(res.status), `${path}: ${res.status}`);
  }
  assert.ok([403, 404].includes((await sw.post(`/homes/${ids.willow}/visitors/${visit}/sign-out`, {})).status));
  const reg44 = new Client(server.url);
  await reg44.signIn('reg44@example.org');
  assert.equal((await reg44.get(`/homes/${ids.willow}/visitors`)).status, 200, "the home's record, for the Reg 44 visitor");
  assert.equal((await reg44.get(`/homes/${ids.willow}/visitors/new`)).status, 403);
  const elsewhere = new Client(server.url);
  await elsewhere.signIn('rsw1.harbour@example.org');
  assert.ok([403, 404].includes((await elsewhere.get(`/homes/${ids.willow}/visitors`)).status));
  assert.equal((await elsewhere.get(`/homes/${ids.harbour}/visitors/${visit}`)).status, 404, 'a visit under another home');
});

test('a visit to two children: each chronology and export names only its own child, without the reason', async () => {
  const api = new Api(server.url, await createApiToken(worker, 'privacy'));
  const made = await api.post(`/api/v1/homes/${ids.willow}/visits`, {
    visitor_name: 'Lee Park', organisation: 'Youth worker', visiting: [String(ids.aisha), String(ids.ben)],
    reason: 'Talk with Aisha and Ben about the fallout at school', id_kind: 'badge' });
  assert.equal(made.status, 201, made.text);
  const rows = server.sql(`SELECT child_id, title, summary FROM chronology WHERE source_type = 'visit' AND source_id = ${made.body.id} ORDER BY child_id`);
  assert.doesNotMatch(rows, /Aisha|Ben|fallout/, rows);
  assert.equal(rows.trim().split('\n').length, 2);
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const exported = JSON.parse((await manager.get(`/children/${ids.ben}/export/record.json`)).text);
  const visitors = exported.sections.find((s) => s.key === 'visitors').content;
  const lee = visitors.find((v) => v.id === made.body.id);
  assert.equal(lee.reason, '');
  assert.equal(lee.with_other_children, true);
  assert.doesNotMatch(JSON.stringify(visitors), /Aisha|fallout/);
});

test("how children call privately is kept with the home's details and shown on the home's page", async () => {
  const admin = new Client(server.url);
  await admin.signIn('admin@example.org');
  const action = `/homes/${ids.willow}/details`;
  const offered = readForm((await admin.get(action)).text, action);
  const bad = await admin.post(action, { ...offered, private_phone: 'The cordless phone in the office' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#private_phone_kind"/);
  const saved = await admin.post(action, { ...offered, private_phone_kind: 'mobile',
    private_phone: 'Ask staff for the blue mobile; take it to your room or the garden' });
  assert.equal(saved.status, 303);
  const home = words((await worker.get(`/homes/${ids.willow}`)).text);
  assert.match(home, /Private calls: A dedicated mobile phone\. Ask staff for the blue mobile; take it to your room or the garden/);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE record_type = 'home' AND detail LIKE '%private phone mobile%'`), '1');
});
