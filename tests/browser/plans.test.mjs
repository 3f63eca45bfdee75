// Amend a plan on a tablet and see the change: a new version of a behaviour plan written through
// the pages, then its history showing the words removed and added, on a screen that does not
// scroll sideways. A screenshot is kept at /tmp/hearth-plan-changes.png for a person to look at.
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

test('on a tablet: write a new version of a plan and see what changed', async () => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = watchPage(page);
  await signIn(page, server.url, 'rsw1.willow@example.org');
  await page.goto(server.url + '/children/2');
  await clickAndWait(page, page.locator('.hearth-child-tabs').getByRole('link', { name: 'Plans' }));
  await clickAndWait(page, page.getByRole('link', { name: 'Individual behaviour plan' }));
  await clickAndWait(page, page.getByRole('link', { name: 'Write a new version' }));

  const helps = page.getByLabel('What helps me');
  assert.match(await helps.inputValue(), /Offer a kick-about in the garden/, 'starts from the current version');
  await helps.fill((await helps.inputValue()).replace('Offer a kick-about in the garden', 'Offer a kick-about or a bike ride'));
  await page.getByLabel('What Ben thinks about their plan').fill('Bike rides are good');
  const review = new Date(Date.now() + 40 * 86400000);
  const group = page.getByRole('group', { name: 'Review by' });
  await group.getByLabel('Day').fill(String(review.getUTCDate()));
  await group.getByLabel('Month').fill(String(review.getUTCMonth() + 1));
  await group.getByLabel('Year').fill(String(review.getUTCFullYear()));
  await page.getByLabel('Why is this version being written?').fill('He asked for bike rides at his key-work session');
  const saved = await clickAndWait(page, page.getByRole('button', { name: 'Save as a new version' }));
  assert.equal(saved.status(), 200, await page.locator('main').innerText());
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Version 2 is saved/);

  const changes = page.locator('#history .moj-timeline__item').first();
  assert.match(await changes.innerText(), /He asked for bike rides at his key-work session/);
  const removed = changes.locator('del').filter({ hasText: 'in the garden' });
  const added = changes.locator('ins').filter({ hasText: 'or a bike ride' });
  assert.equal(await removed.count(), 1);
  assert.equal(await added.count(), 1);
  // Struck through and underlined by the browser, and told to a screen reader in words.
  assert.match(await removed.evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
  assert.match(await added.evaluate((el) => getComputedStyle(el).textDecorationLine), /underline/);
  assert.match(await removed.locator('.govuk-visually-hidden').innerText(), /removed/);
  assert.match(await added.locator('.govuk-visually-hidden').innerText(), /added/);

  const width = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(width[0] <= width[1], `scrolls sideways: ${width}`);
  await changes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/hearth-plan-changes.png', fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});
