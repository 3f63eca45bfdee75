// Records tied to the trail (issue 11): the audit entry of each write seals the row it left, so
// `hearth verify` finds a Reg 35 record edited, or a daily note deleted, in the database behind
// Hearth's back, as someone with sqlite3 or psql and no audit key would do it; and a record amended
// through Hearth is sealed again as amended.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Api, Client, createApiToken, onPostgres, startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const verify = () => server.hearth(['verify']);
// The newest sealed write of a record of `table`, as the demo left them.
const sealedId = (table) => Number(server.sql(
  `SELECT MAX(record_id) FROM audit_log WHERE sealed_record LIKE '${table}:%' AND action = 'create'`));

test('hearth verify finds a Reg 35 record edited and a daily note deleted behind Hearth\'s back', async () => {
  // Amended through Hearth: sealed again, so the store verifies.
  const manager = new Client(server.url);
  await manager.signIn('manager.willow@example.org');
  const api = new Api(server.url, await createApiToken(manager));
  const child = Number(server.sql(
    "SELECT MIN(c.id) FROM children c JOIN homes h ON h.id = c.home_id WHERE h.name = 'Willow House'"));
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  const fields = {
    kind: 'note', category: 'education', occurred_on: yesterday, occurred_time: '16:30',
    body: 'Went to school on the bus and came home smiling.',
  };
  const note = await api.post(`/api/v1/children/${child}/daily-record`, fields);
  assert.equal(note.status, 201, note.text);
  const noteId = note.body.id;
  const amended = await api.put(`/api/v1/daily-record/${noteId}`, {
    ...fields, body: 'Went to school on the bus and came home smiling; did homework.',
    version: note.body.version, reason: 'Added the homework',
  });
  assert.equal(amended.status, 200, amended.text);
  assert.equal(server.sql(`SELECT COUNT(*) FROM audit_log WHERE sealed_record LIKE 'daily_entries:${noteId}:%'`), '2');

  const sound = verify();
  assert.equal(sound.status, 0, sound.stdout + sound.stderr);
  assert.match(sound.stdout, /Sealed records: all \d+ as Hearth last wrote them\./);

  const measure = sealedId('measures');
  assert.ok(measure > 0, 'the demo has a Reg 35 record written through Hearth');
  server.sql(`UPDATE measures SET details = replace(details, 'calm', 'quiet') WHERE id = ${measure}`);
  const edited = verify();
  assert.notEqual(edited.status, 0);
  assert.match(edited.stdout,
    new RegExp(`Record CHANGED behind Hearth's back: measures ${measure} was changed in the database after audit entry \\d+ sealed it as written`));
  assert.match(edited.stdout, /Audit chain: \d+ entries, unbroken\./, 'the chain itself was not touched');

  // A deletion, with the store's own checks of references set aside as a determined person would.
  server.sql(onPostgres
    ? `SET session_replication_role = replica; DELETE FROM daily_entries WHERE id = ${noteId}`
    : `DELETE FROM daily_entries WHERE id = ${noteId}`);
  const deleted = verify();
  assert.notEqual(deleted.status, 0);
  assert.match(deleted.stdout, new RegExp(`daily_entries ${noteId} was deleted from the database`));
  assert.match(deleted.stdout, new RegExp(`measures ${measure} was changed`));
});
