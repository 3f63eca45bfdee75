// axe-core on every page, signed in with a role that may see it, and on the error states:
// no violation of any impact is allowed. A failure prints each rule, where it failed and how to
// fix it. The markup does not depend on the store, so scripts/test runs this sweep on SQLite only
// (docs/decisions/0012-tests-that-scale.md).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, signIn, clickAndWait, runAxe, seriousOrWorse, describeViolations, demoPassword,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Each check: who is signed in (null: nobody), where to go, the status expected, and
// optionally what to do on the page first (to reach an error state).
const checks = [
  { label: 'sign-in', as: null, path: '/sign-in', status: 200 },
  { label: 'sign-in with errors', as: null, path: '/sign-in', status: 400, act: async (page) => {
    await page.fill('#email', 'manager.willow@example.org');
    await page.fill('#password', 'not-the-password');
    return clickAndWait(page, 'main button[type="submit"]');
  } },
  { label: 'sign-in with an empty form', as: null, path: '/sign-in', status: 400,
    act: (page) => clickAndWait(page, 'main button[type="submit"]') },
  { label: '404 signed out', as: null, path: '/no-such-page', status: 404 },
  // The code after the password: a browser of its own (as ''), which stays waiting for the code.
  { label: 'the code after the password', as: '', path: '/sign-in', status: 200, act: async (page) => {
    await page.fill('#email', 'social.worker@example.org');
    await page.fill('#password', demoPassword);
    return clickAndWait(page, 'main button[type="submit"]');
  } },
  { label: 'the code after the password, wrong', as: '', path: '/sign-in/code', status: 400, act: async (page) => {
    await page.fill('#code', '000000');
    return clickAndWait(page, page.getByRole('button', { name: 'Continue' }));
  } },
  { label: 'your second factor, set up', as: 'admin@example.org', path: '/account/second-factor', status: 200 },
  // The set-up page with its QR code and key, shown again after a wrong first code.
  { label: 'setting up a second factor with a wrong code', as: 'deputy.willow@example.org', path: '/account/second-factor', status: 400,
    act: async (page) => {
      await clickAndWait(page, page.getByRole('button', { name: 'Set up a second factor' }));
      await page.fill('#code', '000000');
      return clickAndWait(page, page.getByRole('button', { name: 'Turn on the second factor' }));
    } },
  { label: 'organisation overview (administrator)', as: 'admin@example.org', path: '/organisation', status: 200 },
  { label: 'settings (administrator)', as: 'admin@example.org', path: '/organisation/settings', status: 200 },
  { label: 'settings with errors', as: 'admin@example.org', path: '/organisation/settings', status: 400,
    act: async (page) => {
      await page.locator('#reg40_target_hours').fill('0');
      return clickAndWait(page, page.getByRole('button', { name: 'Save settings' }));
    } },
  { label: 'organisation overview (responsible individual)', as: 'ri@example.org', path: '/organisation', status: 200 },
  { label: 'home dashboard', as: 'manager.willow@example.org', path: '/homes/1', status: 200 },
  { label: 'children in a home', as: 'manager.willow@example.org', path: '/homes/1/children', status: 200 },
  { label: 'admit form', as: 'manager.willow@example.org', path: '/homes/1/children/new', status: 200 },
  { label: 'admit form with errors', as: 'manager.willow@example.org', path: '/homes/1/children/new', status: 400,
    act: async (page) => {
      await page.locator('#date_of_birth-year').fill('3000');
      return clickAndWait(page, page.getByRole('button', { name: 'Admit' }));
    } },
  { label: 'child profile', as: 'manager.willow@example.org', path: '/children/1', status: 200 },
  { label: "a child's whole record", as: 'manager.willow@example.org', path: '/children/4/record', status: 200 },
  { label: 'amend form', as: 'manager.willow@example.org', path: '/children/1/edit', status: 200 },
  { label: 'amend form with errors', as: 'manager.willow@example.org', path: '/children/1/edit', status: 400,
    act: async (page) => {
      await page.getByLabel('First name').fill('');
      return clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
    } },
  { label: 'profile after an amendment (success banner and history)', as: 'manager.willow@example.org',
    path: '/children/1/edit', status: 200, act: async (page) => {
      await page.getByLabel('Preferred name (optional)').fill(`Aish ${Date.now()}`);
      await page.getByLabel('Why are you changing this record?').fill('Accessibility test amendment');
      return clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
    } },
  { label: 'conflict page', as: 'deputy.willow@example.org', path: '/children/1/edit', status: 409,
    act: async (page) => {
      // Make the form stale: someone else saves a newer version meanwhile.
      await page.locator('input[name="version"]').evaluate((el) => { el.value = '1'; });
      await page.getByLabel('Pronouns (optional)').fill('they/them');
      await page.getByLabel('Why are you changing this record?').fill('Stale edit');
      return clickAndWait(page, page.getByRole('button', { name: 'Save amendment' }));
    } },
  { label: 'child profile (residential support worker)', as: 'rsw1.willow@example.org', path: '/children/2', status: 200 },
  { label: 'start page (social worker: children allocated to them)', as: 'social.worker@example.org', path: '/', status: 200 },
  { label: 'child profile (social worker)', as: 'social.worker@example.org', path: '/children/6', status: 200 },
  { label: 'home dashboard (independent person, Reg 44)', as: 'reg44@example.org', path: '/homes/1', status: 200 },
  { label: 'child profile (independent person, with consent)', as: 'reg44@example.org', path: '/children/4', status: 200 },
  { label: '404 (independent person, no consent: as if there were no record)', as: 'reg44@example.org', path: '/children/2', status: 404 },
  { label: 'people around a child and their family list', as: 'manager.willow@example.org', path: '/children/4/people', status: 200 },
  { label: 'family entry form with errors', as: 'manager.willow@example.org', path: '/children/1/people/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Add to the list' })) },
  { label: 'key workers and their history', as: 'manager.willow@example.org', path: '/children/4/key-workers', status: 200 },
  { label: 'key-worker change with errors', as: 'manager.willow@example.org', path: '/children/4/key-workers/change', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save the change' })) },
  { label: 'money and valuables', as: 'manager.willow@example.org', path: '/children/4/valuables', status: 200 },
  { label: 'return form with errors', as: 'manager.willow@example.org', path: '/children/4/valuables/return', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save the return' })) },
  { label: 'deposit form', as: 'rsw1.willow@example.org', path: '/children/4/valuables/deposit', status: 200 },
  { label: 'leaving form', as: 'manager.willow@example.org', path: '/children/2/leaving', status: 200 },
  { label: 'a child who has left', as: 'manager.willow@example.org', path: '/children/9', status: 200 },
  { label: 'register of children', as: 'manager.willow@example.org', path: '/homes/1/register', status: 200 },
  { label: 'export', as: 'manager.willow@example.org', path: '/children/4/export', status: 200 },
  // A child's plans: the tab, a plan with the word-level changes of its history, the forms.
  { label: 'plans tab', as: 'manager.willow@example.org', path: '/children/2/plans', status: 200 },
  { label: 'plan with its changes', as: 'manager.willow@example.org', path: '/children/1/plans/2', status: 200 },
  { label: 'an earlier version of a plan', as: 'manager.willow@example.org', path: '/children/1/plans/2?version=1', status: 200 },
  { label: 'choose a plan to start', as: 'manager.willow@example.org', path: '/children/1/plans/new', status: 200 },
  { label: 'choose a plan, nothing chosen', as: 'manager.willow@example.org', path: '/children/1/plans/new?kind=', status: 400 },
  { label: 'new risk assessment form', as: 'manager.willow@example.org', path: '/children/1/plans/new?kind=risk_other', status: 200 },
  { label: 'new plan form with errors', as: 'manager.willow@example.org', path: '/children/1/plans/new?kind=safety_plan', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save version 1' })) },
  { label: 'new version form', as: 'rsw1.willow@example.org', path: '/children/1/plans/1/versions/new', status: 200 },
  { label: 'sign-off page', as: 'manager.willow@example.org', path: '/children/1/plans/2/sign-off', status: 200 },
  { label: 'sharing form with errors', as: 'rsw1.willow@example.org', path: '/children/1/plans/1/sharing', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: 'people', as: 'manager.willow@example.org', path: '/homes/1/people', status: 200 },
  { label: "a person's page (administrator: their account and tokens)", as: 'admin@example.org', path: '/homes/1/people/5', status: 200 },
  { label: 'Reg 44 consents', as: 'manager.willow@example.org', path: '/children/1/reg44-consent', status: 200 },
  { label: 'Reg 44 consent form', as: 'manager.willow@example.org', path: '/children/1/reg44-consent/new', status: 200 },
  { label: 'audit trail', as: 'manager.willow@example.org', path: '/homes/1/audit', status: 200 },
  { label: 'account', as: 'manager.willow@example.org', path: '/account', status: 200 },
  { label: 'account with a new API token', as: 'manager.willow@example.org', path: '/account', status: 201,
    act: async (page) => {
      await page.locator('#name').fill('Accessibility test');
      await page.locator('#password').fill(demoPassword);
      return clickAndWait(page, page.getByRole('button', { name: 'Create token' }));
    } },
  { label: 'account with a token error', as: 'manager.willow@example.org', path: '/account', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Create token' })) },
  { label: 'change password', as: 'manager.willow@example.org', path: '/account/password', status: 200 },
  { label: 'change password with errors', as: 'manager.willow@example.org', path: '/account/password', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save new password' })) },
  { label: '404 signed in', as: 'manager.willow@example.org', path: '/children/99999', status: 404 },
  { label: '404 (another home: as if there were none)', as: 'manager.willow@example.org', path: '/homes/2', status: 404 },
  { label: '403 (audit trail for a support worker)', as: 'rsw1.willow@example.org', path: '/homes/1/audit', status: 403 },
  { label: 'chronology', as: 'rsw1.willow@example.org', path: '/children/1/chronology', status: 200 },
  { label: 'significant events', as: 'rsw1.willow@example.org', path: '/children/2/chronology?significant=1', status: 200 },
  { label: 'chronology with a bad filter', as: 'rsw1.willow@example.org', path: '/children/1/chronology?from=2026-02-30', status: 400 },
  { label: 'chronology to print', as: 'rsw1.willow@example.org', path: '/children/1/chronology/print', status: 200 },
  { label: 'daily note form', as: 'rsw1.willow@example.org', path: '/children/1/daily-record/new', status: 200 },
  { label: 'key-work form', as: 'rsw1.willow@example.org', path: '/children/1/daily-record/new?kind=key_work', status: 200 },
  { label: 'daily note form with errors', as: 'rsw1.willow@example.org', path: '/children/1/daily-record/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save and sign' })) },
  { label: 'a daily entry with its actions and history', as: 'rsw1.willow@example.org', path: '/daily-record/1', status: 200 },
  { label: 'amending a daily entry', as: 'rsw1.willow@example.org', path: '/daily-record/1/amend', status: 200 },
  { label: 'handover', as: 'rsw1.willow@example.org', path: '/homes/1/handover', status: 200 },
  { label: 'handovers given', as: 'rsw1.willow@example.org', path: '/homes/1/handovers', status: 200 },
  { label: "children's meetings", as: 'rsw1.willow@example.org', path: '/homes/1/childrens-meetings', status: 200 },
  { label: "a children's meeting", as: 'rsw1.willow@example.org', path: '/childrens-meetings/1', status: 200 },
  { label: "writing up a children's meeting", as: 'rsw1.willow@example.org', path: '/homes/1/childrens-meetings/new', status: 200 },
  { label: 'search results', as: 'rsw1.willow@example.org', path: '/homes/1/search?q=school', status: 200 },
  { label: 'deadlines of a home', as: 'manager.willow@example.org', path: '/homes/1/deadlines', status: 200 },
  { label: 'deadlines across homes', as: 'ri@example.org', path: '/deadlines', status: 200 },
  { label: "a child's deadlines", as: 'manager.willow@example.org', path: '/children/1/deadlines', status: 200 },
  { label: 'incidents of a home', as: 'manager.willow@example.org', path: '/homes/1/incidents', status: 200 },
  { label: "a child's behaviour and warmth", as: 'manager.willow@example.org', path: '/children/1/incidents', status: 200 },
  { label: 'an incident and what followed it', as: 'manager.willow@example.org', path: '/children/1/incidents/1', status: 200 },
  { label: 'an incident (social worker)', as: 'social.worker@example.org', path: '/children/1/incidents/1', status: 200 },
  { label: 'incident form', as: 'rsw1.willow@example.org', path: '/homes/1/incidents/new?child=1', status: 200 },
  { label: 'incident form with errors', as: 'rsw1.willow@example.org', path: '/homes/1/incidents/new?child=1', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save and sign' })) },
  { label: 'amending an incident', as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/amend', status: 200 },
  { label: "a child's account form", as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/accounts', status: 200 },
  { label: 'a staff debrief form with errors', as: 'manager.willow@example.org', path: '/children/1/incidents/1/staff-debriefs', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save the debrief' })) },
  { label: 'who was told', as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/notifications', status: 200 },
  { label: "a home's serious events", as: 'manager.willow@example.org', path: '/homes/1/serious-events', status: 200 },
  { label: "a child's serious events", as: 'social.worker@example.org', path: '/children/1/serious-events', status: 200 },
  { label: 'a serious event, who must be told and who was', as: 'rsw1.willow@example.org', path: '/homes/1/serious-events/2', status: 200 },
  { label: 'a serious event form with errors', as: 'rsw1.willow@example.org', path: '/homes/1/serious-events/new?child=1', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: "a home's notices of admissions and leavings", as: 'manager.willow@example.org', path: '/homes/1/placement-notices', status: 200 },
  { label: 'a notice of admission, as sent', as: 'rsw1.willow@example.org', path: '/children/3/placement-notices/3', status: 200 },
  { label: "a home's details with errors", as: 'admin@example.org', path: '/homes/1/details', status: 400,
    act: async (page) => {
      await page.locator('#local_authority').fill('');
      return clickAndWait(page, page.getByRole('button', { name: 'Save' }));
    } },
  { label: 'a restriction of contact, with its review form', as: 'manager.willow@example.org', path: '/children/3/contact/restrictions/2', status: 200 },
  { label: 'the contact restriction form with errors', as: 'deputy.willow@example.org', path: '/children/1/contact/restrictions/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: "a child's contact: restrictions, contact to come and the log", as: 'manager.willow@example.org', path: '/children/4/contact', status: 200 },
  { label: 'a planned contact, with what became of it to record', as: 'rsw1.willow@example.org', path: '/children/1/contact', status: 200,
    act: (page) => clickAndWait(page, page.locator('main ul.govuk-list a[href*="/contact/log/"]').first()) },
  { label: 'a contact whose concern awaits the social worker', as: 'rsw1.willow@example.org', path: '/children/3/contact', status: 200,
    act: (page) => clickAndWait(page, page.locator('tr:has(.govuk-tag--red) a').first()) },
  { label: 'the contact log form with errors', as: 'rsw1.willow@example.org', path: '/children/1/contact/log/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: "a home's contact by month", as: 'manager.willow@example.org', path: '/homes/1/contact-figures', status: 200 },
  { label: 'contact restrictions across the homes', as: 'admin@example.org', path: '/organisation/contact-restrictions', status: 200 },
  { label: "what is agreed about a child's contact", as: 'manager.willow@example.org', path: '/children/4/contact/arrangements', status: 200 },
  { label: 'a contact arrangement, with the form that stops it', as: 'manager.willow@example.org', path: '/children/4/contact/arrangements', status: 200,
    act: (page) => clickAndWait(page, page.locator('main ul a[href*="/contact/arrangements/"]').first()) },
  { label: 'the contact arrangement form with errors', as: 'manager.willow@example.org', path: '/children/1/contact/arrangements/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: 'a digital contact agreement, with its review form', as: 'manager.willow@example.org', path: '/children/3/contact/digital', status: 200 },
  { label: "a child's school hours", as: 'manager.willow@example.org', path: '/children/2/contact/school-hours', status: 200 },
  { label: 'contact in your calendar, an address made', as: 'rsw1.willow@example.org', path: '/homes/1/contact/calendar', status: 201,
    act: async (page) => {
      await page.locator('#password').fill(demoPassword);
      return clickAndWait(page, page.getByRole('button', { name: 'Make a calendar address' }));
    } },
  { label: "a home's bullying concerns", as: 'manager.willow@example.org', path: '/homes/1/bullying', status: 200 },
  { label: 'who has talked about bullying', as: 'manager.willow@example.org', path: '/homes/1/talked-about-bullying', status: 200 },
  { label: 'recording a friendship', as: 'rsw1.willow@example.org', path: '/children/1/relationships/friendships/new', status: 200 },
  { label: 'a friendship, with the form to look at it again', as: 'rsw1.willow@example.org', path: '/children/1/relationships/friendships/2', status: 200 },
  { label: 'recording a change of staff', as: 'rsw1.willow@example.org', path: '/children/1/relationships/staff-changes/new', status: 200 },
  { label: "a change of staff, with the registered manager's response form", as: 'manager.willow@example.org', path: '/children/1/relationships/staff-changes/1', status: 200 },
  { label: 'a bullying concern, with the form for its next stage', as: 'manager.willow@example.org', path: '/homes/1/bullying/1', status: 200 },
  { label: 'the bullying concern form with errors', as: 'rsw1.willow@example.org', path: '/homes/1/bullying/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save the concern' })) },
  { label: 'recording that the child was told at a stage', as: 'manager.willow@example.org', path: '/homes/1/bullying/1/told', status: 200 },
  { label: 'recording who was told of a bullying concern', as: 'manager.willow@example.org', path: '/homes/1/bullying/1/informed', status: 200 },
  { label: 'correcting a bullying concern', as: 'manager.willow@example.org', path: '/homes/1/bullying/1/correct', status: 200 },
  { label: 'offering an advocate in a bullying concern', as: 'manager.willow@example.org', path: '/homes/1/bullying/1/advocates', status: 200 },
  { label: "recording a child's complaint in a bullying concern", as: 'rsw1.willow@example.org', path: '/homes/1/bullying/1/complaints', status: 200 },
  { label: "recording a complaint's outcome", as: 'manager.willow@example.org', path: '/homes/1/bullying/1/complaint-outcome', status: 200 },
  { label: "a bullying concern from the child's social worker's side", as: 'social.worker@example.org', path: '/children/1/bullying/1', status: 200 },
  { label: "a child's relationships", as: 'manager.willow@example.org', path: '/children/1/relationships', status: 200 },
  { label: 'the managed interaction form with errors', as: 'manager.willow@example.org', path: '/children/1/relationships/interactions/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save' })) },
  { label: 'a managed interaction, with its review form', as: 'manager.willow@example.org', path: '/children/1/relationships/interactions/1', status: 200 },
  { label: "a home's visitors' book", as: 'rsw1.willow@example.org', path: '/homes/1/visitors', status: 200 },
  { label: 'signing a visitor in, with errors', as: 'rsw1.willow@example.org', path: '/homes/1/visitors/new', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Sign in' })) },
  { label: 'a visit in the visitors\' book', as: 'rsw1.willow@example.org', path: '/homes/1/visitors/1', status: 200 },
  { label: 'who is in the building now', as: 'rsw1.willow@example.org', path: '/homes/1/visitors/in-building', status: 200 },
  { label: 'the items not allowed in', as: 'manager.willow@example.org', path: '/homes/1/visitors/items-not-allowed', status: 200 },
  { label: "a home's team", as: 'manager.willow@example.org', path: '/homes/1/team', status: 200 },
  { label: 'a staff record, with every form', as: 'manager.willow@example.org', path: '/homes/1/team/6', status: 200 },
  { label: 'a staff record, a check with errors', as: 'manager.willow@example.org', path: '/homes/1/team/6', status: 400,
    act: async (page) => {
      await page.locator('main summary', { hasText: 'Record a check' }).click();
      return clickAndWait(page, page.getByRole('button', { name: 'Record the check' }));
    } },
  { label: 'your own staff record', as: 'rsw1.willow@example.org', path: '/homes/1/team/5', status: 200 },
  { label: 'reflective practice and team meetings, with the figures and the form', as: 'manager.willow@example.org', path: '/homes/1/team-sessions', status: 200 },
  { label: 'a team meeting', as: 'rsw1.willow@example.org', path: '/homes/1/team-sessions/1', status: 200 },
  { label: "a home's rota with its forms", as: 'manager.willow@example.org', path: '/homes/1/rota', status: 200 },
  { label: 'a shift put on the rota, with errors', as: 'manager.willow@example.org', path: '/homes/1/rota', status: 400,
    act: async (page) => {
      await page.locator('main summary', { hasText: 'Put someone on the rota' }).click();
      return clickAndWait(page, page.getByRole('button', { name: 'Put them on the rota' }));
    } },
  { label: 'a shift and what happened on it', as: 'rsw1.willow@example.org', path: '/homes/1/rota/shifts/1', status: 200 },
  { label: 'your shifts', as: 'rsw1.willow@example.org', path: '/account/shifts', status: 200 },
  { label: 'supervision, with the form to record one and its errors', as: 'manager.willow@example.org', path: '/homes/1/team/5/supervision', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Record the supervision' })) },
  { label: 'your own supervision', as: 'rsw1.willow@example.org', path: '/homes/1/team/5/supervision', status: 200 },
  // The demo's supervisions are written a person at a time, a year each: Chris Okafor's latest,
  // awaiting his signature, is the 36th.
  { label: 'a supervision awaiting your signature', as: 'rsw1.willow@example.org', path: '/homes/1/team/5/supervision/36', status: 200 },
  { label: "a home's training matrix", as: 'manager.willow@example.org', path: '/homes/1/training-matrix', status: 200 },
  { label: 'the training matrix across the homes', as: 'ri@example.org', path: '/organisation/training-matrix', status: 200 },
  { label: 'the training programme, with errors', as: 'admin@example.org', path: '/organisation/training-programme', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Save the course' })) },
  { label: 'Reg 35 record form', as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/measures?kind=physical_intervention', status: 200 },
  { label: 'Reg 35 record form with errors', as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/measures?kind=physical_intervention', status: 400,
    act: async (page) => {
      await page.getByLabel('What was done', { exact: true }).fill('');
      return clickAndWait(page, page.getByRole('button', { name: 'Save and sign' }));
    } },
  { label: 'consequence form', as: 'rsw1.willow@example.org', path: '/children/1/incidents/1/measures?kind=consequence', status: 200 },
  { label: 'a Reg 35 record', as: 'manager.willow@example.org', path: '/measures/1', status: 200 },
  { label: 'the 48-hour sign-off', as: 'manager.willow@example.org', path: '/measures/1/staff-review', status: 200 },
  { label: 'a conversation after the sign-off', as: 'manager.willow@example.org', path: '/measures/1/staff-conversations', status: 200 },
  { label: 'the 5-day sign-off', as: 'manager.willow@example.org', path: '/measures/1/child-review', status: 200 },
  { label: 'restrictive practice of a home', as: 'manager.willow@example.org', path: '/homes/1/restrictive-practice', status: 200 },
  { label: 'restrictive practice across homes', as: 'ri@example.org', path: '/organisation/restrictive-practice', status: 200 },
  { label: "Ofsted's counts", as: 'ri@example.org', path: '/organisation/ofsted-counts', status: 200 },
  { label: "Ofsted's counts with errors", as: 'manager.willow@example.org', path: '/homes/1/ofsted-counts?from=2026-99-01', status: 400 },
  { label: 'warmth of a home', as: 'manager.willow@example.org', path: '/homes/1/warmth', status: 200 },
  { label: 'who may sign Reg 35 records', as: 'manager.willow@example.org', path: '/homes/1/reg35-signers', status: 200 },
  { label: 'physical intervention training', as: 'manager.willow@example.org', path: '/homes/1/intervention-training', status: 200 },
  { label: 'learning shared between homes', as: 'rsw1.harbour@example.org', path: '/organisation/shared-learning', status: 200 },
  { label: 'physical intervention techniques', as: 'manager.willow@example.org', path: '/organisation/intervention-techniques', status: 200 },
  { label: 'physical intervention techniques with errors', as: 'manager.willow@example.org', path: '/organisation/intervention-techniques', status: 400,
    act: (page) => clickAndWait(page, page.getByRole('button', { name: 'Add', exact: true })) },
];

test('axe-core finds something when there is something to find', async () => {
  // Guards against a silently broken harness: a page with known faults must fail.
  const server = await startServer();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><img src="x.png"><input type="text"></main></body></html>');
  assert.deepEqual(seriousOrWorse(await runAxe(page)).map((v) => v.id).sort(), ['image-alt', 'label']);
  // And on a real page under its Content-Security-Policy: spoil it, and axe must notice.
  const response = await page.goto(server.url + '/sign-in');
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  assert.deepEqual(seriousOrWorse(await runAxe(page)), []);
  await page.evaluate(() => {
    document.querySelector('label[for="email"]').remove();
    document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/static/favicon.svg' }));
  });
  assert.deepEqual(seriousOrWorse(await runAxe(page)).map((v) => v.id).sort(), ['image-alt', 'label']);
  await context.close();
  await server.stop();
});

// The two widths are swept side by side, each on its own server (so one width's amendment cannot
// make the other's stale) with one signed-in context per person: most of a check is waiting on the
// browser and the server, not work.
function sweep(viewport) {
  const size = viewport ? ' at phone size' : '';
  let server;
  const pages = new Map();
  const pageFor = async (email) => {
    if (!pages.has(email)) {
      const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
      if (email) await signIn(page, server.url, email);
      pages.set(email, page);
    }
    return pages.get(email);
  };
  before(async () => { server = await startServer(); });
  after(async () => {
    for (const page of pages.values()) await page.context().close();
    await server?.stop();
  });
  for (const check of checks) {
    test(`no accessibility violations: ${check.label}${size}`, async () => {
      const page = await pageFor(check.as);
      let response = await page.goto(server.url + check.path);
      if (check.act) response = await check.act(page);
      assert.equal(response.status(), check.status, `${check.label}: status (at ${page.url()})`);
      if (check.status >= 400 && check.status !== 409 && check.act) {
        assert.ok(await page.locator('.govuk-error-summary').count() > 0, `${check.label}: shows the error summary`);
      }
      const violations = await runAxe(page);
      assert.equal(violations.length, 0, `\n${describeViolations(violations, `${check.label}${size} ${page.url()}`)}`);
    });
  }
}

describe('every page at two widths', { concurrency: 2 }, () => {
  describe('at desktop size', { concurrency: 1 }, () => sweep(null));
  describe('at phone size', { concurrency: 1 }, () => sweep({ width: 375, height: 667 }));
});
