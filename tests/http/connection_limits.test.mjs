// Connections per address (issue 11): a thousand slow connections from one address take at most
// `max_connections_per_address` of the server's connection slots; the rest of that address's
// connections are closed at once, and everyone else is still answered. Behind a proxy Hearth
// trusts, every connection comes from the proxy, which limits its own clients (deploy/nginx.conf),
// so the proxy's connections are not limited.
//
// "Answered promptly" is a functional bound, not a speed figure: without the limit the answer comes
// only once the read limit (20 s) has closed slow connections, so a ceiling of a few seconds
// separates the two on the slowest machine that runs the tests.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { startServer } from './server.mjs';

const promptly = 5000;
const servers = [];
after(async () => { for (const s of servers) await s.stop(); });

async function serve(env = {}) {
  const server = await startServer({ env });
  servers.push(server);
  const u = new URL(server.url);
  return { server, host: u.hostname, port: Number(u.port) };
}

// A thousand connections need a thousand file descriptors in this process.
const openFiles = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
const fewFiles = Number.isFinite(openFiles) && openFiles < 1200
  ? `ulimit -n is ${openFiles}: a thousand connections need more` : false;

// A connection that has sent the start of a request and never finishes it, as a slowloris does.
function slowConnection({ host, port, from }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, localAddress: from });
    let open = true;
    const closed = new Promise((r) => socket.once('close', () => { open = false; r(); }));
    socket.on('error', () => {});
    socket.once('connect', () => socket.write('GET / HTTP/1.1\r\nHost: local'));
    // Connected, or refused before it could be.
    socket.once('connect', () => resolve({ socket, closed, isOpen: () => open }));
    socket.once('close', () => resolve({ socket, closed, isOpen: () => open }));
  });
}

async function slowConnections(count, target) {
  const all = [];
  for (let i = 0; i < count; i += 100) {
    all.push(...await Promise.all(Array.from({ length: Math.min(100, count - i) }, () => slowConnection(target))));
  }
  return all;
}

// GET on a connection of its own from the given local address; fails after `promptly`.
function get({ host, port, from }, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path, localAddress: from, agent: false, headers, timeout: promptly }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${path} from ${from} within ${promptly} ms`)));
    req.on('error', reject);
  });
}

// Resolves when `condition` holds, failing after `promptly`.
async function eventually(condition, what) {
  const until = Date.now() + promptly;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`not within ${promptly} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a thousand slow connections from one address leave the server answering others', { skip: fewFiles }, async () => {
  const target = await serve();
  const slow = await slowConnections(1000, { ...target, from: '127.0.0.1' });
  try {
    // Another address is answered while the slow connections are held.
    const other = await get({ ...target, from: '127.0.0.2' }, '/healthz');
    assert.equal(other.status, 200);
    assert.equal(other.text, 'alive\n');
    const page = await get({ ...target, from: '127.0.0.3' }, '/sign-in');
    assert.equal(page.status, 200);
    assert.match(page.text, /Sign in/);

    // The address itself holds no more than its share: the rest are closed by the server at once
    // rather than left waiting for a slot.
    await eventually(() => slow.filter((c) => c.isOpen()).length <= 64,
      'the server closes the slow address\'s connections beyond 64');
    assert.ok(slow.filter((c) => c.isOpen()).length > 0, 'up to the limit, its connections are kept');
    // A further connection from it is refused at once, not queued.
    await assert.rejects(get({ ...target, from: '127.0.0.1' }, '/healthz'), (e) => e.code === 'ECONNRESET' || /socket hang up/.test(e.message));
  } finally {
    for (const c of slow) c.socket.destroy();
  }
  // Once it lets go of its connections, the address is served again.
  let answered;
  const until = Date.now() + promptly;
  while (!answered && Date.now() < until) {
    answered = await get({ ...target, from: '127.0.0.1' }, '/healthz').catch(() => undefined);
  }
  assert.equal(answered?.status, 200, 'the address is answered again once its connections are closed');
});

test('connections from a trusted proxy are not limited by address', async () => {
  const target = await serve({ HEARTH_TRUSTED_PROXIES: '127.0.0.1', HEARTH_MAX_CONNECTIONS_PER_ADDRESS: '8' });
  const held = await slowConnections(40, { ...target, from: '127.0.0.1' });
  try {
    const answer = await get({ ...target, from: '127.0.0.1' }, '/healthz', { 'X-Forwarded-For': '203.0.113.9' });
    assert.equal(answer.status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(held.filter((c) => c.isOpen()).length, 40, 'the proxy keeps all its connections');
    // An address that is not the proxy is still limited.
    const direct = await slowConnections(20, { ...target, from: '127.0.0.2' });
    try {
      await eventually(() => direct.filter((c) => c.isOpen()).length <= 8, 'the direct client is held to 8');
    } finally {
      for (const c of direct) c.socket.destroy();
    }
  } finally {
    for (const c of held) c.socket.destroy();
  }
});

test('when slots run short, answers close their connection instead of keeping it idle', async () => {
  const target = await serve({ HEARTH_MAX_CONNECTIONS: '16', HEARTH_MAX_CONNECTIONS_PER_ADDRESS: '16' });
  // With slots to spare, a connection is kept alive for the next request.
  const keepAlive = { Connection: 'keep-alive' };
  const roomy = await get({ ...target, from: '127.0.0.2' }, '/healthz', keepAlive);
  assert.equal(roomy.status, 200);
  assert.notEqual(roomy.headers.connection, 'close');
  const held = await slowConnections(13, { ...target, from: '127.0.0.1' });
  try {
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(held.filter((c) => c.isOpen()).length, 13);
    const short = await get({ ...target, from: '127.0.0.2' }, '/healthz', keepAlive);
    assert.equal(short.status, 200);
    assert.equal(short.headers.connection, 'close', 'an idle keep-alive connection would hold a scarce slot');
  } finally {
    for (const c of held) c.socket.destroy();
  }
});
