// The sample nginx configuration in deploy/, run on loopback in front of two instances.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, Client } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let a, b, prefix, base;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  a = await startServer();
  b = await startServer({ database: a.database });
  prefix = mkdtempSync(path.join(tmpdir(), 'hearth-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, d));
  const listen = await freePort();
  const conf = spawnSync(path.join(root, 'deploy/render-nginx-conf'),
    [prefix, String(listen), new URL(a.url).port, new URL(b.url).port], { encoding: 'utf8' });
  assert.equal(conf.status, 0, conf.stderr);
  writeFileSync(path.join(prefix, 'nginx.conf'), conf.stdout);
  const started = spawnSync('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(started.status, 0, started.stderr);
  base = `http://127.0.0.1:${listen}`;
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
  const instances = new Set();
  for (let i = 0; i < 10; i++) {
    const r = await c.get('/children/1');
    assert.equal(r.status, 200);
    instances.add(r.headers.get('x-request-id').split('-')[0]);
  }
  assert.equal(instances.size, 2, 'round-robin spreads requests over both instances');
});

test('nginx tells Hearth the scheme, so cookies are Secure behind TLS', async () => {
  const r = await fetch(base + '/sign-in', { headers: { 'X-Forwarded-Proto': 'https' } });
  // nginx overwrites the header with its own scheme (http here): the cookie must not claim Secure.
  assert.ok(!r.headers.getSetCookie().some((c) => /Secure/.test(c)));
});
