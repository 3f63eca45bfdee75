import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('health and readiness answer without signing in', async () => {
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
  assert.equal((await fetch(server.url + '/readyz')).status, 200);
});

test('a manager signs in and sees their home and a child', async () => {
  const c = new Client(server.url);
  await c.signIn('manager.willow@example.org');
  const home = await c.get('/homes/1');
  assert.equal(home.status, 200);
  assert.match(home.text, /Willow House/);
  const child = await c.get('/children/1');
  assert.equal(child.status, 200);
  assert.match(child.text, /Aisha Bennett/);
});
