// hearth backup (SQLite, while serving) and hearth migrate-store (SQLite to PostgreSQL); the audit
// trail's key, checkpoints and rotation (docs/decisions/0005-sign-in-and-sessions.md, audit chain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, existsSync, statSync, writeFileSync } from 'node:fs';
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
    // The key is not in the backup: the copy is checked with the key of the store it came from.
    const keyOfSource = { HEARTH_AUDIT_KEY_FILE: `${source}.audit-key` };
    const verified = hearth(['verify', '--database', `sqlite:${backup}`], keyOfSource);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.match(verified.stdout, /Database integrity: sound\./);
    assert.match(verified.stdout, new RegExp(`Audit chain: ${copied} entries, unbroken\\.`));
    const again = hearth(['backup', '--database', server.database, '--to', backup]);
    assert.notEqual(again.status, 0, 'a backup never overwrites a file');

    // Restore = use the copy as the database: it serves, and takes new records.
    const restored = await startServer({ database: `sqlite:${backup}`, env: keyOfSource });
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
    const after = hearth(['verify', '--database', `sqlite:${backup}`], keyOfSource);
    assert.equal(after.status, 0, after.stdout + after.stderr);
  } finally {
    await server.stop();
  }
});

// The database, its write-ahead log and shared memory, and every backup hold children's records:
// Hearth creates them readable and writable by its own user only (UK GDPR Article 32, security of
// processing), whatever the umask it was started with.
test('the database the server creates, its WAL and SHM, and a backup are readable by their owner only', { skip: onPostgres && 'file modes are a SQLite store\'s' }, async () => {
  // A store begun by `hearth serve` alone has no audit key yet (`hearth init` makes one): given here.
  const server = await startServer({ demo: false, env: { HEARTH_AUDIT_KEY: 'ab'.repeat(32) } });
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
    // The home's own key, beside its file; the copy's trail is signed with it, so it goes with it.
    const keyOfSource = { HEARTH_AUDIT_KEY_FILE: path.join(dir, 'home.db.audit-key') };
    assert.equal(hearth(['demo', '--database', source], keyOfSource).status, 0);
    const name = `hearth_copy_${process.pid}`;
    assert.equal(spawnSync('psql', [process.env.HEARTH_TEST_PG_URL, '-qc', `CREATE DATABASE ${name}`]).status, 0);
    const target = process.env.HEARTH_TEST_PG_URL.replace(/\/postgres$/, `/${name}`);
    const copied = hearth(['migrate-store', '--from', source, '--to', target], keyOfSource);
    assert.equal(copied.status, 0, copied.stderr);
    // The demo's eight children living in the two homes, and one who left last year.
    assert.match(copied.stdout, /children\s+9\s+9/);
    assert.match(copied.stdout, /Audit chain on the target: \d+ entries, unbroken/);
    const refused = hearth(['migrate-store', '--from', source, '--to', target], keyOfSource);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /already holds records/);
    // The moved database serves, and new records get new ids.
    const server = await startServer({ database: target, env: keyOfSource });
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    const ids = demoIds(server);
    const page = await c.get(`/children/${ids.child('Aisha Bennett')}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Aisha Bennett/);
    const willow = ids.home('Willow House');
    await server.kill();
    server.cleanup();
    const added = hearth(['user', 'add', '--database', target, '--email', 'new.starter@example.org', '--name', 'New Starter', '--role', 'support_worker', '--home-id', String(willow)], keyOfSource);
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

// --- The audit trail's key and checkpoints: SQLite stores, changed with sqlite3 as someone with
// write access to the file would, after dropping the triggers that refuse it (migrations/0013_*).
const onSqliteOnly = { skip: onPostgres && 'the key file beside the store, and sqlite3, are a SQLite store\'s' };
function sqlite(file, query, ...flags) {
  // The whole trail as JSON is several megabytes: past spawnSync's default one.
  const r = spawnSync('sqlite3', [...flags, '-cmd', '.timeout 5000', file, query], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}
const dropGuards = 'DROP TRIGGER IF EXISTS audit_log_refuses_update; DROP TRIGGER IF EXISTS audit_log_refuses_delete;';
// The newest key in a key file (64 hex characters a line, oldest first; # starts a comment).
const newestKey = (keyFile) => readFileSync(keyFile, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean).at(-1);
// An entry's hash as Hearth computes it: HMAC-SHA-256 under the key, or (with no key) the plain
// SHA-256 that is all someone without the key can compute.
function entryHash(e, keyHex) {
  const text = [e.prev_hash, e.seq, e.at, e.actor_id ?? '-', e.actor, e.action, e.record_type, e.record_id,
    e.home_id ?? '-', e.child_id ?? '-', e.ip, e.request_id, e.detail].join('\x1f');
  return keyHex ? createHmac('sha256', Buffer.from(keyHex, 'hex')).update(text).digest('hex')
    : createHash('sha256').update(text).digest('hex');
}
// Changes entry `from`'s detail and recomputes its hash and every later one, each following the
// one before, and the head: a whole rewrite, which verify called unbroken before the chain was keyed.
function rewriteTrail(file, from, keyHex) {
  const entries = JSON.parse(sqlite(file, 'SELECT * FROM audit_log ORDER BY seq', '-json'));
  let prev;
  let sql = dropGuards;
  for (const e of entries) {
    if (e.seq < from) { prev = e.hash; continue; }
    if (e.seq === from) e.detail = 'nothing happened';
    e.prev_hash = prev;
    e.hash = entryHash(e, keyHex);
    prev = e.hash;
    sql += `UPDATE audit_log SET detail = '${e.detail.replace(/'/g, "''")}', prev_hash = '${e.prev_hash}', hash = '${e.hash}' WHERE seq = ${e.seq};`;
  }
  sqlite(file, `${sql} UPDATE audit_head SET last_hash = '${prev}' WHERE id = 1;`);
}
// A copy of a store with its key, to tamper with.
function copyStore(file, to) {
  copyFileSync(file, to);
  copyFileSync(`${file}.audit-key`, `${to}.audit-key`);
  return to;
}

