import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HeadersManifest } from '../manifest/index.ts';
import { APACHE_GLOBAL, emitApache } from './apache.ts';
import { emitCaddyfile, emitCaddyHeaders } from './caddy.ts';
import { emitNginxExample, emitNginxHeaders, emitNginxHttp, emitNginxServer } from './nginx.ts';
import { emitHeadersFile, emitVercel } from './static-hosts.ts';

/** Every server config, as path (relative to the deploy folder) → contents. Format only: values come from the manifest. */
export function emitAll(manifest: HeadersManifest): Record<string, string> {
  return {
    'nginx/cryptpeer-http.conf': emitNginxHttp(manifest),
    'nginx/cryptpeer-server.conf': emitNginxServer(manifest),
    'nginx/cryptpeer-headers.conf': emitNginxHeaders(manifest),
    'nginx/nginx.conf.example': emitNginxExample(manifest),
    'caddy/cryptpeer-headers.caddy': emitCaddyHeaders(manifest),
    'caddy/Caddyfile': emitCaddyfile(manifest),
    'apache/cryptpeer.conf': emitApache(manifest),
    'apache/cryptpeer-global.conf': APACHE_GLOBAL,
    'vercel.json': emitVercel(manifest),
  };
}

/** Writes the configs into `deployDir` (outside the web root) and `_headers` into dist/. */
export function writeConfigs(manifest: HeadersManifest, deployDir: string, distDir: string): string[] {
  const written: string[] = [];
  for (const [file, text] of Object.entries(emitAll(manifest))) {
    const path = join(deployDir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(path);
  }
  const headersPath = join(distDir, '_headers');
  writeFileSync(headersPath, emitHeadersFile(manifest));
  written.push(headersPath);
  return written;
}
