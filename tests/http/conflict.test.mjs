// Two people amend the same child's record from the same version: the first is saved, the
// second is refused with 409 and a page that shows the record as it now is and keeps what the
// second person typed. Every version is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, Api, createApiToken, readForm } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function versions(api, child) {
  const res = await api.get(`/api/v1/children/${child}/versions`);
  assert.equal(res.status, 200, res.text);
  return res.body.versions;
}

test('a stale edit through the pages gets 409, the current record and what was typed', async () => {
  const manager = new Client(server.url);
  const deputy = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  await deputy.signIn('deputy.willow@example.org');
  const api = new Api(server.url, await createApiToken(manager));
  const original = (await api.get('/api/v1/children/1')).body;

  const managerPage = await manager.get('/children/1/edit');
  const deputyPage = await deputy.get('/children/1/edit');
  assert.equal(managerPage.status, 200);
  assert.equal(deputyPage.status, 200);
  const managerForm = readForm(managerPage.text, '/children/1');
  const deputyForm = readForm(deputyPage.text, '/children/1');
  assert.equal(managerForm.version, String(original.version));
  assert.equal(deputyForm.version, String(original.version));
  assert.equal(managerForm.first_name, original.first_name, 'the edit form starts from the record');

  const first = await manager.post('/children/1', {
    ...managerForm, preferred_name: 'Ash', reason: 'She asked to be called Ash',
  });
  assert.equal(first.status, 303, first.text.slice(0, 500));
  assert.equal(first.headers.get('location'), '/children/1/record?amended=1');

  const typed = { preferred_name: 'Deputy typed this', pronouns: 'they/them', reason: 'Pronouns from review meeting' };
  const second = await deputy.post('/children/1', { ...deputyForm, ...typed });
  assert.equal(second.status, 409);
  assert.match(second.headers.get('content-type'), /text\/html/);
  assert.match(second.text, /govuk-warning-text/);
  assert.match(second.text, /not been saved/);
  // The record as the first amendment left it.
  const current = second.text.match(/<dl class="govuk-summary-list" id="current-record">([\s\S]*?)<\/dl>/);
  assert.ok(current, 'the page shows the current record');
  assert.match(current[1], /Preferred name<\/dt><dd class="govuk-summary-list__value">Ash</);
  assert.match(second.text, /The record as Sam Carter left it/);
  // What the deputy typed, still in the inputs, and the version they have now seen.
  const kept = readForm(second.text, '/children/1');
  assert.equal(kept.preferred_name, typed.preferred_name);
  assert.equal(kept.pronouns, typed.pronouns);
  assert.equal(kept.reason, typed.reason);
  assert.equal(kept.first_name, original.first_name);
  assert.equal(kept.version, String(original.version + 1));

  // Nothing lost: the original and the first amendment, and not the refused one.
  let list = await versions(api, 1);
  assert.deepEqual(list.map((v) => v.version), [original.version + 1, original.version]);
  assert.equal(list[0].reason, 'She asked to be called Ash');
  assert.equal(list[0].record.preferred_name, 'Ash');
  assert.equal(list[0].changed_by, 'Sam Carter');
  assert.equal(list[1].record.preferred_name, original.preferred_name);
  assert.equal(list[1].record.pronouns, original.pronouns);
  assert.ok(!list.some((v) => v.reason === typed.reason));
  const now = (await api.get('/api/v1/children/1')).body;
  assert.equal(now.preferred_name, 'Ash');
  assert.equal(now.pronouns, original.pronouns);

  // Having seen the conflict, the deputy can save the kept form as it stands.
  const again = await deputy.post('/children/1', kept);
  assert.equal(again.status, 303, again.text.slice(0, 500));
  list = await versions(api, 1);
  assert.deepEqual(list.map((v) => v.version), [original.version + 2, original.version + 1, original.version]);
  assert.equal(list[0].reason, typed.reason);
  assert.equal(list[0].record.pronouns, 'they/them');
  // The record's page shows the history with both amendments.
  const profile = await manager.get('/children/1/record');
  assert.match(profile.text, /She asked to be called Ash/);
  assert.match(profile.text, /Pronouns from review meeting/);
});

test('a stale amendment through the API gets 409 "conflict" and changes nothing', async () => {
  const a = new Client(server.url);
  const b = new Client(server.url);
  await a.signIn('manager.willow@example.org');
  await b.signIn('deputy.willow@example.org');
  const apiA = new Api(server.url, await createApiToken(a, 'A'));
  const apiB = new Api(server.url, await createApiToken(b, 'B'));

  const read = (await apiA.get('/api/v1/children/2')).body;
  // What the API adds beside the record is read only; the rest goes back with the amendment.
  const { id, home_id, age, created_at, updated_at, version, key_workers, left_on, retention_date, reg44_consent, ...details } = read;
  const body = (changes) => ({ ...details, version, ...changes });

  const ok = await apiA.put('/api/v1/children/2', body({ religion: 'Quaker', reason: 'Told us at review' }));
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.version, version + 1);
  assert.equal(ok.body.religion, 'Quaker');

  const stale = await apiB.put('/api/v1/children/2', body({ religion: 'Buddhist', reason: 'Stale write' }));
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.body.error.code, 'conflict');
  assert.equal(typeof stale.body.error.message, 'string');
  assert.ok('field' in stale.body.error);

  const list = await versions(apiB, 2);
  assert.deepEqual(list.map((v) => v.version), [version + 1, version]);
  assert.equal(list[0].record.religion, 'Quaker');
  assert.equal(list[1].record.religion, details.religion);
  assert.equal((await apiB.get('/api/v1/children/2')).body.religion, 'Quaker');

  // A version from the future is no better than a stale one.
  const ahead = await apiB.put('/api/v1/children/2', body({ version: version + 5, reason: 'Ahead' }));
  assert.equal(ahead.status, 409);
  // With the current version it is saved.
  const fresh = await apiB.put('/api/v1/children/2', body({ version: version + 1, religion: 'Buddhist', reason: 'Fresh' }));
  assert.equal(fresh.status, 200, fresh.text);
  assert.equal(fresh.body.version, version + 2);
});

test('an amendment without its version or reason is refused naming the field', async () => {
  const c = new Client(server.url);
  await c.signIn('manager.willow@example.org');
  const api = new Api(server.url, await createApiToken(c, 'C'));
  const read = (await api.get('/api/v1/children/3')).body;
  const { id, home_id, age, created_at, updated_at, version, key_workers, left_on, retention_date, reg44_consent, ...details } = read;
  const noVersion = await api.put('/api/v1/children/3', { ...details, reason: 'x' });
  assert.equal(noVersion.status, 400);
  assert.equal(noVersion.body.error.field, 'version');
  const noReason = await api.put('/api/v1/children/3', { ...details, version });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.field, 'reason');
  assert.equal((await versions(api, 3)).length, 1);
});
