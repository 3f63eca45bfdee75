// The team through the real server: a registered manager adds a new starter, whose role with
// children waits for their checks; bad details and checks are named field by field and nothing is
// saved; the last check brings the role into force; a supervised start does too, with a clock the
// last check meets; a qualification's clock and its achievement, once; a correction keeps the
// version before and a stale one is a conflict. Who may read a staff record: the person, their
// home's registered manager and the provider's administrator, nobody else, and every read audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, london, readForm, startServer, typedOver, unescapeHtml } from './server.mjs';

let server;
let manager;
let managerApi;
let ids;
const words = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const one = (sql) => server.sql(sql).trim();
const daysFromToday = (n) => london(-n * 24 * 60).on;
const signedIn = async (email) => {
  const c = new Client(server.url);
  await c.signIn(email);
  return c;
};
const goodDetails = {
  sex: 'female', date_of_birth: '1996-02-11', address: '5 Fern Walk, Northbridge', experience: 'A year in a youth club',
  works: 'part_time', hours_per_week: '24', paid: 'yes', lives_at_home: 'no',
};

before(async () => {
  server = await startServer();
  const demo = demoIds(server);
  ids = {
    willow: demo.home('Willow House'), harbour: demo.home('Harbour View'),
    chris: demo.person('rsw1.willow@example.org'), dana: demo.person('rsw2.willow@example.org'),
    jamie: demo.person('rsw1.harbour@example.org'),
  };
  manager = await signedIn('manager.willow@example.org');
  managerApi = new Api(server.url, await createApiToken(manager));
});
after(async () => {
  await server.stop();
});

