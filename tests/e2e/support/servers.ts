import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitForHttp } from './ports.ts';

export interface RunningServer {
  name: string;
  url: string;
  /** Milliseconds from spawning the process (after the config check) until `/` first answered. */
  startMs: number;
  stop: () => Promise<void>;
}

/**
 * The configs the servers read by default: the real project's build. `npm run bench:serve` passes
 * a temp project's `deploy/` instead, and a short `pollMs` so that `startMs` is not rounded to the
 * e2e suite's 100 ms polling.
 */
export const DEPLOY = resolve('deploy');

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null) {
        done();
        return;
      }
      child.once('exit', () => {
        done();
      });
      child.kill('SIGTERM');
    });
}

/** Starts a server process; its output goes to a log file next to its config, not into the test report. */
function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; log: string },
): ChildProcess {
  const fd = openSync(options.log, 'a');
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
  child.on('error', (error) => {
    console.error(`${command}: ${error.message}`);
  });
  return child;
}

/** Waits for `/` to answer and times it from `spawnedAt`. */
async function ready(url: string, spawnedAt: number, pollMs: number): Promise<number> {
  await waitForHttp(`${url}/`, 15_000, {}, pollMs);
  return performance.now() - spawnedAt;
}

/** Runs a config check (`nginx -t`, `caddy validate`) and throws with its output if it fails. */
function validate(command: string, args: string[], env?: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

/** `npm start` (scripts/serve.ts) serving `dist`. */
export async function startNodeServer(
  dist: string,
  manifest = join(DEPLOY, 'headers-manifest.json'),
  pollMs = 100,
): Promise<RunningServer> {
  const port = await freePort();
  const log = join(mkdtempSync(join(tmpdir(), 'cryptpeer-node-')), 'serve.log');
  const spawnedAt = performance.now();
  const child = run(process.execPath, ['scripts/serve.ts', '--dir', dist, '--manifest', manifest], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    log,
  });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await ready(url, spawnedAt, pollMs);
  return { name: 'npm start', url, startMs, stop: stopper(child) };
}

/** Debian's nginx in the foreground, from the include files the build emitted. */
export async function startNginx(dist: string, deployDir = DEPLOY, pollMs = 100): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-nginx-'));
  for (const file of readdirSync(join(deployDir, 'nginx'))) {
    copyFileSync(join(deployDir, 'nginx', file), join(dir, file));
  }
  const port = await freePort();
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  // Test wrapper only: ports, temp paths, foreground. Headers come from the emitted includes, unchanged.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include cryptpeer-http.conf;
    server {
        listen 127.0.0.1:${port};
        root ${dist};
        include cryptpeer-server.conf;
    }
}
`,
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf')];
  validate('nginx', ['-t', ...args]);
  const spawnedAt = performance.now();
  const child = run('nginx', args, { log: join(dir, 'stdout.log') });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await ready(url, spawnedAt, pollMs);
  return { name: 'nginx', url, startMs, stop: stopper(child) };
}

/** Debian's Caddy in the foreground, from the Caddyfile the build emitted (site address and root replaced). */
export async function startCaddy(dist: string, deployDir = DEPLOY, pollMs = 100): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-caddy-'));
  copyFileSync(join(deployDir, 'caddy', 'cryptpeer-headers.caddy'), join(dir, 'cryptpeer-headers.caddy'));
  const port = await freePort();
  const emitted = readFileSync(join(deployDir, 'caddy', 'Caddyfile'), 'utf8');
  const caddyfile = emitted
    .replace(/^\{$/m, '{\n\tauto_https off')
    // Any Host, on one loopback port: the emitted site takes every Host over HTTPS, and the
    // plain-HTTP redirect block is covered by caddy-tls.spec.ts.
    .replace(/^[a-z0-9.-]+, https:\/\/ \{$/m, `http://:${port} {\n\tbind 127.0.0.1`)
    .replace(/^http:\/\/ \{\n[^}]*\}\n/m, '')
    .replace(/root \* \S+/, `root * ${dist}`);
  if (caddyfile === emitted) throw new Error('Caddyfile: the site address or root could not be replaced');
  writeFileSync(join(dir, 'Caddyfile'), caddyfile);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const args = ['--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'];
  validate('caddy', ['validate', ...args], env);
  const spawnedAt = performance.now();
  const child = run('caddy', ['run', ...args], { cwd: dir, env, log: join(dir, 'caddy.log') });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await ready(url, spawnedAt, pollMs);
  return { name: 'caddy', url, startMs, stop: stopper(child) };
}

const APACHE = '/usr/sbin/apache2';
const APACHE_MODULES = '/usr/lib/apache2/modules';

/** True when Debian's apache2 is installed: the Apache server then joins the suite. */
export const hasApache = () => existsSync(APACHE);

/** Debian's Apache httpd in the foreground, from the two config files the build emitted. */
export async function startApache(dist: string, deployDir = DEPLOY, pollMs = 100): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-apache-'));
  for (const file of readdirSync(join(deployDir, 'apache'))) {
    copyFileSync(join(deployDir, 'apache', file), join(dir, file));
  }
  const port = await freePort();
  const modules = ['mpm_event', 'authz_core', 'mime', 'headers', 'dir', 'alias', 'rewrite'];
  // Test wrapper only: modules, port, temp paths. Headers come from cryptpeer*.conf, unchanged.
  writeFileSync(
    join(dir, 'httpd.conf'),
    `ServerRoot ${dir}
${modules.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`).join('\n')}
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : ''}Listen 127.0.0.1:${port}
ServerName 127.0.0.1
PidFile ${dir}/httpd.pid
Mutex file:${dir} default
ErrorLog ${dir}/error.log
LogLevel warn
TypesConfig /dev/null
DocumentRoot ${dist}
DirectoryIndex index.html
<Directory />
    Require all denied
</Directory>
<Directory ${dist}>
    Require all granted
    AllowOverride None
</Directory>
Include ${dir}/cryptpeer-global.conf
Include ${dir}/cryptpeer.conf
`,
  );
  const args = ['-f', join(dir, 'httpd.conf')];
  validate(APACHE, ['-t', ...args]);
  const spawnedAt = performance.now();
  const child = run(APACHE, ['-DFOREGROUND', ...args], { log: join(dir, 'stdout.log') });
  const url = `http://127.0.0.1:${port}`;
  const startMs = await ready(url, spawnedAt, pollMs);
  return { name: 'apache', url, startMs, stop: stopper(child) };
}
