import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { freePort, waitForHttp } from './support/ports.ts';
import { DEPLOY } from './support/servers.ts';
import { manifest } from './support/env.ts';
import { resolveHeaders } from '../../src/manifest/index.ts';

/** The site's own origin and host, as the emitted Caddyfile names them. */
const CANONICAL = manifest().origin;
const SITE_HOST = new URL(CANONICAL).hostname;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
}

/** One request with a chosen Host header (and, over TLS, the site's server name). */
function send(scheme: 'http' | 'https', port: number, path: string, host: string): Promise<Answer> {
  return new Promise((done, fail) => {
    const options = { host: '127.0.0.1', port, path, headers: { Host: host }, agent: false };
    const onResponse = (res: IncomingMessage) => {
      res.resume();
      done({ status: res.statusCode ?? 0, headers: res.headers });
    };
    const req =
      scheme === 'http'
        ? httpRequest(options, onResponse)
        : // Caddy's local test CA is not trusted here; the server name is the site's, as a browser sends it.
          httpsRequest({ ...options, servername: SITE_HOST, rejectUnauthorized: false }, onResponse);
    req.on('error', fail);
    req.end();
  });
}

// The Caddyfile the build emitted, with its site addresses untouched: only the ports, the
// certificate authority (Caddy's local one instead of ACME) and the root are test substitutions.
test.describe('emitted Caddyfile with automatic HTTPS', () => {
  let caddy: ChildProcess | undefined;
  let httpPort = 0;
  let httpsPort = 0;

  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-caddy-tls-'));
    copyFileSync(join(DEPLOY, 'caddy', 'cryptpeer-headers.caddy'), join(dir, 'cryptpeer-headers.caddy'));
    httpPort = await freePort();
    httpsPort = await freePort();
    const emitted = readFileSync(join(DEPLOY, 'caddy', 'Caddyfile'), 'utf8');
    const config = emitted
      .replace(
        /^\{$/m,
        `{\n\tlocal_certs\n\tskip_install_trust\n\tdefault_bind 127.0.0.1\n\thttp_port ${httpPort}\n\thttps_port ${httpsPort}`,
      )
      .replace(/root \* \S+/, `root * ${resolve('dist')}`);
    writeFileSync(join(dir, 'Caddyfile'), config);
    const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
    const args = ['--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'];
    const check = spawnSync('caddy', ['validate', ...args], { encoding: 'utf8', env });
    if (check.status !== 0) throw new Error(`caddy validate: ${check.stderr}`);
    const log = openSync(join(dir, 'caddy.log'), 'a');
    caddy = spawn('caddy', ['run', ...args], { cwd: dir, env, stdio: ['ignore', log, log] });
    await waitForHttp(`http://127.0.0.1:${httpPort}/`);
  });

  test.afterAll(() => {
    caddy?.kill('SIGTERM');
  });

  for (const host of [SITE_HOST, 'other.example']) {
    test(`plain HTTP with Host ${host} redirects to the canonical origin`, async () => {
      const answer = await send('http', httpPort, '/fr/modele-de-menace/?q=1', host);
      expect([301, 308]).toContain(answer.status);
      expect(answer.headers.location).toBe(`${CANONICAL}/fr/modele-de-menace/?q=1`);
    });

    test(`HTTPS with Host ${host} answers with the site's headers, never an empty 200`, async () => {
      const answer = await send('https', httpsPort, '/', host);
      expect(answer.status).toBe(200);
      for (const [name, value] of Object.entries(resolveHeaders(manifest(), '/')))
        expect(answer.headers[name.toLowerCase()], name).toBe(value);
    });
  }
});
