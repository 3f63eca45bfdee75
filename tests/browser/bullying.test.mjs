// Countering bullying on a tablet on shift (768×1024): a support worker records a concern Ben has
// told them about, refused until whole; the registered manager leads the response, Ben told at each
// stage, restorative work with the other child recorded at the outcome; the manager sets a managed
// interaction between the two; the home's page counts the concern, and its handover shows it with
// how Ben is kept safe. Each page fits the screen.
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

async function openConcerns(page) {
  await page.goto(`${server.url}/homes/1`);
  const panel = await page.locator('a', { hasText: 'Bullying concerns' }).locator('xpath=..').innerText();
  return Number(panel.match(/(\d+)\s+open/)[1]);
}

test('a concern Ben told staff about, led to its outcome with Ben told at each stage', async () => {
  const worker = await browser.newContext(tablet);
  const manager = await browser.newContext(tablet);
  const page = await worker.newPage();
  const problems = watchPage(page);
  try {
    await signIn(page, server.url, 'rsw1.willow@example.org');
    const before = await openConcerns(page);
    await page.goto(`${server.url}/children/2/relationships`);
    await fits(page, 'the Relationships tab');
    await clickAndWait(page, page.getByRole('link', { name: 'Record a bullying concern' }));
    await fits(page, 'the concern form');
    assert.ok(await page.locator('input[name="child_id"][value="2"]').isChecked(), 'Ben, from his page');

    // Saved half-done: each missing part is named, and nothing is kept.
    await page.getByLabel('One or more children of the home').check();
    let response = await clickAndWait(page, page.getByRole('button', { name: 'Save the concern' }));
    assert.equal(response.status(), 400);
    for (const message of ['Choose the children of the home thought to have bullied them',
      'Choose at least one form it took', 'Select how it came to light']) {
      assert.ok(await page.locator('.govuk-error-summary').getByText(message).isVisible(), message);
    }

    const then = london(90);
    await page.locator('input[name="by_children"][value="4"]').check();
    await fillDate(page, 'occurred_on', then);
    await page.locator('#occurred_time').fill(then.time);
    await page.getByLabel('Where did it happen?').fill('The kitchen, after tea');
    await page.getByLabel('Offensive names').check();
    await page.getByLabel('Taking, hiding or damaging their things').check();
    await page.getByLabel('The child told us').check();
    await page.getByLabel('What the child said, in their own words')
      .fill('She hid my football boots again and called me a baby in front of everyone.');
    await page.getByLabel('Sam Carter').check();
    await page.getByLabel('Keeping them safe now').fill('Ben comes to Chris or Sam; his boots are kept in the office.');
    await page.getByLabel('Yes', { exact: true }).check();
    await fillDate(page, 'told_on', london(0));
    await page.getByLabel('Talking with them').check();
    await page.getByLabel("What the child said, in their words").fill('OK. Will Sam talk to her?');
    response = await clickAndWait(page, page.getByRole('button', { name: 'Save the concern' }));
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main').innerText(), /Sam Carter leads the response/);
    await fits(page, 'the concern');
    const concernUrl = page.url().split('?')[0];
    assert.equal(await openConcerns(page), before + 1, "the home's page counts it");
    await page.goto(`${server.url}/homes/1/handover`);
    assert.match(await page.locator('main').innerText(),
      /Bullying concerns open[\s\S]*Ben Cole[\s\S]*Keeping them safe: Ben comes to Chris or Sam/);
    assert.deepEqual(problems, []);

    // The registered manager leads the response, Ben told at each stage.
    const lead = await manager.newPage();
    const leadProblems = watchPage(lead);
    await signIn(lead, server.url, 'manager.willow@example.org');
    await lead.goto(concernUrl);
    const stage = lead.locator('form[action$="/stages"]');
    const stageOf = async (which, what, said, extra = async () => {}) => {
      await stage.getByLabel(which, { exact: true }).check();
      const now = london(0);
      await fillDate(stage, 'happened_on', now);
      await stage.locator('#happened_time').fill(now.time);
      await stage.getByLabel('What happened').fill(what);
      await extra();
      await stage.locator('input[name="child_told"][value="yes"]').check();
      await fillDate(stage, 'told_on', now);
      await stage.locator('input[name="told_how"][value="in_person"]').check();
      await stage.getByLabel('What the child said, in their words').fill(said);
      return clickAndWait(lead, lead.getByRole('button', { name: 'Save the stage' }));
    };
    response = await stageOf('Investigated', 'Spoke with both; Dana saw the boots hidden. Not a safeguarding matter.',
      'Good.', () => stage.locator('input[name="safeguarding"][value="no"]').check());
    assert.equal(response.status(), 200);
    response = await stageOf('Outcome', 'A restorative conversation; the boots are kept in the office.', 'That is fair.',
      async () => {
        await stage.getByLabel('Restorative work with the child who bullied (an outcome)')
          .fill('She saw how it felt to be laughed at in front of everyone.');
        await fillDate(stage, 'review_on', london(-14 * 24 * 60));
      });
    assert.equal(response.status(), 200);
    const response_text = await lead.locator('main').innerText();
    assert.match(response_text, /Investigated,[\s\S]*The child was told .*They said: Good\./);
    assert.match(response_text, /Restorative work: She saw how it felt/);
    assert.doesNotMatch(response_text, /stage\(s\) owe the child being told/);
    await fits(lead, 'the concern with its response');

    // Kept apart while the response is reviewed: from Ben's Relationships tab.
    await lead.goto(`${server.url}/children/2/relationships`);
    await clickAndWait(lead, lead.getByRole('link', { name: 'Manage who they spend time with' }));
    await fits(lead, 'the managed interaction form');
    await lead.locator('input[name="other_child_id"][value="4"]').check();
    await lead.getByLabel('Not to be alone together').check();
    await lead.getByLabel('Why is it needed?').fill('Until the review of the response to the concern.');
    await lead.getByLabel('The response to a bullying concern').check();
    await lead.locator('input[name="concern_id"]').last().check();
    await lead.getByLabel('Who agreed it?').fill('Sam Carter, registered manager');
    await fillDate(lead, 'review_on', london(-14 * 24 * 60));
    response = await clickAndWait(lead, lead.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 200);
    assert.ok(await lead.getByRole('heading', { name: 'Not to be alone together: Lil Evans-Ward' }).isVisible());
    await lead.goto(`${server.url}/children/2`);
    assert.match(await lead.locator('section[aria-labelledby="interactions-title"]').innerText(),
      /Not to be alone together: Lil Evans-Ward/);
    assert.deepEqual(leadProblems, []);
  } finally {
    await worker.close();
    await manager.close();
  }
});
