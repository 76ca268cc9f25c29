// `npm run test:lighthouse`: Lighthouse CI (mobile preset) on the pages that matter most, served with
// the real headers by `npm start`'s server and by nginx from the emitted config (when nginx is
// installed, as in CI), in Debian's Chromium. Fails as lighthouserc.json asserts (see lighthouserc.md).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_FLAGS, chromePath } from '../tests/support/chromium.ts';
import { startLocalServer } from '../tests/support/local-server.ts';
import { startNginx } from '../tests/e2e/support/servers.ts';

const PAGES = ['/', '/cryptography/specification/', '/compliance/', '/search/', '/fr/'];

/** Runs a command without blocking the event loop: the in-process server must keep answering. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', () => {
      resolve(127);
    });
    child.on('exit', (code) => {
      resolve(code ?? 1);
    });
  });
}

/** nginx serving dist/ with the emitted config, or undefined (with a note) when it is not installed. */
async function nginxIfInstalled(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  const which = await run('sh', ['-c', 'command -v nginx > /dev/null']);
  if (which !== 0) {
    console.error('lighthouse: nginx is not installed; auditing npm start only');
    return undefined;
  }
  return startNginx(resolve('dist'));
}

const server = await startLocalServer();
const nginx = await nginxIfInstalled();
const origins = [server.url, ...(nginx ? [nginx.url] : [])];
let status = 1;
try {
  rmSync('.lighthouseci', { recursive: true, force: true });
  const collect = await run('lhci', [
    'collect',
    '--config=lighthouserc.json',
    `--chrome-path=${chromePath()}`,
    `--settings.chromeFlags=${CHROME_FLAGS.join(' ')}`,
    ...origins.flatMap((origin) => PAGES.map((p) => `--url=${origin}${p}`)),
  ]);
  if (collect !== 0) throw new Error(`lhci collect exited with ${collect}`);
  status = await run('lhci', ['assert', '--config=lighthouserc.json']);
  await run('lhci', ['upload', '--config=lighthouserc.json']);
} catch (error) {
  console.error(`lighthouse: ${(error as Error).message}`);
} finally {
  await server.close();
  await nginx?.stop();
}
process.exit(status);
