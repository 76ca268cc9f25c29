import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { hardenDist } from '../../src/hardening/harden.ts';
import { precompressDist } from '../../src/hardening/precompress.ts';
import { listFiles } from '../../src/hardening/walk.ts';
import { bodilessHeaders, resolveHeaders, type HeadersManifest } from '../../src/manifest/index.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { createStaticServer } from '../../src/server/static-server.ts';
import { TRANSPORT_HEADERS, expectHeaders } from '../support/expect-headers.ts';
import { makeDist, siteFiles, type TempDist, TEST_TRUST } from './helpers/temp-dist.ts';

const SECRET = 'SECRET-OUTSIDE-DIST';
const NO_FINGERPRINT = { 'X-Powered-By': null, Server: null, 'Set-Cookie': null } as const;

let dist: TempDist;
let manifest: HeadersManifest;
let server: Server;
let base = '';

before(async () => {
  dist = makeDist('server', { ...siteFiles(), _headers: '/*\n  X-Test: 1\n' });
  // Files next to dist/ that a traversal would reach.
  writeFileSync(join(dist.parent, 'package.json'), `{"secret":"${SECRET}"}\n`);
  writeFileSync(join(dist.parent, 'x'), SECRET);
  manifest = (await hardenDist(dist.dir, parseSecurityOptions({ origin: 'https://cryptpeer.com' }), TEST_TRUST))
    .manifest;
  // Large enough to compress, and to ask for ranges of.
  dist.write('big.txt', 'CryptPeer range test line.\n'.repeat(4000));
  precompressDist(dist.dir, listFiles(dist.dir), manifest);
  // What must never be served: a dot file, and a symlink to a file outside dist/.
  dist.write('.env', SECRET);
  symlinkSync(join(dist.parent, 'x'), join(dist.dir, 'link.txt'));
  server = createStaticServer({ root: dist.dir, manifest });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  dist.remove();
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends `path` byte for byte (no URL normalisation, unlike fetch). */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The exact header set a response must carry: the manifest's, nothing added but transport headers. */
function expectExactly(actual: Headers | IncomingHttpHeaders, expected: Record<string, string>): void {
  expectHeaders(actual, { ...expected, ...NO_FINGERPRINT }, { exact: true, ignore: [...TRANSPORT_HEADERS, ...ENTITY] });
}

const IDENTITY = { 'Accept-Encoding': 'identity' };

/** Headers about the bytes sent (validators, ranges, encoding), checked by their own tests below. */
const ENTITY = ['etag', 'last-modified', 'accept-ranges', 'vary', 'content-encoding'] as const;

describe('createStaticServer', () => {
  for (const [path, file] of [
    ['/', 'index.html'],
    ['/fr/', 'fr/index.html'],
    ['/fr/index.html', 'fr/index.html'],
    ['/threat-model/', 'threat-model/index.html'],
    ['/_astro/site.abc123.css', '_astro/site.abc123.css'],
    ['/pagefind/pagefind-worker.js', 'pagefind/pagefind-worker.js'],
    ['/favicon.svg', 'favicon.svg'],
    ['/data.xyz', 'data.xyz'],
  ] as const) {
    test(`GET ${path} → 200 with exactly the resolveHeaders set and the file's bytes`, async () => {
      // identity: fetch() would otherwise ask for br and decode it, so the length would not match.
      const response = await fetch(`${base}${path}`, { headers: IDENTITY });
      const body = await response.text();
      assert.equal(response.status, 200);
      expectExactly(response.headers, resolveHeaders(manifest, path));
      assert.equal(body, dist.read(file));
      assert.equal(response.headers.get('content-length'), String(Buffer.byteLength(body)));
    });
  }

  test('the served home page is the hardened one (meta CSP and SRI present)', async () => {
    const body = await (await fetch(`${base}/`)).text();
    assert.match(body, /<meta http-equiv="content-security-policy"/);
    assert.match(body, /integrity="sha384-/);
  });

  test('HEAD has the same headers as GET and an empty body', async () => {
    for (const path of ['/', '/_astro/app.abc123.js', '/missing/']) {
      const get = await fetch(`${base}${path}`, { headers: IDENTITY });
      const getBody = await get.arrayBuffer();
      const head = await fetch(`${base}${path}`, { method: 'HEAD', headers: IDENTITY });
      assert.equal(head.status, get.status, path);
      assert.equal((await head.arrayBuffer()).byteLength, 0, path);
      // Connection management may differ between the two requests; every other header may not.
      const strip = (headers: Headers) =>
        [...headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
      assert.deepEqual(strip(head.headers), strip(get.headers), path);
      assert.equal(head.headers.get('content-length'), String(getBody.byteLength), path);
    }
  });

  for (const [path, location] of [
    ['/fr', '/fr/'],
    ['/threat-model', '/threat-model/'],
    ['/_astro', '/_astro/'],
  ] as const) {
    test(`${path} → 301 to ${location}`, async () => {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      assert.equal(response.status, 301);
      assert.equal(response.headers.get('location'), location);
      expectHeaders(response.headers, { ...manifest.common, 'Cache-Control': 'no-cache', ...NO_FINGERPRINT });
    });
  }

  test('never redirects to a protocol-relative URL (/%2Ffr must not answer Location: //fr/)', async () => {
    const response = await raw('/%2Ffr');
    const location = response.headers.location ?? '';
    assert.ok(!location.startsWith('//'), `Location: ${location}`);
  });

  test('an unknown path → 404 with the 404 page and its headers', async () => {
    const response = await fetch(`${base}/no/such/page/`);
    assert.equal(response.status, 404);
    expectExactly(response.headers, resolveHeaders(manifest, '/404.html'));
    assert.equal(await response.text(), dist.read('404.html'));
  });

  test('a directory without index.html → 404, no listing', async () => {
    const response = await fetch(`${base}/_astro/`);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), dist.read('404.html'));
  });

  for (const path of [
    '/../package.json',
    '/../x',
    '/%2e%2e/package.json',
    '/%2e%2e/x',
    '/%2E%2E/%2E%2E/x',
    '/%2F..%2Fx',
    '/%2F..%2Fpackage.json',
    '/fr/..%2F..%2Fx',
    '/..%5Cx',
    '/%5C..%5Cpackage.json',
    '/index.html%00',
    '/%00',
    '/%00/../x',
    '/%E0%A4%A',
  ]) {
    test(`traversal or malformed path ${path} → 404 without leaking anything`, async () => {
      const response = await raw(path);
      assert.equal(response.status, 404);
      assert.ok(!response.body.includes(SECRET));
      assert.equal(response.body, dist.read('404.html'));
      expectExactly(response.headers, resolveHeaders(manifest, '/404.html'));
    });
  }

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    test(`${method} → 405 with Allow: GET, HEAD`, async () => {
      const response = await raw('/', method);
      assert.equal(response.status, 405);
      assert.equal(response.body, '');
      expectExactly(response.headers, { ...bodilessHeaders(manifest), Allow: 'GET, HEAD' });
    });
  }

  test("the methods answered are the manifest's: with GET alone, HEAD → 405 with Allow: GET", async () => {
    const getOnly = createStaticServer({ root: dist.dir, manifest: { ...manifest, methods: ['GET'] } });
    await new Promise<void>((done) => getOnly.listen(0, '127.0.0.1', done));
    try {
      const { port } = getOnly.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('allow'), 'GET');
      assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
    } finally {
      await new Promise<void>((done) => getOnly.close(() => done()));
    }
  });

  for (const path of ['/_headers', '/%5Fheaders', '/./_headers', '/fr/../_headers']) {
    test(`the host-only file ${path} → 404`, async () => {
      const response = await raw(path);
      assert.equal(response.status, 404);
      assert.ok(!response.body.includes('X-Test'));
    });
  }

  for (const [path, type] of [
    ['/_astro/site.abc123.css', 'text/css; charset=utf-8'],
    ['/_astro/app.abc123.js', 'text/javascript; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['/_astro/inter.abc123.woff2', 'font/woff2'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/data.xyz', 'application/octet-stream'],
    ['/fr/', 'text/html; charset=utf-8'],
  ] as const) {
    test(`${path} is served as ${type}`, async () => {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      assert.equal(response.headers.get('content-type'), type);
    });
  }

  test('hashed assets are immutable, pages and other files revalidate', async () => {
    const cache = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      await response.arrayBuffer();
      return response.headers.get('cache-control');
    };
    assert.equal(await cache('/_astro/site.abc123.css'), 'public, max-age=31536000, immutable');
    assert.equal(await cache('/'), 'no-cache');
    assert.equal(await cache('/favicon.svg'), 'no-cache');
  });
});

