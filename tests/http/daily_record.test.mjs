// The daily record over HTTP, on the store the suite runs on: writing, signing and amending notes,
// one-tap praise, key-work actions, the chronology with its filters and pages, search, the
// handover, children's meetings and deadlines; bad input named at the field and nothing saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, readForm, unescapeHtml, demoIds, london } from './server.mjs';

let server;
let worker;  // a residential support worker at Willow House
let api;     // the same person through the API
// Willow House and four of the demo's children: Aisha, Ben, Kai and Lily live there, Ozzy at
// Harbour View.
let willow, aisha, ben, kai, lily, ozzy;
before(async () => {
  server = await startServer();
  const ids = demoIds(server);
  willow = ids.home('Willow House');
  [aisha, ben, kai, lily, ozzy] = ['Aisha Bennett', 'Ben Cole', 'Kai Donovan', 'Lily Evans-Ward', 'Ozzy Grant'].map(ids.child);
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  api = new Api(server.url, await createApiToken(worker));
});
after(async () => { await server.stop(); });

const count = (sql) => Number(server.sql(sql));
const words = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

// The form to write an entry, as the page gives it (today's date and time already filled in).
async function newEntryForm(child, kind = 'note') {
  const page = await worker.get(`/children/${child}/daily-record/new${kind === 'note' ? '' : `?kind=${kind}`}`);
  assert.equal(page.status, 200);
  return readForm(page.text, `/children/${child}/daily-record`);
}

test('a support worker writes a daily note: signed, in the chronology, audited', async () => {
  const form = await newEntryForm(aisha);
  assert.equal(form.kind, 'note');
  assert.ok(form['occurred_on-year'] && form.occurred_time, 'today and now are filled in');
  const before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND record_type = 'daily_entry'");
  const res = await worker.post(`/children/${aisha}/daily-record`, {
    ...form, category: 'education', body: 'Read a whole chapter of her library book aloud at bedtime.',
    child_words: 'Can we go to the library on Saturday?', for_handover: 'yes',
  });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  const location = res.headers.get('location');
  assert.match(location, /^\/daily-record\/\d+\?saved=1$/);
  const page = await worker.get(location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Written and signed by <strong>Chris Okafor<\/strong>/);
  assert.match(unescapeHtml(page.text), /Can we go to the library on Saturday\?/);
  const chronology = await worker.get(`/children/${aisha}/chronology`);
  assert.match(chronology.text, /Read a whole chapter of her library book/);
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND record_type = 'daily_entry'"), before + 1);
});

test('bad input: each field named, what was typed kept, nothing saved', async () => {
  const form = await newEntryForm(ben);
  const entries = count('SELECT COUNT(*) FROM daily_entries');
  const future = new Date().getFullYear() + 1;
  const res = await worker.post(`/children/${ben}/daily-record`, {
    ...form, 'occurred_on-year': String(future), category: '', body: '',
    child_words: 'I kept this', unknown_field: 'x',
  });
  assert.equal(res.status, 400);
  assert.match(res.text, /<title>Error: /);
  for (const field of ['occurred_on', 'category', 'body', 'unknown_field']) {
    assert.match(res.text, new RegExp(`<a href="#${field}">`), `the summary names ${field}`);
  }
  assert.match(res.text, /id="body-error" class="govuk-error-message"/);
  assert.match(res.text, />I kept this<\/textarea>/);
  assert.equal(count('SELECT COUNT(*) FROM daily_entries'), entries);
});

