// Sign-in: wrong passwords, CSRF, lockout, cookie attributes, sign-out and open redirects.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, demoPassword } from './server.mjs';

const manager = 'manager.willow@example.org';

function sessionCookie(res) {
  return res.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
}

// The raw form body, so a test can leave the CSRF token out or send a wrong one.
function formBody(fields) { return new URLSearchParams(fields).toString(); }
const formType = { 'content-type': 'application/x-www-form-urlencoded' };

describe('with the default settings', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(async () => { await server.stop(); });

  test('a wrong password shows the sign-in page again with an error, and is audited', async () => {
    const before = Number(server.sql("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'"));
    const c = new Client(server.url);
    await c.get('/sign-in');
    const res = await c.post('/sign-in', { email: manager, password: 'not-the-password', next: '/' });
    assert.equal(res.status, 400);
    assert.equal(sessionCookie(res), undefined, 'no session for a wrong password');
    assert.match(res.text, /Sign in to Hearth/);
    assert.match(res.text, /class="govuk-error-summary"/);
    assert.match(res.text, /govuk-error-message/);
    assert.match(res.text, /name="email" type="email" value="manager\.willow@example\.org"/);
    assert.doesNotMatch(res.text, /not-the-password/, 'the password typed is never shown back');
    const requestId = res.headers.get('x-request-id');
    assert.ok(requestId);
    const row = server.sql(`SELECT actor || '|' || detail || '|' || ip FROM audit_log
                             WHERE action = 'sign_in_failed' AND request_id = '${requestId}'`);
    assert.equal(row, `${manager}|wrong password|127.0.0.1`);
    assert.equal(Number(server.sql("SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'")), before + 1);
    const verify = server.hearth(['verify']);
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  });

  test('an unknown account is refused the same way, counted but not written in the audit trail', async () => {
    const c = new Client(server.url);
    await c.get('/sign-in');
    const wrong = await c.post('/sign-in', { email: manager, password: 'not-the-password' });
    const unknown = await c.post('/sign-in', { email: 'nobody@example.org', password: 'not-the-password' });
    assert.equal(unknown.status, 400);
    const message = (t) => t.match(/govuk-error-summary__list">\s*<li><a href="[^"]*">([^<]+)</)?.[1];
    assert.ok(message(unknown.text));
    assert.equal(message(unknown.text), message(wrong.text), 'the page does not say which accounts exist');
    const rid = unknown.headers.get('x-request-id');
    assert.equal(server.sql(`SELECT count(*) FROM audit_log WHERE request_id = '${rid}'`), '0');
    assert.equal(server.sql("SELECT count(*) FROM audit_log WHERE actor LIKE '%nobody%'"), '0');
  });

  test('POST /sign-in without the CSRF token is refused with 403', async () => {
    const sessionsBefore = server.sql('SELECT count(*) FROM sessions');
    // No token and no cookie at all.
    let res = await fetch(server.url + '/sign-in', {
      method: 'POST', headers: formType, redirect: 'manual', body: formBody({ email: manager, password: demoPassword }),
    });
    assert.equal(res.status, 403);
    assert.equal(sessionCookie(res), undefined);
    // The pre-sign-in cookie, but no token in the form.
    const c = new Client(server.url);
    await c.get('/sign-in');
    assert.ok(c.cookies.get('hearth_csrf'), 'the sign-in page sets its CSRF cookie');
    res = await c.request('POST', '/sign-in', { body: formBody({ email: manager, password: demoPassword }), headers: formType });
    assert.equal(res.status, 403);
    assert.match(res.text, /nothing was saved/);
    // The cookie and a token that does not match it.
    res = await c.request('POST', '/sign-in', {
      body: formBody({ csrf_token: 'a'.repeat(64), email: manager, password: demoPassword }), headers: formType,
    });
    assert.equal(res.status, 403);
    assert.equal(sessionCookie(res), undefined);
    assert.equal(server.sql('SELECT count(*) FROM sessions'), sessionsBefore, 'no session was started');
    // With the token it works, so the refusals above were about the token.
    res = await c.post('/sign-in', { email: manager, password: demoPassword, next: '/' });
    assert.equal(res.status, 303);
  });

  test('a signed-in state-changing POST without csrf_token is refused with 403 and nothing is saved', async () => {
    const c = new Client(server.url);
    await c.signIn(manager);
    await c.get('/children/1/edit');
    const version = Number(server.sql('SELECT version FROM children WHERE id = 1'));
    const tokens = server.sql('SELECT count(*) FROM api_tokens');
    const audit = server.sql('SELECT count(*) FROM audit_log');

    let res = await c.request('POST', '/account/tokens', { body: formBody({ name: 'sneaky' }), headers: formType });
    assert.equal(res.status, 403);
    res = await c.request('POST', '/account/tokens', { body: formBody({ csrf_token: '0'.repeat(64), name: 'sneaky' }), headers: formType });
    assert.equal(res.status, 403);
    const amend = { version: String(version), reason: 'forged', first_name: 'Forged', last_name: 'Bennett',
                    date_of_birth: '2011-04-17', sex: 'female', legal_basis: 's31',
                    placing_authority: 'Northshire County Council', admission_date: '2024-09-02' };
    res = await c.request('POST', '/children/1', { body: formBody(amend), headers: formType });
    assert.equal(res.status, 403);
    // The API through the session cookie needs the token as a header.
    res = await c.request('PUT', '/api/v1/children/1', { body: JSON.stringify(amend), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 403);
    assert.equal(res.json().error.code, 'forbidden');

    assert.equal(Number(server.sql('SELECT version FROM children WHERE id = 1')), version);
    assert.equal(server.sql("SELECT count(*) FROM children WHERE first_name = 'Forged'"), '0');
    assert.equal(server.sql('SELECT count(*) FROM api_tokens'), tokens);
    assert.equal(server.sql('SELECT count(*) FROM audit_log'), audit, 'nothing was written');

    // The same requests with the token succeed.
    res = await c.post('/account/tokens', { name: 'real', expires_in_days: '30', password: demoPassword });
    assert.equal(res.status, 201);
    res = await c.request('PUT', '/api/v1/children/1', {
      body: JSON.stringify({ ...amend, first_name: 'Aisha', reason: 'checked' }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': c.csrf },
    });
    assert.equal(res.status, 200, res.text);
  });

  test('the session cookie is HttpOnly and SameSite, and Secure only over TLS', async () => {
    const c = new Client(server.url);
    const page = await c.get('/sign-in');
    const pre = page.headers.getSetCookie().find((x) => x.startsWith('hearth_csrf='));
    assert.ok(pre, 'the sign-in page sets its CSRF cookie');
    assert.match(pre, /;\s*HttpOnly/i);
    assert.match(pre, /;\s*SameSite=(Lax|Strict)/i);
    const res = await c.post('/sign-in', { email: manager, password: demoPassword, next: '/' });
    assert.equal(res.status, 303);
    const cookie = sessionCookie(res);
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /^hearth_session=[0-9a-f]{64};/);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=(Lax|Strict)/i);
    assert.match(cookie, /;\s*Path=\//);
    assert.doesNotMatch(cookie, /;\s*Secure/i, 'plain http: a Secure cookie would never come back');

    // Over TLS ended at a proxy Hearth trusts (the trusted_proxies setting), which says so.
    const proxied = await startServer({ env: { HEARTH_TRUSTED_PROXIES: '127.0.0.1' } });
    try {
      const tls = new Client(proxied.url);
      const headers = { 'x-forwarded-proto': 'https' };
      await tls.get('/sign-in', { headers });
      const secured = await tls.post('/sign-in', { email: manager, password: demoPassword, next: '/' }, { headers });
      assert.equal(secured.status, 303);
      assert.ok(sessionCookie(secured), 'signing in over TLS sets the session cookie');
      assert.match(sessionCookie(secured), /;\s*Secure/i);
      assert.match(sessionCookie(secured), /;\s*HttpOnly/i);
    } finally {
      await proxied.stop();
    }
  });

  test('sign-out ends the session: the old cookie no longer works', async () => {
    const c = new Client(server.url);
    await c.signIn(manager);
    const oldCookie = c.cookieHeader();
    assert.equal((await c.get('/api/v1/me')).status, 200);
    const res = await c.post('/sign-out', {});
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'), /^\/sign-in/);
    assert.match(sessionCookie(res), /Max-Age=0/);
    // Replaying the cookie from before sign-out.
    const page = await fetch(server.url + '/homes/1', { headers: { cookie: oldCookie }, redirect: 'manual' });
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location'), /^\/sign-in/);
    const me = await fetch(server.url + '/api/v1/me', { headers: { cookie: oldCookie } });
    assert.equal(me.status, 401);
    assert.equal((await me.json()).error.code, 'unauthenticated');
    const rid = res.headers.get('x-request-id');
    assert.equal(server.sql(`SELECT action FROM audit_log WHERE request_id = '${rid}'`), 'sign_out');
  });

  test('sign-in refuses to send people to another site', async () => {
    const cases = [
      ['//evil.example', '/'],
      ['//evil.example/homes/1', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
      ['\\\\evil.example', '/'],
      ['/\t/evil.example', '/'],
      ['/\n/evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/homes/1', '/homes/1'],
    ];
    for (const [next, expected] of cases) {
      const c = new Client(server.url);
      const page = await c.get('/sign-in?next=' + encodeURIComponent(next));
      assert.equal(page.status, 200);
      const shown = page.text.match(/name="next" value="([^"]*)"/)[1];
      assert.ok(!/evil|javascript/.test(shown), `the page carries ${JSON.stringify(shown)} for ${JSON.stringify(next)}`);
      const res = await c.post('/sign-in', { email: manager, password: demoPassword, next });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), expected, `next=${JSON.stringify(next)}`);
    }
  });
});

