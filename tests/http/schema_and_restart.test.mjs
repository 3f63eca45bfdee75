// An instance older than the schema refuses to serve; an instance outlives a database restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, Client, hearthBin, onPostgres } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('an instance older than the database schema refuses to serve and says why', async () => {
  const server = await startServer();
  try {
    server.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_from_the_future', '2026-01-01T00:00:00.000Z')");
    const second = spawnSync(hearthBin, ['serve', '--port', '0'], { env: server.env, encoding: 'utf8', timeout: 20000 });
    assert.notEqual(second.status, 0);
    assert.match(second.stderr, /schema is at version 999 but this Hearth knows only up to \d+\. Upgrade Hearth/);
  } finally {
    await server.stop();
  }
});

test('when PostgreSQL restarts, requests fail cleanly at worst and later ones succeed', { skip: !onPostgres && 'needs the PostgreSQL test cluster' }, async () => {
  assert.ok(process.env.HEARTH_TEST_PG_DIR, 'scripts/test exports the cluster folder');
  const server = await startServer();
  try {
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    assert.equal((await c.get('/children/1')).status, 200);
    const restarted = spawnSync(path.join(root, 'scripts/postgres-test-cluster'), ['restart', process.env.HEARTH_TEST_PG_DIR], { encoding: 'utf8' });
    assert.equal(restarted.status, 0, restarted.stderr);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await c.get('/children/1')).status);
    assert.ok(statuses.every((s) => s === 200 || s === 503), `only success or a clean 503: ${statuses}`);
    assert.equal(statuses.at(-1), 200, `later requests succeed: ${statuses}`);
    assert.equal((await fetch(server.url + '/readyz')).status, 200);
    assert.equal(server.process.exitCode, null, 'the server kept running');
  } finally {
    await server.stop();
  }
});
