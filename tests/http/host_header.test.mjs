// An HTTP/1.1 request must say which host it is for (RFC 9112 section 3.2): without a Host
// header, or with two, it is refused with 400. HTTP/1.0 had no such rule, so it is still served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// The status code of the answer to a request written by hand.
function statusOf(request) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      answer += d;
      const m = answer.match(/^HTTP\/1\.[01] (\d{3}) /);
      if (m) { socket.destroy(); resolve(Number(m[1])); }
    });
    socket.on('error', reject);
    socket.on('end', () => reject(new Error(`no status line in ${JSON.stringify(answer)}`)));
  });
}

test('HTTP/1.1 without a Host header is a 400', async () => {
  assert.equal(await statusOf('GET /healthz HTTP/1.1\r\n\r\n'), 400);
  assert.equal(await statusOf('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'), 400);
});

test('HTTP/1.1 with two Host headers is a 400', async () => {
  assert.equal(await statusOf('GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n'), 400);
});

test('HTTP/1.1 with a Host header, and HTTP/1.0 without one, are answered', async () => {
  assert.equal(await statusOf('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n'), 200);
  assert.equal(await statusOf('GET /healthz HTTP/1.0\r\n\r\n'), 200);
});
