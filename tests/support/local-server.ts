import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createStaticServer } from '../../src/server/static-server.ts';
import { readManifest as readManifestFile, type HeadersManifest } from '../../src/manifest/index.ts';

export const DIST = resolve('dist');
export const MANIFEST_PATH = resolve('deploy/headers-manifest.json');

export function readManifest(path = MANIFEST_PATH): HeadersManifest {
  return readManifestFile(path);
}

/** Starts the `npm start` server in-process on a free loopback port. */
export async function startLocalServer(
  root = DIST,
  manifest = readManifest(),
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createStaticServer({ root, manifest });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
