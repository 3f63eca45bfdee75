// Language that cares through the real server: the organisation's list and its changes (pages
// and API), the check as staff type (a fragment for the live region, a page without JavaScript,
// JSON for the API), and the provider's figure. Every page and /api/v1 route of the capability.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, readForm, unescapeHtml, demoIds } from './server.mjs';

let server;
let manager;     // Sam Carter, registered manager of Willow House
let worker;      // Chris Okafor, support worker at Willow House
let admin;       // Alex Morgan, provider administrator
let managerApi;
let workerApi;

before(async () => {
  server = await startServer();
  manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  admin = new Client(server.url);
  await admin.signIn('admin@example.org');
  managerApi = new Api(server.url, await createApiToken(manager));
  workerApi = new Api(server.url, await createApiToken(worker));
});
after(async () => { await server.stop(); });

const main = (html) => html.match(/<main[\s\S]*<\/main>/)[0];
// The words of some markup, as a person reads them.
const plain = (html) => unescapeHtml(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
const text = (html) => plain(main(html));

// What the live region would show: the fragment POST /language/check answers to htmx and hearth.js.
async function liveCheck(client, words) {
  await client.get('/organisation/language');
  return client.post('/language/check', { text: words }, { headers: { 'hx-request': 'true' } });
}

describe('the list', () => {
  test('everyone who writes records can read it, with the alternative and why of each phrase', async () => {
    const page = await worker.get('/organisation/language');
    assert.equal(page.status, 200);
    const words = text(page.text);
    assert.match(words, /Language that cares/);
    assert.match(words, /Showing 1 to 20 of 52 phrases/);
    assert.match(words, /kicked off/);
    assert.match(words, /Instead: Say what happened/);
    assert.match(words, /Not yet reviewed by a practitioner/);
    // The demo organisation retired "residents" and added "blew up" (page 3 of the list).
    assert.match(words, /Retired for your organisation .* residents/);
    const last = await worker.get('/organisation/language?page=3');
    assert.match(text(last.text), /blew up Your own/);
    assert.match(text(last.text), /Showing 41 to 52 of 52 phrases/);
    // A support worker is not offered the managers' forms.
    assert.doesNotMatch(page.text, /href="\/organisation\/language\/new"/);
    assert.doesNotMatch(page.text, /\/organisation\/language\/figures/);
    // The try-it box is checked as it is typed.
    assert.match(page.text, /<textarea[^>]*name="text"[^>]*data-language-check/);
    // The service navigation leads here, and only this item is the current one.
    assert.match(page.text, /<a class="govuk-service-navigation__link" href="\/organisation\/language" aria-current="page">/);
    const nav = (html) => html.match(/<ul class="govuk-service-navigation__list"[\s\S]*?<\/ul>/)[0];
    assert.equal((nav(page.text).match(/aria-current="page"/g) || []).length, 1);
    const adminPage = await admin.get('/organisation/language');
    assert.equal((nav(adminPage.text).match(/aria-current="page"/g) || []).length, 1);
    assert.match(nav(adminPage.text), /href="\/organisation">Organisation</);
    const managerPage = await manager.get('/organisation/language');
    assert.match(managerPage.text, /href="\/organisation\/language\/new"/);
    assert.match(managerPage.text, /href="\/organisation\/language\/figures"/);
  });

  test('it can be searched and paged, and an empty search says what to do', async () => {
    const found = await worker.get('/organisation/language?q=CONTACT');
    assert.equal(found.status, 200);
    assert.match(text(found.text), /Showing 1 to \d+ of \d+ phrases that mention “CONTACT”/);
    assert.match(text(found.text), /contact \(when you mean family time\)/);
    assert.doesNotMatch(text(found.text), /kicked off/);
    const none = await worker.get('/organisation/language?q=zzzzzz');
    assert.match(text(none.text), /No phrase in the list mentions “zzzzzz”/);
    const page2 = await worker.get('/organisation/language?page=2');
    assert.match(text(page2.text), /Showing 21 to 40 of 52/);
    assert.match(page2.text, /aria-current="page">2</);
    // Nonsense page numbers land on a real page.
    for (const p of ['0', '-3', 'x', '999']) {
      const r = await worker.get(`/organisation/language?page=${p}`);
      assert.equal(r.status, 200, p);
    }
    const script = await worker.get('/organisation/language?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(script.status, 200);
    assert.doesNotMatch(script.text, /<script>alert/);
  });

  test('a phrase page shows what Hearth looks for and the organisation\'s history', async () => {
    const page = await worker.get('/organisation/language/5');
    assert.equal(page.status, 200);
    const words = text(page.text);
    assert.match(words, /refused/);
    assert.match(words, /Hearth's list, changed by your organisation/);
    assert.match(words, /refuse\+/);
    assert.match(words, /with the reason they gave, in their own words/);
    assert.match(words, /Alex Morgan Changed \(version 2\) Our recording guidance asks/);
    assert.equal((await worker.get('/organisation/language/999999')).status, 404);
    const plain = await worker.get('/organisation/language/1');
    assert.match(text(plain.text), /has not changed this phrase/);
  });

  test('the API lists the phrases with the list\'s version', async () => {
    const list = await workerApi.get('/api/v1/language/phrases');
    assert.equal(list.status, 200);
    assert.equal(list.body.list.version, 1);
    assert.equal(list.body.list.reviewed, false);
    assert.equal(list.body.phrases.length, 53);
    const residents = list.body.phrases.find((p) => p.id === 52);
    assert.equal(residents.retired, true);
    assert.equal(residents.version, 2);
    // The demo organisation's own phrase, numbered after Hearth's list.
    const own = list.body.phrases.find((p) => p.phrase === 'blew up');
    assert.ok(own, 'the organisation\'s own phrase is listed');
    assert.equal(own.from_defaults, false);
    assert.ok(own.id > Math.max(...list.body.phrases.filter((p) => p.from_defaults).map((p) => p.id)));
    const one = await workerApi.get('/api/v1/language/phrases/5');
    assert.equal(one.status, 200);
    assert.equal(one.body.changed, true);
    assert.deepEqual(one.body.history.map((h) => h.kind), ['amend']);
    assert.ok(Array.isArray(one.body.match) && one.body.match.includes('refuse+'));
    assert.equal((await workerApi.get('/api/v1/language/phrases/4242')).status, 404);
  });
});

describe('changing the list', () => {
  test('a manager adds a phrase; bad input is named at its field and what was typed is kept', async () => {
    const form = await manager.get('/organisation/language/new');
    assert.equal(form.status, 200);
    const empty = await manager.post('/organisation/language', {});
    assert.equal(empty.status, 400);
    assert.match(empty.text, /govuk-error-summary/);
    assert.match(empty.text, /<a href="#phrase">Enter the phrase<\/a>/);
    assert.match(empty.text, /<a href="#match">Enter the words to look for<\/a>/);
    assert.match(empty.text, /<a href="#reason">Enter why you are making this change<\/a>/);

    const typed = {
      phrase: 'lost it', match: 'lose+|lost it\nkick++ off', alternative: 'Say what happened',
      why: 'It tells the reader nothing.', reason: 'Team meeting',
    };
    const bad = await manager.post('/organisation/language', typed);
    assert.equal(bad.status, 400);
    assert.match(unescapeHtml(bad.text), /In "kick\+\+ off": a \+ goes only at the end of a word/);
    const kept = readForm(bad.text, '/organisation/language');
    assert.equal(kept.phrase, 'lost it');
    assert.equal(kept.match, 'lose+|lost it\nkick++ off');
    assert.equal(kept.reason, 'Team meeting');

    const added = await manager.post('/organisation/language', { ...typed, match: 'lose+|lost it' });
    assert.equal(added.status, 303, added.text.slice(0, 400));
    const where = added.headers.get('location');
    assert.match(where, /^\/organisation\/language\/1000\d\?added=1$/);
    const page = await manager.get(where);
    assert.match(text(page.text), /The phrase was added/);
    assert.match(text(page.text), /Your organisation's own/);
    // It is flagged at once, for everyone in the organisation.
    const live = await liveCheck(worker, 'Then he lost it in the kitchen.');
    assert.match(unescapeHtml(live.text), /“lost it”/);
  });

  test('a manager amends a phrase; a stale amendment gets 409 with the phrase as it is and what was typed', async () => {
    const first = await manager.get('/organisation/language/2/edit');
    assert.equal(first.status, 200);
    const form = readForm(first.text, '/organisation/language/2');
    assert.equal(form.version, '1');
    assert.equal(form.phrase, 'attention-seeking');
    assert.match(form.match, /attention seek\+\nattention seeker\|seekers/);

    const saved = await manager.post('/organisation/language/2', {
      ...form, alternative: 'Connection-seeking: say what they needed.', reason: 'Our training says connection-seeking',
    });
    assert.equal(saved.status, 303, saved.text.slice(0, 400));
    assert.equal(saved.headers.get('location'), '/organisation/language/2?changed=1');

    const stale = await manager.post('/organisation/language/2', {
      ...form, why: 'Typed by a second manager', reason: 'Second thoughts',
    });
    assert.equal(stale.status, 409);
    assert.match(text(stale.text), /Sam Carter changed this phrase \(version 2\) after you opened it \(version 1\)/);
    assert.match(text(stale.text), /Connection-seeking: say what they needed/);
    const kept = readForm(stale.text, '/organisation/language/2');
    assert.equal(kept.why, 'Typed by a second manager');
    assert.equal(kept.reason, 'Second thoughts');
    assert.equal(kept.version, '2');

    const unchanged = await manager.post('/organisation/language/2', {
      ...readForm((await manager.get('/organisation/language/2/edit')).text, '/organisation/language/2'),
      reason: 'Nothing',
    });
    assert.equal(unchanged.status, 400);
    assert.match(text(unchanged.text), /Nothing was changed/);

    // The earlier words are kept.
    const history = (await managerApi.get('/api/v1/language/phrases/2')).body;
    assert.equal(history.version, 2);
    assert.equal(history.alternative, 'Connection-seeking: say what they needed.');
    assert.equal(server.sql("SELECT count(*) FROM language_changes WHERE phrase_id = 2"), '1');
    assert.equal(server.sql("SELECT count(*) FROM audit_log WHERE record_type = 'language_phrase' AND record_id = '2' AND action = 'amend'"), '1');
  });

  test('a manager retires a phrase for the organisation and restores it', async () => {
    const before = await liveCheck(worker, 'She went to respite.');
    assert.match(before.text, /respite/);
    const page = await manager.get('/organisation/language/15/retire');
    assert.equal(page.status, 200);
    const form = readForm(page.text, '/organisation/language/15/retire');
    const noReason = await manager.post('/organisation/language/15/retire', { ...form, reason: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.text, /Enter why you are making this change/);

    const retired = await manager.post('/organisation/language/15/retire', { ...form, reason: 'Our short-breaks service is called Respite' });
    assert.equal(retired.status, 303);
    assert.equal(retired.headers.get('location'), '/organisation/language/15?retired=1');
    assert.equal((await liveCheck(worker, 'She went to respite.')).text.trim(), '');
    const list = await worker.get('/organisation/language?q=respite');
    assert.match(text(list.text), /Retired for your organisation .* respite/);

    const again = await manager.post('/organisation/language/15/retire', { ...form, reason: 'Twice' });
    assert.equal(again.status, 409);

    const restorePage = await manager.get('/organisation/language/15/restore');
    const restored = await manager.post('/organisation/language/15/restore', {
      ...readForm(restorePage.text, '/organisation/language/15/restore'), reason: 'Families asked us to stop',
    });
    assert.equal(restored.status, 303);
    assert.match((await liveCheck(worker, 'She went to respite.')).text, /respite/);
    const history = (await managerApi.get('/api/v1/language/phrases/15')).body.history;
    assert.deepEqual(history.map((h) => [h.kind, h.changed_by]), [['retire', 'Sam Carter'], ['restore', 'Sam Carter']]);
  });

  test('the API adds, amends, retires and restores, naming the version it read', async () => {
    const bad = await managerApi.post('/api/v1/language/phrases', { phrase: 'x', match: ['(x)'], alternative: 'y', why: 'z', reason: 'r' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'match');
    const unknown = await managerApi.post('/api/v1/language/phrases', { phrase: 'x', match: ['x'], alternative: 'y', why: 'z', reason: 'r', colour: 'red' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'colour');

    const added = await managerApi.post('/api/v1/language/phrases', {
      phrase: 'went mental', match: ['go|goes|going|went mental'], alternative: 'Was very upset', why: 'It mocks mental illness.', reason: 'Heard on shift',
    });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.headers.get('location'), `/api/v1/language/phrases/${added.body.id}`);
    assert.equal(added.body.version, 1);
    const id = added.body.id;

    const amended = await managerApi.put(`/api/v1/language/phrases/${id}`, {
      phrase: 'went mental', match: ['go|goes|going|went mental', 'lost the plot'], alternative: 'Was very upset', why: 'It mocks mental illness.', reason: 'Another form', version: 1,
    });
    assert.equal(amended.status, 200, amended.text);
    assert.equal(amended.body.version, 2);
    assert.deepEqual(amended.body.match, ['go|goes|going|went mental', 'lost the plot']);
    const stale = await managerApi.put(`/api/v1/language/phrases/${id}`, {
      phrase: 'went mental', match: ['x'], alternative: 'a', why: 'b', reason: 'c', version: 1,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'conflict');

    const retired = await managerApi.post(`/api/v1/language/phrases/${id}/retire`, { version: 2, reason: 'Not needed' });
    assert.equal(retired.status, 200);
    assert.equal(retired.body.retired, true);
    const restored = await managerApi.post(`/api/v1/language/phrases/${id}/restore`, { version: 3, reason: 'Needed after all' });
    assert.equal(restored.status, 200);
    assert.equal(restored.body.retired, false);
    assert.deepEqual(restored.body.history.map((h) => h.kind), ['add', 'amend', 'retire', 'restore']);
    const noVersion = await managerApi.post(`/api/v1/language/phrases/${id}/retire`, { reason: 'x' });
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.body.error.field, 'version');
    const missing = await managerApi.post('/api/v1/language/phrases/999999/retire', { version: 1, reason: 'x' });
    assert.equal(missing.status, 404);

    // Support workers read the list but do not change it.
    assert.equal((await workerApi.put(`/api/v1/language/phrases/${id}`, { version: 4 })).status, 403);
    assert.equal((await workerApi.post('/api/v1/language/phrases', {})).status, 403);
  });
});

describe('the check', () => {
  test('the live region gets a fragment listing each phrase with its alternative and why', async () => {
    const r = await liveCheck(worker, 'Aisha kicked off after contact with mum and refused tea. She said "I kicked off because I missed her".');
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.text, /<html|<main/i, 'a fragment, not a page');
    const words = unescapeHtml(r.text.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
    assert.match(words, /Phrases to think about again/);
    assert.match(words, /“kicked off” ?\. Instead: Say what happened/);
    assert.match(words, /“after contact with mum” ?\. Instead: "Family time"/);
    assert.match(words, /“refused”/);
    assert.match(words, /never stops a record being saved/);
    // Said once outside the child's quoted words, so once.
    assert.doesNotMatch(words, /2 times/);
    const none = await liveCheck(worker, 'Aisha and her key worker made a cake for family time.');
    assert.equal(none.status, 200);
    assert.equal(none.text.trim(), '');
  });

  test('without JavaScript the same form gives a page with the findings and the words kept', async () => {
    const page = await worker.get('/organisation/language');
    const form = readForm(page.text, '/language/check');
    const r = await worker.post('/language/check', { ...form, text: 'He threw a tantrum.' });
    assert.equal(r.status, 200);
    assert.match(r.text, /<title>Check some words – Hearth<\/title>/);
    assert.match(text(r.text), /“tantrum”/);
    assert.equal(readForm(r.text, '/language/check').text, 'He threw a tantrum.');
    const clean = await worker.post('/language/check', { ...form, text: 'He was upset and cried.' });
    assert.match(text(clean.text), /found nothing to think about again/);
    const tooLong = await worker.post('/language/check', { ...form, text: 'a'.repeat(20001) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /the words to check must be 20000 characters or fewer/i);
    // A long note in any script is checked, not refused for its size in bytes.
    const long = await worker.post('/language/check', { ...form, text: `${'été '.repeat(4900)}He kicked off.` });
    assert.equal(long.status, 200);
    assert.match(text(long.text), /“kicked off”/);
    const search = await worker.get(`/organisation/language?q=${encodeURIComponent('é'.repeat(80))}`);
    assert.equal(search.status, 200);
  });

  test('the API gives each finding with its place in the text', async () => {
    const words = 'Zoë (‘Z’) refused tea; "I refused," she said.';
    const r = await workerApi.post('/api/v1/language/check', { text: words });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.count, 1);
    const [f] = r.body.findings;
    assert.equal(f.phrase_id, 5);
    assert.equal(f.matched, 'refused');
    const bytes = Buffer.from(words, 'utf8');
    assert.equal(bytes.subarray(f.offset, f.offset + f.length).toString('utf8'), 'refused');
    assert.ok(f.alternative.length > 0 && f.why.length > 0);
    const wrong = await workerApi.post('/api/v1/language/check', { text: 42 });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.field, 'text');
    // Nothing is saved by a check.
    const checks = server.sql('SELECT count(*) FROM language_checks');
    await workerApi.post('/api/v1/language/check', { text: 'He kicked off.' });
    assert.equal(server.sql('SELECT count(*) FROM language_checks'), checks);
  });

  test('a check needs sign-in and a role that writes records', async () => {
    const stranger = new Client(server.url);
    await stranger.get('/sign-in');
    const r = await stranger.post('/language/check', { text: 'kicked off' });
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location'), /^\/sign-in/);
    const sw = new Client(server.url);
    await sw.signIn('social.worker@example.org');
    await sw.get('/account');
    assert.equal((await sw.post('/language/check', { text: 'kicked off' })).status, 403);
    assert.doesNotMatch((await sw.get('/account')).text, /href="\/organisation\/language"/);
    assert.equal((await sw.get('/organisation/language')).status, 403);
  });
});

describe('the figures', () => {
  let willow, harbour, aisha, ozzy;
  // The demo checked a year of daily notes. One more month, older than the twelve shown, must be
  // left out of everything.
  before(() => {
    const ids = demoIds(server);
    willow = ids.home('Willow House');
    harbour = ids.home('Harbour View');
    aisha = ids.child('Aisha Bennett');
    ozzy = ids.child('Ozzy Grant');
    server.sql(`INSERT INTO language_months (home_id, month, organisation_id, entries, entries_flagged, flagged)
      SELECT id, '2000-01', organisation_id, 500, 500, 900 FROM homes WHERE id = ${willow}`);
  });
  const label = (month) => new Date(`${month}-01T12:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const cell = (t) => (t.entries ? `${t.per_100.toFixed(1)} (${t.entries} entries)` : 'No entries');
  const ofMonth = (list, month) => list.find((o) => o.month === month) ?? { month, entries: 0, entries_flagged: 0, flagged: 0, per_100: null };
  const homeMonths = (figures, name) => figures.homes.find((h) => h.name === name).months;
  const flaggedMost = (figures) => new Map(figures.most_flagged.map((p) => [p.phrase_id, p.flagged]));
  // A figure as a month's totals give it: flagged phrases per 100 entries, to one place.
  const expected = (month, { entries, entries_flagged: entriesFlagged, flagged }) =>
    ({ month, entries, entries_flagged: entriesFlagged, flagged, per_100: entries ? Math.round((1000 * flagged) / entries) / 10 : null });

  // Writes a daily note through the API, and says which phrases the check finds in its words.
  async function writeNote(api, child, body) {
    const found = await api.post('/api/v1/language/check', { text: body });
    assert.equal(found.status, 200, found.text);
    const d = new Date();
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(d.getTime() - 60000)).map((x) => [x.type, x.value]));
    const made = await api.post(`/api/v1/children/${child}/daily-record`, {
      kind: 'note', category: 'daily_life', occurred_on: `${parts.year}-${parts.month}-${parts.day}`,
      occurred_time: `${parts.hour}:${parts.minute}`, body,
    });
    assert.equal(made.status, 201, made.text);
    return found.body.findings.map((f) => f.phrase_id);
  }

  test('the provider sees every home beside the organisation, as a chart with its table', async () => {
    const before = (await admin.get('/api/v1/language/figures')).json();
    // Two notes at Willow House this month, one with phrases to think about again and one without:
    // two more entries, one more flagged, and as many more phrases as the check finds.
    const phrases = await writeNote(workerApi, aisha, 'Aisha kicked off after contact with mum and was attention-seeking at tea.');
    assert.ok(phrases.length >= 2, `the check finds the phrases (${phrases})`);
    assert.deepEqual(await writeNote(workerApi, aisha, 'Aisha laid the table and laughed with everyone at tea.'), []);

    const r = await admin.get('/organisation/language/figures');
    assert.equal(r.status, 200);
    const m = main(r.text);
    assert.match(m, /<svg class="hearth-chart"[^>]*role="img"[^>]*aria-labelledby="language-rate-title language-rate-desc"/);
    assert.match(m, /<title id="language-rate-title">Flagged phrases per 100 entries, by month<\/title>/);
    assert.doesNotMatch(m, /\sstyle=/, 'no style attributes under the CSP');
    assert.doesNotMatch(m, /<script/);
    // The organisation's line and both homes, in the legend and the table.
    assert.match(m, /hearth-chart__series--total/);
    assert.match(m, />Harbour View<\/text>/);
    assert.match(m, />Willow House<\/text>/);
    const table = plain(m.match(/<table class="govuk-table hearth-figure-table">[\s\S]*?<\/table>/)[0]);
    assert.match(table, /Month Organisation Harbour View Willow House/);

    const after = (await admin.get('/api/v1/language/figures')).json();
    assert.equal(after.months.length, 12);
    const now = after.months.at(-1);
    const added = (t) => expected(now, { entries: t.entries + 2, entries_flagged: t.entries_flagged + 1, flagged: t.flagged + phrases.length });
    assert.deepEqual(ofMonth(after.organisation, now), added(ofMonth(before.organisation, now)));
    assert.deepEqual(ofMonth(homeMonths(after, 'Willow House'), now), added(ofMonth(homeMonths(before, 'Willow House'), now)));
    assert.deepEqual(ofMonth(homeMonths(after, 'Harbour View'), now), expected(now, ofMonth(homeMonths(before, 'Harbour View'), now)));
    let flaggedInYear = 0;
    for (const month of after.months) {
      const org = ofMonth(after.organisation, month);
      const willowMonth = ofMonth(homeMonths(after, 'Willow House'), month);
      const harbourMonth = ofMonth(homeMonths(after, 'Harbour View'), month);
      if (month !== now) assert.deepEqual(org, ofMonth(before.organisation, month), `${month} is as it was`);
      // The homes add up to the organisation.
      assert.equal(willowMonth.entries + harbourMonth.entries, org.entries, month);
      assert.equal(willowMonth.flagged + harbourMonth.flagged, org.flagged, month);
      assert.deepEqual(org, expected(month, org), `${month}'s rate is worked out from its totals`);
      assert.ok(table.includes(`${label(month)} ${cell(org)} ${cell(harbourMonth)} ${cell(willowMonth)}`),
        `${label(month)} ${cell(org)} ${cell(harbourMonth)} ${cell(willowMonth)} in ${table}`);
      flaggedInYear += org.flagged;
    }
    assert.ok(flaggedInYear > 0, 'the demo year has phrases flagged');
    assert.doesNotMatch(table, /2000/, 'a month older than twelve is left out');
    assert.ok(!after.organisation.some((o) => o.flagged >= 900));

    // What is flagged most: in order, and each phrase the notes used counted once more each time.
    const counts = after.most_flagged.map((p) => p.flagged);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most flagged first');
    const was = flaggedMost(before);
    const now_ = flaggedMost(after);
    const listed = phrases.filter((id) => was.has(id) && now_.has(id));
    assert.ok(listed.length > 0, 'a phrase the note used is among those flagged most');
    for (const id of new Set(listed)) {
      assert.equal(now_.get(id), was.get(id) + phrases.filter((x) => x === id).length, `phrase ${id}`);
    }
    const most = plain(m.match(/What is flagged most[\s\S]*?<\/ol>/)[0]);
    assert.ok(most.startsWith(`What is flagged most ${after.most_flagged[0].phrase} : ${after.most_flagged[0].flagged} `), most);
  });

  test('a registered manager sees their own home beside the organisation\'s line', async () => {
    // A note at Harbour View, with a phrase: the organisation's line counts it, Willow's
    // manager's list of what is flagged most does not.
    const harbourWorker = new Client(server.url);
    await harbourWorker.signIn('rsw1.harbour@example.org');
    const harbourApi = new Api(server.url, await createApiToken(harbourWorker));
    const before = (await managerApi.get('/api/v1/language/figures')).body;
    const phrases = await writeNote(harbourApi, ozzy, 'Ozzy kicked off when the game was switched off.');
    assert.ok(phrases.length >= 1, 'the check finds the phrase');

    const r = await manager.get('/organisation/language/figures');
    assert.equal(r.status, 200);
    const m = main(r.text);
    assert.match(m, />Willow House<\/text>/);
    assert.doesNotMatch(m, /Harbour View/);
    const table = plain(m.match(/<table class="govuk-table hearth-figure-table">[\s\S]*?<\/table>/)[0]);
    assert.match(table, /Month Organisation Willow House/);
    const api = await managerApi.get('/api/v1/language/figures');
    assert.equal(api.status, 200);
    assert.deepEqual(api.body.homes.map((h) => h.name), ['Willow House']);
    assert.equal(api.body.homes[0].id, willow);
    const now = api.body.months.at(-1);
    const org = ofMonth(before.organisation, now);
    assert.deepEqual(ofMonth(api.body.organisation, now),
      expected(now, { entries: org.entries + 1, entries_flagged: org.entries_flagged + 1, flagged: org.flagged + phrases.length }));
    assert.deepEqual(ofMonth(homeMonths(api.body, 'Willow House'), now), ofMonth(homeMonths(before, 'Willow House'), now));
    for (const month of api.body.months) {
      const own = ofMonth(homeMonths(api.body, 'Willow House'), month);
      assert.ok(table.includes(`${label(month)} ${cell(ofMonth(api.body.organisation, month))} ${cell(own)}`), month);
      assert.deepEqual(own, expected(month, own), month);
    }
    // Only their home's phrases in what is flagged most: Harbour View's note changed nothing there.
    assert.deepEqual(api.body.most_flagged, before.most_flagged);
    const all = (await admin.get('/api/v1/language/figures')).json();
    assert.ok(all.most_flagged.some((p) => phrases.includes(p.phrase_id)), 'the organisation\'s list counts it');
  });

  test('homes to draw can be chosen; support workers cannot see the figures', async () => {
    const r = await admin.get(`/organisation/language/figures?home=${harbour}`);
    const legend = r.text.match(/<g class="hearth-chart__legend">[\s\S]*?<\/svg>/)[0];
    assert.match(legend, /Harbour View/);
    assert.doesNotMatch(legend, /Willow House/);
    const all = (await admin.get('/api/v1/language/figures')).json();
    assert.deepEqual(all.homes.map((h) => h.name), ['Harbour View', 'Willow House']);
    assert.ok(all.most_flagged.length >= 3);
    assert.equal((await worker.get('/organisation/language/figures')).status, 403);
    assert.equal((await workerApi.get('/api/v1/language/figures')).status, 403);
  });
});
