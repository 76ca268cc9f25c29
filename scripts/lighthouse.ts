// `npm run test:lighthouse`: Lighthouse CI (mobile preset) on the pages that matter most, served by
// `npm start`'s server with the real headers, in Debian's Chromium. Fails on any category below 1.0.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { CHROME_FLAGS, chromePath } from '../tests/support/chromium.ts';
import { startLocalServer } from '../tests/support/local-server.ts';

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

const server = await startLocalServer();
let status = 1;
try {
  rmSync('.lighthouseci', { recursive: true, force: true });
  const collect = await run('lhci', [
    'collect',
    '--config=lighthouserc.json',
    `--chrome-path=${chromePath()}`,
    `--settings.chromeFlags=${CHROME_FLAGS.join(' ')}`,
    ...PAGES.map((p) => `--url=${server.url}${p}`),
  ]);
  if (collect !== 0) throw new Error(`lhci collect exited with ${collect}`);
  status = await run('lhci', ['assert', '--config=lighthouserc.json']);
  await run('lhci', ['upload', '--config=lighthouserc.json']);
} catch (error) {
  console.error(`lighthouse: ${(error as Error).message}`);
} finally {
  await server.close();
}
process.exit(status);
