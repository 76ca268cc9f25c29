import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasApache, startApache, startCaddy, startNginx, startNodeServer, type RunningServer } from './servers.ts';

/**
 * Starts every real server once for the whole suite, from the build's output: `npm start`, nginx,
 * Caddy, and Apache when Debian's apache2 is installed. Their URLs reach the tests through E2E_SERVERS (workers inherit the environment).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html')) || !existsSync(resolve('deploy/headers-manifest.json'))) {
    throw new Error('e2e: no built site; run `npm run build` first (npm test does)');
  }
  const servers: RunningServer[] = [];
  try {
    servers.push(await startNodeServer(dist));
    servers.push(await startNginx(dist));
    servers.push(await startCaddy(dist));
    if (hasApache()) servers.push(await startApache(dist));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  process.env['E2E_SERVERS'] = JSON.stringify(servers.map(({ name, url }) => ({ name, url })));
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