test('the audit key is a file beside the store, its owner\'s only, and a trail rewritten without it does not verify', onSqliteOnly, async () => {
  const server = await startServer();
  try {
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    assert.equal((await c.get(`/children/${demoIds(server).child('Aisha Bennett')}`)).status, 200);
    assert.equal((await server.kill()).code, 0);
    const file = server.database.replace(/^sqlite:/, '');
    assert.equal((statSync(`${file}.audit-key`).mode & 0o777).toString(8), '600');
    assert.equal(server.hearth(['verify']).status, 0);
    const last = Number(sqlite(file, 'SELECT max(seq) FROM audit_log'));
    rewriteTrail(file, last - 3, null);
    const verify = server.hearth(['verify']);
    assert.notEqual(verify.status, 0, verify.stdout);
    assert.match(verify.stdout, new RegExp(`BROKEN at entry ${last - 3}: .*without the audit key`));
    // Nor with a key of the rewriter's own.
    rewriteTrail(file, last - 3, 'ab'.repeat(32));
    assert.notEqual(server.hearth(['verify']).status, 0);
  } finally {
    server.cleanup();
  }
});

test('checkpoints of the head, at an interval and at shutdown, find a trail cut short and one rewritten with the key', onSqliteOnly, async () => {
  const server = await startServer({ env: { HEARTH_AUDIT_CHECKPOINT_SECONDS: '1', HEARTH_LOG_LEVEL: 'info' } });
  try {
    const file = server.database.replace(/^sqlite:/, '');
    const checkpoints = `${file}.checkpoints`;
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    const lines = () => (existsSync(checkpoints) ? readFileSync(checkpoints, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
    for (let i = 0; i < 50 && lines().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(lines().length > 0, 'a checkpoint within the interval');
    assert.equal((await c.get(`/children/${demoIds(server).child('Aisha Bennett')}`)).status, 200);
    assert.equal((await server.kill()).code, 0);
    const head = sqlite(file, 'SELECT last_seq || \'|\' || last_hash FROM audit_head');
    const last = lines().at(-1);
    assert.equal(`${last.seq}|${last.hash}`, head, 'the shutdown checkpoint holds the head');
    assert.equal((statSync(checkpoints).mode & 0o777).toString(8), '600');
    const logged = server.logs().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
      .filter((l) => l.msg === 'audit checkpoint');
    assert.deepEqual(logged.at(-1) && [logged.at(-1).seq, logged.at(-1).hash, logged.at(-1).mac], [last.seq, last.hash, last.mac], 'the log has it too');
    const fine = server.hearth(['verify', '--checkpoints', checkpoints]);
    assert.equal(fine.status, 0, fine.stdout + fine.stderr);
    assert.match(fine.stdout, /Checkpoints: the chain holds all \d+/);

    // The newest entries removed and the head moved back to match: the chain alone cannot tell.
    const cut = copyStore(file, path.join(server.dir, 'cut.db'));
    const keep = last.seq - 2;
    sqlite(cut, `${dropGuards} DELETE FROM audit_log WHERE seq > ${keep}; UPDATE audit_head SET last_seq = ${keep}, last_hash = (SELECT hash FROM audit_log WHERE seq = ${keep});`);
    assert.equal(hearth(['verify', '--database', `sqlite:${cut}`]).status, 0, 'the chain alone cannot tell');
    const short = hearth(['verify', '--database', `sqlite:${cut}`, '--checkpoints', checkpoints]);
    assert.notEqual(short.status, 0);
    assert.match(short.stdout, new RegExp(`BROKEN at entry ${keep + 1}: the trail ends at entry ${keep}, but the checkpoint .* saw entry ${last.seq}: entries were removed from its end`));

    // Rewritten by someone who holds the key: it verifies, but no longer holds what the checkpoint saw.
    const keyed = copyStore(file, path.join(server.dir, 'keyed.db'));
    rewriteTrail(keyed, last.seq - 3, newestKey(`${keyed}.audit-key`));
    assert.equal(hearth(['verify', '--database', `sqlite:${keyed}`]).status, 0, 'the chain alone cannot tell');
    const rewritten = hearth(['verify', '--database', `sqlite:${keyed}`, '--checkpoints', checkpoints]);
    assert.notEqual(rewritten.status, 0);
    assert.match(rewritten.stdout, /is not the one the checkpoint of .* saw: the trail was rewritten/);

    // A checkpoint moved back to agree with the cut trail is not signed: refused, by its line.
    const forged = path.join(server.dir, 'forged.checkpoints');
    writeFileSync(forged, readFileSync(checkpoints, 'utf8').replace(`"seq":${last.seq}}`, `"seq":${keep}}`));
    const refused = hearth(['verify', '--database', `sqlite:${cut}`, '--checkpoints', forged]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stdout, /Checkpoints NOT TRUSTED: .*line \d+: a checkpoint not signed/);
  } finally {
    server.cleanup();
  }
});

test('a rotated key begins a new part of the trail, the old key still verifies the old part, and Hearth will not serve without its key', onSqliteOnly, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-rotate-'));
  try {
    const store = demoCopy(dir);
    const keyFile = `${store.replace(/^sqlite:/, '')}.audit-key`;
    const old = newestKey(keyFile);
    const rotated = hearth(['new-audit-key', '--database', store]);
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /now signed with key [0-9a-f]{16}/);
    const now = newestKey(keyFile);
    assert.notEqual(now, old);
    assert.equal((statSync(keyFile).mode & 0o777).toString(8), '600');
    const both = hearth(['verify', '--database', store]);
    assert.equal(both.status, 0, both.stdout + both.stderr);
    const onlyNew = hearth(['verify', '--database', store], { HEARTH_AUDIT_KEY: now });
    assert.notEqual(onlyNew.status, 0);
    assert.match(onlyNew.stdout, /BROKEN at entry 1: .*not among the keys given/);
    const onlyOld = hearth(['verify', '--database', store], { HEARTH_AUDIT_KEY: old });
    assert.notEqual(onlyOld.status, 0);
    // The keys may come from the environment instead of the file, oldest first.
    assert.equal(hearth(['verify', '--database', store], { HEARTH_AUDIT_KEY: `${old},${now}` }).status, 0);

    renameSync(keyFile, `${keyFile}.elsewhere`);
    await assert.rejects(startServer({ database: store }), /There is no audit key at/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
