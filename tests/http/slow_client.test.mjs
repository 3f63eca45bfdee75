// Slow clients: with a 2-second limit on reading a request, a connection that sends nothing, or
// dribbles a request a byte at a time, is closed; other people's requests are answered meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startServer } from './server.mjs';

const limitSeconds = 2;
let server;
let host;
let port;

before(async () => {
  server = await startServer({ env: { HEARTH_REQUEST_READ_SECONDS: String(limitSeconds) } });
  const u = new URL(server.url);
  host = u.hostname;
  port = Number(u.port);
});
after(async () => { await server.stop(); });

// Opens a raw connection; `closed` settles with how long it stayed open and what came back.
function connect() {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.once('error', reject);
    socket.once('connect', () => {
      const opened = Date.now();
      let received = '';
      socket.on('data', (d) => { received += d; });
      socket.on('error', () => {});
      const closed = new Promise((r) => socket.once('close', () => r({ ms: Date.now() - opened, received })));
      resolve({ socket, closed });
    });
  });
}

// Fails the test if the connection is still open after `ms`.
function within(closed, ms) {
  let timer;
  return Promise.race([
    closed.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms); }),
  ]);
}

// A request on a connection of its own: a kept-alive one from an earlier request may be closed by the
// server's own read limit just as it is reused, which is this file's subject, not a fault.
function get(path) {
  return new Promise((resolve, reject) => {
    http.get(server.url + path, { agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    }).on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a connection that sends nothing is closed after the read limit', async () => {
  const { closed } = await connect();
  const { ms, received } = await within(closed, (limitSeconds + 3) * 1000);
  assert.ok(ms >= (limitSeconds - 1) * 1000, `closed too soon (${ms} ms): the limit is ${limitSeconds} s`);
  assert.ok(!/HTTP\/1\.1 2\d\d/.test(received), 'no successful response to nothing');
});

test('a request line and headers sent a byte at a time are cut off', async () => {
  const { socket, closed } = await connect();
  const request = 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n';
  let stillOpen = true;
  closed.then(() => { stillOpen = false; });
  // Keep sending, a byte every 200 ms, as a slowloris would: arriving bytes must not reset the limit.
  const dribble = (async () => {
    for (const ch of request) {
      if (!stillOpen) return;
      socket.write(ch);
      await sleep(200);
    }
  })();
  const { ms, received } = await within(closed, (limitSeconds + 4) * 1000);
  await dribble;
  assert.ok(ms < (limitSeconds + 4) * 1000);
  assert.ok(!/alive/.test(received), 'the dribbled request was not answered as if complete');
});

test('a body that never finishes arriving is cut off', async () => {
  const { socket, closed } = await connect();
  socket.write('POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
               'Content-Length: 1000\r\n\r\nemail=');
  const { ms, received } = await within(closed, (limitSeconds + 3) * 1000);
  assert.ok(ms >= (limitSeconds - 1) * 1000, `closed too soon (${ms} ms)`);
  assert.ok(!/HTTP\/1\.1 (2|3)\d\d/.test(received), 'a partial body must not be acted on');
});

test('an idle keep-alive connection is closed after the limit', async () => {
  const { socket, closed } = await connect();
  socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
  const { ms, received } = await within(closed, (limitSeconds + 3) * 1000);
  assert.match(received, /^HTTP\/1\.1 200/);
  assert.match(received, /alive/);
  assert.ok(ms >= (limitSeconds - 1) * 1000, `closed too soon (${ms} ms)`);
});

test('other requests are answered while slow clients hold connections', async () => {
  // Were normal requests queued behind slow connections, they would be answered only once the
  // read limit had closed those. So each round opens fresh slow connections and requires every
  // normal answer to arrive while all of them are still open: no wall-clock bound to race.
  for (let round = 0; round < 5; round++) {
    const slow = [];
    for (let i = 0; i < 20; i++) {
      const c = await connect();
      c.socket.write('GET / HTTP/1.1\r\nHost: local');
      let open = true;
      c.closed.then(() => { open = false; });
      slow.push({ ...c, isOpen: () => open });
    }
    try {
      const res = await get('/healthz');
      assert.equal(res.status, 200);
      assert.equal(res.text, 'alive\n');
      const page = await get('/sign-in');
      assert.equal(page.status, 200);
      assert.match(page.text, /Sign in/);
      // A close that arrived before the answers is handled by now.
      await new Promise((r) => setImmediate(r));
      const closed = slow.filter((c) => !c.isOpen()).length;
      assert.equal(closed, 0, `round ${round}: ${closed} slow connections closed before the normal requests were answered`);
    } finally {
      for (const c of slow) c.socket.destroy();
    }
  }
});

test('the slow connections are all closed by the server, not left open', async () => {
  const slow = [];
  for (let i = 0; i < 10; i++) {
    const c = await connect();
    c.socket.write('GET / HTTP/1.1\r\n');
    slow.push(c);
  }
  const results = await Promise.all(slow.map((c) => within(c.closed, (limitSeconds + 3) * 1000)));
  assert.equal(results.length, 10);
  assert.equal((await get('/readyz')).status, 200);
});
