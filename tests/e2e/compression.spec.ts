import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { resolveHeaders } from '../../src/manifest/index.ts';
import { expectHeaders } from '../support/expect-headers.ts';
import { manifest, servers } from './support/env.ts';

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One GET with exactly these headers, the body as sent (Playwright's client would decode it). */
function get(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const css = `/_astro/${readdirSync('dist/_astro').find((f) => f.endsWith('.css') && !f.endsWith('.br')) ?? ''}`;
// Path served → file in dist/ whose bytes must arrive, once decoded.
const SAMPLES: [string, string][] = [
  ['/', 'dist/index.html'],
  ['/fr/', 'dist/fr/index.html'],
  [css, `dist${css}`],
  ['/pagefind/pagefind.js', 'dist/pagefind/pagefind.js'],
  ['/sitemap.xml', 'dist/sitemap.xml'],
];
const DECODE = { br: brotliDecompressSync, gzip: gunzipSync } as const;

for (const server of servers()) {
  test.describe(`precompressed files on ${server.name}`, () => {
    for (const [path, file] of SAMPLES) {
      for (const encoding of ['br', 'gzip'] as const) {
        test(`${path} in ${encoding}: the build's bytes, the manifest headers, Vary`, async () => {
          const response = await get(server.url + path, { 'Accept-Encoding': encoding });
          expect(response.status).toBe(200);
          expect(response.headers['content-encoding']).toBe(encoding);
          expect(response.headers['vary'] ?? '').toMatch(/Accept-Encoding/i);
          expectHeaders(response.headers, resolveHeaders(manifest(), path), { context: `${server.name} ${path}: ` });
          expect(DECODE[encoding](response.body).equals(readFileSync(file))).toBe(true);
          // What was sent is the sibling the build wrote and verified, byte for byte.
          const sibling = readFileSync(`${file}${encoding === 'br' ? '.br' : '.gz'}`);
          expect(response.body.equals(sibling)).toBe(true);
        });
      }
    }

    test('without Accept-Encoding the file is sent as is', async () => {
      const response = await get(`${server.url}/`, { 'Accept-Encoding': 'identity' });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.equals(readFileSync('dist/index.html'))).toBe(true);
    });

    test('the 404 page is sent compressed with its status and headers', async () => {
      const response = await get(`${server.url}/no-such-page/`, { 'Accept-Encoding': 'br' });
      expect(response.status).toBe(404);
      expect(response.headers['content-encoding']).toBe('br');
      expectHeaders(response.headers, resolveHeaders(manifest(), manifest().notFound));
    });

    for (const path of ['/index.html.br', '/index.html.gz', `${css}.br`]) {
      test(`the sibling ${path} is never served by name`, async () => {
        const response = await get(server.url + path, { 'Accept-Encoding': 'identity' });
        expect(response.status).toBe(404);
        expectHeaders(response.headers, resolveHeaders(manifest(), manifest().notFound));
      });
    }
  });
}
