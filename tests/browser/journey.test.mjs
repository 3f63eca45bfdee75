// The journey in a real browser: sign in → dashboard → child profile → amend →
// conflict on a stale edit → the audit trail shows both; and the admit form's errors shown
// the GOV.UK way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, clickAndWait, watchPage } from './helpers.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page, problems: watchPage(page) };
}

test('a manager signs in, amends a child and sees the amendment in the history', async () => {
  const { context, page, problems } = await newPage();
  try {
    await signIn(page, server.url, 'manager.willow@example.org');
    // The start page takes the registered manager to their home's dashboard.
    assert.equal(new URL(page.url()).pathname, '/homes/1');
    await assert.doesNotReject(page.locator('h1', { hasText: 'Willow House' }).waitFor());
    const main = page.locator('main');
    for (const name of ['Aisha Bennett', 'Ben Cole', 'Kai Donovan']) {
      // Exactly: the overdue plan reviews on the dashboard name the children too.
      assert.ok(await main.getByRole('link', { name, exact: true }).isVisible(), `dashboard lists ${name}`);
    }

    // Open a child's profile from the dashboard.
    let response = await clickAndWait(page, main.getByRole('link', { name: 'Ben Cole', exact: true }));
    assert.equal(response.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/children\/\d+$/);
    const profilePath = new URL(page.url()).pathname;
    assert.equal(await page.locator('h1').innerText(), 'Ben Cole');
    // The profile lists who has read it: this manager, just now.
    assert.match(await page.locator('aside', { hasText: 'Who has read this record' }).innerText(), /Sam Carter/);
    // The whole record and its history are on the Record tab.
    response = await clickAndWait(page, page.locator('.hearth-child-tabs').getByRole('link', { name: 'Record', exact: true }));
    assert.equal(new URL(page.url()).pathname, `${profilePath}/record`);
    assert.match(await page.locator('#history ~ .moj-timeline').innerText(), /Version 1/);

    // Amend this record: a new preferred name and the reason for it.
    response = await clickAndWait(page, page.getByRole('link', { name: 'Amend this record' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `${profilePath}/edit`);
    assert.equal(await page.locator('input[name="version"]').inputValue(), '1');
    const before = await page.getByLabel('Preferred name (optional)').inputValue();
    await page.getByLabel('Preferred name (optional)').fill('Benji');
    await page.getByLabel('Why are you changing this record?').fill('Ben asked to be called Benji at house meeting');
    response = await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, `${profilePath}/record`, 'after saving the browser is back on the record');

    // A success banner, the new name on the profile, and version 2 in the history.
    const banner = page.locator('.govuk-notification-banner--success');
    assert.ok(await banner.isVisible(), 'success banner shown');
    assert.match(await banner.innerText(), /amendment was saved/i);
    const preferred = page.locator('.govuk-summary-list__row', { has: page.locator('dt', { hasText: /^Preferred name$/ }) });
    assert.equal((await preferred.locator('dd').innerText()).trim(), 'Benji');
    const v2 = page.locator('.moj-timeline__item', { hasText: 'Version 2' });
    assert.equal(await v2.count(), 1, 'history shows version 2');
    const v2text = await v2.innerText();
    assert.match(v2text, /Ben asked to be called Benji at house meeting/);
    assert.match(v2text, /by Sam Carter/);
    const change = v2.locator('tbody tr', { hasText: 'Preferred name' });
    assert.equal(await change.count(), 1, 'the change table has a row for the preferred name');
    const cells = await change.locator('td').allInnerTexts();
    assert.equal(cells[1].trim(), before.trim() || '(blank)', 'before value');
    assert.equal(cells[2].trim(), 'Benji', 'after value');
    assert.ok(await page.locator('.moj-timeline__item', { hasText: 'Version 1' }).count() === 1, 'version 1 kept');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a stale edit gets the conflict page, with the current record and what was typed kept', async () => {
  const manager = await newPage();
  const deputy = await newPage();
  try {
    await signIn(manager.page, server.url, 'manager.willow@example.org');
    await signIn(deputy.page, server.url, 'deputy.willow@example.org');
    const childPath = '/children/3';
    // Both open the edit form for the same version.
    for (const { page } of [manager, deputy]) {
      const r = await page.goto(server.url + `${childPath}/edit`);
      assert.equal(r.status(), 200);
    }
    const version = await manager.page.locator('input[name="version"]').inputValue();
    assert.equal(await deputy.page.locator('input[name="version"]').inputValue(), version);

    // The manager saves first.
    await manager.page.getByLabel('Preferred name (optional)').fill('KD');
    await manager.page.getByLabel('Why are you changing this record?').fill('Kai prefers his initials');
    let response = await clickAndWait(manager.page, manager.page.getByRole('button', { name: 'Save amendment' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(manager.page.url()).pathname, `${childPath}/record`);

    // The deputy, still on the old version, saves their own change.
    await deputy.page.getByLabel('Preferred name (optional)').fill('Kai D');
    await deputy.page.getByLabel('Pronouns (optional)').fill('he/they');
    await deputy.page.getByLabel('Why are you changing this record?').fill('Updated after key-work session');
    response = await clickAndWait(deputy.page, deputy.page.getByRole('button', { name: 'Save amendment' }));
    assert.equal(response.status(), 409, 'a stale write is refused with 409');

    const page = deputy.page;
    const warning = page.locator('.govuk-warning-text');
    assert.ok(await warning.isVisible(), 'a warning is shown');
    assert.match(await warning.innerText(), /not been saved/);
    // The record as it is now, with the manager's change.
    const current = page.locator('#current-record');
    assert.ok(await current.isVisible(), 'the current record is shown');
    assert.match(await current.innerText(), /KD/);
    assert.match(await page.locator('.govuk-details__summary-text').first().innerText(), /Sam Carter/);
    // What the deputy typed is still in the inputs.
    assert.equal(await page.getByLabel('Preferred name (optional)').inputValue(), 'Kai D');
    assert.equal(await page.getByLabel('Pronouns (optional)').inputValue(), 'he/they');
    assert.equal(await page.getByLabel('Why are you changing this record?').inputValue(), 'Updated after key-work session');
    // Saving again from here is against the version now current.
    assert.equal(await page.locator('input[name="version"]').inputValue(), String(Number(version) + 1));

    // The manager's change stands: the deputy's was not saved.
    await manager.page.goto(server.url + childPath + '/record');
    const history = await manager.page.locator('.moj-timeline').innerText();
    assert.match(history, /Kai prefers his initials/);
    assert.doesNotMatch(history, /Updated after key-work session/);
    assert.deepEqual(manager.problems, []);
    assert.deepEqual(deputy.problems, []);
  } finally {
    await manager.context.close();
    await deputy.context.close();
  }
});

test('the audit trail shows the amendments and the reads of the child', async () => {
  const { context, page, problems } = await newPage();
  try {
    await signIn(page, server.url, 'manager.willow@example.org');
    await page.goto(server.url + '/homes/1');
    const response = await clickAndWait(page, page.locator('main').getByRole('link', { name: 'Audit trail' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/homes/1/audit');
    const rows = await page.locator('table.hearth-audit tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.cells, (td) => td.innerText.trim())));
    const about = (childId, what) => rows.filter((r) => r[2] === what && r[3] === `child ${childId}`);
    // Ben Cole (child 2) was amended by the manager and read by the manager.
    assert.ok(about(2, 'Amended').some((r) => r[1] === 'Sam Carter'), 'the amend entry is there');
    assert.ok(about(2, 'Read').some((r) => r[1] === 'Sam Carter'), 'the read entry is there');
    // Kai (child 3): the manager's amendment, and reads by both the manager and the deputy.
    assert.equal(about(3, 'Amended').length, 1, 'only the first of the two conflicting saves is recorded as an amendment');
    const readers = new Set(about(3, 'Read').map((r) => r[1]));
    assert.ok(readers.has('Sam Carter'), `reads by the manager: ${[...readers]}`);
    assert.ok(readers.size >= 2, `reads by the deputy too: ${[...readers]}`);
    // A child link in the trail goes to the child.
    const link = page.locator('table.hearth-audit a', { hasText: 'child 2' }).first();
    assert.equal(await link.getAttribute('href'), '/children/2');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('bad input in the admit form: error summary at the top, message at the field, typed values kept', async () => {
  const { context, page, problems } = await newPage();
  try {
    await signIn(page, server.url, 'manager.willow@example.org');
    await page.goto(server.url + '/homes/1/children/new');
    await page.getByLabel('First name').fill('Robin');
    // No last name; a birth date in the future; everything else as typed.
    await page.locator('#date_of_birth').fill('1');
    await page.locator('#date_of_birth-month').fill('1');
    await page.locator('#date_of_birth-year').fill(String(new Date().getFullYear() + 2));
    await page.getByLabel('Placing authority', { exact: true }).fill('Testshire County Council');
    const response = await clickAndWait(page, page.getByRole('button', { name: 'Admit' }));
    assert.ok([400, 422].includes(response.status()), `a form with errors is refused (got ${response.status()})`);
    assert.match(await page.title(), /^Error: /, 'the title starts "Error: "');

    // The error summary comes first in <main> and takes the focus.
    const summary = page.locator('.govuk-error-summary');
    assert.ok(await summary.isVisible(), 'error summary shown');
    const firstInMain = await page.locator('main > *').first().evaluate((el) => el.classList.contains('govuk-error-summary'));
    assert.ok(firstInMain, 'the error summary is at the top of the page');
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    assert.equal(await summary.locator('h2').innerText(), 'There is a problem');

    // A link for the last name that focuses the field, and the same message at the field.
    const link = summary.locator('a[href="#last_name"]');
    assert.equal(await link.count(), 1, 'the summary links to the last name');
    const message = (await link.innerText()).trim();
    assert.ok(message.length > 0);
    await link.click();
    await page.waitForFunction(() => document.activeElement?.id === 'last_name');
    const fieldError = page.locator('#last_name-error');
    assert.ok(await fieldError.isVisible(), 'the message is at the field');
    assert.match(await fieldError.innerText(), new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.ok(await page.locator('.govuk-form-group--error', { has: page.locator('#last_name') }).count() === 1);
    assert.match(await page.locator('#last_name').getAttribute('aria-describedby') ?? '', /last_name-error/,
      'the field is described by its error message');

    // The impossible birth date is named too.
    assert.ok(await summary.locator('a[href="#date_of_birth"]').count() === 1, 'the summary names the birth date');
    await summary.locator('a[href="#date_of_birth"]').click();
    await page.waitForFunction(() => document.activeElement?.id === 'date_of_birth');
    assert.ok(await page.locator('#date_of_birth-error').isVisible());

    // What was typed is kept.
    assert.equal(await page.getByLabel('First name').inputValue(), 'Robin');
    assert.equal(await page.locator('#date_of_birth-year').inputValue(), String(new Date().getFullYear() + 2));
    assert.equal(await page.getByLabel('Placing authority', { exact: true }).inputValue(), 'Testshire County Council');
    // Nothing was saved.
    assert.equal(server.sql("SELECT count(*) FROM children WHERE first_name = 'Robin'"), '0');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
