// Several `hearth serve` instances on one database, as behind a load balancer: no state that
// another instance needs lives in a process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './server.mjs';

let a, b;
before(async () => {
  a = await startServer();
  b = await startServer({ database: a.database });
});
after(async () => {
  await b.kill();
  await a.stop();
});

test('signed in through one instance, the session carries on through the other', async () => {
  const c = new Client(a.url);
  await c.signIn('manager.willow@example.org');
  c.base = b.url;
  const page = await c.get('/children/1');
  assert.equal(page.status, 200);
  assert.match(page.text, /Aisha Bennett/);
  // The CSRF token from a page served by B is accepted by A.
  c.base = a.url;
  const out = await c.post('/sign-out', {});
  assert.equal(out.status, 303);
  c.base = b.url;
  const after = await c.get('/children/1');
  assert.equal(after.status, 303, 'signed out through A means signed out through B');
});

test('the same record amended at once through both: one succeeds, the other sees the conflict', async () => {
  const viaA = new Client(a.url);
  const viaB = new Client(b.url);
  await viaA.signIn('manager.willow@example.org');
  await viaB.signIn('deputy.willow@example.org');
  const formA = await viaA.get('/children/2/edit');
  const formB = await viaB.get('/children/2/edit');
  const version = formA.text.match(/name="version" value="(\d+)"/)[1];
  assert.equal(formB.text.match(/name="version" value="(\d+)"/)[1], version);
  const fields = (preferred, reason) => ({
    version, reason, first_name: 'Benjamin', last_name: 'Cole', preferred_name: preferred,
    'date_of_birth-day': '3', 'date_of_birth-month': '11', 'date_of_birth-year': '2010', sex: 'male',
    legal_basis: 's20', placing_authority: 'Northshire County Council',
    'admission_date-day': '20', 'admission_date-month': '1', 'admission_date-year': '2025',
  });
  const [ra, rb] = await Promise.all([
    viaA.post('/children/2', fields('Benji', 'He asked to be called Benji')),
    viaB.post('/children/2', fields('B', 'Shortened at his request')),
  ]);
  const statuses = [ra.status, rb.status].sort();
  assert.deepEqual(statuses, [303, 409], `one saves, one conflicts (got ${ra.status} and ${rb.status})`);
  const loser = ra.status === 409 ? ra : rb;
  const typed = ra.status === 409 ? 'Benji' : 'B';
  assert.match(loser.text, new RegExp(`name="preferred_name" type="text" value="${typed}"`), 'what the loser typed is kept');
  const versions = a.sql("SELECT COUNT(*) FROM record_versions WHERE record_type = 'child' AND record_id = 2");
  assert.equal(versions, '2', 'the original and exactly one amendment are kept');
});

test('the audit chain is one unbroken chain after concurrent writes through both instances', async () => {
  const clients = [];
  for (const [server, email] of [[a, 'manager.willow@example.org'], [b, 'deputy.willow@example.org'],
                                 [a, 'rsw1.willow@example.org'], [b, 'admin@example.org']]) {
    const c = new Client(server.url);
    await c.signIn(email);
    clients.push(c);
  }
  // Every read of a child's page appends an audit entry: 4 clients × 25 reads, all at once.
  await Promise.all(clients.map(async (c) => {
    for (let i = 0; i < 25; i++) {
      const r = await c.get(`/children/${1 + (i % 4)}`);
      assert.equal(r.status, 200);
    }
  }));
  const verified = a.hearth(['verify']);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /unbroken/);
  const reads = Number(a.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'read'"));
  assert.ok(reads >= 100, `every read is in the chain (${reads})`);
});
