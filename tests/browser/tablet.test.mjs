// On a tablet on shift, and on a phone: no sideways scrolling on the dashboard and the
// child profile, and the sign-out button in view. One screenshot of the profile at tablet
// size is kept at /tmp/hearth-profile.png for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, watchPage } from './helpers.mjs';

let server;
let browser;
// The responsible individual's session, signed in once: each sign-in spends a second-factor code,
// and a third in the same 30 seconds would wait for the next one.
let riCookies;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const ri = await browser.newContext();
  await signIn(await ri.newPage(), server.url, 'ri@example.org');
  riCookies = await ri.cookies();
  await ri.close();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const screens = [
  { name: 'tablet', viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true },
  { name: 'tablet (landscape)', viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true },
  { name: 'phone', viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true },
];

async function checkFits(page, label) {
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    // What sticks out, if anything, to make a failure easy to chase.
    wide: Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')}`),
  }));
  assert.ok(m.scrollWidth <= m.clientWidth,
    `${label}: scrolls sideways (scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth}); wide: ${m.wide.join(', ')}`);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  assert.ok(await signOut.isVisible(), `${label}: sign-out button visible`);
  const box = await signOut.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width && box.y >= 0 && box.y + box.height <= viewport.height,
    `${label}: sign-out button inside the screen without scrolling (${JSON.stringify(box)})`);
  // Easy to hit with a finger: 44px high (WCAG 2.5.5), comfortably over WCAG 2.2's 24px minimum.
  assert.ok(box.width >= 44 && box.height >= 44, `${label}: sign-out button is ${box.width}×${box.height}`);
}

for (const screen of screens) {
  test(`${screen.name}: dashboard and child profile fit the screen, sign-out in view`, async () => {
    const context = await browser.newContext({ viewport: screen.viewport, hasTouch: screen.hasTouch, isMobile: screen.isMobile });
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      await signIn(page, server.url, 'manager.willow@example.org');
      for (const p of ['/homes/1', '/children/1', '/children/1/edit', '/homes/1/children', '/homes/1/people',
                       '/homes/1/audit', '/account', '/account/password', '/children/1/record', '/children/1/chronology',
                       '/children/1/daily-record/new', '/daily-record/1', '/homes/1/handover',
                       '/homes/1/deadlines', '/homes/1/childrens-meetings/new', '/homes/1/search?q=school']) {
        const response = await page.goto(server.url + p);
        assert.equal(response.status(), 200);
        await checkFits(page, `${screen.name} ${p}`);
      }
      // A profile with an amendment (the history's change table is the widest thing on it).
      await page.goto(server.url + '/children/1/edit');
      await page.getByLabel('Preferred name (optional)').fill(`Aisha-Marie ${screen.name}`);
      await page.getByLabel('Why are you changing this record?').fill(
        'She asked for her full chosen name to be used on every record kept about her in this home');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save amendment' }).click()]);
      assert.equal(new URL(page.url()).pathname, '/children/1/record');
      await checkFits(page, `${screen.name} record after an amendment`);
      // The organisation overview, for the responsible individual.
      await context.clearCookies();
      await context.addCookies(riCookies);
      await page.goto(server.url + '/');
      assert.equal(new URL(page.url()).pathname, '/organisation');
      await checkFits(page, `${screen.name} /organisation`);
      await page.goto(server.url + '/children/1');
      if (screen.name === 'tablet') {
        await page.screenshot({ path: '/tmp/hearth-profile.png', fullPage: true });
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
