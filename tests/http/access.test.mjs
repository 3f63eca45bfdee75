// Access that starts and ends (issue 11): a one-time password reaches nothing but choosing one's
// own; API tokens ask for the password, end, show when last used and can be revoked by their
// person and by an administrator; a registered manager ends a role in their home and a social
// worker's allocation, an administrator disables and enables a person, each from the next request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Api, Client, createApiToken, demoIds, demoPassword, startServer } from './server.mjs';

const json = { accept: 'application/json' };

describe('access that starts and ends', () => {
  let server;
  let ids;
  before(async () => {
    server = await startServer();
    ids = demoIds(server);
  });
  after(async () => { await server.stop(); });

  const signedIn = async (email, password = demoPassword) => {
    const c = new Client(server.url);
    await c.signIn(email, password);
    return c;
  };
  const lastAudit = (action) => server.sql(
    `SELECT actor || '|' || record_id FROM audit_log WHERE action = '${action}' ORDER BY seq DESC LIMIT 1`);

  test('a one-time password reaches only "choose your password" and "sign out" until it is changed', async () => {
    const manager = new Api(server.url, await createApiToken(await signedIn('manager.willow@example.org')));
    const home = ids.home('Willow House');
    const added = await manager.post(`/api/v1/homes/${home}/people`, {
      name: 'Rowan Ellis', email: 'rowan.ellis@example.org', job_title: 'Residential support worker', role: 'support_worker',
    });
    assert.equal(added.status, 201, added.text);
    const oneTime = added.body.one_time_password;

    const c = new Client(server.url);
    await c.get('/sign-in');
    const first = await c.post('/sign-in', { email: 'rowan.ellis@example.org', password: oneTime, next: `/homes/${home}` });
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/account/password?first=1');
    for (const path of [`/homes/${home}`, '/account', `/homes/${home}/people`, '/deadlines']) {
      const page = await c.get(path);
      assert.equal(page.status, 303, path);
      assert.equal(page.headers.get('location'), '/account/password?first=1', path);
    }
    const api = await c.get('/api/v1/me', { headers: json });
    assert.equal(api.status, 403);
    assert.equal(JSON.parse(api.text).error.code, 'password_change_required');
    // Nor can they make a token to go round it.
    await c.get('/account/password');
    const token = await c.post('/account/tokens', { name: 'Sneaky', expires_in_days: '30', password: oneTime });
    assert.equal(token.status, 303);
    assert.equal(server.sql("SELECT COUNT(*) FROM api_tokens WHERE name = 'Sneaky'"), '0');

    const page = await c.get('/account/password');
    assert.equal(page.status, 200);
    assert.match(page.text, /one-time password/);
    const changed = await c.post('/account/password', { current_password: oneTime, new_password: 'rowan-picks-blue-kites' });
    assert.equal(changed.status, 303);
    // A role with children waits for their checks (Reg 32): signed in, but not yet at the home.
    assert.equal(added.body.awaiting_checks, true);
    const again = await signedIn('rowan.ellis@example.org', 'rowan-picks-blue-kites');
    assert.equal((await again.get(`/homes/${home}`)).status, 404, 'no role in force there');
    const started = await manager.post(`/api/v1/homes/${home}/team/${added.body.id}/supervised-start`, {
      why: 'DBS back; references awaited. Always on shift with a senior.', checks_by: new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10),
    });
    assert.equal(started.status, 201, started.text);
    assert.equal((await again.get(`/homes/${home}`)).status, 200, 'in force from their next click');
  });

  test('a one-time password stops working after its 72 hours', async () => {
    const email = 'rsw2.harbour@example.org';
    const r = server.hearth(['user', 'reset-password', '--email', email]);
    const oneTime = r.stdout.match(/password[^:]*:\s*(\S+)/i)?.[1];
    assert.ok(oneTime, r.stdout);
    server.sql(`UPDATE people SET password_set_at = '2020-01-01T00:00:00.000Z' WHERE email = '${email}'`);
    const c = new Client(server.url);
    await c.get('/sign-in');
    const late = await c.post('/sign-in', { email, password: oneTime });
    assert.equal(late.status, 400);
    assert.match(late.text, /one-time password has expired/);
  });

  test('an API token asks for the password, ends, shows when it was last used, and is revoked by its person', async () => {
    const c = await signedIn('deputy.willow@example.org');
    await c.get('/account');
    const noPassword = await c.post('/account/tokens', { name: 'Report', expires_in_days: '30', password: '' });
    assert.equal(noPassword.status, 400);
    assert.match(noPassword.text, /href="#password"/);
    const wrong = await c.post('/account/tokens', { name: 'Report', expires_in_days: '30', password: 'not-it-at-all' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /Your password is not right/);
    const tooLong = await c.post('/account/tokens', { name: 'Report', expires_in_days: '400', password: demoPassword });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /href="#expires_in_days"/);
    assert.equal(server.sql("SELECT COUNT(*) FROM api_tokens WHERE name = 'Report'"), '0');

    const made = await c.post('/account/tokens', { name: 'Report', expires_in_days: '30', password: demoPassword });
    assert.equal(made.status, 201);
    const token = made.text.match(/<code class="hearth-token">([^<]+)<\/code>/)[1];
    const [created, expires] = server.sql("SELECT created_at || ' ' || expires_at FROM api_tokens WHERE name = 'Report'").split(' ');
    assert.equal((Date.parse(expires) - Date.parse(created)) / 86400000, 30);
    assert.match(made.text, /Report<\/td><td[^>]*>[^<]+<\/td><td[^>]*>Never</);
    const api = new Api(server.url, token);
    assert.equal((await api.get('/api/v1/me')).status, 200);
    const listed = await c.get('/account');
    assert.doesNotMatch(listed.text, /Report<\/td><td[^>]*>[^<]+<\/td><td[^>]*>Never</);

    const id = server.sql("SELECT id FROM api_tokens WHERE name = 'Report'");
    const revoked = await c.post(`/account/tokens/${id}/revoke`, {});
    assert.equal(revoked.status, 303);
    assert.equal((await api.get('/api/v1/me')).status, 401);
    assert.equal(lastAudit('revoke'), `Jo Whitfield|${id}`);
    // Someone else's token is not theirs to revoke: it answers as if it did not exist.
    const other = await createApiToken(await signedIn('rsw1.willow@example.org'), 'Chris script');
    const otherId = server.sql("SELECT id FROM api_tokens WHERE name = 'Chris script'");
    assert.equal((await c.post(`/account/tokens/${otherId}/revoke`, {})).status, 404);
    assert.equal((await new Api(server.url, other).get('/api/v1/me')).status, 200);
  });

  test('an expired token is refused', async () => {
    const token = await createApiToken(await signedIn('rsw2.willow@example.org'), 'Old script');
    const api = new Api(server.url, token);
    assert.equal((await api.get('/api/v1/me')).status, 200);
    server.sql("UPDATE api_tokens SET expires_at = '2020-01-01T00:00:00.000Z' WHERE name = 'Old script'");
    const res = await api.get('/api/v1/me');
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /expired/);
  });

  test('changing a password revokes every token and ends every other session', async () => {
    const email = 'deputy.harbour@example.org';
    const browser = await signedIn(email);
    const elsewhere = await signedIn(email);
    const api = new Api(server.url, await createApiToken(browser, 'Harbour script'));
    await browser.get('/account/password');
    const changed = await browser.post('/account/password', { current_password: demoPassword, new_password: 'harbour-gulls-and-ropes' });
    assert.equal(changed.status, 303);
    assert.equal((await api.get('/api/v1/me')).status, 401);
    assert.equal((await elsewhere.get('/api/v1/me', { headers: json })).status, 401);
  });

  test('a registered manager ends a role in their home, from the next request, audited', async () => {
    const home = ids.home('Willow House');
    const worker = await signedIn('rsw2.willow@example.org');
    assert.equal((await worker.get(`/homes/${home}`)).status, 200);
    const manager = await signedIn('manager.willow@example.org');
    const person = ids.person('rsw2.willow@example.org');
    const page = await manager.get(`/homes/${home}/people/${person}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /End this role/);
    assert.doesNotMatch(page.text, /Disable Dana Lewis/, 'only an administrator disables');
    const ended = await manager.post(`/homes/${home}/people/${person}/end-role`, { role: 'support_worker' });
    assert.equal(ended.status, 303);
    assert.notEqual((await worker.get(`/homes/${home}`)).status, 200);
    assert.equal(lastAudit('end_role'), `Sam Carter|${person}`);
    // Another home's manager cannot end roles here.
    const harbour = await signedIn('manager.harbour@example.org');
    const refused = await harbour.post(`/homes/${home}/people/${ids.person('rsw1.willow@example.org')}/end-role`, { role: 'support_worker' });
    assert.ok([403, 404].includes(refused.status), `${refused.status}`);
    assert.match(server.sql(`SELECT COUNT(*) FROM roles WHERE person_id = ${ids.person('rsw1.willow@example.org')} AND ended_at IS NULL`), /^[1-9]/);
  });

  test("a registered manager ends a social worker's allocation: the child's record is gone from their next request", async () => {
    const child = ids.child('Aisha Bennett');
    const home = ids.home('Willow House');
    const worker = await signedIn('social.worker@example.org');
    assert.equal((await worker.get(`/children/${child}`)).status, 200);
    const manager = await signedIn('manager.willow@example.org');
    const people = await manager.get(`/homes/${home}/people`);
    assert.match(people.text, /Social workers allocated to children here/);
    const allocation = server.sql(`SELECT id FROM allocations WHERE child_id = ${child} AND ended_at IS NULL`);
    const ended = await manager.post(`/homes/${home}/allocations/${allocation}/end`, {});
    assert.equal(ended.status, 303);
    assert.equal((await worker.get(`/children/${child}`)).status, 404);
    assert.match(server.sql("SELECT action FROM audit_log WHERE action = 'end_allocation'"), /end_allocation/);
  });

  test('an administrator disables and enables a person anywhere; the last administrator cannot be', async () => {
    const home = ids.home('Harbour View');
    const email = 'rsw1.harbour@example.org';
    const person = ids.person(email);
    const them = await signedIn(email);
    const theirToken = new Api(server.url, await createApiToken(them, 'Jamie script'));
    const admin = await signedIn('admin@example.org');
    const page = await admin.get(`/homes/${home}/people/${person}`);
    assert.match(page.text, /Jamie script/, 'an administrator sees their tokens');
    assert.equal((await admin.post(`/homes/${home}/people/${person}/disable`, {})).status, 303);
    assert.equal((await them.get('/api/v1/me', { headers: json })).status, 401);
    assert.equal((await theirToken.get('/api/v1/me')).status, 401);
    const c = new Client(server.url);
    await c.get('/sign-in');
    assert.equal((await c.post('/sign-in', { email, password: demoPassword })).status, 400);
    assert.equal(lastAudit('disable'), `Alex Morgan|${person}`);

    assert.equal((await admin.post(`/homes/${home}/people/${person}/enable`, {})).status, 303);
    await signedIn(email);

    // A manager cannot disable anyone.
    const manager = await signedIn('manager.harbour@example.org');
    assert.equal((await manager.post(`/homes/${home}/people/${person}/disable`, {})).status, 403);

    // Alex Morgan is the demo's only administrator: disabling them is refused, from the CLI too.
    const cli = server.hearth(['user', 'disable', '--email', 'admin@example.org']);
    assert.notEqual(cli.status, 0);
    assert.match(cli.stderr, /last provider administrator/);
    assert.equal(server.sql("SELECT COUNT(*) FROM people WHERE email = 'admin@example.org' AND disabled_at IS NULL"), '1');
  });

  test("Reg 44: the independent person reads a child's record, and their part of the incident list, only while both consents stand; only the registered manager records them", async () => {
    const home = ids.home('Willow House');
    // A child of Willow House without consent in the demo: the one the visitor cannot open.
    const child = Number(server.sql(`SELECT id FROM children WHERE home_id = ${home} AND reg44_consent = 0 AND left_on IS NULL ORDER BY id LIMIT 1`));
    const name = server.sql(`SELECT first_name FROM children WHERE id = ${child}`);
    const visitor = await signedIn('reg44@example.org');
    const visitorApi = new Api(server.url, await createApiToken(visitor, 'Reg 44 visits'));
    const incidents = async () => JSON.stringify((await visitorApi.get(`/api/v1/homes/${home}/incidents`)).body);
    assert.equal((await visitor.get(`/children/${child}`)).status, 404);
    assert.ok(!(await incidents()).includes(name), 'nothing of the child in the incident list');

    const deputy = await signedIn('deputy.willow@example.org');
    assert.equal((await deputy.get(`/children/${child}/reg44-consent`)).status, 200);
    assert.equal((await deputy.get(`/children/${child}/reg44-consent/new`)).status, 403);
    const manager = await signedIn('manager.willow@example.org');
    await manager.get(`/children/${child}/reg44-consent/new`);
    const form = `/children/${child}/reg44-consent/new`;
    const bad = await manager.post(form, { party: 'child', consents: 'yes', given_by: '', 'given_on-day': '1', 'given_on-month': '1', 'given_on-year': '1990' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /href="#given_by"/);
    assert.match(bad.text, /href="#given_on/);
    const today = new Date();
    const on = { 'given_on-day': String(today.getUTCDate()), 'given_on-month': String(today.getUTCMonth() + 1), 'given_on-year': String(today.getUTCFullYear()) };
    assert.equal((await manager.post(form, { party: 'child', consents: 'yes', given_by: `${name}, in a key-work session`, ...on })).status, 303);
    assert.equal((await visitor.get(`/children/${child}`)).status, 404, "the child's consent alone is not enough");
    assert.equal((await manager.post(form, { party: 'placing_authority', consents: 'yes', given_by: 'Their social worker, by email', ...on })).status, 303);
    assert.equal((await visitor.get(`/children/${child}`)).status, 200);
    const page = await manager.get(`/children/${child}/reg44-consent`);
    assert.match(page.text, /Both consent/);
    assert.match(page.text, /Their social worker, by email/);

    assert.equal((await manager.post(form, { party: 'placing_authority', consents: 'no', given_by: 'Their social worker, by phone', ...on })).status, 303);
    assert.equal((await visitor.get(`/children/${child}`)).status, 404, 'a withdrawal ends it from the next request');
    assert.ok(!(await incidents()).includes(name));
    assert.match(server.sql("SELECT actor FROM audit_log WHERE action = 'reg44_consent_withdrawn'"), /Sam Carter/);

    // The child's whole record holds every consent and withdrawal, newest first.
    const exported = await manager.get(`/children/${child}/export/record.json`);
    const section = JSON.parse(exported.text).sections.find((x) => x.key === 'reg44_consent').content;
    assert.equal(section.both_consent, false);
    assert.deepEqual(section.history.map((h) => [h.party, h.consents, h.given_by]), [
      ['placing_authority', false, 'Their social worker, by phone'],
      ['placing_authority', true, 'Their social worker, by email'],
      ['child', true, `${name}, in a key-work session`],
    ]);
    assert.match(section.history[0].recorded_by, /Sam Carter/);
    const printable = await manager.get(`/children/${child}/export/record.html`);
    assert.match(printable.text, /Consent to the independent person reading this record/);
    assert.match(printable.text, /Withdrew or refused/);
  });
});