describe('with a wait after 3 failures', () => {
  let server;
  before(async () => { server = await startServer({ env: { HEARTH_ACCOUNT_FAILURES_BEFORE_DELAY: '3' } }); });
  after(async () => { await server.stop(); });

  test('after 3 wrong passwords even the right one is refused with 429 until the wait is over', async () => {
    const c = new Client(server.url);
    await c.get('/sign-in');
    for (let i = 0; i < 3; i++) {
      const res = await c.post('/sign-in', { email: 'deputy.willow@example.org', password: `wrong-${i}` });
      assert.equal(res.status, 400, `attempt ${i + 1}`);
    }
    const locked = await c.post('/sign-in', { email: 'deputy.willow@example.org', password: demoPassword, next: '/' });
    assert.equal(locked.status, 429);
    assert.equal(sessionCookie(locked), undefined, 'no session while locked');
    assert.match(locked.text, /too many attempts to sign in to this account\. Wait \d+ seconds/i);
    assert.match(locked.text, /class="govuk-error-summary"/);
    const rid = locked.headers.get('x-request-id');
    assert.equal(server.sql(`SELECT action || '|' || detail FROM audit_log WHERE request_id = '${rid}'`),
                 'sign_in_failed|account slowed');
    // The lockout is per account: someone else at the same address still signs in.
    const other = new Client(server.url);
    await other.signIn(manager);
    assert.equal((await other.get('/api/v1/me')).status, 200);
  });

  test('the wait is not reached by fewer failures', async () => {
    const c = new Client(server.url);
    await c.get('/sign-in');
    for (let i = 0; i < 2; i++) {
      assert.equal((await c.post('/sign-in', { email: 'rsw1.willow@example.org', password: 'nope' })).status, 400);
    }
    const ok = await c.post('/sign-in', { email: 'rsw1.willow@example.org', password: demoPassword, next: '/' });
    assert.equal(ok.status, 303);
  });
});

describe('with a public https address', () => {
  let server;
  before(async () => { server = await startServer({ env: { HEARTH_PUBLIC_URL: 'https://hearth.example.org' } }); });
  after(async () => { await server.stop(); });

  test('cookies are Secure', async () => {
    const c = new Client(server.url);
    const page = await c.get('/sign-in');
    const csrf = page.headers.getSetCookie().find((x) => x.startsWith('hearth_csrf='));
    assert.ok(csrf, 'the sign-in page sets its CSRF cookie');
    assert.match(csrf, /;\s*Secure/i);
    const res = await c.post('/sign-in', { email: manager, password: demoPassword, next: '/' });
    assert.equal(res.status, 303);
    assert.ok(sessionCookie(res), 'signing in sets the session cookie');
    assert.match(sessionCookie(res), /;\s*Secure/i);
    assert.match(sessionCookie(res), /;\s*HttpOnly/i);
  });
});