test('one tap records praise and comes back to the child', async () => {
  await worker.get(`/children/${kai}`);
  const res = await worker.post(`/children/${kai}/praise`, { moment: 'tried' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/children/${kai}?praised=1`);
  const page = await worker.get(`/children/${kai}?praised=1`);
  assert.match(page.text, /Praise recorded/);
  assert.match(page.text, /Praise: Tried something new/);
  // Somewhere else on this site is fine; another site is not.
  const back = await worker.post(`/children/${kai}/praise`, { body: 'Shared his game', return_to: '//evil.example/' });
  assert.equal(back.headers.get('location'), `/children/${kai}?praised=1`);
  const none = await worker.post(`/children/${kai}/praise`, {});
  assert.equal(none.status, 400);
  assert.match(none.text, /<a href="#body">Choose a moment or write what they did well/);
});

test('the API writes an entry, refuses a stale amendment and keeps every version', async () => {
  const now = london(5);
  const made = await api.post(`/api/v1/children/${aisha}/daily-record`, {
    kind: 'note', category: 'health', occurred_on: now.on, occurred_time: now.time,
    body: 'Dentist at 4pm: all fine.',
  });
  assert.equal(made.status, 201, made.text);
  const id = made.body.id;
  assert.equal(made.body.author.name, 'Chris Okafor');
  const amendment = { kind: 'note', category: 'health', occurred_on: now.on, occurred_time: now.time,
                      body: 'Dentist at 4pm: all fine, next check in six months.', version: 1, reason: 'Added the next check' };
  const first = await api.put(`/api/v1/daily-record/${id}`, amendment);
  assert.equal(first.status, 200, first.text);
  assert.equal(first.body.version, 2);
  const stale = await api.put(`/api/v1/daily-record/${id}`, { ...amendment, body: 'Something else', reason: 'Mine' });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'conflict');
  const read = await api.get(`/api/v1/daily-record/${id}`);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.versions.map((v) => v.record.body),
    ['Dentist at 4pm: all fine, next check in six months.', 'Dentist at 4pm: all fine.']);
  const bad = await api.post(`/api/v1/children/${aisha}/daily-record`, { kind: 'note', category: 'health', occurred_on: now.on, occurred_time: '25:99', body: 'x' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.field, 'occurred_time');
});

test('a stale amendment through the pages keeps what was typed and shows the entry now', async () => {
  const now = london(10);
  const made = await api.post(`/api/v1/children/${ben}/daily-record`, {
    kind: 'note', category: 'daily_life', occurred_on: now.on, occurred_time: now.time, body: 'Tidied his room.',
  });
  const id = made.body.id;
  const page = await worker.get(`/daily-record/${id}/amend`);
  const form = readForm(page.text, `/daily-record/${id}`);
  assert.equal(form.version, '1');
  await api.put(`/api/v1/daily-record/${id}`, { kind: 'note', category: 'daily_life', occurred_on: now.on, occurred_time: now.time,
                                                 body: 'Tidied his room and hoovered.', version: 1, reason: 'More detail' });
  const res = await worker.post(`/daily-record/${id}`, { ...form, body: 'Tidied his room with help.', reason: 'Who helped' });
  assert.equal(res.status, 409);
  assert.match(res.text, /Tidied his room with help\./, 'what was typed is kept');
  assert.match(res.text, /Tidied his room and hoovered\./, 'the entry as it is now is shown');
  assert.match(res.text, /name="version" value="2"/);
});

test('a key-work session agrees actions that stay open at handover until done', async () => {
  const form = await newEntryForm(lily, 'key_work');
  const res = await worker.post(`/children/${lily}/daily-record`, {
    ...form, category: 'independence', topic: 'Learning to cook', body: 'We planned a meal she will cook on Sunday.',
    actions: 'Buy ingredients for Sunday\nBook the kitchen',
  });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  const handover = await worker.get(`/homes/${willow}/handover`);
  assert.match(handover.text, /Buy ingredients for Sunday/);
  const id = server.sql("SELECT id FROM agreed_actions WHERE description = 'Book the kitchen'");
  const done = await worker.post(`/actions/${id}/done`, { version: '1', return_to: `/homes/${willow}/handover#actions` });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/homes/${willow}/handover#actions`);
  const after = await worker.get(`/homes/${willow}/handover`);
  assert.doesNotMatch(after.text, /Book the kitchen/);
  assert.match(after.text, /Buy ingredients for Sunday/);
  const again = await worker.post(`/actions/${id}/done`, { version: '1' });
  assert.equal(again.status, 409);
});

test('the chronology filters, pages by cursor and refuses a bad filter at its field', async () => {
  // Praise of its own, so that the filter has something to keep and something to leave out.
  await worker.get(`/children/${aisha}`);
  assert.equal((await worker.post(`/children/${aisha}/praise`, { moment: 'kindness' })).status, 303);
  const all = await api.get(`/api/v1/children/${aisha}/chronology`);
  assert.equal(all.status, 200);
  assert.ok(all.body.entries.some((e) => e.kind !== 'praise'), 'the whole chronology has more than praise');
  const praise = await api.get(`/api/v1/children/${aisha}/chronology?kind=praise`);
  assert.ok(praise.body.entries.length > 0, 'the praise just recorded is kept by the filter');
  assert.ok(praise.body.entries.every((e) => e.kind === 'praise'));
  const significant = await api.get(`/api/v1/children/${ben}/chronology?significant=1`);
  assert.ok(significant.body.entries.length > 0 && significant.body.entries.every((e) => e.significant));
  // Pages: follow the cursor to the end; nothing repeats.
  const seen = new Set();
  let next = null;
  let pages = 0;
  do {
    const res = await api.get(`/api/v1/children/${aisha}/chronology${next ? `?after=${encodeURIComponent(next)}` : ''}`);
    assert.ok(res.body.entries.length > 0, `page ${pages + 1} has entries`);
    for (const e of res.body.entries) { assert.ok(!seen.has(e.id)); seen.add(e.id); }
    next = res.body.next;
    pages++;
  } while (next && pages < 20);
  assert.ok(pages > 1, 'the chronology is long enough to need more than one page');
  assert.equal(next, null, 'the last page says there is no more');
  assert.equal(seen.size, count(`SELECT COUNT(*) FROM chronology WHERE child_id = ${aisha}`));
  const bad = await worker.get(`/children/${aisha}/chronology?from=2026-02-30&kind=nonsense`);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /<a href="#from">From must be a real date/);
  assert.match(bad.text, /<a href="#kind">/);
  const printable = await worker.get(`/children/${aisha}/chronology/print?kind=daily_note`);
  assert.equal(printable.status, 200);
  assert.match(printable.text, /oldest first/);
});

test('search finds a home\'s records and is itself audited; a social worker cannot search', async () => {
  const now = london(3);
  const made = await api.post(`/api/v1/children/${aisha}/daily-record`, {
    kind: 'note', category: 'activities', occurred_on: now.on, occurred_time: now.time,
    body: 'Flew the kite shaped like a whale on the common.',
  });
  assert.equal(made.status, 201, made.text);
  const searches = count("SELECT COUNT(*) FROM audit_log WHERE action = 'search'");
  const res = await api.get(`/api/v1/homes/${willow}/search?q=kite+shaped+like+a+whale`);
  assert.equal(res.status, 200);
  assert.ok(res.body.results.some((r) => /kite shaped like a whale/.test(r.summary) && r.child_id === aisha), JSON.stringify(res.body));
  const living = server.sql(`SELECT id FROM children WHERE home_id = ${willow}`).split('\n').map(Number);
  assert.ok(res.body.results.every((r) => living.includes(r.child_id)), 'only the home\'s own children');
  assert.equal(count("SELECT COUNT(*) FROM audit_log WHERE action = 'search'"), searches + 1);
  const page = await worker.get(`/homes/${willow}/search?q=whale`);
  assert.match(page.text, /Aisha Bennett/);
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  assert.equal((await sw.get(`/homes/${willow}/search?q=whale`)).status, 404);
  const tooLong = await worker.get(`/homes/${willow}/search?q=${'a'.repeat(201)}`);
  assert.equal(tooLong.status, 400);
});

test('the handover shows what was marked since the last one; giving it tells the next shift', async () => {
  const now = london(1);
  await api.post(`/api/v1/children/${ben}/daily-record`, {
    kind: 'note', category: 'health', occurred_on: now.on, occurred_time: now.time,
    body: 'Has a sore throat: keep an eye on his temperature tonight.', for_handover: true,
  });
  const page = await worker.get(`/homes/${willow}/handover`);
  assert.equal(page.status, 200);
  const marked = page.text.slice(page.text.indexOf('id="marked"'), page.text.indexOf('id="deadlines"'));
  assert.match(marked, /keep an eye on his temperature/);
  const form = readForm(page.text, `/homes/${willow}/handovers`);
  const given = await worker.post(`/homes/${willow}/handovers`, { ...form, notes: 'Boiler man at 10.' });
  assert.equal(given.status, 303);
  const next = await api.get(`/api/v1/homes/${willow}/handover`);
  assert.equal(next.body.last_handover.notes, 'Boiler man at 10.');
  assert.ok(!next.body.entries.some((e) => /sore throat/.test(e.summary)), 'the next handover starts from this one');
  // The next shift is someone else: they are told what was said, and by whom.
  const deputy = new Client(server.url);
  await deputy.signIn('deputy.willow@example.org');
  const theirs = await deputy.get(`/homes/${willow}/handover`);
  assert.equal(theirs.status, 200);
  const said = unescapeHtml(theirs.text.match(/<div class="govuk-inset-text">([\s\S]*?)<\/div>/)?.[1] ?? '');
  assert.match(said, /Chris Okafor said at the last handover/);
  assert.match(said, /Boiler man at 10\./);
  const badShift = await worker.post(`/homes/${willow}/handovers`, { shift: 'lunch' });
  assert.equal(badShift.status, 400);
});

test('a children\'s meeting goes into each attending child\'s chronology', async () => {
  const page = await worker.get(`/homes/${willow}/childrens-meetings/new`);
  const form = readForm(page.text, `/homes/${willow}/childrens-meetings`);
  const none = await worker.post(`/homes/${willow}/childrens-meetings`, { ...form, topic: 'House rules', discussion: 'Bedtimes at weekends.' });
  assert.equal(none.status, 400);
  assert.match(none.text, /<a href="#attendees">Choose the children who came/);
  const res = await worker.post(`/homes/${willow}/childrens-meetings`, {
    ...form, topic: 'House rules', discussion: 'Bedtimes at weekends.', children_said: 'Half past ten on Saturdays!',
    attendees: [String(aisha), String(kai)], actions: 'Try later Saturday bedtimes for a month',
  });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  for (const child of [aisha, kai]) {
    const c = await api.get(`/api/v1/children/${child}/chronology?kind=childrens_meeting`);
    assert.ok(c.body.entries.some((e) => e.title === "Children's meeting: House rules"), `child ${child}`);
  }
  const c2 = await api.get(`/api/v1/children/${ben}/chronology?kind=childrens_meeting`);
  assert.ok(!c2.body.entries.some((e) => e.title === "Children's meeting: House rules"));
  const other = await worker.post(`/homes/${willow}/childrens-meetings`, { ...form, topic: 'X', discussion: 'Y', attendees: [String(ozzy)] });
  assert.equal(other.status, 400, 'a child of another home cannot be recorded as coming');
});

test('key-work sessions and meetings marked as talking about bullying: who has, and who has not lately', async () => {
  const standing = async (child) => (await api.get(`/api/v1/homes/${willow}/talked-about-bullying`)).body.children
    .find((c) => c.child_id === child);
  // The demo: Kai last talked about it in a key-work session five months ago, and came to no meeting.
  const kaiBefore = await standing(kai);
  assert.equal(kaiBefore.standing, 'not_lately');
  assert.equal(kaiBefore.childrens_meeting, null);

  // Only a key-work session can be marked: on a daily note the field is refused by name, nothing saved.
  const entries = count('SELECT COUNT(*) FROM daily_entries');
  const note = await newEntryForm(kai);
  const refused = await worker.post(`/children/${kai}/daily-record`, {
    ...note, category: 'friendships', body: 'Played football with Ben.', about_bullying: 'yes',
  });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /<a href="#about_bullying">/);
  assert.equal(count('SELECT COUNT(*) FROM daily_entries'), entries);

  const form = await newEntryForm(kai, 'key_work');
  assert.equal(form.about_bullying, undefined, 'the box starts unticked');
  const res = await worker.post(`/children/${kai}/daily-record`, {
    ...form, category: 'friendships', topic: 'Being kind online', body: 'We talked about a group chat and who he could tell.',
    about_bullying: 'yes',
  });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  const id = Number(res.headers.get('location').match(/\/daily-record\/(\d+)/)[1]);
  assert.match(words((await worker.get(`/daily-record/${id}`)).text), /Talked about bullying Yes/);
  const kaiAfter = await standing(kai);
  assert.equal(kaiAfter.standing, 'lately');
  assert.equal(kaiAfter.key_work_session.id, id);
  const page = await worker.get(`/homes/${willow}/talked-about-bullying`);
  assert.equal(page.status, 200);
  const row = words(page.text).match(/Kai Donovan (.*?) (In the last 3 months|Not in the last 3 months|Not yet)/);
  assert.equal(row?.[2], 'In the last 3 months', words(page.text));
  assert.match(page.text, new RegExp(`href="/daily-record/${id}"`));
  const listed = (await api.get(`/api/v1/homes/${willow}/talked-about-bullying`)).body;
  assert.equal(listed.lately, listed.children.filter((c) => c.standing === 'lately').length);

  // A meeting marked: every child who came has talked about it, and unmarking is an amendment with history.
  const meetingForm = readForm((await worker.get(`/homes/${willow}/childrens-meetings/new`)).text, `/homes/${willow}/childrens-meetings`);
  const held = await worker.post(`/homes/${willow}/childrens-meetings`, {
    ...meetingForm, topic: 'Feeling safe at home', discussion: 'What to do if someone is unkind, and who to tell.',
    attendees: [String(lily)], about_bullying: 'yes',
  });
  assert.equal(held.status, 303, held.text.slice(0, 300));
  const meeting = Number(held.headers.get('location').match(/\/childrens-meetings\/(\d+)/)[1]);
  assert.equal((await standing(lily)).childrens_meeting.id, meeting);
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const amendForm = readForm((await manager.get(`/childrens-meetings/${meeting}/amend`)).text, `/childrens-meetings/${meeting}`);
  assert.equal(amendForm.about_bullying, 'yes');
  delete amendForm.about_bullying;
  const unmarked = await manager.post(`/childrens-meetings/${meeting}`, { ...amendForm, reason: 'It was about house rules in the end' });
  assert.equal(unmarked.status, 303, unmarked.text.slice(0, 300));
  assert.notEqual((await standing(lily)).childrens_meeting?.id, meeting);
  assert.match(words((await manager.get(`/childrens-meetings/${meeting}`)).text), /Talked about bullying Yes No/);
});

