// The second factor (issue 11): after the password, a code from an authenticator app (RFC 6238) or
// a recovery code; required of people who see more than one home, of anyone an administrator
// requires it of, and of everyone when the setting says so. Codes here are computed by the test's
// own RFC 6238 (server.mjs), not Hearth's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  Api, Client, createApiToken, demoCode, demoIds, demoPassword, startServer, stepNow, totpCode,
} from './server.mjs';

const json = { accept: 'application/json' };

// The key as the setup page shows it to be typed into an app: base32 in groups of four.
function base32Bytes(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of text.replace(/\s/g, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

const errorAt = (text, field) => {
  const m = text.match(new RegExp(`id="${field}-error"[^>]*>([\\s\\S]*?)</p>`));
  return m && m[1].replace(/<[^>]+>/g, '').trim();
};

describe('a second factor', () => {
  let server;
  let ids;
  before(async () => {
    server = await startServer();
    ids = demoIds(server);
  });
  after(async () => { await server.stop(); });

  const passwordOnly = async (email, password = demoPassword) => {
    const c = new Client(server.url);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email, password, next: '/deadlines' });
    // The code page carries the waiting session's CSRF token.
    if (res.headers.get('location')?.startsWith('/sign-in/code')) await c.get(res.headers.get('location'));
    return { c, res };
  };
  const audit = (action, detail) => server.sql(
    `SELECT COUNT(*) FROM audit_log WHERE action = '${action}' AND detail = '${detail}'`);

  test('after the right password an administrator reaches nothing but the code page until the code is given', async () => {
    const { c, res } = await passwordOnly('admin@example.org');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/sign-in/code?next=/deadlines');
    const waiting = c.cookies.get('hearth_session');
    for (const path of ['/', '/organisation', '/account', '/account/second-factor', '/account/password']) {
      const page = await c.get(path);
      assert.equal(page.status, 303, path);
      assert.equal(page.headers.get('location'), '/sign-in/code', path);
    }
    const api = await c.get('/api/v1/me', { headers: json });
    assert.equal(api.status, 403);
    assert.equal(JSON.parse(api.text).error.code, 'second_factor_required');

    const page = await c.get('/sign-in/code?next=/deadlines');
    assert.equal(page.status, 200);
    assert.match(page.text, /autocomplete="one-time-code"/);
    const wrong = await c.post('/sign-in/code', { code: '000000', next: '/deadlines' });
    assert.equal(wrong.status, 400);
    assert.match(errorAt(wrong.text, 'code'), /code is not right/);
    assert.equal(audit('sign_in_failed', 'wrong second factor code'), '1');

    const right = await c.post('/sign-in/code', { code: await demoCode('admin@example.org', server.url), next: '/deadlines' });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/deadlines');
    assert.notEqual(c.cookies.get('hearth_session'), waiting, 'a new session, with a new token, begins');
    assert.equal((await c.get('/deadlines')).status, 200);
    assert.equal(audit('sign_in', 'with a code from their app'), '1');
    // The waiting session's token no longer works.
    const old = new Client(server.url);
    old.cookies.set('hearth_session', waiting);
    assert.equal((await old.get('/organisation')).status, 303);
    assert.match((await old.get('/organisation')).headers.get('location'), /^\/sign-in\?next=/);
  });

  test('a code works once', async () => {
    const code = await demoCode('ri@example.org', server.url);
    const first = await passwordOnly('ri@example.org');
    assert.equal((await first.c.post('/sign-in/code', { code })).status, 303);
    const second = await passwordOnly('ri@example.org');
    const again = await second.c.post('/sign-in/code', { code });
    assert.equal(again.status, 400);
  });

  test('a person sets one up with the QR code or the key, gets recovery codes once, and each recovery code works once', async () => {
    const email = 'deputy.harbour@example.org';
    const c = new Client(server.url);
    await c.signIn(email);
    const account = await c.get('/account');
    assert.match(account.text, /Your second factor<\/a>: not set up/);
    const own = await c.get('/account/second-factor');
    assert.match(own.text, /Not set up/);
    const started = await c.post('/account/second-factor/start', {});
    assert.equal(started.status, 200);
    assert.match(started.text, /<svg[^>]*class="hearth-qr-code"[^>]*role="img"/);
    const key = started.text.match(/<code class="hearth-setup-key">([A-Z2-7 ]+)<\/code>/)[1];
    const secret = base32Bytes(key);
    assert.equal(secret.length, 20);
    assert.ok(!server.sql(`SELECT secret FROM second_factors WHERE person_id = ${ids.person(email)}`).includes(key.replace(/ /g, '')));

    const wrong = await c.post('/account/second-factor/confirm', { code: '12345' });
    assert.equal(wrong.status, 400);
    assert.ok(errorAt(wrong.text, 'code'));
    assert.match(wrong.text, new RegExp(`<code class="hearth-setup-key">${key}</code>`), 'the same key, to try again');
    const confirmed = await c.post('/account/second-factor/confirm', { code: totpCode(secret, stepNow()) });
    assert.equal(confirmed.status, 201);
    const codes = [...confirmed.text.matchAll(/<code class="hearth-recovery-code">([a-z2-9-]+)<\/code>/g)].map((m) => m[1]);
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.doesNotMatch((await c.get('/account/second-factor')).text, /hearth-recovery-code/, 'shown once');
    await c.post('/sign-out', {});

    const byRecovery = await passwordOnly(email);
    assert.match(byRecovery.res.headers.get('location'), /^\/sign-in\/code/);
    assert.equal((await byRecovery.c.post('/sign-in/code', { code: codes[0].toUpperCase() })).status, 303);
    assert.equal(audit('sign_in', 'with a recovery code'), '1');
    assert.match((await byRecovery.c.get('/account/second-factor')).text, /Recovery codes left<\/dt><dd class="govuk-summary-list__value">9/);
    const reused = await passwordOnly(email);
    assert.equal((await reused.c.post('/sign-in/code', { code: codes[0] })).status, 400);

    // Turned off with the password and a code, as it is not required of a team leader of one home.
    const off = await byRecovery.c.post('/account/second-factor/turn-off', { password: demoPassword, code: '000000' });
    assert.equal(off.status, 400);
    assert.ok(errorAt(off.text, 'code'));
    const offRight = await byRecovery.c.post('/account/second-factor/turn-off', { password: demoPassword, code: codes[1] });
    assert.equal(offRight.status, 303);
    const plain = await passwordOnly(email);
    assert.equal(plain.res.headers.get('location'), '/deadlines');
  });

  test('an administrator requires it of a person, who then must set it up before anything else, on pages and API', async () => {
    const email = 'rsw2.harbour@example.org';
    const worker = new Client(server.url);
    await worker.signIn(email);
    const token = await createApiToken(worker);
    const api = new Api(server.url, token);
    assert.equal((await api.get('/api/v1/me')).status, 200);

    const admin = new Client(server.url);
    await admin.signIn('admin@example.org');
    const home = ids.home('Harbour View');
    const person = ids.person(email);
    const personPage = await admin.get(`/homes/${home}/people/${person}`);
    assert.match(personPage.text, /Not set up\. Not required/);
    const required = await admin.post(`/homes/${home}/people/${person}/second-factor/require`, { required: 'yes' });
    assert.equal(required.status, 303);
    assert.match((await admin.get(`/homes/${home}/people/${person}`)).text, /Required by an administrator/);

    const page = await worker.get(`/homes/${home}`);
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/account/second-factor?required=1');
    const refused = await api.get('/api/v1/me');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'second_factor_setup_required');
    const own = await worker.get('/account/second-factor?required=1');
    assert.equal(own.status, 200);
    assert.match(own.text, /Required by an administrator\. Set it up before you carry on/);

    const started = await worker.post('/account/second-factor/start', {});
    const secret = base32Bytes(started.text.match(/<code class="hearth-setup-key">([A-Z2-7 ]+)<\/code>/)[1]);
    assert.equal((await worker.post('/account/second-factor/confirm', { code: totpCode(secret, stepNow()) })).status, 201);
    assert.equal((await worker.get(`/homes/${home}`)).status, 200);
    assert.equal((await api.get('/api/v1/me')).status, 200);
    // Required, it cannot be turned off.
    const off = await worker.post('/account/second-factor/turn-off', { password: demoPassword, code: totpCode(secret, stepNow() + 1) });
    assert.equal(off.status, 409);

    // A lost phone: the administrator resets it; at the next sign-in it is set up again.
    assert.equal((await admin.post(`/homes/${home}/people/${person}/second-factor/reset`, {})).status, 303);
    assert.equal(audit('remove', 'reset by an administrator'), '1');
    const again = await passwordOnly(email);
    assert.equal(again.res.headers.get('location'), '/deadlines');
    const next = await again.c.get('/deadlines');
    assert.equal(next.headers.get('location'), '/account/second-factor?required=1');
    // Nobody else may reset or require it.
    const manager = new Client(server.url);
    await manager.signIn('manager.harbour@example.org');
    assert.equal((await manager.post(`/homes/${home}/people/${person}/second-factor/reset`, {})).status, 403);
  });

  test('wrong codes slow the account, and the password again does not clear the wait', async () => {
    const email = 'social.worker@example.org';  // children in both homes: a second factor is required
    const { c } = await passwordOnly(email);
    for (let i = 0; i < 5; i += 1) {
      assert.equal((await c.post('/sign-in/code', { code: '999999' })).status, 400);
    }
    const slowed = await c.post('/sign-in/code', { code: await demoCode(email, server.url) });
    assert.equal(slowed.status, 429);
    assert.match(errorAt(slowed.text, 'code'), /Wait \d+ seconds/);
    // Signing in again from the password is held to the same wait.
    const fresh = await passwordOnly(email);
    assert.equal(fresh.res.status, 429);
  });
});

describe('a second factor for everyone (second_factor_for_everyone)', () => {
  let server;
  before(async () => { server = await startServer({ env: { HEARTH_SECOND_FACTOR_FOR_EVERYONE: 'true' } }); });
  after(async () => { await server.stop(); });

  test('a support worker of one home must set one up', async () => {
    const c = new Client(server.url);
    await c.signIn('rsw1.willow@example.org');
    const page = await c.get('/deadlines');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/account/second-factor?required=1');
    assert.match((await c.get('/account/second-factor?required=1')).text, /Required of everyone in the organisation/);
  });
});
