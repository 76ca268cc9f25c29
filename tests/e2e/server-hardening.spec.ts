import { test, expect } from '@playwright/test';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectHeaders } from '../support/expect-headers.ts';
import { manifest } from './support/env.ts';
import { resolveHeaders } from '../../src/manifest/index.ts';
import {
  hasApache,
  startApache,
  startCaddy,
  startNginx,
  startNodeServer,
  type RunningServer,
} from './support/servers.ts';

// dist/ as it might be after someone changed it on the server: a dot file, a dot folder, a
// symlink to a file outside the web root and an upper-case copy of a page. The build refuses or
// never makes them; the servers must not serve them as the site would.
const SECRET = 'SECRET-OUTSIDE-THE-WEB-ROOT';

function alteredCopy(): string {
  const base = mkdtempSync(join(tmpdir(), 'cryptpeer-altered-'));
  chmodSync(base, 0o755); // Apache runs as www-data
  const copy = join(base, 'dist');
  cpSync(resolve('dist'), copy, { recursive: true });
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(copy, '.env'), SECRET);
  mkdirSync(join(copy, '.git'));
  writeFileSync(join(copy, '.git', 'config.txt'), SECRET);
  symlinkSync(join(base, 'secret.txt'), join(copy, 'link.txt'));
  // An upper-case spelling of the search page, which the build never makes: a server matching
  // route policies ignoring case would give it the search page's script-running CSP.
  mkdirSync(join(copy, 'SEARCH'));
  cpSync(join(copy, 'search', 'index.html'), join(copy, 'SEARCH', 'INDEX.HTML'));
  return copy;
}

function send(
  url: string,
  method = 'GET',
  extra: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((done, reject) => {
    const headers = { 'Accept-Encoding': 'identity', ...extra };
    const req = httpRequest(url, { method, agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Starter = [string, (dist: string) => Promise<RunningServer>];
const STARTERS: Starter[] = [
  ['npm start', (dist) => startNodeServer(dist)],
  ['nginx', startNginx],
  ['caddy', startCaddy],
];
if (hasApache()) STARTERS.push(['apache', startApache]);

for (const [name, start] of STARTERS) {
  test.describe(`${name} on an altered dist/`, () => {
    let server: RunningServer | undefined;
    test.beforeAll(async () => {
      server = await start(alteredCopy());
    });
    test.afterAll(async () => {
      await server?.stop();
    });

    for (const path of ['/.env', '/.git/config.txt', '/.%65nv']) {
      test(`${path} is not served`, async () => {
        const response = await send(`${server?.url ?? ''}${path}`);
        expect(response.status).toBe(404);
        expect(response.body).not.toContain(SECRET);
        expectHeaders(response.headers, manifest().common);
      });
    }

    test('/.well-known/ is still served', async () => {
      expect((await send(`${server?.url ?? ''}/.well-known/security.txt`)).status).toBe(200);
    });

    // Caddy's file_server follows symlinks and has no setting against it, and nginx's
    // disable_symlinks breaks Debian's brotli_static: on both, only the build's verify (which
    // refuses any symlink in dist/) protects the deployment. Said in the README.
    if (name !== 'caddy' && name !== 'nginx') {
      test('a symlink out of the web root is not followed', async () => {
        const response = await send(`${server?.url ?? ''}/link.txt`);
        expect([403, 404]).toContain(response.status);
        expect(response.body).not.toContain(SECRET);
      });
    }

    test('route policies match case-sensitively: /SEARCH/INDEX.HTML gets the inert CSP', async () => {
      const response = await send(`${server?.url ?? ''}/SEARCH/INDEX.HTML`);
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toBe(manifest().assets.csp.inert);
      expect(response.headers['content-security-policy']).not.toBe(manifest().routes['/search/']?.csp);
    });

    // Caddy used to answer a Host that matched no site block with an empty 200 and no headers.
    test('a request for another Host still gets the page headers', async () => {
      const response = await send(`${server?.url ?? ''}/`, 'GET', { Host: 'other.example' });
      expect(response.status).toBe(200);
      expectHeaders(response.headers, resolveHeaders(manifest(), '/'));
    });

    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      test(`${method} is refused with 405 and the security headers`, async () => {
        const response = await send(`${server?.url ?? ''}/`, method);
        expect(response.status).toBe(405);
        expectHeaders(response.headers, manifest().common);
        expect(response.headers['content-security-policy'] ?? '').not.toBe('');
      });
    }
  });
}
