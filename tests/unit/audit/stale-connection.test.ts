import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { request } from '../../../src/audit/net/http.ts';

// A server that keeps the first connection alive after its first answer, then closes it without a
// byte when the next request arrives on it: what a server whose keep-alive timeout ran out does
// while the client was busy. Every later connection is answered normally.
let server: Server;
let base = '';
let connections = 0;
let closedStale = 0;

const ANSWER = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok';

before(async () => {
  server = createServer((socket: Socket) => {
    const id = ++connections;
    let requests = 0;
    socket.on('data', (chunk) => {
      for (const _ of chunk.toString('latin1').matchAll(/\r\n\r\n/g)) {
        requests += 1;
        if (id === 1 && requests === 2) {
          closedStale += 1;
          socket.destroy();
          return;
        }
        socket.write(ANSWER);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

test('a GET on a kept-alive connection the server closed is retried once on a new one', async () => {
  const first = await request(`${base}/a`, { timeoutMs: 5_000, readBody: true });
  assert.equal(first.status, 200);
  // The client is busy for a while (parsing a page), then reuses the pooled connection.
  await new Promise((done) => setTimeout(done, 50));
  const second = await request(`${base}/b`, { timeoutMs: 5_000, readBody: true });
  assert.equal(second.status, 200);
  assert.equal(Buffer.from(second.body ?? []).toString(), 'ok');
  assert.equal(closedStale, 1, 'the second request went to the first, kept-alive, connection');
  assert.equal(connections, 2);
});

test('a server that closes every connection unanswered is still an error after the one retry', async () => {
  let attempts = 0;
  const closing = createServer((socket) => {
    socket.on('data', () => {
      attempts += 1;
      socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((done) => closing.listen(0, '127.0.0.1', done));
  try {
    const { port } = closing.address() as AddressInfo;
    await assert.rejects(request(`http://127.0.0.1:${port}/`, { timeoutMs: 5_000 }), {
      name: 'NetworkError',
      message: /connection closed by the server \(UND_ERR_SOCKET\)/,
    });
    assert.equal(attempts, 2);
  } finally {
    await new Promise<void>((done) => closing.close(() => done()));
  }
});
