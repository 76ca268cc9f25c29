import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { freePort, waitForHttp } from './support/ports.ts';
import { DEPLOY } from './support/servers.ts';
import { manifest } from './support/env.ts';

/** The site's own origin: where plain HTTP must send every visitor, whatever Host it sent. */
const CANONICAL = manifest().origin;

/** GET over TLS to a self-signed test server (certificate checks off for this request only). */
function httpsGet(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((done, fail) => {
    const req = httpsRequest(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      done({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', fail);
    req.end();
  });
}

// The example nginx.conf the build emitted, run for real: HTTP must redirect to HTTPS, and HTTPS must serve the site.
test.describe('example TLS server (nginx.conf.example)', () => {
  let nginx: ChildProcess | undefined;
  let httpPort = 0;
  let httpsPort = 0;

  test.beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-tls-'));
    for (const file of readdirSync(join(DEPLOY, 'nginx'))) copyFileSync(join(DEPLOY, 'nginx', file), join(dir, file));
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
    httpPort = await freePort();
    httpsPort = await freePort();
    const example = readFileSync(join(DEPLOY, 'nginx', 'nginx.conf.example'), 'utf8');
    // Test-only substitutions: loopback ports, the test certificate, dist/ as root, temp paths.
    const config =
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n${example}`
        .replace(/^\s*listen \[::\]:\d+[^;]*;\n/gm, '')
        .replace(/listen 80;/, `listen 127.0.0.1:${httpPort};`)
        .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`)
        .replace(/ssl_certificate \S+;/, `ssl_certificate ${dir}/cert.pem;`)
        .replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${dir}/key.pem;`)
        .replace(/root \S+;/, `root ${resolve('dist')};`)
        .replace(/worker_processes auto;/, 'worker_processes 1;')
        // Debian's modules-enabled/ names modules relative to the default prefix, not to -p.
        .replace(
          'include /etc/nginx/modules-enabled/*.conf;',
          'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
        )
        .replace(
          /http \{/,
          `http {\n    client_body_temp_path ${dir}/body;\n    proxy_temp_path ${dir}/proxy;\n    fastcgi_temp_path ${dir}/fastcgi;\n    uwsgi_temp_path ${dir}/uwsgi;\n    scgi_temp_path ${dir}/scgi;`,
        );
    writeFileSync(join(dir, 'nginx.conf'), config);
    const args = ['-p', dir, '-c', join(dir, 'nginx.conf')];
    const check = spawnSync('nginx', ['-t', ...args], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`);
    const log = openSync(join(dir, 'stdout.log'), 'a');
    nginx = spawn('nginx', args, { stdio: ['ignore', log, log] });
    await waitForHttp(`http://127.0.0.1:${httpPort}/`);
  });

  test.afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  test('plain HTTP answers 301 to the same path over HTTPS, on the canonical host', async () => {
    const response = await fetch(`http://127.0.0.1:${httpPort}/fr/modele-de-menace/?q=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${CANONICAL}/fr/modele-de-menace/?q=1`);
    expect(response.headers.get('server')).toBe('nginx');
  });

  test("a forged Host header does not choose the redirect's target", async () => {
    const location = await new Promise<string | undefined>((done, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: httpPort, path: '/', headers: { Host: 'other.example' }, agent: false },
        (res) => {
          res.resume();
          done(res.headers.location);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(location).toBe(`${CANONICAL}/`);
  });

  test('HTTPS serves the site with HSTS and the route CSP', async () => {
    const response = await httpsGet(`https://127.0.0.1:${httpsPort}/`);
    expect(response.status).toBe(200);
    expect(String(response.headers['strict-transport-security'])).toMatch(/^max-age=\d{8,}; includeSubDomains/);
    expect(String(response.headers['content-security-policy'])).toContain("default-src 'none'");
  });
});
