// With JavaScript off every form still works: sign in, admit (with errors first), amend,
// the conflict page, an API token, a new password, sign out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, clickAndWait, demoPassword } from './helpers.mjs';

let server;
let browser;
let context;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const main = () => page.locator('main');
const path = () => new URL(page.url()).pathname;

test('JavaScript really is off', async () => {
  await page.goto(server.url + '/sign-in');
  // hearth.js would add js-enabled to <body>.
  assert.equal(await page.locator('body.js-enabled').count(), 0);
});

test('sign in with the form', async () => {
  // A wrong password first: the error summary, the email kept.
  await page.goto(server.url + '/sign-in');
  await page.fill('#email', 'manager.willow@example.org');
  await page.fill('#password', 'wrong-password-entirely');
  let response = await clickAndWait(page, 'main button[type="submit"]');
  assert.ok(response.status() >= 400 && response.status() < 500, `refused: ${response.status()}`);
  assert.ok(await page.locator('.govuk-error-summary').isVisible());
  assert.equal(await page.locator('#email').inputValue(), 'manager.willow@example.org');
  assert.equal(await page.locator('#password').inputValue(), '', 'a password is never sent back');

  response = await signIn(page, server.url, 'manager.willow@example.org');
  assert.equal(response.status(), 200);
  assert.equal(path(), '/homes/1');
  assert.match(await page.locator('h1').innerText(), /Willow House/);
});

test('admit a child: errors without JavaScript, then a good admission', async () => {
  await page.goto(server.url + '/homes/1');
  await clickAndWait(page, main().getByRole('link', { name: 'Admit a child' }));
  assert.equal(path(), '/homes/1/children/new');
  await page.getByLabel('First name').fill('Robin');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Admit' }));
  assert.equal(response.status(), 400);
  const summary = page.locator('.govuk-error-summary');
  assert.ok(await summary.isVisible());
  assert.equal(await page.getByLabel('First name').inputValue(), 'Robin', 'what was typed is kept');
  // Without JavaScript the summary's links are plain jumps to the fields.
  const href = await summary.locator('a').first().getAttribute('href');
  assert.match(href, /^#[\w-]+$/);
  assert.equal(await page.locator(href).count(), 1, `${href} names a field on the page`);
  await summary.locator('a').first().click();
  assert.equal(new URL(page.url()).hash, href);

  await page.getByLabel('Last name').fill('Nojs');
  await page.locator('#date_of_birth').fill('27');
  await page.locator('#date_of_birth-month').fill('3');
  await page.locator('#date_of_birth-year').fill('2012');
  await page.getByLabel('Another description').first().check();
  await page.getByLabel('Accommodated by agreement (section 20, Children Act 1989)').check();
  await page.getByLabel('Placing authority', { exact: true }).fill('Testshire County Council');
  await page.locator('#admission_date').fill('15');
  await page.locator('#admission_date-month').fill('1');
  await page.locator('#admission_date-year').fill('2024');
  // The first key worker is named here; later changes go through the Key workers tab.
  await page.getByLabel('Chris Okafor').check();
  response = await clickAndWait(page, page.getByRole('button', { name: 'Admit' }));
  assert.equal(response.status(), 200, await main().innerText());
  assert.match(path(), /^\/children\/\d+$/);
  assert.equal(await page.locator('h1').innerText(), 'Robin Nojs');
  assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /admitted/);
  assert.match(await main().innerText(), /Key workers\s+Chris Okafor/);
});