test('a new starter waits for their checks; the manager records them, refused field by field, and the last brings their role into force', async () => {
  const people = `/homes/${ids.willow}/people`;
  const offered = readForm((await manager.get(people)).text, people);
  const added = await manager.post(people, { ...offered, name: 'Quinn Marsh', email: 'quinn.marsh@example.org', job_title: 'Residential support worker', role: 'support_worker' });
  assert.equal(added.status, 201, words(added.text).slice(0, 400));
  assert.match(words(added.text), /Their role here begins once the checks/);
  const quinn = Number(one("SELECT id FROM people WHERE email = 'quinn.marsh@example.org'"));
  assert.match(words((await manager.get(people)).text), /Quinn Marsh Awaiting checks/);
  const team = words((await manager.get(`/homes/${ids.willow}/team`)).text);
  assert.match(team, /1 waiting for their checks/);
  assert.match(team, /Quinn Marsh Residential support worker Awaiting checks No record yet Missing Identity seen/);

  const record = `/homes/${ids.willow}/team/${quinn}`;
  const page = await manager.get(record);
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Their role with children waits for their checks/);
  const details = readForm(page.text, `${record}/details`);
  const bad = await manager.post(`${record}/details`, typedOver(details, { ...goodDetails, hours_per_week: '', date_of_birth: '2015-01-01', started_on: daysFromToday(3) }));
  assert.equal(bad.status, 400);
  for (const field of ['hours_per_week', 'date_of_birth', 'started_on']) {
    assert.match(bad.text, new RegExp(`href="#${field}`), field);
  }
  assert.match(bad.text, /5 Fern Walk, Northbridge<\/textarea>/, 'what was typed is shown again');
  assert.equal(one(`SELECT COUNT(*) FROM staff_records WHERE person_id = ${quinn}`), '0', 'nothing saved');
  const saved = await manager.post(`${record}/details`, typedOver(details, { ...goodDetails, started_on: daysFromToday(-2) }));
  assert.equal(saved.status, 303, words(saved.text).slice(0, 400));

  const form = readForm((await manager.get(record)).text, `${record}/checks`);
  const badDbs = await manager.post(`${record}/checks`, typedOver(form, { kind: 'dbs', what: '1234', dated: daysFromToday(1) }));
  assert.equal(badDbs.status, 400);
  assert.match(badDbs.text, /href="#what/);
  assert.match(badDbs.text, /href="#dated/);
  assert.equal(one(`SELECT COUNT(*) FROM staff_checks WHERE person_id = ${quinn}`), '0');
  const recordCheck = async (fields) => {
    const f = readForm((await manager.get(record)).text, `${record}/checks`);
    const res = await manager.post(`${record}/checks`, typedOver(f, { dated: daysFromToday(-5), note: '', ...fields }));
    assert.equal(res.status, 303, words(res.text).slice(0, 400));
  };
  await recordCheck({ kind: 'identity', what: 'Passport' });
  await recordCheck({ kind: 'dbs', what: '0012 0000 4242', note: 'Nothing disclosed' });
  await recordCheck({ kind: 'employment_history', what: '2014 to now', note: 'No gaps' });
  await recordCheck({ kind: 'right_to_work', what: 'Passport' });
  await recordCheck({ kind: 'reference', what: 'Youth club leader' });
  assert.match(words((await manager.get(record)).text), /Still to be recorded A second reference/);
  assert.equal(one(`SELECT COUNT(*) FROM roles WHERE person_id = ${quinn} AND awaiting_checks_since IS NOT NULL`), '1');
  await recordCheck({ kind: 'reference', what: 'A teacher' });
  assert.equal(one(`SELECT COUNT(*) FROM roles WHERE person_id = ${quinn} AND awaiting_checks_since IS NOT NULL`), '0', 'in force');
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'take_up_role' AND record_id = '${quinn}'`), '1');
  const done = words((await manager.get(record)).text);
  assert.match(done, /Every check recorded/);
  assert.doesNotMatch(done, /Let them start under supervision/, 'nothing left to start before');
});

test('through the API: a supervised start and its clock, a qualification achieved once, a correction with its version', async () => {
  const added = await managerApi.post(`/api/v1/homes/${ids.willow}/people`, {
    name: 'Sky Penrose', email: 'sky.penrose@example.org', job_title: 'Deputy manager', role: 'deputy',
  });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.body.awaiting_checks, true);
  const api = `/api/v1/homes/${ids.willow}/team/${added.body.id}`;
  const tooLong = await managerApi.post(`${api}/supervised-start`, { why: 'DBS back', checks_by: daysFromToday(60) });
  assert.equal(tooLong.status, 400);
  assert.equal(tooLong.body.error.fields[0].field, 'checks_by');
  const started = await managerApi.post(`${api}/supervised-start`, { why: 'DBS and identity back; references awaited', checks_by: daysFromToday(14) });
  assert.equal(started.status, 201, started.text);
  assert.equal(started.body.awaiting_checks, false, 'in force under supervision');
  assert.equal(started.body.clocks.length, 1);
  assert.equal(started.body.clocks[0].kind, 'staff_checks');
  assert.equal(started.body.clocks[0].state, 'open');
  const byHand = await managerApi.post(`/api/v1/deadlines/${started.body.clocks[0].id}/met`, { version: 1, note: 'done' });
  assert.notEqual(byHand.status, 200, 'met only by the last check');

  const noStart = await managerApi.post(`${api}/qualifications`, { qualification: 'level3_residential', registered_on: daysFromToday(0) });
  assert.equal(noStart.status, 400, 'the clock runs from the day they started');
  const details = { version: 0, ...goodDetails, works: 'full_time', hours_per_week: undefined, started_on: daysFromToday(-30) };
  delete details.hours_per_week;
  const first = await managerApi.put(`${api}/details`, details);
  assert.equal(first.status, 200, first.text);
  assert.equal(first.body.version, 1);
  const registered = await managerApi.post(`${api}/qualifications`, { qualification: 'level3_residential', registered_on: daysFromToday(0) });
  assert.equal(registered.status, 201, registered.text);
  const q = registered.body.qualifications[0];
  const started30 = new Date(`${daysFromToday(-30)}T12:00:00Z`);
  started30.setUTCFullYear(started30.getUTCFullYear() + 2);
  assert.equal(q.achieve_by, started30.toISOString().slice(0, 10), 'two years from starting');
  assert.ok(registered.body.clocks.some((c) => c.kind === 'staff_qualification' && c.state === 'open'));
  const early = await managerApi.post(`${api}/qualifications/${q.id}/achieved`, { achieved_on: daysFromToday(-1) });
  assert.equal(early.status, 400, 'not before they registered on it');
  const achieved = await managerApi.post(`${api}/qualifications/${q.id}/achieved`, { achieved_on: daysFromToday(0) });
  assert.equal(achieved.status, 200, achieved.text);
  assert.equal(achieved.body.qualifications[0].standing, 'achieved');
  assert.ok(achieved.body.clocks.some((c) => c.kind === 'staff_qualification' && c.state === 'met'));
  assert.equal((await managerApi.post(`${api}/qualifications/${q.id}/achieved`, { achieved_on: daysFromToday(0) })).status, 409);

  const noReason = await managerApi.put(`${api}/details`, { ...details, version: 1, address: '9 Birch Lane' });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.fields[0].field, 'reason');
  const corrected = await managerApi.put(`${api}/details`, { ...details, version: 1, address: '9 Birch Lane', reason: 'Moved house' });
  assert.equal(corrected.status, 200, corrected.text);
  assert.equal(corrected.body.details.address, '9 Birch Lane');
  assert.equal(corrected.body.versions[0].record.address, '5 Fern Walk, Northbridge');
  const stale = await managerApi.put(`${api}/details`, { ...details, version: 1, address: '1 Other Road', reason: 'Typo' });
  assert.equal(stale.status, 409);
  assert.equal(one(`SELECT address FROM staff_records WHERE person_id = ${added.body.id}`), '9 Birch Lane', 'not overwritten');
});

test('a staff record is read by its person, their registered manager and the administrator only, and each read is audited', async () => {
  const chris = await signedIn('rsw1.willow@example.org');
  const own = await chris.get(`/homes/${ids.willow}/team/${ids.chris}`);
  assert.equal(own.status, 200);
  assert.match(words(own.text), /Chris Okafor Your staff record/);
  assert.doesNotMatch(own.text, /Record a check/, 'read only for them');
  assert.match((await chris.get(`/homes/${ids.willow}/people/${ids.chris}`)).text, new RegExp(`href="/homes/${ids.willow}/team/${ids.chris}"`));
  assert.equal((await chris.get(`/homes/${ids.willow}/team/${ids.dana}`)).status, 403, 'not a colleague\'s');
  assert.equal((await chris.get(`/homes/${ids.willow}/team`)).status, 403);
  assert.doesNotMatch((await chris.get(`/homes/${ids.willow}/people/${ids.dana}`)).text, /\/team\//);
  // The record's clocks are the record's: the home's deadlines show them to its manager only.
  const clock = one(`SELECT id FROM deadlines WHERE kind = 'staff_checks' AND title LIKE '%Dana Lewis%'`);
  assert.match(words((await manager.get(`/homes/${ids.willow}/deadlines`)).text), /Record the rest of Dana Lewis's checks/);
  for (const c of [chris, await signedIn('deputy.willow@example.org')]) {
    assert.doesNotMatch(words((await c.get(`/homes/${ids.willow}/deadlines`)).text), /Dana Lewis's checks/);
    assert.doesNotMatch(words((await c.get('/deadlines')).text), /Dana Lewis's checks/);
    assert.doesNotMatch(words((await c.get(`/homes/${ids.willow}/handover`)).text), /Dana Lewis's checks/);
    assert.equal((await c.get(`/deadlines/${clock}`)).status, 404);
  }
  const posted = await chris.post(`/homes/${ids.willow}/team/${ids.chris}/checks`, { kind: 'identity', what: 'x', dated: daysFromToday(0) });
  assert.equal(posted.status, 403, 'they do not record their own checks');

  const before = Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'staff_record' AND record_id = '${ids.dana}'`));
  const readers = [
    ['manager.willow@example.org', 200], ['admin@example.org', 200], ['deputy.willow@example.org', 403],
    ['ri@example.org', 403], ['social.worker@example.org', 403], ['reg44@example.org', 403], ['manager.harbour@example.org', 403],
  ];
  let allowed = 0;
  for (const [email, status] of readers) {
    const c = email === 'manager.willow@example.org' ? manager : await signedIn(email);
    // Refused as forbidden, or, for a social worker whose children do not live here, as not there.
    const page = await c.get(`/homes/${ids.willow}/team/${ids.dana}`);
    const json = await c.get(`/homes/${ids.willow}/team/${ids.dana}`, { headers: { accept: 'application/json' } });
    for (const [res, how] of [[page, 'page'], [json, 'JSON']]) {
      if (status === 200) assert.equal(res.status, 200, `${email} (${how})`);
      else assert.ok([403, 404].includes(res.status), `${email} (${how}): ${res.status}`);
    }
    if (status === 200) {
      allowed += 2;
      assert.match(words(page.text), /Started under supervision/);
      assert.deepEqual(JSON.parse(json.text).missing_checks, ['A second reference']);
    } else {
      assert.doesNotMatch(page.text, /Beech Close/, `${email} sees nothing of it`);
    }
  }
  assert.equal(Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND record_type = 'staff_record' AND record_id = '${ids.dana}'`)), before + allowed);
  const harbour = await signedIn('manager.harbour@example.org');
  assert.equal((await harbour.get(`/homes/${ids.harbour}/team/${ids.dana}`)).status, 404, 'not of that home');
  const theirs = words((await harbour.get(`/homes/${ids.harbour}/team`)).text);
  assert.match(theirs, /Jamie Fox/);
  assert.doesNotMatch(theirs, /Dana Lewis/);
});

test('training: recorded on the staff record, refused field by field, and the matrix, its CSV and spreadsheet change with it', async () => {
  const added = await managerApi.post(`/api/v1/homes/${ids.willow}/people`, {
    name: 'Remy Stone', email: 'remy.stone@example.org', job_title: 'Residential support worker', role: 'support_worker',
  });
  const remy = added.body.id;
  const record = `/homes/${ids.willow}/team/${remy}`;
  await managerApi.put(`/api/v1/homes/${ids.willow}/team/${remy}/details`, { version: 0, ...goodDetails, started_on: daysFromToday(-60) });
  const matrixBefore = await managerApi.get(`/api/v1/homes/${ids.willow}/training-matrix`);
  assert.equal(matrixBefore.status, 200, matrixBefore.text);
  const row = (m) => m.people.find((p) => p.person_id === remy);
  const column = matrixBefore.body.courses.findIndex((c) => c.key === 'safeguarding');
  assert.equal(row(matrixBefore.body).cells[column].state, 'missing', 'past their seven days');
  const before = matrixBefore.body.courses[column];

  const form = readForm((await manager.get(record)).text, `${record}/training`);
  const bad = await manager.post(`${record}/training`, typedOver(form, { course: 'safeguarding', completed_on: daysFromToday(2), provider: '', expires_on: daysFromToday(-400) }));
  assert.equal(bad.status, 400);
  for (const field of ['completed_on', 'provider']) assert.match(bad.text, new RegExp(`href="#${field}`), field);
  assert.equal(one(`SELECT COUNT(*) FROM training_records WHERE person_id = ${remy}`), '0', 'nothing saved');
  const expiryFirst = await manager.post(`${record}/training`, typedOver(form, { course: 'safeguarding', completed_on: daysFromToday(-3), provider: 'Hearth Learning', expires_on: daysFromToday(-4) }));
  assert.equal(expiryFirst.status, 400);
  assert.match(expiryFirst.text, /href="#expires_on/);
  const saved = await manager.post(`${record}/training`, typedOver(form, { course: 'safeguarding', completed_on: daysFromToday(-3), provider: 'Hearth Learning', certificate: 'SG-1', expires_on: '' }));
  assert.equal(saved.status, 303, words(saved.text).slice(0, 400));
  const shown = words((await manager.get(record)).text);
  assert.match(shown, /Safeguarding children \d+ \w+ \d{4} Hearth Learning SG-1/);

  const after = (await managerApi.get(`/api/v1/homes/${ids.willow}/training-matrix`)).body;
  assert.equal(row(after).cells[column].state, 'current');
  assert.equal(row(after).cells[column].expires_on, (() => { const d = new Date(`${daysFromToday(-3)}T12:00:00Z`); d.setUTCMonth(d.getUTCMonth() + 12); return d.toISOString().slice(0, 10); })(), 'a year from completion');
  assert.equal(after.courses[column].compliant, before.compliant + 1);
  const page = await manager.get(`/homes/${ids.willow}/training-matrix`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<svg[^>]*role="img"/, 'the chart');
  assert.match(words(page.text), /Remy Stone/);
  const csv = await manager.get(`/homes/${ids.willow}/training-matrix?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.text, /^Name,Home,Safeguarding children,/);
  assert.match(csv.text, /Remy Stone,Willow House,Current \(expires /);
  const xlsx = await fetch(`${server.url}/homes/${ids.willow}/training-matrix?format=xlsx`, { headers: { cookie: manager.cookieHeader() } });
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK');
  assert.equal((await manager.get(`/homes/${ids.willow}/training-matrix?format=pdf`)).status, 400);

  // Who reads it: the home's seniors and oversight; across the homes, oversight only.
  const chris = await signedIn('rsw1.willow@example.org');
  assert.equal((await chris.get(`/homes/${ids.willow}/training-matrix`)).status, 403);
  const deputy = await signedIn('deputy.willow@example.org');
  const theirs = await deputy.get(`/homes/${ids.willow}/training-matrix`);
  assert.equal(theirs.status, 200);
  assert.doesNotMatch(theirs.text, new RegExp(`href="/homes/${ids.willow}/team/`), 'no way into colleagues\' records');
  assert.equal((await deputy.get('/organisation/training-matrix')).status, 403);
  const ri = await signedIn('ri@example.org');
  const across = words((await ri.get('/organisation/training-matrix')).text);
  assert.match(across, /Share current per home Home Current Must have it Per cent Willow House \d+ \d+ \d+% Harbour View \d+ \d+ \d+%/);
});

test('the provider\'s administrator keeps the programme: a course of their own joins the matrix', async () => {
  const admin = await signedIn('admin@example.org');
  const page = await admin.get('/organisation/training-programme');
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Accredited physical intervention Registered manager, Deputy manager or team leader, Residential support worker 28 12/);
  const form = readForm(page.text, '/organisation/training-programme');
  const bad = await admin.post('/organisation/training-programme', { ...form, course: 'new', name: '', within_days: '400' });
  assert.equal(bad.status, 400);
  for (const field of ['name', 'within_days', 'roles']) assert.match(bad.text, new RegExp(`href="#${field}`), field);
  const saved = await admin.post('/organisation/training-programme', { ...form, course: 'new', name: 'Makaton', roles: ['support_worker'], within_days: '60', valid_months: '' });
  assert.equal(saved.status, 303, words(saved.text).slice(0, 400));
  assert.equal(one("SELECT COUNT(*) FROM audit_log WHERE record_type = 'training_course' AND record_id = 'makaton'"), '1');
  const matrix = (await managerApi.get(`/api/v1/homes/${ids.willow}/training-matrix`)).body;
  const makaton = matrix.courses.find((c) => c.key === 'makaton');
  assert.ok(makaton, 'a column of its own');
  const same = await admin.post('/organisation/training-programme', { ...form, course: 'makaton', name: 'Makaton', roles: ['support_worker'], within_days: '60', valid_months: '' });
  assert.equal(same.status, 400, 'nothing changed');
  assert.equal((await manager.get('/organisation/training-programme')).status, 403);
});

test('a member of staff asks for a correction of their own record; the manager accepts or declines it, and they download the whole record', async () => {
  const chris = await signedIn('rsw1.willow@example.org');
  const record = `/homes/${ids.willow}/team/${ids.chris}`;
  const own = await chris.get(record);
  const form = readForm(own.text, `${record}/corrections`);
  const bad = await chris.post(`${record}/corrections`, { ...form, field: 'address', asked: '', because: '' });
  assert.equal(bad.status, 400);
  for (const field of ['asked', 'because']) assert.match(bad.text, new RegExp(`href="#${field}`), field);
  const nonsense = await chris.post(`${record}/corrections`, { ...form, field: 'date_of_birth', asked: 'the fourteenth', because: 'A typo' });
  assert.equal(nonsense.status, 400, 'not a date, said to them at the field');
  assert.match(nonsense.text, /href="#asked/);
  const fullTime = await chris.post(`${record}/corrections`, { ...form, field: 'hours_per_week', asked: '30', because: 'More shifts' });
  assert.equal(fullTime.status, 400, 'hours are kept for part-time staff');
  const asked = await chris.post(`${record}/corrections`, { ...form, field: 'date_of_birth', asked: '1992-01-14', because: 'A typo' });
  assert.equal(asked.status, 303);
  assert.equal((await chris.post(`/homes/${ids.willow}/team/${ids.dana}/corrections`, { field: 'address', asked: 'x', because: 'y' })).status, 403, 'only their own');
  assert.equal((await manager.post(`${record}/corrections`, { field: 'address', asked: 'x', because: 'y' })).status, 403, 'the manager corrects, not asks');

  const requests = one(`SELECT id || ':' || field FROM staff_record_requests WHERE person_id = ${ids.chris} ORDER BY id`).split('\n');
  const [moved, typo] = requests.map((r) => r.split(':')[0]);
  const page = await manager.get(record);
  assert.match(words(page.text), /Home address asked .* Flat 5, 12 Wharf Road, Northbridge, NB2 6JT \(I moved house in October\) Awaiting an answer Your answer/, 'the oldest answered first');
  const noWhy = await manager.post(`${record}/corrections/${typo}/answer`, { answer: 'decline', declined_because: '' });
  assert.equal(noWhy.status, 400);
  assert.match(noWhy.text, /href="#declined_because/);
  assert.equal((await manager.post(`${record}/corrections/${typo}/answer`, { answer: 'decline', declined_because: 'The date on your passport is right' })).status, 303);
  assert.equal(one(`SELECT met_note FROM deadlines WHERE kind = 'staff_correction_request' AND source_id = ${typo}`), 'Declined', 'why is the record\'s alone');
  const accepted = await manager.post(`${record}/corrections/${moved}/answer`, { answer: 'accept' });
  assert.equal(accepted.status, 303, words(accepted.text).slice(0, 300));
  assert.equal(one(`SELECT address FROM staff_records WHERE person_id = ${ids.chris}`), 'Flat 5, 12 Wharf Road, Northbridge, NB2 6JT');
  assert.equal((await manager.post(`${record}/corrections/${moved}/answer`, { answer: 'accept' })).status, 409, 'once');
  const json = JSON.parse((await chris.get(record, { headers: { accept: 'application/json' } })).text);
  assert.equal(json.versions[0].reason, 'Asked for by Chris Okafor: I moved house in October');
  assert.equal(json.requests.find((r) => String(r.id) === typo).answer, 'declined');
  assert.equal(one(`SELECT COUNT(*) FROM deadlines WHERE kind = 'staff_correction_request' AND source_id IN (${moved}, ${typo}) AND state = 'met'`), '2');

  const file = await chris.get(`${record}/export`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition'), /attachment; filename="staff-record-\d+\.json"/);
  const exported = JSON.parse(file.text);
  assert.equal(exported.staff_record.name, 'Chris Okafor');
  assert.ok(exported.staff_record.training.length > 0);
  assert.equal(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND record_type = 'staff_record' AND record_id = '${ids.chris}'`), '1');
  assert.equal((await chris.get(`/homes/${ids.willow}/team/${ids.dana}/export`)).status, 403);
});
