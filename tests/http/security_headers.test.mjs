// Security headers on every kind of response, and pages that keep to their own policy: a strict
// Content-Security-Policy only helps if nothing on the page needs it relaxed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './server.mjs';

let server;
let manager;
before(async () => {
  server = await startServer();
  manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
});
after(async () => { await server.stop(); });

// The policy as a map from directive to its sources.
function parseCsp(header) {
  const out = {};
  for (const part of header.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    out[name.toLowerCase()] = sources;
  }
  return out;
}

function assertHeaders(res, what) {
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, `${what}: Content-Security-Policy is sent`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, `${what}: ${csp}`);
  const policy = parseCsp(csp);
  assert.deepEqual(policy['script-src'], ["'self'"], `${what}: script-src is only 'self'`);
  assert.ok(policy['default-src'], `${what}: default-src is set`);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.ok(res.headers.get('x-request-id'), what);
}

test('pages, error pages, JSON, static files and redirects all carry the headers', async () => {
  const anon = new Client(server.url);
  const cases = [
    ['sign-in page', await anon.get('/sign-in')],
    ['home dashboard', await manager.get('/homes/1')],
    ['child profile', await manager.get('/children/1')],
    ['edit form', await manager.get('/children/1/edit')],
    ['404 page', await manager.get('/no-such-page')],
    ['403 page', await manager.get('/organisation')],
    ['404 for another home', await manager.get('/homes/2')],
    ['redirect', await anon.get('/homes/1')],
    ['JSON', await manager.get('/api/v1/me')],
    ['JSON error', await anon.get('/api/v1/me')],
    ['static file', await anon.get('/static/hearth.js')],
    ['health probe', await anon.get('/healthz')],
  ];
  for (const [what, res] of cases) assertHeaders(res, what);
  assert.equal(cases.find(([what]) => what === 'redirect')[1].status, 303);
  assert.equal(cases.find(([what]) => what === '404 for another home')[1].status, 404);
});

test('pages keep to the policy: no inline script, handlers or styles, and their scripts load', async () => {
  const anon = new Client(server.url);
  for (const p of ['/sign-in', '/homes/1', '/children/1', '/children/1/edit', '/homes/1/audit', '/account',
                   '/homes/1/people', '/no-such-page']) {
    const res = p === '/sign-in' ? await anon.get(p) : await manager.get(p);
    assert.equal(res.status, p === '/no-such-page' ? 404 : 200, p);
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.length > 0, `${p} has scripts`);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, /\ssrc="\/[^/]/, `${p}: every script is a file on this site`);
      assert.equal(body.trim(), '', `${p}: no inline script`);
      const src = attrs.match(/\ssrc="([^"]+)"/)[1];
      const file = await fetch(server.url + src);
      assert.equal(file.status, 200, `${p}: ${src} is served`);
      assert.match(file.headers.get('content-type'), /javascript/);
    }
    assert.doesNotMatch(res.text, /\son[a-z]+\s*=/i, `${p}: no inline event handlers`);
    assert.doesNotMatch(res.text, /\sstyle\s*=|<style\b/i, `${p}: no inline styles`);
    assert.doesNotMatch(res.text, /href="javascript:/i, p);
  }
});

test('pages are not cached and not framed', async () => {
  const res = await manager.get('/children/1');
  assert.match(res.headers.get('cache-control'), /no-store/);
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.ok(res.headers.get('referrer-policy'));
});

test('a client that is not a trusted proxy cannot name its own address or scheme', async () => {
  const claims = { headers: { 'X-Forwarded-For': '192.0.2.66', 'X-Forwarded-Proto': 'https' } };
  const c = new Client(server.url);
  const page = await c.get('/sign-in', claims);
  const cookie = page.headers.getSetCookie().find((v) => v.startsWith('hearth_csrf='));
  assert.ok(cookie);
  assert.doesNotMatch(cookie, /;\s*Secure/i, 'not https: the claim is not believed');
  const refused = await c.post('/sign-in', { email: 'deputy.willow@example.org', password: 'not-it', next: '/' }, claims);
  assert.equal(refused.status, 400);
  const ip = server.sql("SELECT ip FROM audit_log WHERE action = 'sign_in_failed' ORDER BY seq DESC LIMIT 1");
  assert.equal(ip, '127.0.0.1');
});

test('behind a trusted proxy, the audit trail has the client the proxy names', async () => {
  const proxied = await startServer({ env: { HEARTH_TRUSTED_PROXIES: '127.0.0.1' } });
  try {
    const claims = { headers: { 'X-Forwarded-For': '203.0.113.9', 'X-Forwarded-Proto': 'https' } };
    const c = new Client(proxied.url);
    const page = await c.get('/sign-in', claims);
    assert.match(page.headers.getSetCookie().find((v) => v.startsWith('hearth_csrf=')), /;\s*Secure/i);
    await c.post('/sign-in', { email: 'deputy.willow@example.org', password: 'not-it', next: '/' }, claims);
    assert.equal(proxied.sql("SELECT ip FROM audit_log WHERE action = 'sign_in_failed' ORDER BY seq DESC LIMIT 1"), '203.0.113.9');
  } finally {
    await proxied.stop();
  }
});

// Browsers keep to https for a year once they have seen Hearth over it, so a later link or typed
// address cannot fall back to plain http (NCSC TLS guidance). Only an https public address may send
// it: over http a browser ignores it, and it would wrongly promise https for the whole domain.
const hsts = 'max-age=31536000; includeSubDomains';

test('with an https public address every kind of response carries Strict-Transport-Security', async () => {
  const secure = await startServer({ env: { HEARTH_PUBLIC_URL: 'https://hearth.example.org' } });
  try {
    const anon = new Client(secure.url);
    const user = new Client(secure.url);
    await user.signIn('manager.willow@example.org');
    const cases = [
      ['sign-in page', await anon.get('/sign-in')],
      ['child profile', await user.get('/children/1')],
      ['404 page', await user.get('/no-such-page')],
      ['redirect', await anon.get('/homes/1')],
      ['JSON error', await anon.get('/api/v1/me')],
      ['static file', await anon.get('/static/hearth.js')],
      ['health probe', await anon.get('/healthz')],
    ];
    for (const [what, res] of cases) assert.equal(res.headers.get('strict-transport-security'), hsts, what);
  } finally {
    await secure.stop();
  }
});

test('with an http public address, or none, no response carries Strict-Transport-Security', async () => {
  const plain = await startServer({ env: { HEARTH_PUBLIC_URL: 'http://hearth.example.org' } });
  try {
    for (const base of [plain.url, server.url]) {
      const anon = new Client(base);
      for (const p of ['/sign-in', '/no-such-page', '/static/hearth.js', '/healthz']) {
        const res = await anon.get(p);
        assert.equal(res.headers.get('strict-transport-security'), null, `${base}${p}`);
      }
    }
    const signedIn = await manager.get('/children/1');
    assert.equal(signedIn.headers.get('strict-transport-security'), null);
  } finally {
    await plain.stop();
  }
});
