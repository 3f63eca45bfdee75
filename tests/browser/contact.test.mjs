// Contact on a tablet on shift (768×1024): a support worker logs a letter that upset the child and
// raises a concern about what it said with the social worker; the deputy imposes an emergency
// restriction and meets its 24-hour clock by recording that the placing authority was told. Each
// page fits the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, signIn, watchPage, clickAndWait, london, fillDate, fits } from './helpers.mjs';

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

test('a letter that went badly, and its concern raised with the social worker', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    await page.goto(`${server.url}/children/1/contact`);
    await fits(page, 'the Contact tab');
    await clickAndWait(page, page.getByRole('link', { name: 'Log contact' }));
    await fits(page, 'the log form');
    // Saved half-done: each missing part is named, and nothing is kept.
    await page.getByLabel('Letters').check();
    let response = await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 400);
    for (const message of ['Choose who the contact is with', 'Choose whether it was to or from the child',
      'Enter how it went for the child, as you saw it']) {
      assert.ok(await page.locator('.govuk-error-summary').getByText(message).isVisible(), message);
    }

    const then = london(40);
    await page.getByLabel('Michelle Bennett (Mum)').check();
    await page.getByLabel('To the child', { exact: true }).check();
    await fillDate(page, 'on', then);
    await page.locator('#at').fill(then.time);
    await page.getByLabel('Not supervised').check();
    await page.getByLabel("How it went, in the child's words").fill("She says it's my fault I'm here.");
    await page.getByLabel('How it went for the child, as you saw it')
      .fill('Read it twice and went quiet, then cried in her room. Stayed with her until she was ready to talk.');
    response = await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 200);
    assert.ok(await page.getByRole('heading', { name: 'Letters with Michelle Bennett' }).isVisible());
    await fits(page, 'the contact');

    const due = london(-24 * 60);
    await page.getByLabel('What in it worries you?').fill('The letter blames Aisha for being in care.');
    await page.getByLabel('Which social worker is it raised with?').fill('Casey Nolan');
    await fillDate(page, 'answer_on', due);
    await page.locator('#answer_time').fill(due.time);
    response = await clickAndWait(page, page.getByRole('button', { name: 'Raise it with the social worker' }));
    assert.equal(response.status(), 200);
    assert.ok(await page.getByRole('heading', { name: 'Concern raised with the social worker' }).isVisible());
    assert.match(await page.locator('main').innerText(), /Answer wanted by\s+.*Due soon/);

    await page.goto(`${server.url}/homes/1/handover`);
    assert.match(await page.locator('main').innerText(),
      /Contact this shift\s+Contact restricted\s[\s\S]*Ryan Ward[\s\S]*Concerns awaiting the social worker/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an emergency restriction, and its 24-hour notice to the placing authority', async () => {
  const context = await browser.newContext(tablet);
  const page = await context.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'deputy.willow@example.org');
    await page.goto(`${server.url}/children/1/contact`);
    await clickAndWait(page, page.getByRole('link', { name: 'Restrict contact' }));
    await fits(page, 'the restriction form');
    await page.getByLabel('Or someone not on the family list').fill('Jay Moss, a friend from school');
    await page.getByLabel('Telephone').check();
    await page.getByLabel('Social media and other internet contact').check();
    await page.getByLabel('To safeguard the child').check();
    await page.getByLabel('What makes it necessary').fill('Messages asking her to meet an older man and keep it secret.');
    await page.getByLabel("The home's own decision").check();
    await page.locator('#agreed_beforehand-1').check();
    await fillDate(page, 'review_on', london(-7 * 24 * 60));
    await page.locator('#child_told').check();
    await page.getByLabel("What the child said, in their words").fill("I don't like it but I get why.");
    let response = await clickAndWait(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 200);
    const warning = await page.locator('.govuk-warning-text').first().innerText();
    assert.match(warning, /give them full details, due .* \(Due soon\)/);

    const told = london(5);
    await page.getByLabel('Who at the placing authority was told?').fill('Northshire duty team');
    await page.getByLabel('Phone call').check();
    await fillDate(page, 'told_on', told);
    await page.locator('#told_time').fill(told.time);
    response = await clickAndWait(page, page.getByRole('button', { name: 'Save the notice' }));
    assert.equal(response.status(), 200);
    const told_row = await page.locator('.govuk-summary-list__row', { hasText: 'Placing authority told' }).innerText();
    assert.match(told_row, /Northshire duty team, Phone call, .* Met/);
    assert.equal(await page.getByText('Imposed by the home without').count(), 0, 'nothing owed now');
    await fits(page, 'the restriction');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
