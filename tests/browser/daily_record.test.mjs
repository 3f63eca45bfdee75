// On shift with a tablet: write a note marked for handover and see it at the handover; praise a
// child with one tap; and a social worker who sees only the child allocated to them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, clickAndWait, watchPage } from './helpers.mjs';
import { demoIds } from '../http/server.mjs';

let server;
let browser;
let willow, ben, kai, lily;
before(async () => {
  server = await startServer();
  const ids = demoIds(server);
  willow = ids.home('Willow House');
  [ben, kai, lily] = ['Ben Cole', 'Kai Donovan', 'Lily Evans-Ward'].map(ids.child);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const tablet = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true };

test('a note marked for handover on a tablet is at the top of the handover', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await page.goto(`${server.url}/children/${ben}`);
    await clickAndWait(page, page.getByRole('link', { name: 'Write a daily note' }));
    // Today and now are already filled in; the worker picks what it is about and writes.
    await page.getByLabel('Family time and keeping in touch').check();
    await page.getByLabel('What happened').fill('Ben had a long phone call with his dad and was very happy afterwards.');
    await page.getByLabel("In Ben Cole's own words (optional)").fill('Dad is coming on Saturday');
    await page.getByLabel('Tell the next shift about this at handover').check();
    const saved = await clickAndWait(page, page.getByRole('button', { name: 'Save and sign' }));
    assert.equal(saved.status(), 200);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Saved and signed/);
    assert.match(await page.locator('.hearth-signature').innerText(), /Written and signed by Chris Okafor/);

    await page.goto(`${server.url}/homes/${willow}/handover`);
    const marked = page.locator('.hearth-handover-marked');
    await assert.doesNotReject(marked.getByText('Ben had a long phone call with his dad').waitFor());
    assert.match(await marked.innerText(), /Ben Cole/);
    // The whole day's entries are there too, under each child.
    const entries = page.locator('.hearth-handover-entries');
    assert.ok(await entries.count() >= 1);
    assert.match(await page.locator('main').innerText(), /Up and dressed in good time/);
    // Giving the handover: the next one starts from now, so the note is no longer new.
    await page.getByLabel('Anything else the next shift should know (optional)').fill('Ben\'s dad visits on Saturday.');
    await clickAndWait(page, page.getByRole('button', { name: 'Handover given' }));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Handover given/);
    assert.match(await page.locator('.govuk-inset-text').innerText(), /Ben's dad visits on Saturday/);
    assert.equal(await page.locator('.hearth-handover-marked').getByText('Ben had a long phone call').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a note written on a tablet has a phrase flagged as it is typed, and again after saving', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await page.goto(`${server.url}/children/${lily}/daily-record/new`);
    await page.getByLabel('Feelings and emotional wellbeing').check();
    const text = page.getByLabel('What happened');
    await text.fill('Lil kicked off after the phone call and was attention-seeking all evening.');
    // A pause in typing: the live region under the text lists each phrase with a kinder one.
    const region = page.locator('.hearth-language-check');
    await region.locator('.hearth-language-findings').waitFor({ timeout: 10000 });
    const said = await region.innerText();
    assert.match(said, /kicked off/);
    assert.match(said, /attention-seeking/i);
    assert.match(said, /Instead:/);
    // It warns; it never blocks: the note saves as written, and the page says it again.
    const saved = await clickAndWait(page, page.getByRole('button', { name: 'Save and sign' }));
    assert.equal(saved.status(), 200);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Saved and signed/);
    assert.match(await page.locator('main .hearth-language-findings').innerText(), /kicked off/);
    assert.match(await page.locator('.hearth-entry-body').innerText(), /Lil kicked off after the phone call/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('one tap praises a child from their page on a tablet', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await page.goto(`${server.url}/children/${kai}`);
    await clickAndWait(page, page.getByRole('button', { name: 'Stayed calm when it was hard' }));
    assert.match(new URL(page.url()).search, /praised=1/);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Praise recorded/);
    assert.match(await page.locator('.hearth-recent-list').innerText(), /Praise: Stayed calm when it was hard/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a social worker sees only the children allocated to them', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, server.url, 'social.worker@example.org');
    const allocated = await page.locator('main ul.govuk-list a').allInnerTexts();
    // Northshire's children in the demo: Aisha (Willow House), Ben (Willow House), Ozzy (Harbour View).
    assert.deepEqual(allocated.sort(), ['Aisha Bennett', 'Ben Cole', 'Ozzy Grant']);
    await clickAndWait(page, page.getByRole('link', { name: 'Aisha Bennett' }));
    await clickAndWait(page, page.locator('.hearth-child-tabs').getByRole('link', { name: 'Chronology' }));
    assert.equal(await page.getByRole('link', { name: 'Write a daily note' }).count(), 0, 'reading only');
    assert.ok(await page.locator('.hearth-chronology .moj-timeline__item').count() > 0);
    for (const path of [`/children/${kai}`, `/children/${kai}/chronology`, `/homes/${willow}`, `/homes/${willow}/handover`]) {
      const response = await page.goto(server.url + path);
      assert.equal(response.status(), 404, `${path}: as if there were no such page`);
    }
  } finally {
    await context.close();
  }
});
