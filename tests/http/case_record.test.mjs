// The child's case record, complete, through the real server: every page and API route of the
// People, Key workers, Money and valuables and Export tabs, leaving and the register of children,
// `hearth export`, and the rules behind them (bad input named at the field and nothing saved,
// stale writes refused with 409, every change in the chronology, every export audited).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, Client, Api, createApiToken, readForm, validChild, unescapeHtml } from './server.mjs';

let server;
let manager; // Sam Carter, registered manager of Willow House (home 1)
let deputy;
let rsw;
let api; // the manager's API token

// The day in the home's zone, as forms and the API take it.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
function daysAgo(n) {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}
const count = (sql) => Number(server.sql(sql));
// The words of a page, as someone reading it sees them (the templates escape ' as &apos;).
const text = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ').replace(/&apos;/g, "'")).replace(/\s+/g, ' ');

// A JSON error with the field at fault.
function assertJsonError(res, status, field) {
  assert.equal(res.status, status, res.text.slice(0, 400));
  assert.match(res.headers.get('content-type') || '', /application\/json/);
  assert.equal(typeof res.body.error.message, 'string');
  if (field !== undefined) assert.equal(res.body.error.field, field, res.text);
}

// A form page shown again with errors: the summary links to the field, the field has its message.
function assertFormError(res, field) {
  assert.equal(res.status, 400, res.text.slice(0, 400));
  assert.match(res.text, /govuk-error-summary/);
  assert.match(res.text, new RegExp(`href="#${field}"`), `the summary names ${field}`);
  assert.match(res.text, new RegExp(`id="${field}-error"`), `the message is at ${field}`);
}

async function admit(first) {
  const res = await api.post('/api/v1/homes/1/children', validChild({ first_name: first, admission_date: daysAgo(100) }));
  assert.equal(res.status, 201, res.text);
  return res.body.id;
}

before(async () => {
  server = await startServer();
  manager = new Client(server.url);
  deputy = new Client(server.url);
  rsw = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  await deputy.signIn('deputy.willow@example.org');
  await rsw.signIn('rsw1.willow@example.org');
  api = new Api(server.url, await createApiToken(manager));
});
after(async () => { await server.stop(); });

