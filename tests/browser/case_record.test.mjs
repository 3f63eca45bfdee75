// The case record on a tablet with JavaScript off, as a deputy on shift would use it: change a
// child's key workers with what the child said, record money given back, and see both in the
// record; and the registered manager downloads the export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, signIn, clickAndWait, watchPage } from './helpers.mjs';

let server;
let browser;
let context;
let page;
let problems;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({
    javaScriptEnabled: false, viewport: { width: 768, height: 1024 }, hasTouch: true, acceptDownloads: true,
  });
  page = await context.newPage();
  problems = watchPage(page);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const main = () => page.locator('main');
const here = () => new URL(page.url()).pathname;

test('change key workers with the child\'s own words, after first forgetting them', async () => {
  await signIn(page, server.url, 'deputy.willow@example.org');
  await page.goto(server.url + '/children/2');
  await clickAndWait(page, main().getByRole('link', { name: 'Key workers', exact: true }));
  assert.equal(here(), '/children/2/key-workers');
  await clickAndWait(page, main().getByRole('link', { name: 'Change key workers' }));
  // Ben's key worker is Dana; Chris takes over.
  await page.getByLabel('Chris Okafor').check();
  await page.getByLabel('Dana Lewis').uncheck();
  await page.getByLabel('Why are the key workers changing?').fill('Chris is moving to nights');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Save the change' }));
  assert.equal(response.status(), 400);
  assert.ok(await page.locator('.govuk-error-summary a[href="#child_view"]').isVisible());
  assert.ok(await page.getByLabel('Chris Okafor').isChecked(), 'the choice is kept');
  assert.ok(!(await page.getByLabel('Dana Lewis').isChecked()));

  await page.getByLabel('What Ben said about the change').fill('Chris makes me laugh. Can Dana still do football?');
  await page.getByLabel('How relationships will be kept (optional)').fill('Dana keeps Saturday football');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save the change' }));
  assert.equal(response.status(), 200);
  assert.equal(here(), '/children/2/key-workers');
  const latest = page.locator('.moj-timeline__item').first();
  assert.match(await latest.innerText(), /Chris makes me laugh/);
  assert.match(await latest.innerText(), /Stepped back\s+Dana Lewis/);
  assert.match(await main().innerText(), /Key workers now\s+Chris Okafor/);
});

test('record money deposited and given back, and see the balance', async () => {
  await page.goto(server.url + '/children/2/valuables');
  await clickAndWait(page, main().getByRole('link', { name: 'Record a deposit' }));
  await page.getByLabel('Money', { exact: true }).check();
  await page.getByLabel('Amount, for money (pounds and pence)').fill('15');
  await page.getByLabel('Describe it').fill('Birthday money');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Save the deposit' }));
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('#money-held').innerText(), '£15.00');
  await clickAndWait(page, main().getByRole('link', { name: 'Record something given back' }));
  await page.getByLabel('Money', { exact: true }).check();
  await page.getByLabel('Amount, for money (pounds and pence)').fill('20');
  await page.getByLabel('Given to', { exact: true }).fill('Ben');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save the return' }));
  assert.equal(response.status(), 400, 'more than is held');
  assert.match(await page.locator('#amount-error').innerText(), /no more than £15.00/);
  await page.getByLabel('Amount, for money (pounds and pence)').fill('5.50');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save the return' }));
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('#money-held').innerText(), '£9.50');
  assert.deepEqual(problems, []);
});

test('the registered manager downloads the printable record', async () => {
  await context.clearCookies();
  await signIn(page, server.url, 'manager.willow@example.org');
  await page.goto(server.url + '/children/4/export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    main().getByRole('link', { name: 'Download to read and print (HTML)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^hearth-record-4-\d{4}-\d{2}-\d{2}\.html$/);
  // Saved under its own name, so that the browser opens it as the HTML it is.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hearth-download-')), download.suggestedFilename());
  await download.saveAs(file);
  // The file opens on its own, with nothing fetched from Hearth: its text is all there.
  const viewer = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const printable = await viewer.newPage();
  await printable.goto('file://' + file);
  assert.equal(await printable.locator('h1').innerText(), 'The record of Lil Evans-Ward');
  assert.ok(await printable.locator('section#family h3', { hasText: 'Jade Evans' }).isVisible());
  // The case record's seven sections, the Reg 44 consents, plans, the daily record, children's
  // meetings, incidents, Reg 35 records, deadlines, serious events, notices of admission and
  // leaving, contact restrictions, the contact log, what is agreed about contact, bullying concerns,
  // managed interactions, friendships, changes of staff, and visitors.
  assert.equal(await printable.locator('section').count(), 24);
  assert.ok(await printable.locator('section#friendships h3', { hasText: 'The older lads at the skate park' }).isVisible());
  assert.ok(await printable.locator('section#staff_changes h2').isVisible());
  assert.ok(await printable.locator('section#serious_events h2').isVisible());
  assert.ok(await printable.locator('section#placement_notices h2').isVisible());
  assert.ok(await printable.locator('section#reg44_consent h2').isVisible());
  assert.ok(await printable.locator('section#incidents h2').isVisible());
  assert.ok(await printable.locator('section#restrictive_measures h2').isVisible());
  assert.ok(await printable.locator('section#plans', { hasText: 'Individual behaviour plan' }).isVisible());
  assert.ok(await printable.locator('section#daily_record h3').first().isVisible());
  await viewer.close();
});
