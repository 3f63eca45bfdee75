// The sample nginx configuration in deploy/, run on loopback in front of two instances.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, Client, demoIds } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let a, b, prefix, base, tlsBase, certificate;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  const env = { HEARTH_TRUSTED_PROXIES: '127.0.0.1' };
  a = await startServer({ env });
  b = await startServer({ env, database: a.database });
  prefix = mkdtempSync(path.join(tmpdir(), 'hearth-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, d));
  const listen = await freePort();
  const conf = spawnSync(path.join(root, 'deploy/render-nginx-conf'),
    [prefix, String(listen), new URL(a.url).port, new URL(b.url).port], { encoding: 'utf8' });
  assert.equal(conf.status, 0, conf.stderr);
  // TLS as production ends it (the sample says where): the same server block, listening with a
  // throwaway certificate too, so what nginx tells Hearth about the scheme can be seen both ways.
  const tlsListen = await freePort();
  const cert = path.join(prefix, 'cert.pem');
  const key = path.join(prefix, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', key, '-out', cert], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  certificate = readFileSync(cert);
  const plainListen = `listen 127.0.0.1:${listen};`;
  assert.ok(conf.stdout.includes(plainListen), 'the sample listens where it was told');
  writeFileSync(path.join(prefix, 'nginx.conf'), conf.stdout.replace(plainListen,
    `${plainListen}\n        listen 127.0.0.1:${tlsListen} ssl;\n        ssl_certificate ${cert};\n        ssl_certificate_key ${key};`));
  const started = spawnSync('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(started.status, 0, started.stderr);
  base = `http://127.0.0.1:${listen}`;
  tlsBase = `https://127.0.0.1:${tlsListen}`;
});

after(async () => {
  spawnSync('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-s', 'stop']);
  await b.kill();
  await a.stop();
  rmSync(prefix, { recursive: true, force: true });
});

test('requests through nginx reach both instances and a session works across them', async () => {
  const c = new Client(base);
  await c.signIn('manager.willow@example.org');
  const aisha = demoIds(a).child('Aisha Bennett');
  const instances = new Set();
  for (let i = 0; i < 10; i++) {
    const r = await c.get(`/children/${aisha}`);
    assert.equal(r.status, 200);
    instances.add(r.headers.get('x-request-id').split('-')[0]);
  }
  assert.equal(instances.size, 2, 'round-robin spreads requests over both instances');
});

// A GET over TLS that trusts only the test's own certificate.
function getOverTls(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: certificate, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the audit trail has the address nginx saw, not one the client claimed', async () => {
  // A wrong password for an account that exists is in the audit trail with the address.
  const spoof = { headers: { 'X-Forwarded-For': '192.0.2.66' } };
  const ipOfLastFailure = () => a.sql(
    "SELECT ip FROM audit_log WHERE action = 'sign_in_failed' ORDER BY seq DESC LIMIT 1");
  const through = new Client(base);
  await through.get('/sign-in', spoof);
  const refused = await through.post('/sign-in', { email: 'deputy.willow@example.org', password: 'not-it', next: '/' }, spoof);
  assert.equal(refused.status, 400);
  assert.equal(ipOfLastFailure(), '127.0.0.1', 'the address nginx saw');
});

const csrfCookie = (cookies) => (cookies || []).find((c) => c.startsWith('hearth_csrf='));

test('nginx tells Hearth the scheme, so cookies are Secure behind TLS', async () => {
  // Over plain http nginx replaces the client's claim of https with its own scheme: the cookie is
  // set, and without Secure, which would stop a browser ever sending it back.
  const plain = await fetch(base + '/sign-in', { headers: { 'X-Forwarded-Proto': 'https' } });
  assert.equal(plain.status, 200);
  const overHttp = csrfCookie(plain.headers.getSetCookie());
  assert.ok(overHttp, 'the sign-in page sets its CSRF cookie');
  assert.doesNotMatch(overHttp, /;\s*Secure/i);
  // Over TLS, nginx says https and the same cookie is Secure.
  const secured = await getOverTls(tlsBase + '/sign-in', { 'X-Forwarded-Proto': 'http' });
  assert.equal(secured.statusCode, 200);
  const overTls = csrfCookie(secured.headers['set-cookie']);
  assert.ok(overTls, 'the sign-in page sets its CSRF cookie over TLS too');
  assert.match(overTls, /;\s*Secure/i);
  assert.match(overTls, /;\s*HttpOnly/i);
});
