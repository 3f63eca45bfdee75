// Shared set-up for the browser tests: Debian's chromium driven by playwright-core, and the
// real server started by the HTTP tests' harness (temporary SQLite with the demo data).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, demoPassword, demoCode } from '../http/server.mjs';

export { startServer, demoPassword };

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');
const axeSource = readFileSync(axePath, 'utf8');

export const chromiumPath = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium';

// A fresh headless browser; the default temporary profile is thrown away on close.
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Collects what would make a page quietly broken: script errors, CSP reports, console errors.
// A page's own 4xx (a 409 conflict, a 403) is expected and checked by the tests; a failed
// stylesheet or script is not.
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') {
      problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    // Leaving a page aborts what it was still fetching (the favicon, say): not a fault.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed ${r.resourceType()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  return problems;
}

// Signs in through the sign-in form; returns the main response of the page landed on.
export async function signIn(page, base, email, password = demoPassword) {
  await page.goto(base + '/sign-in');
  await page.fill('#email', email);
  await page.fill('#password', password);
  let [response] = await Promise.all([
    page.waitForNavigation(),
    page.click('main button[type="submit"]'),
  ]);
  if (new URL(page.url()).pathname === '/sign-in/code') {
    await page.fill('#code', await demoCode(email, base));
    [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
  }
  if (new URL(page.url()).pathname === '/sign-in') {
    throw new Error(`sign-in failed for ${email}: ${await page.locator('main').innerText()}`);
  }
  return response;
}

// Clicks something that submits a form or follows a link and waits for the next page;
// returns that page's main response (so tests can see its status).
export async function clickAndWait(page, selectorOrLocator) {
  const target = typeof selectorOrLocator === 'string' ? page.locator(selectorOrLocator) : selectorOrLocator;
  const [response] = await Promise.all([page.waitForNavigation(), target.click()]);
  return response;
}

// Runs axe-core on the page as it is. axe is evaluated as source text through the DevTools
// protocol, which the page's Content-Security-Policy (script-src 'self') does not govern.
export async function runAxe(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
}

// Serious and critical violations, described so a failure says what to fix and where.
export function describeViolations(violations, label) {
  return violations.map((v) => [
    `${label}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

export function seriousOrWorse(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// A moment `minutesAgo` before now in the home's zone, as the forms take it (day, month, year and
// a time "HH:MM"); a negative number is in the future.
export function london(minutesAgo = 0) {
  const d = new Date(Date.now() - minutesAgo * 60000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23',
    year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return { day: p.day, month: p.month, year: p.year, time: `${p.hour}:${p.minute}` };
}

// Types a day into a date field's three boxes, within `scope` (a page, or one form of it).
export async function fillDate(scope, name, when) {
  await scope.locator(`[id="${name}"]`).fill(when.day);
  await scope.locator(`[id="${name}-month"]`).fill(when.month);
  await scope.locator(`[id="${name}-year"]`).fill(when.year);
}

// The page fits the screen: nothing scrolls sideways.
export async function fits(page, label) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${label}: scrolls sideways (${scrollWidth} > ${clientWidth})`);
}
