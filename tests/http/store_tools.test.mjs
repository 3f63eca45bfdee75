// hearth backup (SQLite, while serving) and hearth migrate-store (SQLite to PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, Client, hearthBin, onPostgres } from './server.mjs';

const hearth = (args, env = {}) => spawnSync(hearthBin, args, { encoding: 'utf8', env: { ...process.env, HEARTH_LOG_LEVEL: 'warn', ...env } });

test('a backup taken while the server writes restores to a database that verifies', { skip: onPostgres && 'backup copies SQLite stores; PostgreSQL uses pg_dump' }, async () => {
  const server = await startServer();
  try {
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    // Keep the server writing (every profile read appends to the audit chain) during the backup.
    let writing = true;
    const load = (async () => { while (writing) await c.get('/children/1'); })();
    const backup = path.join(server.dir, 'backup.db');
    const made = hearth(['backup', '--database', server.database, '--to', backup]);
    writing = false;
    await load;
    assert.equal(made.status, 0, made.stderr);
    assert.ok(existsSync(backup));
    // Restore = use the copy as the database: it must verify and serve.
    const verified = hearth(['verify', '--database', `sqlite:${backup}`]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /unbroken/);
    const again = hearth(['backup', '--database', server.database, '--to', backup]);
    assert.notEqual(again.status, 0, 'a backup never overwrites a file');
    const restored = await startServer({ database: `sqlite:${backup}` });
    const r = new Client(restored.url);
    await r.signIn('manager.willow@example.org');
    assert.equal((await r.get('/children/1')).status, 200);
    await restored.kill();
  } finally {
    await server.stop();
  }
});

test('migrate-store moves the demo data to PostgreSQL, proves it, and refuses a non-empty target', { skip: !onPostgres && 'needs the PostgreSQL test cluster (scripts/test starts one)' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-copy-'));
  try {
    const source = `sqlite:${path.join(dir, 'home.db')}`;
    assert.equal(hearth(['demo', '--database', source]).status, 0);
    const name = `hearth_copy_${process.pid}`;
    assert.equal(spawnSync('psql', [process.env.HEARTH_TEST_PG_URL, '-qc', `CREATE DATABASE ${name}`]).status, 0);
    const target = process.env.HEARTH_TEST_PG_URL.replace(/\/postgres$/, `/${name}`);
    const copied = hearth(['migrate-store', '--from', source, '--to', target]);
    assert.equal(copied.status, 0, copied.stderr);
    // The demo's eight children living in the two homes, and one who left last year.
    assert.match(copied.stdout, /children\s+9\s+9/);
    assert.match(copied.stdout, /Audit chain on the target: \d+ entries, unbroken/);
    const refused = hearth(['migrate-store', '--from', source, '--to', target]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /already holds records/);
    // The moved database serves, and new records get new ids.
    const server = await startServer({ database: target });
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    const page = await c.get('/children/1');
    assert.equal(page.status, 200);
    assert.match(page.text, /Aisha Bennett/);
    await server.kill();
    const added = hearth(['user', 'add', '--database', target, '--email', 'new.starter@example.org', '--name', 'New Starter', '--role', 'support_worker', '--home-id', '1']);
    assert.equal(added.status, 0, added.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
