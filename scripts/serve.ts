// `npm start`: serve the built site on HOST:PORT (default 127.0.0.1:4321) with the manifest's headers.
// Usage: node scripts/serve.ts [--dir dist] [--manifest deploy/headers-manifest.json]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticServer } from '../src/server/static-server.ts';
import { readManifest, type HeadersManifest } from '../src/manifest/index.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    manifest: { type: 'string', default: 'deploy/headers-manifest.json' },
  },
});
const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be an integer between 0 and 65535, got ${JSON.stringify(process.env['PORT'])}`);
  process.exit(2);
}
let manifest: HeadersManifest;
try {
  manifest = readManifest(resolve(values.manifest));
} catch (error) {
  console.error(`serve: ${(error as Error).message} (run npm run build first)`);
  process.exit(2);
}
const server = createStaticServer({ root: resolve(values.dir), manifest });
server.on('error', (error) => {
  console.error(`serve: ${error.message}`);
  process.exit(2);
});
server.listen(port, host, () => {
  const address = server.address();
  const shown =
    typeof address === 'object' && address
      ? `${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`
      : `${host}:${port}`;
  console.log(`serving ${values.dir} at http://${shown}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
