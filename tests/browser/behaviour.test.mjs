// A physical intervention from the floor to the manager's desk, in a real browser: a support worker
// records an incident with a hold on a tablet and writes its Reg 35 record; the registered manager
// sees the clocks on the home's dashboard, signs the 48-hour review and confirms speaking to the
// child; the month's restraints in the figures go up by one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { clickAndWait, launchBrowser, signIn, startServer, watchPage, london, fillDate } from './helpers.mjs';

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

const tablet = {
  viewport: {width: 768, height: 1024},
  hasTouch: true,
  isMobile: true
};

// This month's restraints, from the last row of the figures' table.
async function restraintsThisMonth(page) {
  await page.goto(`${server.url}/homes/1/restrictive-practice`);
  const cells = await page.locator('#months-table')
           .locator('xpath=..')
           .locator('tbody tr')
           .last()
           .locator('td')
           .allInnerTexts();
  return Number(cells[1]);
}

test(
  'a hold recorded on a tablet, its clocks on the dashboard, signed, and counted in the figures',
  async () => {
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    const managerProblems = watchPage(manager);
    const context = await browser.newContext(tablet);
    const page = await context.newPage();
    const problems = watchPage(page);
    try {
      await signIn(manager, server.url, 'manager.willow@example.org');
      const before = await restraintsThisMonth(manager);

      // On shift: Kai's Behaviour tab, then the incident form with what helps Kai beside it.
      await signIn(page, server.url, 'rsw1.willow@example.org');
      await page.goto(`${server.url}/children/3/incidents`);
      await clickAndWait(page, page.getByRole('link', {name: 'Record an incident'}));
      assert.match(await page.locator('aside').innerText(), /What helps|behaviour plan/);
      const began = london(25);
      await fillDate(page, 'occurred_on', began);
      await page.getByLabel('Time it began').fill(began.time);
      await page.getByLabel('Where did it happen?').fill('the lounge');
      await page.getByLabel('What happened just before')
        .fill('Asked to come off the console for tea');
      await page.getByLabel('Being asked to do something').check();
      await page.getByLabel('What happened', {exact: true})
        .fill('Threw the controller and picked up a chair to throw at Ben');
      await page.getByLabel('What was tried to help, in order')
        .fill('A calm voice\nOffered a choice\nGave space');
      await page.getByLabel('Yes: physical intervention (holding)').check();
      const held = london(22);
      await fillDate(page, 'measure_began_on', held);
      await page.getByLabel('Time the hold or restriction began').fill(held.time);
      await page.getByLabel('What happened after')
        .fill('Calm after ten minutes; had tea with everyone');
      await page.getByRole('group', {name: 'Staff involved'})
        .getByLabel('Chris Okafor')
        .check();
      await page.getByRole('group', {name: 'Staff involved'})
        .getByLabel('Dana Lewis')
        .check();
      let response =
        await clickAndWait(page, page.getByRole('button', {name: 'Save and sign'}));
      assert.equal(response.status(), 200);
      assert.match(
        await page.locator('.govuk-notification-banner--success').innerText(),
        /Saved and signed/);
      assert.match(
        await page.locator('main').innerText(),
        /Write the Reg 35 record of the measure used with Kai/);

      // The Reg 35 record: its time, the lawful purpose and why nothing less would do.
      await clickAndWait(
        page, page.getByRole('link', {name: 'Write the Reg 35 record', exact: true}));
      const started = london(22);
      const ended = london(18);
      await fillDate(page, 'started_on', started);
      await page.getByLabel('Time it started').fill(started.time);
      await page.getByLabel('Time it ended').fill(ended.time);
      if (started.day !== ended.day)
        await fillDate(page, 'ended_on', ended);
      await page.getByLabel('What was done', {exact: true})
        .fill('Two staff guided Kai to the sofa and held his arms until he was calm');
      await page.getByLabel('To prevent injury to another person').check();
      await page.getByLabel('Why was nothing less restrictive enough?')
        .fill('He was about to throw the chair at Ben; talking and space had not worked');
      await page.getByLabel('Seated hold (two adults)').check();
      await page.getByLabel('Seated', {exact: true}).check();
      await page.getByLabel('How well it worked, and what followed')
        .fill('He calmed within minutes and was let go');
      await page.getByLabel('To talk to an advocate').check();
      response = await clickAndWait(page, page.getByRole('button', {name: 'Save and sign'}));
      assert.equal(response.status(), 200);
      const record = page.url();
      const clocks = await page.locator('.hearth-reg35-clocks').innerText();
      assert.match(clocks, /Met\s+Within 24 hours: the record/);
      assert.match(clocks, /Within 48 hours: spoken to the staff, signed as accurate/);
      assert.match(clocks, /Within 5 days: spoken to the child/);
      // The page fits the tablet: nothing wider than the screen.
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth + 1);
      assert.equal(wide, false, 'the record fits a tablet');

      // The manager's dashboard shows the clocks still running.
      await manager.goto(`${server.url}/homes/1`);
      const dashboard = manager.locator('.hearth-reg35-dashboard');
      await assert.doesNotReject(
        dashboard
          .getByText(
            'Speak to the staff and sign the physical intervention record for Kai')
          .waitFor());
      await assert.doesNotReject(
        dashboard.getByText('Speak to Kai about the physical intervention').waitFor());

      // The 48-hour review: spoke to Chris, signed as accurate.
      await clickAndWait(manager, dashboard.getByRole('link', {
        name: 'Speak to the staff and sign the physical intervention record for Kai'
      }));
      await manager.getByLabel('Chris Okafor').check();
      await manager.getByLabel('What you talked about')
        .fill('Went through the hold with Chris: the record is accurate');
      await manager
        .getByLabel('I spoke to them about it, and I confirm this record is accurate')
        .check();
      response = await clickAndWait(
        manager, manager.getByRole('button', {name: 'Sign as accurate'}));
      assert.equal(response.status(), 200);
      assert.equal(manager.url(), record.replace(/\?.*$/, '') + '?signed=1');
      assert.match(
        await manager.locator('#sign-offs ~ .govuk-inset-text').first().innerText(),
        /Sam Carter signed version 1 as accurate/);
      assert.match(
        await manager.locator('.hearth-spoken-to').innerText(), /Spoke to Chris Okafor on/);
      // Dana held Kai too: the record says she is still to be spoken to, until she is.
      assert.match(
        await manager.locator('main').innerText(), /Not yet spoken to: Dana Lewis/);
      await clickAndWait(
        manager, manager.getByRole('link', {name: 'Record that you spoke to them'}));
      await manager.getByLabel('Dana Lewis').check();
      await manager.getByLabel('What you talked about')
        .fill('Went through the hold with Dana; she agrees the record is accurate');
      response = await clickAndWait(
        manager, manager.getByRole('button', {name: 'Save the conversation'}));
      assert.equal(response.status(), 200);
      assert.doesNotMatch(await manager.locator('main').innerText(), /Not yet spoken to/);
      assert.match(
        await manager.locator('.hearth-spoken-to').innerText(), /Spoke to Dana Lewis on/);

      // The 5-day conversation with Kai.
      await clickAndWait(
        manager, manager.getByRole('link', {name: 'Confirm you spoke to Kai Donovan'}));
      await manager.getByLabel('What you talked about')
        .fill('What happened, and what helps when tea is called');
      await manager.getByLabel('What Kai said about it')
        .fill('I was angry about the game. Tell me five minutes before.');
      await manager.getByLabel('I spoke to Kai about it').check();
      response = await clickAndWait(
        manager, manager.getByRole('button', {name: 'Confirm and sign'}));
      assert.equal(response.status(), 200);
      const met = await manager.locator('.hearth-reg35-clocks').innerText();
      assert.doesNotMatch(met, /Upcoming|Due soon|Overdue/, met);

      // The figures count the new restraint this month.
      assert.equal(await restraintsThisMonth(manager), before + 1);
      assert.deepEqual(problems, []);
      assert.deepEqual(managerProblems, []);
    } finally {
      await context.close();
      await managerContext.close();
    }
  });
