import { test, expect } from '@playwright/test';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { bodilessHeaders, refusesCrossSite } from '../../src/manifest/index.ts';
import { expectHeaders } from '../support/expect-headers.ts';
import { manifest, servers } from './support/env.ts';

/** One raw request with exactly these headers (browsers' clients would set Sec-Fetch-* themselves). */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Crafted requests, as another site would make a browser send them. Whether each is refused comes
// from the manifest's rule (the same function npm start uses), so every server is held to it.
const CASES: [string, string, string, Record<string, string>][] = [
  [
    'another site including our stylesheet',
    'GET',
    '/sitemap.xml',
    { site: 'cross-site', mode: 'no-cors', dest: 'style' },
  ],
  ['another site fetching a page', 'GET', '/', { site: 'cross-site', mode: 'cors', dest: 'empty' }],
  ['another site embedding a page in <object>', 'GET', '/', { site: 'cross-site', mode: 'navigate', dest: 'object' }],
  ['a link followed from another site', 'GET', '/', { site: 'cross-site', mode: 'navigate', dest: 'document' }],
  ['our own page loading its stylesheet', 'GET', '/sitemap.xml', { site: 'same-origin', mode: 'cors', dest: 'style' }],
  ['a request without Fetch Metadata', 'GET', '/', {}],
];

for (const server of servers()) {
  test.describe(`Fetch Metadata resource isolation on ${server.name}`, () => {
    for (const [what, method, path, meta] of CASES) {
      const refused = refusesCrossSite(manifest(), {
        method,
        site: meta['site'],
        mode: meta['mode'],
        dest: meta['dest'],
      });
      test(`${what} → ${refused ? '403 with the headers' : 'served'}`, async () => {
        const headers: Record<string, string> = {};
        if (meta['site']) headers['Sec-Fetch-Site'] = meta['site'];
        if (meta['mode']) headers['Sec-Fetch-Mode'] = meta['mode'];
        if (meta['dest']) headers['Sec-Fetch-Dest'] = meta['dest'];
        const response = await send(server.url + path, method, headers);
        if (refused) {
          expect(response.status).toBe(403);
          expectHeaders(response.headers, manifest().common, { context: `${server.name} ${path}: ` });
          expect(response.headers['content-security-policy'] ?? '').not.toBe('');
        } else {
          expect(response.status).toBe(200);
        }
      });
    }
  });
}

test('the rule refuses what it should (guards the table above)', () => {
  const refusedCases = CASES.filter(([, method, , meta]) =>
    refusesCrossSite(manifest(), { method, site: meta['site'], mode: meta['mode'], dest: meta['dest'] }),
  );
  expect(refusedCases.map(([what]) => what)).toEqual([
    'another site including our stylesheet',
    'another site fetching a page',
    'another site embedding a page in <object>',
  ]);
  expect(Object.keys(bodilessHeaders(manifest()))).toContain('Content-Security-Policy');
});
