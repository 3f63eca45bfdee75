// The visitors' book at the front door: on a 768×1024 tablet with JavaScript off, a support worker
// signs a visitor in with their identification checked and a lighter held, sees them in "who is in
// the building now", and signs them out when they leave.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
    javaScriptEnabled: false, viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true,
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

async function fitsAndTaps(label, button) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(width <= 0, `${label}: scrolls sideways by ${width}px`);
  const box = await button.boundingBox();
  assert.ok(box && box.height >= 44 && box.width >= 44, `${label}: ${JSON.stringify(box)} is too small to tap`);
}

test('a visitor arrives, is signed in with ID checked and a lighter held, visits and signs out', async () => {
  await signIn(page, server.url, 'rsw1.willow@example.org');
  await page.goto(server.url + '/homes/1');
  await clickAndWait(page, main().getByRole('link', { name: "Visitors' book" }));
  assert.equal(here(), '/homes/1/visitors');
  const signInLink = main().getByRole('link', { name: 'Sign a visitor in' });
  await fitsAndTaps('the book', signInLink);
  await clickAndWait(page, signInLink);
  assert.equal(here(), '/homes/1/visitors/new');

  await page.getByLabel("Visitor's full name").fill('Morgan Ash');
  await page.getByLabel('Their organisation, or who they are to the child').fill("Aisha's godmother");
  await page.getByRole('group', { name: 'Who are they visiting?' }).getByLabel('Aisha Bennett').check();
  await page.getByLabel('Reason for the visit').fill('Birthday visit');
  await page.getByLabel('Driving licence').check();
  await page.getByLabel('What they brought in').fill('A cake\nA lighter');
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
  assert.equal(response.status(), 400);
  assert.ok(await page.locator('.govuk-error-summary a[href="#items_action"]').isVisible());
  assert.match(await page.locator('.govuk-error-summary').innerText(), /A lighter is on the home's list of items not allowed in/);
  assert.equal(await page.getByLabel("Visitor's full name").inputValue(), 'Morgan Ash', 'what was typed is kept');
  assert.ok(await page.getByLabel('Driving licence').isChecked());

  await page.getByLabel('If anything is on the list: what was done with it').fill('Lighter held in the office until she leaves');
  response = await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
  assert.equal(response.status(), 200);
  assert.match(here(), /^\/homes\/1\/visitors\/\d+$/);
  const visit = here();
  assert.match(await main().innerText(), /Signed in\./);
  assert.match(await main().innerText(), /Identification\s+Driving licence/);
  assert.match(await main().innerText(), /Not allowed in\s+A lighter: Lighter held in the office until she leaves/);

  await page.goto(server.url + '/homes/1/visitors');
  await clickAndWait(page, main().getByRole('link', { name: 'Who is in the building now' }));
  assert.equal(here(), '/homes/1/visitors/in-building');
  const row = main().locator('tr', { hasText: 'Morgan Ash' });
  assert.match(await row.innerText(), /Aisha Bennett/);
  assert.match(await row.innerText(), /Chris Okafor/);

  await clickAndWait(page, row.getByRole('link', { name: 'Morgan Ash' }));
  assert.equal(here(), visit);
  const signOut = main().getByRole('button', { name: 'Sign out now' });
  await fitsAndTaps('the visit', signOut);
  response = await clickAndWait(page, signOut);
  assert.equal(response.status(), 200);
  assert.equal(here(), '/homes/1/visitors');
  assert.match(await main().innerText(), /Signed out\./);
  const left = main().locator('table', { hasText: 'Left' }).locator('tr', { hasText: 'Morgan Ash' });
  assert.ok(await left.isVisible(), 'in the visitors who left today');
  await page.goto(server.url + '/homes/1/visitors/in-building');
  assert.doesNotMatch(await main().innerText(), /Morgan Ash/);
  assert.deepEqual(problems, []);
});
