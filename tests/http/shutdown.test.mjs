// Graceful shutdown: on SIGTERM the requests in flight finish with their normal answers, the
// process exits 0, and the database it leaves behind passes `hearth verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startServer, Client, demoPassword, onPostgres, demoIds } from './server.mjs';

// Waits for something the server does after it has gone (a backend ending); fails after `ms`.
async function until(condition, failure, ms = 10000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) assert.fail(failure);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const people = ['manager.willow@example.org', 'deputy.willow@example.org', 'rsw1.willow@example.org',
                'manager.harbour@example.org', 'social.worker@example.org', 'reg44@example.org',
                'ri@example.org', 'admin@example.org'];

async function stopDuringSignIns(signal) {
  const server = await startServer({ env: { HEARTH_LOG_LEVEL: 'info', HEARTH_WORKER_THREADS: '2' } });
  try {
    // Each sign-in spends about 100 ms on Argon2id; with two workers, eight take several rounds.
    const clients = await Promise.all(people.map(async (email) => {
      const c = new Client(server.url);
      await c.get('/sign-in');
      return { c, email };
    }));
    const auditBefore = Number(server.sql('SELECT count(*) FROM audit_log'));
    const started = Date.now();
    const inFlight = clients.map(({ c, email }) => c.post('/sign-in', { email, password: demoPassword, next: '/' }));
    // Once the first is answered all were received, and with two workers most are still waiting.
    await Promise.race(inFlight);
    const exited = server.kill(signal);
    const results = await Promise.allSettled(inFlight);
    const { code, signal: killedBy } = await exited;

    for (const [i, r] of results.entries()) {
      assert.equal(r.status, 'fulfilled', `request ${i} failed: ${r.reason}`);
      assert.equal(r.value.status, 303, `sign-in ${i} answered ${r.value.status}: ${r.value.text.slice(0, 200)}`);
      assert.ok(r.value.headers.getSetCookie().some((x) => x.startsWith('hearth_session=')));
    }
    assert.equal(killedBy, null, 'the process exited by itself, not killed by the signal');
    assert.equal(code, 0, server.logs());
    assert.ok(Date.now() - started < 15000);

    // The log says it stopped with nothing left unfinished.
    const lines = server.logs().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const stopping = lines.find((l) => l.msg.startsWith('stopping'));
    assert.ok(stopping, 'the stop was logged');
    assert.ok(stopping.in_flight >= 2, `requests were in flight at the signal (${stopping.in_flight})`);
    const stopped = lines.find((l) => l.msg === 'stopped');
    assert.ok(stopped, 'the server logged that it stopped');
    assert.equal(stopped.unfinished, 0);

    // Every sign-in that was answered is in the audit trail (those with a second factor as begun,
    // waiting for the code), and the chain is sound.
    assert.equal(Number(server.sql(
      "SELECT count(*) FROM audit_log WHERE action IN ('sign_in', 'sign_in_started')")) >= people.length, true);
    assert.equal(Number(server.sql('SELECT count(*) FROM audit_log')), auditBefore + people.length);
    assert.equal(Number(server.sql('SELECT count(*) FROM sessions WHERE ended_at IS NULL')), people.length);
    const verify = server.hearth(['verify']);
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.match(verify.stdout, /Database integrity: sound\./);
    assert.match(verify.stdout, new RegExp(`Audit chain: ${auditBefore + people.length} entries, unbroken\\.`));
    if (onPostgres) {
      // PostgreSQL has no write-ahead file beside the database to look for. What a clean close
      // means there: each of the server's connections was ended by the server saying goodbye, so
      // none is left behind it, and none was merely dropped when the process went (the server
      // counts those as abandoned sessions). Every answered sign-in was committed (counted above).
      const others = () => Number(server.sql(
        'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()'));
      await until(() => others() === 0, 'a connection to the database outlived the server');
      assert.equal(Number(server.sql(
        'SELECT sessions_abandoned FROM pg_stat_database WHERE datname = current_database()')), 0,
        'every connection was closed by the server, none dropped at exit');
    } else {
      // A clean close checkpoints the write-ahead log and removes it.
      const file = server.database.replace(/^sqlite:/, '');
      assert.equal(existsSync(file + '-wal'), false, 'the database was closed cleanly');
    }
  } finally {
    server.cleanup();
  }
}

test('SIGTERM lets sign-ins in flight finish, exits 0 and leaves a sound database', async () => {
  await stopDuringSignIns('SIGTERM');
});

test('SIGINT does the same', async () => {
  await stopDuringSignIns('SIGINT');
});

test('verify fails on a database whose audit trail was tampered with after shutdown', async () => {
  // The check above can fail: the same verify, after a row is changed behind Hearth's back.
  const server = await startServer();
  try {
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    assert.equal((await c.get(`/children/${demoIds(server).child('Aisha Bennett')}`)).status, 200);
    const { code } = await server.kill('SIGTERM');
    assert.equal(code, 0);
    assert.equal(server.hearth(['verify']).status, 0);
    const change = "UPDATE audit_log SET actor = 'Someone else' WHERE seq = (SELECT max(seq) FROM audit_log)";
    assert.throws(() => server.sql(change), /append-only/, 'the database refuses to change an entry');
    // Someone with write access can drop the triggers that refuse it (migrations/0013_*), as
    // here: verify must still notice the change.
    server.sql(onPostgres ? 'DROP FUNCTION audit_log_refuse_change() CASCADE'
      : 'DROP TRIGGER audit_log_refuses_update; DROP TRIGGER audit_log_refuses_delete');
    server.sql(change);
    const verify = server.hearth(['verify']);
    assert.notEqual(verify.status, 0, 'verify noticed the change');
    assert.doesNotMatch(verify.stdout, /unbroken/);
  } finally {
    server.cleanup();
  }
});
