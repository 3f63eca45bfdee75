// hearth backup (SQLite, while serving) and hearth migrate-store (SQLite to PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, Client, hearthBin, onPostgres, demoIds, demoCopy } from './server.mjs';

const hearth = (args, env = {}) => spawnSync(hearthBin, args, { encoding: 'utf8', env: { ...process.env, HEARTH_LOG_LEVEL: 'warn', ...env } });

test('a backup taken while the server writes restores to a database that verifies', { skip: onPostgres && 'backup copies SQLite stores; PostgreSQL uses pg_dump' }, async () => {
  const server = await startServer();
  try {
    const aisha = demoIds(server).child('Aisha Bennett');
    const readers = await Promise.all(['manager.willow@example.org', 'deputy.willow@example.org'].map(async (email) => {
      const c = new Client(server.url);
      await c.signIn(email);
      return c;
    }));
    const sqlite = (file, query) => {
      const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', file, query], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    const source = server.database.replace(/^sqlite:/, '');
    const auditBefore = Number(sqlite(source, 'SELECT count(*) FROM audit_log'));

    // The backup runs as its own process while this one keeps the server writing: every profile
    // read appends to the audit chain, and a write counts once the server has answered it.
    const backup = path.join(server.dir, 'backup.db');
    const copying = spawn(hearthBin, ['backup', '--database', server.database, '--to', backup],
      { env: { ...process.env, HEARTH_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let running = true;
    let stderr = '';
    copying.stderr.on('data', (d) => { stderr += d; });
    const finished = new Promise((resolve) => copying.on('exit', (code) => { running = false; resolve(code); }));
    let answeredDuring = 0;
    const load = readers.map(async (c) => {
      while (running) {
        const r = await c.get(`/children/${aisha}`);
        assert.equal(r.status, 200);
        if (running) answeredDuring++;
      }
    });
    const code = await finished;
    await Promise.all(load);
    assert.equal(code, 0, stderr);
    assert.ok(answeredDuring > 0, 'the server answered writes while the backup was being taken');
    assert.ok(existsSync(backup));

    // The copy is one consistent moment: its audit chain is the source's, entry for entry, up to
    // where it ends, and it verifies whole.
    const copied = Number(sqlite(backup, 'SELECT count(*) FROM audit_log'));
    assert.ok(copied >= auditBefore, `the copy has the ${auditBefore} entries there were before it began (${copied})`);
    const lastCopied = sqlite(backup, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const [seq] = lastCopied.split('|');
    assert.equal(sqlite(source, `SELECT seq, hash FROM audit_log WHERE seq = ${seq}`), lastCopied);
    const verified = hearth(['verify', '--database', `sqlite:${backup}`]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /Database integrity: sound\./);
    assert.match(verified.stdout, new RegExp(`Audit chain: ${copied} entries, unbroken\\.`));
    const again = hearth(['backup', '--database', server.database, '--to', backup]);
    assert.notEqual(again.status, 0, 'a backup never overwrites a file');

    // Restore = use the copy as the database: it serves, and takes new records.
    const restored = await startServer({ database: `sqlite:${backup}` });
    try {
      const r = new Client(restored.url);
      await r.signIn('manager.willow@example.org');
      const page = await r.get(`/children/${aisha}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Aisha Bennett/);
    } finally {
      await restored.kill();
      restored.cleanup();
    }
    const after = hearth(['verify', '--database', `sqlite:${backup}`]);
    assert.equal(after.status, 0, after.stdout + after.stderr);
  } finally {
    await server.stop();
  }
});

// The database, its write-ahead log and shared memory, and every backup hold children's records:
// Hearth creates them readable and writable by its own user only (UK GDPR Article 32, security of
// processing), whatever the umask it was started with.
test('the database the server creates, its WAL and SHM, and a backup are readable by their owner only', { skip: onPostgres && 'file modes are a SQLite store\'s' }, async () => {
  const server = await startServer({ demo: false });
  try {
    const file = server.database.replace(/^sqlite:/, '');
    const backup = path.join(server.dir, 'backup.db');
    const copied = hearth(['backup', '--database', server.database, '--to', backup]);
    assert.equal(copied.status, 0, copied.stderr);
    for (const p of [file, `${file}-wal`, `${file}-shm`, backup]) {
      assert.equal((statSync(p).mode & 0o777).toString(8), '600', p);
    }
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
    const ids = demoIds(server);
    const page = await c.get(`/children/${ids.child('Aisha Bennett')}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Aisha Bennett/);
    const willow = ids.home('Willow House');
    await server.kill();
    server.cleanup();
    const added = hearth(['user', 'add', '--database', target, '--email', 'new.starter@example.org', '--name', 'New Starter', '--role', 'support_worker', '--home-id', String(willow)]);
    assert.equal(added.status, 0, added.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a command refused says why, naming the field, and exits 2 when the person can fix what they typed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-cli-'));
  try {
    const store = demoCopy(dir);
    const nobody = hearth(['user', 'disable', '--database', store, '--email', 'nobody@example.org']);
    assert.equal(nobody.status, 2, nobody.stderr);
    assert.match(nobody.stderr, /^hearth: email: There is nobody with that email address$/m);
    const noRole = hearth(['user', 'add', '--database', store, '--email', 'new.starter@example.org', '--name', 'New Starter', '--role', 'cook']);
    assert.equal(noRole.status, 2, noRole.stderr);
    assert.match(noRole.stderr, /^hearth: role: Give a role/m);
    // Not something the person typed wrong: the store already has its organisation.
    const again = hearth(['init', '--database', store, '--organisation', 'Another', '--admin-name', 'Pat Doe', '--admin-email', 'pat@example.org']);
    assert.equal(again.status, 1, again.stderr);
    assert.match(again.stderr, /already has an organisation/);
    const verified = hearth(['verify', '--database', store]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
