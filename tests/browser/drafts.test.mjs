// Drafts in the browser (issue 11): what a person types is kept in the tab under who they are, and
// nothing of it stays there after they sign out, are signed out for being idle, or someone else
// uses the tab: a tablet in a home passes from hand to hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, clickAndWait, watchPage } from './helpers.mjs';
import { demoIds } from '../http/server.mjs';

let server;
let browser;
let ben;
before(async () => {
  server = await startServer();
  ben = demoIds(server).child('Ben Cole');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const typed = 'Ben talked about his new school and the friends he hopes to make there.';

const draftKeys = (page) => page.evaluate(() =>
  Object.keys(window.sessionStorage).filter((k) => k.startsWith('hearth-draft')));

// Opens a new daily note about Ben and types into it; the page's clock is Playwright's, so the
// pause before a draft is saved is run through rather than waited for.
async function typeANote(page) {
  await page.goto(`${server.url}/children/${ben}`);
  await clickAndWait(page, page.getByRole('link', { name: 'Write a daily note' }));
  await page.getByLabel('What happened').fill(typed);
  await page.clock.runFor(1000);
  return page.locator('form[data-hearth-draft]').getAttribute('data-hearth-draft');
}

test('a draft is kept under the person who typed it, and goes when they sign out', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await page.clock.install();
    await signIn(page, server.url, 'rsw1.willow@example.org');
    const form = await typeANote(page);
    const person = await page.evaluate(() => document.body.dataset.person);
    assert.match(person ?? '', /^\d+$/, 'the page says who is signed in');
    assert.deepEqual(await draftKeys(page), [`hearth-draft:${person}:${form}`]);

    await clickAndWait(page, page.getByRole('button', { name: 'Sign out' }));
    assert.deepEqual(await draftKeys(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an idle sign-out clears the draft from the browser, and the page says how to keep it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.clock.install();
    await signIn(page, server.url, 'rsw1.willow@example.org');
    // The words typed are checked (language that cares), and the check's answer refreshes the
    // session: let it come back first, or it would reset the warning after the idle sign-out.
    const checked = page.waitForResponse((r) => r.url().endsWith('/language/check'));
    await typeANote(page);
    await checked;
    assert.equal((await draftKeys(page)).length, 1);

    await page.clock.runFor('31:00');  // past the 30 minutes' idle limit
    // The page asks the server before saying so: wait for its answer, however slow the store.
    await page.locator('#hearth-session-warning', { hasText: 'You have been signed out' }).waitFor({ timeout: 15000 });
    assert.deepEqual(await draftKeys(page), []);
    // What was typed is still on the page, to be saved.
    assert.equal(await page.getByLabel('What happened').inputValue(), typed);
  } finally {
    await context.close();
  }
});

test('someone else signing in in the same tab is not given the draft', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.clock.install();
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await typeANote(page);
    assert.equal((await draftKeys(page)).length, 1);

    // The session ends without the tab seeing it (the tablet slept through the warning).
    await context.clearCookies();
    await signIn(page, server.url, 'rsw2.willow@example.org');
    assert.deepEqual(await draftKeys(page), []);
    await page.goto(`${server.url}/children/${ben}`);
    await clickAndWait(page, page.getByRole('link', { name: 'Write a daily note' }));
    assert.equal(await page.getByLabel('What happened').inputValue(), '');
  } finally {
    await context.close();
  }
});
