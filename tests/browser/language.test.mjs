// Language that cares in a real browser: on a tablet, words typed into the language page's
// textarea are checked after a pause, and a polite live region under it lists each phrase with
// its kinder alternative and why; quoted speech is left alone; the check never blocks a submit.
// The pages pass axe, fit a tablet and a phone, and the chart's series have colours with 3:1
// contrast against the page (WCAG 1.4.11), told apart by dashes too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, signIn, watchPage, clickAndWait, runAxe, describeViolations,
} from './helpers.mjs';

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

const tablet = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true };

test('on a tablet, a phrase typed is flagged under the textarea with its alternative and why', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await page.goto(server.url + '/organisation/language');
    const textarea = page.locator('textarea#text');
    await textarea.tap();
    await page.keyboard.type('Aisha kicked off after contact with mum.', { delay: 15 });

    const region = page.locator('.hearth-language-check');
    await region.locator('.hearth-language-findings').waitFor({ timeout: 10000 });
    assert.equal(await region.getAttribute('role'), 'status');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    const regionId = await region.getAttribute('id');
    assert.ok((await textarea.getAttribute('aria-describedby')).split(' ').includes(regionId),
      'the textarea is described by the live region');
    const said = await region.innerText();
    assert.match(said, /“kicked off”/);
    assert.match(said, /Instead: Say what happened/);
    assert.match(said, /Why: "Kicked off" tells the next reader nothing/);
    assert.match(said, /“after contact with mum”/);
    assert.match(said, /"Family time"/);
    // It sits under the textarea, in the same form group.
    const boxes = [await textarea.boundingBox(), await region.boundingBox()];
    assert.ok(boxes[1].y >= boxes[0].y + boxes[0].height - 1, 'under the textarea');

    // The child's own words, in quotation marks, are theirs: nothing to flag.
    await textarea.fill('');
    await textarea.tap();
    await page.keyboard.type('She said "I kicked off because you did not listen" and we talked.', { delay: 5 });
    await page.waitForFunction(() => document.querySelector('.hearth-language-check').textContent.trim() === '',
      null, { timeout: 10000 });

    // A suggestion only: the form still submits, and the page it lands on says the same.
    await textarea.fill('Ben refused his tea.');
    const response = await clickAndWait(page, page.getByRole('button', { name: 'Check these words' }));
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main').innerText(), /“refused”/);
    assert.deepEqual(problems, [], 'no script errors, CSP reports or failed requests');

    // Signed out meanwhile (the cookie gone): the check is answered with a redirect to sign in,
    // which must never appear in the region. The page's own fetch of the check is watched, so the
    // test knows when the script has its answer rather than guessing how long that takes.
    await page.locator('.hearth-language-check .hearth-language-findings').waitFor({ timeout: 10000 });
    await page.evaluate(() => {
      const original = window.fetch;
      window.hearthTestChecks = [];
      window.fetch = (...args) => {
        const answer = original(...args);
        if (String(args[0]).endsWith('/language/check')) {
          window.hearthTestChecks.push(answer.then(
            (r) => ({ type: r.type, redirected: r.redirected, ok: r.ok }),
            (e) => ({ error: e.name })));
        }
        return answer;
      };
    });
    await context.clearCookies();
    const answered = page.waitForResponse((r) => r.url().endsWith('/language/check') &&
      (r.request().postData() || '').includes('aggressive'));
    await page.locator('textarea#text').fill('He was aggressive.');
    await page.locator('textarea#text').blur();
    assert.equal((await answered).status(), 303);
    const seen = await page.evaluate(() => Promise.all(window.hearthTestChecks));
    assert.deepEqual(seen, [{ type: 'opaqueredirect', redirected: false, ok: false }],
      'the script got the redirect itself and did not follow it');
    // The script has settled on that answer: a check that cannot be made leaves the region as it was.
    const region2 = page.locator('.hearth-language-check');
    assert.doesNotMatch(await region2.innerText(), /Sign in|aggressive/);
  } finally {
    await context.close();
  }
});

test('the language pages pass axe with findings showing, and fit a tablet and a phone', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'manager.willow@example.org');
    const pages = [
      ['/organisation/language', async () => {
        await page.locator('textarea#text').fill('He was attention-seeking and aggressive.');
        await page.locator('textarea#text').blur();
        await page.locator('.hearth-language-check .hearth-language-findings').waitFor({ timeout: 10000 });
      }],
      ['/organisation/language/8'],
      ['/organisation/language/new'],
      ['/organisation/language/8/edit'],
      ['/organisation/language/8/retire'],
      ['/organisation/language/figures'],
    ];
    for (const [path, act] of pages) {
      const response = await page.goto(server.url + path);
      assert.equal(response.status(), 200, path);
      if (act) await act();
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, describeViolations(violations, path));
      for (const size of [{ width: 768, height: 1024 }, { width: 375, height: 667 }]) {
        await page.setViewportSize(size);
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
        assert.ok(fits, `${path} scrolls sideways at ${size.width}px`);
      }
      await page.setViewportSize(tablet.viewport);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the chart\'s series are coloured from the stylesheet with 3:1 contrast, and dashed apart', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await signIn(page, server.url, 'admin@example.org');
    await page.goto(server.url + '/organisation/language/figures');
    const series = await page.evaluate(() => {
      const luminance = (rgb) => {
        const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = luminance(getComputedStyle(document.body).backgroundColor);
      return Array.from(document.querySelectorAll('#main-content .hearth-chart__legend .hearth-chart__series')).map((g) => {
        const line = g.querySelector('.hearth-chart__line');
        const bar = g.querySelector('.hearth-chart__bar');
        const colour = line ? getComputedStyle(line).stroke : getComputedStyle(bar).fill;
        const l = luminance(colour);
        return {
          name: g.textContent.trim(),
          colour,
          dash: line ? getComputedStyle(line).strokeDasharray : 'bar',
          contrast: (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05),
        };
      });
    });
    assert.ok(series.length >= 5, JSON.stringify(series));
    for (const s of series) {
      assert.ok(s.contrast >= 3, `${s.name} is ${s.colour}, contrast ${s.contrast.toFixed(2)}:1`);
    }
    const lines = series.filter((s) => s.dash !== 'bar');
    assert.equal(new Set(lines.map((s) => `${s.colour} ${s.dash}`)).size, lines.length, 'each line looks different');
    const homes = lines.filter((s) => s.name !== 'Organisation');
    assert.equal(new Set(homes.map((s) => s.dash)).size, homes.length, 'each home\'s line has its own dashes');
  } finally {
    await context.close();
  }
});