/** One request with the given headers; the body as bytes (compressed bodies are not text). */
function bytes(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start as a real static server', () => {
  for (const [accept, encoding] of [
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
  ] as const) {
    test(`Accept-Encoding "${accept}" → ${encoding ?? 'identity'}, same security headers, Vary`, async () => {
      const response = await bytes('/', { 'Accept-Encoding': accept });
      assert.equal(response.status, 200);
      assert.equal(response.headers['content-encoding'], encoding);
      assert.equal(response.headers['vary'], 'Accept-Encoding');
      expectExactly(response.headers, resolveHeaders(manifest, '/'));
      const decoded =
        encoding === 'br'
          ? brotliDecompressSync(response.body)
          : encoding === 'gzip'
            ? gunzipSync(response.body)
            : response.body;
      assert.equal(decoded.toString('utf8'), dist.read('index.html'));
      assert.equal(response.headers['content-length'], String(response.body.length));
    });
  }

  test('the 404 page is sent compressed too, with its headers and status', async () => {
    const response = await bytes('/missing/', { 'Accept-Encoding': 'br' });
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-encoding'], 'br');
    expectExactly(response.headers, resolveHeaders(manifest, manifest.notFound));
  });

  test('images and fonts are never sent encoded and do not vary', async () => {
    const response = await bytes('/_astro/inter.abc123.woff2', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-encoding'], undefined);
    assert.equal(response.headers['vary'], undefined);
  });

  test('a strong ETag per representation, and 304 with the security headers on If-None-Match', async () => {
    const plain = await bytes('/');
    const br = await bytes('/', { 'Accept-Encoding': 'br' });
    const etag = plain.headers['etag'] ?? '';
    assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
    assert.notEqual(br.headers['etag'], etag);
    const again = await bytes('/', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['etag'], etag);
    const { 'Content-Type': _type, ...withoutType } = resolveHeaders(manifest, '/');
    expectHeaders(again.headers, { ...withoutType, ...NO_FINGERPRINT });
    assert.equal((await bytes('/', { 'If-None-Match': '"stale"' })).status, 200);
  });

  test('a single byte range → 206 with Content-Range; past the end → 416 with the headers', async () => {
    const whole = dist.read('big.txt');
    const part = await bytes('/big.txt', { Range: 'bytes=10-19' });
    assert.equal(part.status, 206);
    assert.equal(part.headers['content-range'], `bytes 10-19/${whole.length}`);
    assert.equal(part.body.toString('utf8'), whole.slice(10, 20));
    expectExactly(part.headers, {
      ...resolveHeaders(manifest, '/big.txt'),
      'Content-Range': `bytes 10-19/${whole.length}`,
    });
    const tail = await bytes('/big.txt', { Range: 'bytes=-5' });
    assert.equal(tail.body.toString('utf8'), whole.slice(-5));
    const beyond = await bytes('/big.txt', { Range: `bytes=${whole.length + 10}-` });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], `bytes */${whole.length}`);
    expectHeaders(beyond.headers, { ...manifest.common, ...NO_FINGERPRINT });
    assert.equal((await bytes('/big.txt', { Range: 'lines=1-2' })).status, 200);
  });

  test('If-Range with a stale validator sends the whole file', async () => {
    const response = await bytes('/big.txt', { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    assert.equal(response.status, 200);
    assert.equal(response.body.length, dist.read('big.txt').length);
  });

  for (const path of ['/index.html.br', '/index.html.gz', '/.env', '/.%2f_headers', '/.%2e/_headers', '/link.txt']) {
    test(`${path} → 404 with the 404 headers, nothing leaked`, async () => {
      const response = await raw(path);
      assert.equal(response.status, 404);
      assert.ok(!response.body.includes(SECRET) && !response.body.includes('X-Test'));
      expectExactly(response.headers, resolveHeaders(manifest, manifest.notFound));
    });
  }

  test('a redirect carries the common headers and the inert CSP', async () => {
    const response = await raw('/fr');
    assert.equal(response.status, 301);
    expectExactly(response.headers, { ...bodilessHeaders(manifest), Location: '/fr/' });
  });

  test('requests the HTTP parser refuses, or without Host, get 400 or 431 with the security headers', async () => {
    const { port } = server.address() as AddressInfo;
    const send = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(text));
        let data = '';
        socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
    const bad = await send('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    assert.match(bad, /^HTTP\/1\.1 400 /);
    const huge = await send(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(huge, /^HTTP\/1\.1 431 /);
    // HTTP/1.1 requires Host: Node would answer 400 itself, without the headers.
    const hostless = await send('GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
    assert.match(hostless, /^HTTP\/1\.1 400 /);
    for (const answer of [bad, huge, hostless]) {
      for (const [name, value] of Object.entries(bodilessHeaders(manifest))) {
        assert.ok(answer.includes(`${name}: ${value}\r\n`), `${name} in ${answer.slice(0, 60)}`);
      }
    }
  });
});

describe('npm start applies the Fetch Metadata rule', () => {
  test('another site including a script gets 403 with the security headers', async () => {
    const response = await bytes('/_astro/app.abc123.js', {
      'Sec-Fetch-Site': 'cross-site',
      'Sec-Fetch-Mode': 'no-cors',
      'Sec-Fetch-Dest': 'script',
    });
    assert.equal(response.status, 403);
    assert.equal(response.body.length, 0);
    expectExactly(response.headers, bodilessHeaders(manifest));
  });

  test('a link followed from another site is served', async () => {
    const response = await bytes('/', {
      'Sec-Fetch-Site': 'cross-site',
      'Sec-Fetch-Mode': 'navigate',
      'Sec-Fetch-Dest': 'document',
    });
    assert.equal(response.status, 200);
  });
});