test('deadlines: a home sees its clocks; a manager records one as met with its evidence', async () => {
  // A clock as a capability would start it (plan reviews start theirs this way).
  const due = new Date(Date.now() - 3600 * 1000).toISOString().replace(/\.\d+Z$/, '.000Z');
  const started = new Date(Date.now() - 86400 * 1000).toISOString().replace(/\.\d+Z$/, '.000Z');
  server.sql(`INSERT INTO deadlines (home_id, child_id, kind, title, source_type, source_id, link, owner_role, started_at, due_at)
              VALUES (${willow}, ${aisha}, 'plan_review', 'Review Aisha''s safety plan', 'test', 1, '/children/${aisha}', 'registered_manager', '${started}', '${due}')`);
  const id = server.sql("SELECT id FROM deadlines WHERE title = 'Review Aisha''s safety plan'");
  const list = await api.get(`/api/v1/homes/${willow}/deadlines`);
  const found = list.body.open.find((d) => String(d.id) === id);
  assert.equal(found.standing, 'Overdue');
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const page = await manager.get(`/deadlines/${id}`);
  assert.match(page.text, /Record that it was met/);
  const noNote = await manager.post(`/deadlines/${id}/met`, { version: '1', note: '' });
  assert.equal(noNote.status, 400);
  assert.match(noNote.text, /<a href="#note">/);
  const met = await manager.post(`/deadlines/${id}/met`, { version: '1', note: 'Reviewed with Aisha on Monday' });
  assert.equal(met.status, 303);
  const after = await api.get(`/api/v1/deadlines/${id}`);
  assert.equal(after.body.state, 'met');
  assert.equal(after.body.met_by, 'Sam Carter');
  assert.equal(after.body.standing, 'Met late');
  // A support worker may read the home's deadlines but not record one as met.
  assert.equal((await worker.post(`/deadlines/${id}/met`, { version: '2', note: 'x' })).status, 403);
  const mine = await api.get('/api/v1/deadlines');
  assert.equal(mine.status, 200);
});

test('a social worker reads their allocated child\'s chronology but writes nothing', async () => {
  // Aisha is allocated to the demo's social worker; Kai is not.
  const sw = new Client(server.url);
  await sw.signIn('social.worker@example.org');
  assert.equal((await sw.get(`/children/${aisha}/chronology`)).status, 200);
  assert.equal((await sw.get(`/children/${kai}/chronology`)).status, 404);
  assert.equal((await sw.get(`/children/${aisha}/daily-record/new`)).status, 403);
  assert.equal((await sw.post(`/children/${aisha}/praise`, { moment: 'kindness' })).status, 403);
});
