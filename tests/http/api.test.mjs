// The JSON API's authentication and errors, error pages with their reference, metrics and logs.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, Client, Api, createApiToken } from './server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function assertJsonError(res, status, code) {
  assert.equal(res.status, status, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type') || '', /application\/json/);
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(res.body.error.message.length > 10);
  assert.ok('field' in res.body.error);
  assert.equal(res.body.request_id, res.headers.get('x-request-id'));
}

// A plain-language HTML error page that shows the request's reference.
function assertErrorPage(res, status, heading) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') || '', /text\/html/);
  assert.match(res.text, /^<!DOCTYPE html>/i);
  assert.match(res.text, new RegExp(`<h1 class="govuk-heading-l">${heading}</h1>`));
  const id = res.headers.get('x-request-id');
  assert.ok(id && id.length >= 8, 'every response carries X-Request-Id');
  assert.ok(res.text.includes(id), `the page shows the reference ${id}`);
  assert.doesNotMatch(res.text, /exception|stack|sqlite|nlohmann|std::/i, 'no internals shown');
}

describe('API and error pages', () => {
  let server;
  let manager;
  let api;
  before(async () => {
    server = await startServer();
    manager = new Client(server.url);
    await manager.signIn('manager.willow@example.org');
    api = new Api(server.url, await createApiToken(manager));
  });
  after(async () => { await server.stop(); });

  test('a personal API token authenticates, and /api/v1/me says who it is', async () => {
    assert.match(api.token, /^hearth_[0-9a-f]{64}$/);
    const me = await api.get('/api/v1/me');
    assert.equal(me.status, 200);
    assert.match(me.headers.get('content-type'), /application\/json/);
    assert.equal(me.body.email, 'manager.willow@example.org');
    assert.equal(me.body.name, 'Sam Carter');
    assert.deepEqual(me.body.roles, [{ home_id: 1, role: 'registered_manager' }]);
    // Stored hashed: the token itself is nowhere in the database.
    assert.equal(server.sql(`SELECT count(*) FROM api_tokens WHERE token_hash = '${api.token}'`), '0');
    assert.equal(server.sql("SELECT count(*) FROM api_tokens WHERE token_hash LIKE 'hearth_%'"), '0');
    // The token works for a second person too, and says so.
    const sw = new Client(server.url);
    await sw.signIn('social.worker@example.org');
    const swApi = new Api(server.url, await createApiToken(sw));
    const swMe = await swApi.get('/api/v1/me');
    assert.equal(swMe.body.email, 'social.worker@example.org');
    assert.ok(swMe.body.allocated_children.length > 0);
  });

  test('no token, a bad token or a malformed header is answered 401 in JSON', async () => {
    assertJsonError(await new Api(server.url, null).get('/api/v1/me'), 401, 'unauthenticated');
    for (const token of ['hearth_' + '0'.repeat(64), 'garbage', api.token + 'x', api.token.slice(0, -1)]) {
      assertJsonError(await new Api(server.url, token).get('/api/v1/homes/1/children'), 401, 'unauthenticated');
    }
    const basic = await fetch(server.url + '/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    assert.equal(basic.status, 401);
    assert.equal((await basic.json()).error.code, 'unauthenticated');
    // A bad token on a write is refused before anything else happens.
    const write = await new Api(server.url, 'hearth_nope').post('/api/v1/homes/1/children', { first_name: 'X' });
    assertJsonError(write, 401, 'unauthenticated');
  });

  test('a revoked token is answered 401', async () => {
    const worker = new Client(server.url);
    await worker.signIn('rsw1.willow@example.org');
    const workerApi = new Api(server.url, await createApiToken(worker));
    assert.equal((await workerApi.get('/api/v1/me')).status, 200);
    // Disabling the person revokes their tokens; enabling them again does not bring tokens back.
    const disabled = server.hearth(['user', 'disable', '--email', 'rsw1.willow@example.org']);
    assert.equal(disabled.status, 0, disabled.stderr);
    assertJsonError(await workerApi.get('/api/v1/me'), 401, 'unauthenticated');
    const enabled = server.hearth(['user', 'enable', '--email', 'rsw1.willow@example.org']);
    assert.equal(enabled.status, 0, enabled.stderr);
    assertJsonError(await workerApi.get('/api/v1/me'), 401, 'unauthenticated');
  });

  test('the OpenAPI document is served without signing in', async () => {
    const res = await fetch(server.url + '/api/v1/openapi.yaml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /yaml/);
    const text = await res.text();
    assert.match(text, /^openapi: 3\./);
    assert.equal(text, readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8'));
  });

  test('404 and 403 are JSON for API paths', async () => {
    const missing = await api.get('/api/v1/no-such-thing');
    assertJsonError(missing, 404, 'not_found');
    assertJsonError(await api.get('/api/v1/children/99999'), 404, 'not_found');
    // Willow's manager may see nothing of Harbour's children: answered as if they were not there.
    assertJsonError(await api.get('/api/v1/homes/2/children'), 404, 'not_found');
    assertJsonError(await api.get('/api/v1/children/5'), 404, 'not_found');
    // What they may see but their role may not do is refused, saying so.
    assertJsonError(await api.get('/api/v1/organisation'), 403, 'forbidden');
    // The social worker sees only the children allocated to them.
    const sw = new Client(server.url);
    await sw.signIn('social.worker@example.org');
    const swApi = new Api(server.url, await createApiToken(sw, 'sw'));
    const allocated = (await swApi.get('/api/v1/me')).body.allocated_children;
    assert.ok(allocated.every(Number.isInteger) && allocated.length > 0);
    const other = [1, 2, 3, 4, 5, 6, 7, 8].find((id) => !allocated.includes(id));
    assert.ok(other, 'some child is not allocated to the social worker');
    assert.equal((await swApi.get(`/api/v1/children/${allocated[0]}`)).status, 200);
    assertJsonError(await swApi.get(`/api/v1/children/${other}`), 404, 'not_found');
  });

  test('404 and 403 are plain-language pages showing the request reference', async () => {
    assertErrorPage(await manager.get('/no-such-page'), 404, 'Page not found');
    assertErrorPage(await manager.get('/children/99999'), 404, 'Page not found');
    assertErrorPage(await manager.get('/homes/2'), 404, 'Page not found');
    assertErrorPage(await manager.get('/children/5'), 404, 'Page not found');
    const forbidden = await manager.get('/organisation');
    assertErrorPage(forbidden, 403, 'You do not have access to this page');
    assert.match(forbidden.text, /registered manager/);
    // Not signed in: a missing page is still a page, with a way to sign in.
    const anon = await new Client(server.url).get('/no-such-page');
    assertErrorPage(anon, 404, 'Page not found');
    assert.match(anon.text, /href="\/sign-in"/);
  });

  test('/metrics is for the provider administrator and counts requests by route and status', async () => {
    const admin = new Client(server.url);
    await admin.signIn('admin@example.org');
    const count = (text) => {
      const m = text.match(/^hearth_http_requests_total\{route="GET \/healthz",status="200"\} (\d+)$/m);
      return m ? Number(m[1]) : 0;
    };
    const first = await admin.get('/metrics');
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type'), /^text\/plain/);
    for (let i = 0; i < 3; i++) assert.equal((await fetch(server.url + '/healthz')).status, 200);
    const second = await admin.get('/metrics');
    assert.equal(count(second.text), count(first.text) + 3);
    assert.match(second.text, /^# TYPE hearth_http_requests_total counter$/m);
    assert.match(second.text, /^hearth_http_requests_total\{route="GET \/children\/\{child\}",status="404"\} \d+$/m);
    assert.match(second.text, /^# TYPE hearth_http_request_duration_seconds histogram$/m);
    assert.match(second.text, /^hearth_http_request_duration_seconds_bucket\{route="GET \/healthz",le="[0-9.]+"\} \d+$/m);
    const inf = second.text.match(/^hearth_http_request_duration_seconds_bucket\{route="GET \/healthz",le="\+Inf"\} (\d+)$/m);
    const total = second.text.match(/^hearth_http_request_duration_seconds_count\{route="GET \/healthz"\} (\d+)$/m);
    assert.ok(inf && total);
    assert.equal(inf[1], total[1]);
    // Nobody else may read it.
    assert.equal((await manager.get('/metrics')).status, 403);
    const anon = await fetch(server.url + '/metrics', { redirect: 'manual' });
    assert.equal(anon.status, 303);
    assert.match(anon.headers.get('location'), /^\/sign-in/);
  });
});

describe('logs', () => {
  let server;
  before(async () => { server = await startServer({ env: { HEARTH_LOG_LEVEL: 'info' } }); });
  after(async () => { await server.stop(); });

  test('every stderr line is JSON, and requests are logged with their request id', async () => {
    const c = new Client(server.url);
    await c.signIn('manager.willow@example.org');
    const page = await c.get('/children/1');
    const missing = await c.get('/no-such-page');
    const ids = [page.headers.get('x-request-id'), missing.headers.get('x-request-id')];
    // The line is written after the response is sent; give it a moment.
    let lines = [];
    for (let i = 0; i < 50; i++) {
      lines = server.logs().split('\n').filter((l) => l.trim() !== '');
      if (ids.every((id) => lines.some((l) => l.includes(id)))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(lines.length >= 4, 'the server logged at info level');
    const entries = lines.map((l) => {
      try { return JSON.parse(l); } catch { assert.fail(`not a JSON line: ${l}`); }
    });
    for (const e of entries) {
      assert.equal(typeof e.msg, 'string');
      assert.equal(typeof e.level, 'string');
      assert.match(e.time, /^\d{4}-\d\d-\d\dT/);
    }
    const requests = entries.filter((e) => e.msg === 'request');
    assert.ok(requests.length >= 4);
    for (const e of requests) assert.match(e.request_id, /\S{8,}/);
    const logged = requests.find((e) => e.request_id === ids[0]);
    assert.ok(logged, 'the page request is logged under its X-Request-Id');
    assert.equal(logged.path, '/children/1');
    assert.equal(logged.status, 200);
    assert.equal(logged.method, 'GET');
    const notFound = requests.find((e) => e.request_id === ids[1]);
    assert.equal(notFound.status, 404);
    // A person's password never reaches the log.
    assert.ok(!server.logs().includes('warm-kettle-blue-door'));
  });
});