test('amend a child and see the amendment in the history', async () => {
  await page.goto(server.url + '/children/2/record');
  await clickAndWait(page, page.getByRole('link', { name: 'Amend this record' }));
  assert.equal(path(), '/children/2/edit');
  // Forgetting the reason: refused, with what was typed kept.
  await page.getByLabel('Preferred name (optional)').fill('Benny');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
  assert.equal(response.status(), 400);
  assert.ok(await page.locator('.govuk-error-summary a[href="#reason"]').isVisible());
  assert.equal(await page.getByLabel('Preferred name (optional)').inputValue(), 'Benny');

  await page.getByLabel('Why are you changing this record?').fill('Asked at tea time to be called Benny');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
  assert.equal(response.status(), 200);
  assert.equal(path(), '/children/2/record');
  assert.ok(await page.locator('.govuk-notification-banner--success').isVisible());
  const v2 = page.locator('.moj-timeline__item', { hasText: 'Version 2' });
  assert.match(await v2.innerText(), /Asked at tea time to be called Benny/);
  assert.match(await v2.innerText(), /Benny/);
});

test('a stale edit gets the conflict page, and saving again from it works', async () => {
  await page.goto(server.url + '/children/2/edit');
  // Someone else saves first (over HTTP, as another signed-in person would).
  const other = await browser.newContext({ javaScriptEnabled: false });
  const otherPage = await other.newPage();
  await signIn(otherPage, server.url, 'deputy.willow@example.org');
  await otherPage.goto(server.url + '/children/2/edit');
  await otherPage.getByLabel('Religion (optional)').fill('Quaker');
  await otherPage.getByLabel('Why are you changing this record?').fill('Religion recorded at review');
  assert.equal((await clickAndWait(otherPage, otherPage.getByRole('button', { name: 'Save amendment' }))).status(), 200);
  await other.close();

  await page.getByLabel('Pronouns (optional)').fill('he/they');
  await page.getByLabel('Why are you changing this record?').fill('Pronouns confirmed');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
  assert.equal(response.status(), 409);
  assert.ok(await page.locator('.govuk-warning-text').isVisible());
  assert.match(await page.locator('#current-record').innerText(), /Quaker/);
  assert.equal(await page.getByLabel('Pronouns (optional)').inputValue(), 'he/they');
  // The <details> showing the record works without JavaScript (it is open).
  assert.equal(await page.locator('details.govuk-details', { has: page.locator('#current-record') }).getAttribute('open'), '');

  // Saving again from the conflict page: the form now carries the current version. Its
  // religion field still holds what this person's form had, so keep the other change.
  await page.getByLabel('Religion (optional)').fill('Quaker');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
  assert.equal(response.status(), 200, await main().innerText());
  assert.equal(path(), '/children/2/record');
  const latest = page.locator('.moj-timeline__item').first();
  assert.match(await page.locator('.moj-timeline').innerText(), /Pronouns confirmed/);
  assert.ok(await latest.count());
});

test('create an API token and change the password', async () => {
  await page.goto(server.url + '/account');
  await page.getByLabel('Name of the new token').fill('No-JS script');
  await page.getByLabel('Your password').fill(demoPassword);
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Create token' }));
  assert.equal(response.status(), 201);
  assert.ok(await page.locator('code.hearth-token').isVisible());

  await clickAndWait(page, main().getByRole('link', { name: 'Change your password' }));
  assert.equal(path(), '/account/password');
  await page.getByLabel('Current password').fill(demoPassword);
  await page.getByLabel('New password', { exact: true }).fill('a-longer-new-password-for-tests');
  const confirm = page.locator('input[type="password"]').nth(2);
  if (await confirm.count()) await confirm.fill('a-longer-new-password-for-tests');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Save new password' }));
  assert.ok(response.status() === 200, `${response.status()}: ${await main().innerText()}`);
  // A new password ends every session, this one too.
  assert.equal(path(), '/sign-in');
  await assert.rejects(signIn(page, server.url, 'manager.willow@example.org'), /sign-in failed/);
  await signIn(page, server.url, 'manager.willow@example.org', 'a-longer-new-password-for-tests');
  assert.equal(path(), '/homes/1');
});

test('sign out with the header button', async () => {
  const response = await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
  assert.equal(response.status(), 200);
  assert.equal(path(), '/sign-in');
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
  // Signed out means signed out: the dashboard now asks for sign-in.
  await page.goto(server.url + '/homes/1');
  assert.equal(path(), '/sign-in');
});
