// The values the law leaves to the organisation, on its administrator's settings page: each shown
// with its default and where it comes from; a value out of bounds refused at its field with nothing
// saved; a change shown with who made it, and used by the next clock it starts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Client, readForm, startServer } from './server.mjs';

let server;
const words = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

test('the administrator changes how soon a serious event is notified, and the next clock uses it', async () => {
  const admin = new Client(server.url);
  await admin.signIn('admin@example.org');
  let page = await admin.get('/organisation/settings');
  assert.equal(page.status, 200);
  assert.match(words(page.text), /Notice of a serious event \(Reg 40\) \(hours\)/);
  assert.match(words(page.text), /Default 24 hours/);
  assert.match(words(page.text), /without delay/);
  const form = readForm(page.text, '/organisation/settings');
  assert.equal(form.reg40_target_hours, '24');

  const bad = await admin.post('/organisation/settings', { ...form, reg40_target_hours: '12',
    plan_review_longest_months: '30' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#plan_review_longest_months"/);
  assert.match(words(bad.text), /Longest time between reviews of a plan must be from 1 to 12 months/);
  assert.equal(server.sql('SELECT COUNT(*) FROM organisation_settings'), '0', 'nothing half-saved');

  const saved = await admin.post('/organisation/settings', { ...form, reg40_target_hours: '12' });
  assert.equal(saved.status, 303);
  page = await admin.get('/organisation/settings');
  assert.match(words(page.text), /Changed by Alex Morgan, /);
  assert.equal(server.sql("SELECT value FROM organisation_settings WHERE key = 'reg40_target_hours'"), '12');
  assert.equal(server.sql(`SELECT COUNT(*) FROM audit_log WHERE record_type = 'setting'
    AND action = 'change'`), '1');

  // The next serious event's clock runs twelve hours.
  const worker = new Client(server.url);
  await worker.signIn('rsw1.willow@example.org');
  const newForm = await worker.get('/homes/1/serious-events/new?child=1');
  const typed = readForm(newForm.text, '/homes/1/serious-events');
  const r = await worker.post('/homes/1/serious-events', { ...typed,
    event: 'police_serious_incident', what_happened: 'Police called to the home (fictional)' });
  assert.equal(r.status, 303, words(r.text).slice(0, 400));
  const id = r.headers.get('location').split('?')[0].split('/').pop();
  const [started, due] = server.sql(`SELECT started_at || ' ' || due_at FROM deadlines WHERE
    source_type = 'serious_event' AND source_id = ${id}`).split(' ');
  assert.equal(new Date(due) - new Date(started), 12 * 3600 * 1000);

  // Nobody else reaches the page.
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  assert.equal((await manager.get('/organisation/settings')).status, 403);
});
