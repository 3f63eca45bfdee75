// A new starter on a 768×1024 tablet, with JavaScript off: the registered manager adds them, sees
// their role wait for their checks, records their Schedule 4 details and each check until every
// one is recorded, books their first training and registers them on the Level 3 Diploma, and sees
// the training matrix change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, clickAndWait, watchPage, fits, fillDate, london } from './helpers.mjs';

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
const form = (ending) => page.locator(`form[action$="${ending}"]`);
async function open(summary) {
  await main().locator('summary', { hasText: summary }).click();
}

test('a manager adds a new starter with their checks, books their training, sees the matrix change and holds their first supervision', async () => {
  await signIn(page, server.url, 'manager.willow@example.org');
  await page.goto(`${server.url}/homes/1/people`);
  await page.getByLabel('Full name').fill('Quinn Marsh');
  await page.getByLabel('Email address').fill('quinn.marsh@example.org');
  await page.getByLabel('Residential support worker').check();
  let response = await clickAndWait(page, page.getByRole('button', { name: 'Add person' }));
  assert.equal(response.status(), 201);
  await clickAndWait(page, main().getByRole('link', { name: 'their staff record' }));
  assert.match(await main().innerText(), /Their role with children waits for their checks/);
  await fits(page, 'the staff record');

  await open('Record their details');
  const details = form('/details');
  await details.getByLabel('Female').check();
  await fillDate(details, 'date_of_birth', { day: '11', month: '2', year: '1996' });
  await details.getByLabel('Home address').fill('5 Fern Walk, Northbridge');
  await details.getByLabel('Qualifications and experience of work with children').fill('A year in a youth club');
  const today = london();
  await fillDate(details, 'started_on', today);
  response = await clickAndWait(page, details.getByRole('button', { name: 'Save their details' }));
  assert.equal(response.status(), 200);
  assert.match(await main().innerText(), /Started working here\s+\d+ \w+ \d{4}/);

  const checks = [
    ['Identity seen, with a photograph', 'Passport'],
    ['Enhanced DBS certificate, with the children\'s barred list', '0012 0000 4242'],
    ['Full employment history, gaps explained', '2014 to now'],
    ['Right to work in the UK', 'Passport'],
    ['Reference', 'Youth club leader'],
    ['Reference', 'A teacher'],
  ];
  for (const [kind, what] of checks) {
    assert.match(await main().innerText(), /Still to be recorded/);
    await open('Record a check');
    const check = form('/checks');
    await check.getByLabel(kind, { exact: true }).check();
    await check.getByLabel('What was seen, or who gave it').fill(what);
    if (kind.startsWith('Full employment')) await check.getByLabel('Notes').fill('No gaps');
    const tap = check.getByRole('button', { name: 'Record the check' });
    const box = await tap.boundingBox();
    assert.ok(box && box.height >= 24 && box.width >= 24, 'big enough to tap (WCAG 2.2, 2.5.8)');
    response = await clickAndWait(page, tap);
    assert.equal(response.status(), 200, kind);
  }
  const done = await main().innerText();
  assert.match(done, /Every check recorded/);
  assert.doesNotMatch(done, /waits for their checks/, 'their role is in force');

  await open('Record training they completed');
  const training = form('/training');
  await training.getByLabel('Safeguarding children').check();
  await training.getByLabel('Who provided it').fill('Hearth Learning');
  response = await clickAndWait(page, training.getByRole('button', { name: 'Record the training' }));
  assert.equal(response.status(), 200);
  assert.match(await main().innerText(), /Safeguarding children\s+\d+ \w+ \d{4}\s+Hearth Learning/);

  await open('Register them on a qualification');
  const qualification = form('/qualifications');
  await qualification.getByLabel(/Level 3 Diploma/).check();
  response = await clickAndWait(page, qualification.getByRole('button', { name: 'Register them' }));
  assert.equal(response.status(), 200);
  assert.match(await main().innerText(), /Working towards it\s+Registered .* to be achieved by \d+ \w+ \d{4}/);

  await page.goto(`${server.url}/homes/1/training-matrix`);
  await fits(page, 'the training matrix');
  const row = main().locator('tr', { has: page.getByRole('link', { name: 'Quinn Marsh' }) });
  const cells = await row.locator('td').allInnerTexts();
  const headers = await main().locator('table.hearth-matrix thead th').allInnerTexts();
  const column = headers.indexOf('Safeguarding children') - 1;
  assert.match(cells[column], /^Current/);
  assert.match(cells[headers.indexOf('First aid') - 1], /^New starter/, 'within their ninety days');

  // Their first supervision: held, written up and signed by the manager, then awaiting Quinn.
  await clickAndWait(page, row.getByRole('link', { name: 'Quinn Marsh' }));
  await clickAndWait(page, main().getByRole('link', { name: 'Supervision', exact: true }));
  await fits(page, 'the supervision page');
  assert.match(await main().innerText(), /Supervised by\s+Sam Carter \(the home's registered manager\)/);
  assert.match(await main().innerText(), /Next supervision\s+By \d+ \w+ \d{4}/, 'a clock from the day they start');
  const supervision = main().locator('form[action$="/supervision"]');
  response = await clickAndWait(page, supervision.getByRole('button', { name: 'Record the supervision' }));
  assert.equal(response.status(), 400, 'nothing written is refused');
  assert.match(await main().innerText(), /Write what was discussed under at least one heading/);
  await supervision.getByRole('textbox', { name: 'Their practice', exact: true }).fill('Their first fortnight: getting to know the young people at tea and on the school run');
  await supervision.getByRole('textbox', { name: /their reflection/ }).fill('Nervous about nights; felt the shouting was about them');
  await supervision.getByRole('checkbox', { name: /their reflection/ }).check();
  response = await clickAndWait(page, supervision.getByRole('button', { name: 'Record the supervision' }));
  assert.equal(response.status(), 200);
  assert.match(await main().innerText(), /Awaiting both signatures/);
  response = await clickAndWait(page, main().getByRole('button', { name: 'Sign the supervision' }));
  assert.equal(response.status(), 200);
  const signed = await main().innerText();
  assert.match(signed, /Awaiting the supervisee's signature/);
  assert.match(signed, /Confidential/);
  await fits(page, 'a supervision');
  assert.deepEqual(problems, []);
});