describe('the child\'s page and record', () => {
  test('every Schedule 3 field is shown on the Record tab, "Not recorded" where empty, with tabs for each part', async () => {
    const page = await rsw.get('/children/1/record');
    assert.equal(page.status, 200);
    const t = text(page.text);
    for (const label of ['Previous names', 'Address before coming here', 'Social worker',
      'Independent Reviewing Officer', 'Independent visitor', 'Advocate', 'School or college',
      'Designated teacher', 'Employer', 'Key workers']) {
      assert.ok(t.includes(label), `${label} is on the page`);
    }
    assert.match(t, /School or college Not recorded/);
    for (const tab of ['People', 'Key workers', 'Money and valuables']) {
      assert.match(page.text, new RegExp(`moj-sub-navigation__link" href="/children/1/[a-z-]+">${tab}<`));
    }
    // Export and retention are the registered manager's, not a support worker's.
    assert.doesNotMatch(page.text, />Export</);
    assert.doesNotMatch(t, /How long this record is kept/);
    const full = await manager.get('/children/4/record');
    assert.match(text(full.text), /School or college Westmere Sixth Form College/);
    assert.match(text(full.text), /How long this record is kept Until at least 8 December 2084 \(75 years from the date of birth/);
    assert.match(full.text, /href="\/children\/4\/export">Export</);
  });

  test('the API gives the retention date only to those who may see it', async () => {
    const own = (await api.get('/api/v1/children/4')).body;
    assert.equal(own.retention_date, '2084-12-08');
    assert.equal(own.school, 'Westmere Sixth Form College');
    assert.equal(own.left_on, null);
    const rswApi = new Api(server.url, await createApiToken(rsw, 'rsw'));
    const theirs = (await rswApi.get('/api/v1/children/4')).body;
    assert.equal(theirs.school, 'Westmere Sixth Form College');
    assert.ok(!('retention_date' in theirs));
  });

  test('the amend form carries every field, and saving one is a new version in the chronology', async () => {
    const edit = await rsw.get('/children/2/edit');
    assert.equal(edit.status, 200);
    for (const name of ['address_before', 'iro_name', 'iro_contact', 'independent_visitor', 'advocate',
      'school', 'designated_teacher', 'employer', 'social_worker_contact', 'date_of_death-year']) {
      assert.match(edit.text, new RegExp(`name="${name}"`), name);
    }
    assert.doesNotMatch(edit.text, /name="key_workers?"/, 'key workers change on their own tab');
    const form = readForm(edit.text, '/children/2');
    const changesBefore = count("SELECT count(*) FROM chronology WHERE child_id = 2 AND kind = 'record_change'");
    const saved = await rsw.post('/children/2', { ...form, school: 'Northshire Academy', designated_teacher: 'Ms Hale', reason: 'From his PEP meeting' });
    assert.equal(saved.status, 303, saved.text.slice(0, 400));
    const profile = await rsw.get('/children/2/record');
    assert.match(text(profile.text), /School or college Northshire Academy/);
    assert.match(profile.text, /id="version-2"/);
    assert.equal(count("SELECT count(*) FROM chronology WHERE child_id = 2 AND kind = 'record_change'"), changesBefore + 1);
    assert.equal(server.sql("SELECT link FROM chronology WHERE child_id = 2 AND kind = 'record_change' AND source_type = 'child_version'"), '/children/2#version-2');
  });

  test('a date of death in the future, or before birth, is refused at the field', async () => {
    const edit = await manager.get('/children/2/edit');
    const form = readForm(edit.text, '/children/2');
    const future = await manager.post('/children/2', { ...form, 'date_of_death-day': '1', 'date_of_death-month': '1', 'date_of_death-year': '2100', reason: 'x' });
    assertFormError(future, 'date_of_death');
    assert.match(future.text, /<details class="govuk-details" open>/, 'the field at fault is shown open');
  });

  test('the admit form names the first key worker; the key-worker tab says so', async () => {
    const page = await manager.get('/homes/1/children/new');
    assert.match(page.text, /name="key_worker" type="radio" value=""/, 'choosing later is a choice');
    assert.doesNotMatch(page.text, /name="school"/, 'the admit form asks only what is known on the day');
    const chris = server.sql("SELECT id FROM people WHERE email = 'rsw1.willow@example.org'");
    const res = await manager.post('/homes/1/children', {
      ...readForm(page.text, '/homes/1/children'), first_name: 'Rowan', last_name: 'Admitted', 'date_of_birth-day': '3', 'date_of_birth-month': '3',
      'date_of_birth-year': '2012', sex: 'other', legal_basis: 's20', placing_authority: 'Testshire County Council',
      'admission_date-day': today.slice(8), 'admission_date-month': today.slice(5, 7), 'admission_date-year': today.slice(0, 4),
      address_before: '2 Mill Lane', key_worker: chris,
    });
    assert.equal(res.status, 303, res.text.slice(0, 400));
    const id = res.headers.get('location').match(/\/children\/(\d+)/)[1];
    const workers = await manager.get(`/children/${id}/key-workers`);
    assert.match(text(workers.text), /Key workers now Chris Okafor/);
    assert.match(text(workers.text), /Named when they came to live here/);
    assert.equal(count(`SELECT count(*) FROM chronology WHERE child_id = ${id} AND kind = 'admission'`), 1);
    // A key worker from another home is refused at the field.
    const elsewhere = server.sql("SELECT id FROM people WHERE email = 'rsw1.harbour@example.org'");
    const bad = await api.post('/api/v1/homes/1/children', validChild({ key_worker: Number(elsewhere) }));
    assertJsonError(bad, 400, 'key_worker');
  });
});

describe('People: family and people with parental responsibility', () => {
  test('the tab lists the family, those who still apply first, with every version', async () => {
    const page = await rsw.get('/children/4/people');
    assert.equal(page.status, 200);
    const t = text(page.text);
    assert.match(t, /Jade Evans .* Relationship Mum Parental responsibility Yes/);
    assert.match(t, /No longer applies .* Kerry Evans/);
    assert.match(t, /The child arrangements order ended when the care order was made/);
    assert.match(t, /Independent Reviewing Officer Pat Hensley/);
    const json = (await api.get('/api/v1/children/4/family')).body.family;
    assert.deepEqual(json.map((m) => m.name), ['Jade Evans', 'Ryan Ward', 'Lorraine Evans', 'Kerry Evans']);
    assert.equal(json[3].ended_on !== null, true);
    assert.equal(json[3].versions.length, 2);
    // Reading the list is reading the record: audited.
    assert.ok(count("SELECT count(*) FROM audit_log WHERE action = 'read' AND child_id = 4") >= 2);
  });

  test('adding someone: bad input is named and kept; a good entry is saved and told to the chronology', async () => {
    const form = await rsw.get('/children/2/people/new');
    assert.equal(form.status, 200);
    const before = count('SELECT count(*) FROM family_members WHERE child_id = 2');
    const linesBefore = count("SELECT count(*) FROM chronology WHERE child_id = 2 AND source_type = 'family_member_version'");
    const bad = await rsw.post('/children/2/people/new', { name: 'Dawn Cole', relationship: '' });
    assertFormError(bad, 'relationship');
    assertFormError(bad, 'parental_responsibility');
    assert.equal(readForm(bad.text, '/children/2/people/new').name, 'Dawn Cole', 'what was typed is kept');
    assert.equal(count('SELECT count(*) FROM family_members WHERE child_id = 2'), before);
    const ok = await rsw.post('/children/2/people/new', { name: 'Dawn Cole', relationship: 'Mum', parental_responsibility: 'yes', contact_details: '07700 900111\nFlat 2' });
    assert.equal(ok.status, 303, ok.text.slice(0, 300));
    assert.match(ok.headers.get('location'), /^\/children\/2\/people#family-\d+$/);
    const page = await rsw.get('/children/2/people');
    assert.match(page.text, /Dawn Cole/);
    assert.match(page.text, /hearth-multiline">07700 900111\nFlat 2</);
    assert.equal(count("SELECT count(*) FROM chronology WHERE child_id = 2 AND source_type = 'family_member_version'"), linesBefore + 1);
  });

  test('amending through the API keeps the earlier version; a stale version is 409', async () => {
    const added = await api.post('/api/v1/children/2/family', { name: 'Tom Cole', relationship: 'Dad', parental_responsibility: true });
    assert.equal(added.status, 201, added.text);
    assert.match(added.headers.get('location'), /\/api\/v1\/children\/2\/family\/\d+$/);
    const id = added.body.id;
    const amended = await api.put(`/api/v1/children/2/family/${id}`, { name: 'Tom Cole', relationship: 'Dad', parental_responsibility: true, contact_details: '07700 900222', version: 1, reason: 'New number' });
    assert.equal(amended.status, 200, amended.text);
    assert.equal(amended.body.version, 2);
    assert.deepEqual(amended.body.versions.map((v) => v.version), [2, 1]);
    assert.equal(amended.body.versions[1].record.contact_details, '');
    const stale = await api.put(`/api/v1/children/2/family/${id}`, { name: 'Tom', relationship: 'Dad', parental_responsibility: true, version: 1, reason: 'Stale' });
    assertJsonError(stale, 409);
    assert.equal(stale.body.error.code, 'conflict');
    const missing = await api.put(`/api/v1/children/2/family/${id}`, { name: 'Tom', relationship: 'Dad', parental_responsibility: true, version: 2 });
    assertJsonError(missing, 400, 'reason');
    // Someone on another child's list is not found through this child.
    const other = await api.put(`/api/v1/children/1/family/${id}`, { name: 'Tom', relationship: 'Dad', parental_responsibility: true, version: 2, reason: 'x' });
    assertJsonError(other, 404);
    assert.equal(count(`SELECT count(*) FROM record_versions WHERE record_type = 'family_member' AND record_id = ${id}`), 2);
  });

  test('a stale edit through the pages gets 409 with the entry as it is now and what was typed', async () => {
    const id = server.sql("SELECT id FROM family_members WHERE name = 'Michelle Bennett'");
    const a = await manager.get(`/children/1/people/${id}/edit`);
    const b = await deputy.get(`/children/1/people/${id}/edit`);
    assert.equal(a.status, 200);
    const formA = readForm(a.text, `/children/1/people/${id}/edit`);
    const formB = readForm(b.text, `/children/1/people/${id}/edit`);
    assert.equal(formA.parental_responsibility, 'yes');
    const first = await manager.post(`/children/1/people/${id}/edit`, { ...formA, contact_details: '07700 900999', reason: 'New phone' });
    assert.equal(first.status, 303);
    const second = await deputy.post(`/children/1/people/${id}/edit`, { ...formB, notes: 'Deputy typed this', reason: 'Notes' });
    assert.equal(second.status, 409);
    assert.match(second.text, /not been saved/);
    assert.match(text(second.text), /Contact details 07700 900999/);
    const kept = readForm(second.text, `/children/1/people/${id}/edit`);
    assert.equal(kept.notes, 'Deputy typed this');
    assert.equal(kept.version, '2', 'the form now carries the version they have seen');
    const again = await deputy.post(`/children/1/people/${id}/edit`, kept);
    assert.equal(again.status, 303, again.text.slice(0, 300));
  });

  test('an entry that no longer applies is ended, not deleted, through the page and the API', async () => {
    const id = server.sql("SELECT id FROM family_members WHERE name = 'Grace Bennett'");
    const form = await rsw.get(`/children/1/people/${id}/end`);
    assert.equal(form.status, 200);
    const values = readForm(form.text, `/children/1/people/${id}/end`);
    assertFormError(await rsw.post(`/children/1/people/${id}/end`, { ...values }), 'ended_on');
    const ended = await rsw.post(`/children/1/people/${id}/end`, {
      ...values, 'ended_on-day': today.slice(8), 'ended_on-month': today.slice(5, 7), 'ended_on-year': today.slice(0, 4), reason: 'Grace moved abroad' });
    assert.equal(ended.status, 303, ended.text.slice(0, 300));
    assert.equal(server.sql(`SELECT ended_on FROM family_members WHERE id = ${id}`), today);
    const page = await rsw.get('/children/1/people');
    assert.match(text(page.text), /No longer applies .* Grace Bennett/);
    const viaApi = await api.post('/api/v1/children/2/family', { name: 'Old Entry', relationship: 'Uncle', parental_responsibility: 'no' });
    const end = await api.post(`/api/v1/children/2/family/${viaApi.body.id}/end`, { version: 1, ended_on: today, reason: 'Not family' });
    assert.equal(end.status, 200, end.text);
    assert.equal(end.body.ended_on, today);
    assertJsonError(await api.post(`/api/v1/children/2/family/${viaApi.body.id}/end`, { version: 2, ended_on: today, reason: 'Again' }), 409);
    assert.equal(count(`SELECT count(*) FROM family_members WHERE id = ${viaApi.body.id}`), 1);
  });
});

describe('Key workers', () => {
  test('the tab shows every key worker and each change with what the child said', async () => {
    const page = await rsw.get('/children/4/key-workers');
    assert.equal(page.status, 200);
    const t = text(page.text);
    assert.match(t, /Key workers now Chris Okafor/);
    assert.match(t, /Everyone who has been Lil's key worker .* Dana Lewis/);
    assert.match(t, /What Lil said “I'll miss Dana but Chris is alright/);
    assert.match(t, /Keeping relationships Dana will keep helping Lily/);
    assert.doesNotMatch(page.text, /key-workers\/change/, 'a support worker does not change them');
    const json = (await api.get('/api/v1/children/4/key-workers')).body;
    assert.deepEqual(json.current.map((k) => k.name), ['Chris Okafor']);
    assert.equal(json.changes[0].child_view.startsWith("I'll miss Dana"), true);
    assert.ok(json.latest_change > 0);
  });

  test('a change needs the child\'s view or why they could not be asked; it is saved with both sides of the change', async () => {
    const id = await admit('Keyworker');
    const form = await manager.get(`/children/${id}/key-workers/change`);
    assert.equal(form.status, 200);
    const values = readForm(form.text, `/children/${id}/key-workers/change`);
    const dana = server.sql("SELECT id FROM people WHERE email = 'rsw2.willow@example.org'");
    const noView = await manager.post(`/children/${id}/key-workers/change`, { ...values, key_workers: [dana], reason: 'A new start' });
    assertFormError(noView, 'child_view');
    assert.deepEqual([].concat(readForm(noView.text, `/children/${id}/key-workers/change`).key_workers), [dana], 'the choice is kept');
    const saved = await manager.post(`/children/${id}/key-workers/change`, {
      ...values, key_workers: [dana], reason: 'A new start', child_view: 'Dana is kind', relationships: 'Weekly catch-up' });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    const page = await manager.get(`/children/${id}/key-workers`);
    assert.match(text(page.text), /What Keyworker said “Dana is kind”/);
    assert.equal(count(`SELECT count(*) FROM chronology WHERE child_id = ${id} AND kind = 'key_worker_change'`), 1);
    // The same form again, now stale: 409, with what was typed kept.
    const stale = await manager.post(`/children/${id}/key-workers/change`, { ...values, key_workers: [], reason: 'Stale', view_not_asked: 'Asleep' });
    assert.equal(stale.status, 409);
    assert.match(text(stale.text), /Key workers now Dana Lewis/);
    assert.equal(readForm(stale.text, `/children/${id}/key-workers/change`).view_not_asked, 'Asleep');
    assert.equal(count(`SELECT count(*) FROM key_worker_changes WHERE child_id = ${id}`), 1);
  });

  test('through the API, with why the child could not be asked', async () => {
    const id = await admit('Apikw');
    const before = (await api.get(`/api/v1/children/${id}/key-workers`)).body;
    const chris = Number(server.sql("SELECT id FROM people WHERE email = 'rsw1.willow@example.org'"));
    const res = await api.post(`/api/v1/children/${id}/key-workers`, { key_workers: [chris], reason: 'First key worker', view_not_asked: 'In hospital this week', read_change: before.latest_change });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.current.map((k) => k.person_id), [chris]);
    assert.equal(res.body.changes[0].view_not_asked, 'In hospital this week');
    assertJsonError(await api.post(`/api/v1/children/${id}/key-workers`, { key_workers: [chris], reason: 'Same', child_view: 'ok', read_change: res.body.latest_change }), 400, 'key_workers');
    assertJsonError(await api.post(`/api/v1/children/${id}/key-workers`, { key_workers: [], reason: 'Stale', child_view: 'ok', read_change: before.latest_change }), 409);
  });
});

describe('Money and valuables', () => {
  test('the tab shows what is held and every entry', async () => {
    const page = await rsw.get('/children/4/valuables');
    assert.equal(page.status, 200);
    assert.match(page.text, /id="money-held">£20.00</);
    assert.match(text(page.text), /Bank card \(Westmere Building Society\)/);
    const json = (await api.get('/api/v1/children/4/valuables')).body;
    assert.equal(json.money_held_pence, 2000);
    assert.equal(json.money_held, '£20.00');
    assert.equal(json.items_held.length, 1);
  });

  test('a deposit through the form; a bad amount is named at the field and nothing is saved', async () => {
    const form = await rsw.get('/children/1/valuables/deposit');
    assert.equal(form.status, 200);
    const values = readForm(form.text, '/children/1/valuables/deposit');
    assert.equal(values.received_by, 'Chris Okafor', 'received by whoever is recording, to change if need be');
    const before = count('SELECT count(*) FROM valuables WHERE child_id = 1');
    const bad = await rsw.post('/children/1/valuables/deposit', { ...values, what: 'money', amount: '£12.345' });
    assertFormError(bad, 'amount');
    assert.equal(readForm(bad.text, '/children/1/valuables/deposit').amount, '£12.345');
    assert.equal(count('SELECT count(*) FROM valuables WHERE child_id = 1'), before);
    const ok = await rsw.post('/children/1/valuables/deposit', { ...values, what: 'money', amount: '£12.50', description: 'Pocket money' });
    assert.equal(ok.status, 303, ok.text.slice(0, 300));
    const page = await rsw.get('/children/1/valuables');
    assert.match(page.text, /id="money-held">£12.50</);
    assert.equal(count("SELECT count(*) FROM chronology WHERE child_id = 1 AND kind = 'valuables'"), 1);
  });

  test('a return can never give back more than is held', async () => {
    const form = await rsw.get('/children/1/valuables/return');
    assert.equal(form.status, 200);
    assert.match(text(form.text), /The home holds £12.50 for Aisha/);
    const values = readForm(form.text, '/children/1/valuables/return');
    const before = count('SELECT count(*) FROM valuables WHERE child_id = 1');
    const over = await rsw.post('/children/1/valuables/return', { ...values, what: 'money', amount: '12.51', returned_to: 'Aisha' });
    assertFormError(over, 'amount');
    assert.match(over.text, /no more than £12.50/);
    assert.equal(count('SELECT count(*) FROM valuables WHERE child_id = 1'), before);
    const ok = await rsw.post('/children/1/valuables/return', { ...values, what: 'money', amount: '12.50', returned_to: 'Aisha' });
    assert.equal(ok.status, 303, ok.text.slice(0, 300));
    assert.match((await rsw.get('/children/1/valuables')).text, /id="money-held">£0.00</);
  });

  test('through the API: deposits and returns in pence, an item returned once', async () => {
    const dep = await api.post('/api/v1/children/2/valuables/deposits', { what: 'item', description: 'Phone', deposited_on: today, received_by: 'Sam Carter' });
    assert.equal(dep.status, 201, dep.text);
    assert.equal(dep.body.saved.description, 'Phone');
    const itemId = dep.body.saved.id;
    assertJsonError(await api.post('/api/v1/children/2/valuables/deposits', { what: 'money', amount: 20, deposited_on: today, received_by: 'Sam' }), 400, 'amount');
    assertJsonError(await api.post('/api/v1/children/2/valuables/deposits', { what: 'money', amount: '20', deposited_on: '2999-01-01', received_by: 'Sam' }), 400, 'deposited_on');
    const back = await api.post('/api/v1/children/2/valuables/returns', { what: 'item', item: itemId, returned_on: today, returned_to: 'Ben', returned_by: 'Sam Carter' });
    assert.equal(back.status, 201, back.text);
    assert.equal(back.body.items_held.length, 0);
    assertJsonError(await api.post('/api/v1/children/2/valuables/returns', { what: 'item', item: itemId, returned_on: today, returned_to: 'Ben', returned_by: 'Sam' }), 400, 'item');
    assertJsonError(await api.post('/api/v1/children/2/valuables/returns', { what: 'money', amount: '0.01', returned_on: today, returned_to: 'Ben', returned_by: 'Sam' }), 400, 'amount');
  });
});

describe('Leaving and the register of children', () => {
  test('recording that a child left keeps their record readable and takes them off the list', async () => {
    const id = await admit('Leaver');
    const form = await manager.get(`/children/${id}/leaving`);
    assert.equal(form.status, 200);
    const values = readForm(form.text, `/children/${id}/leaving`);
    assertFormError(await manager.post(`/children/${id}/leaving`, { ...values, destination: '' }), 'destination');
    assert.equal(count(`SELECT count(*) FROM leavings WHERE child_id = ${id}`), 0);
    const left = await manager.post(`/children/${id}/leaving`, {
      ...values, destination: 'Home to mum', address: '4 Elm Row', reason: 'A planned return home', authority_informed_who: 'Casey Nolan' });
    assert.equal(left.status, 303, left.text.slice(0, 400));
    assert.equal(left.headers.get('location'), `/children/${id}?left=1#leaving`);
    const profile = await rsw.get(`/children/${id}/record`);
    assert.equal(profile.status, 200, 'still readable');
    const t = text(profile.text);
    assert.match(t, /Leaving Left on .* Where they went Home to mum Address on leaving 4 Elm Row/);
    assert.match(t, /Who was told Casey Nolan/);
    assert.doesNotMatch((await rsw.get('/homes/1/children')).text, /Leaver Testchild/);
    assert.doesNotMatch((await rsw.get('/homes/1')).text, /Leaver Testchild/);
    assert.equal(count(`SELECT count(*) FROM chronology WHERE child_id = ${id} AND kind = 'leaving'`), 1);
    // Nothing more is deposited for a child who has left; the key workers' spells ended with it.
    assert.equal((await rsw.get(`/children/${id}/valuables/deposit`)).status, 409);
    assertJsonError(await api.post(`/api/v1/children/${id}/valuables/deposits`, { what: 'money', amount: '1', deposited_on: today, received_by: 'Sam' }), 409);
    assert.equal((await manager.get(`/children/${id}/key-workers/change`)).status, 409);
    // Leaving twice: the form says they have left already; the API says 409.
    assert.equal((await manager.get(`/children/${id}/leaving`)).status, 409);
    assertJsonError(await api.post(`/api/v1/children/${id}/leaving`, { left_on: today, destination: 'x', reason: 'x', authority_informed_on: today }), 409);
  });

  test('leaving through the API, not before admission', async () => {
    const id = await admit('Apileaver');
    assertJsonError(await api.post(`/api/v1/children/${id}/leaving`, { left_on: daysAgo(200), destination: 'x', reason: 'x', authority_informed_on: today }), 400, 'left_on');
    const res = await api.post(`/api/v1/children/${id}/leaving`, { left_on: today, destination: 'Semi-independent living', reason: 'Turned 17 and ready', authority_informed_on: today });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.destination, 'Semi-independent living');
    assert.equal((await api.get(`/api/v1/children/${id}`)).body.left_on, today);
  });

  test('the register lists every admission, leavers included, newest first, a page at a time', async () => {
    // Enough admissions for a second page.
    for (let i = 0; i < 45; i++) {
      const res = await api.post('/api/v1/homes/1/children', validChild({ first_name: `Paged${i}`, admission_date: daysAgo(500 + i) }));
      assert.equal(res.status, 201);
    }
    const first = await manager.get('/homes/1/register');
    assert.equal(first.status, 200);
    const t = text(first.text);
    assert.match(t, /Keep until/);
    assert.match(t, /Leaver Testchild .* Home to mum: 4 Elm Row/);
    const next = first.text.match(/href="\/homes\/1\/register\?after=([^"]+)"/);
    assert.ok(next, 'a link to earlier admissions');
    const second = await manager.get(`/homes/1/register?after=${next[1]}`);
    assert.equal(second.status, 200);
    assert.match(text(second.text), /Mia Thornton/);
    assert.match(second.text, /Newest admissions/);
    // Through the API, every line once, in order.
    const seen = [];
    let after = null;
    do {
      const page = await api.get(`/api/v1/homes/1/register${after ? `?after=${after}` : ''}`);
      assert.equal(page.status, 200);
      seen.push(...page.body.children);
      after = page.body.next;
    } while (after);
    assert.equal(seen.length, count('SELECT count(*) FROM children WHERE home_id = 1'));
    const dates = seen.map((c) => c.admitted_on);
    assert.deepEqual([...dates].sort().reverse(), dates);
    assert.ok(seen.every((c) => 'retention_date' in c));
    const mia = seen.find((c) => c.name === 'Mia Thornton');
    assert.ok(mia.left_on);
    assert.match(mia.went_to, /Ashworth family/);
    assertJsonError(await api.get('/api/v1/homes/1/register?after=yesterday'), 400, 'after');
  });

  test('the deputy sees the register without retention dates; a support worker does not see it', async () => {
    const page = await deputy.get('/homes/1/register');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /Keep until/);
    assert.equal((await rsw.get('/homes/1/register')).status, 403);
  });
});

describe('Export for the child', () => {
  const exports = () => count("SELECT count(*) FROM audit_log WHERE action = 'export' AND child_id = 4");

  test('the Export tab offers both files; each download is an attachment and an audited export', async () => {
    const page = await manager.get('/children/4/export');
    assert.equal(page.status, 200);
    assert.match(page.text, /href="\/children\/4\/export\/record.html"/);
    assert.match(page.text, /href="\/children\/4\/export\/record.json"/);
    const before = exports();
    const json = await manager.get('/children/4/export/record.json');
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-disposition'), /^attachment; filename="hearth-record-4-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = JSON.parse(json.text);
    assert.deepEqual(doc.sections.map((s) => s.key), ['case_record', 'record_versions', 'family', 'key_workers', 'valuables', 'leaving', 'chronology',
      'reg44_consent', 'plans', 'daily_record', 'childrens_meetings', 'incidents',
      'restrictive_measures', 'deadlines', 'serious_events', 'placement_notices', 'contact_restrictions', 'contact_log',
      'contact_arrangements', 'bullying_concerns', 'managed_interactions', 'friendships', 'staff_changes', 'visitors']);
    assert.equal(doc.sections[0].content.record.school, 'Westmere Sixth Form College');
    assert.equal(doc.sections[1].content.length, 2);
    assert.ok(doc.sections[6].content.length >= 5);
    const html = await manager.get('/children/4/export/record.html');
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-disposition'), /^attachment; filename="hearth-record-4-.*\.html"$/);
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.match(html.text, /<style>/);
    const t = text(html.text);
    for (const expected of ['The record of Lil Evans-Ward', 'Jade Evans', "I'll miss Dana", 'Wages from her Saturday job',
      'Version 2: Details from the placement plan meeting', 'Came to live at Willow House', 'Kept until at least']) {
      assert.ok(t.includes(expected), expected);
    }
    const viaApi = await api.get('/api/v1/children/4/export');
    assert.equal(viaApi.status, 200);
    assert.equal(viaApi.headers.get('content-disposition'), null);
    assert.equal(viaApi.body.child.id, 4);
    assert.equal(exports(), before + 3);
    assert.equal(server.sql("SELECT detail FROM audit_log WHERE action = 'export' AND child_id = 4 ORDER BY seq DESC LIMIT 1"), 'whole record, api');
  });

  test('a leaver\'s record exports with their leaving', async () => {
    const doc = (await api.get('/api/v1/children/9/export')).body;
    const leaving = doc.sections.find((s) => s.key === 'leaving').content;
    assert.match(leaving.destination, /Ashworth family/);
  });

  test('hearth export writes both files, readable by their owner only, and is audited', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'hearth-export-')), 'out');
    const before = exports();
    const run = server.hearth(['export', '--child', '4', '--out', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${dir}/record.json`));
    assert.match(run.stdout, new RegExp(`${dir}/record.html`));
    const doc = JSON.parse(readFileSync(path.join(dir, 'record.json'), 'utf8'));
    assert.equal(doc.exported_by, 'command line');
    assert.match(readFileSync(path.join(dir, 'record.html'), 'utf8'), /The record of Lil Evans-Ward/);
    assert.equal(statSync(path.join(dir, 'record.json')).mode & 0o777, 0o600);
    assert.equal(statSync(path.join(dir, 'record.html')).mode & 0o777, 0o600);
    assert.equal(exports(), before + 1);
    // Never over another export, and nothing read or audited when refused.
    const again = server.hearth(['export', '--child', '4', '--out', dir]);
    assert.notEqual(again.status, 0);
    assert.match(again.stderr, /already exists/);
    assert.equal(exports(), before + 1);
    const nobody = server.hearth(['export', '--child', '99999', '--out', path.join(dir, 'none')]);
    assert.notEqual(nobody.status, 0);
    assert.match(nobody.stderr, /could not find/);
    assert.ok(!existsSync(path.join(dir, 'none', 'record.json')));
  });
});
