import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityOptions } from '../security/options.ts';
import { DistFiles } from './dist-files.ts';
import { hardenPage } from './harden-page.ts';
import { createManifest, routeOfFile, type HeadersManifest } from './manifest.ts';
import { listFiles } from './walk.ts';

export interface HardenResult {
  manifest: HeadersManifest;
  pages: number;
  inlineHashes: number;
  /** Bytes of referenced files hashed for SRI. */
  hashedBytes: number;
  /** Bytes of HTML parsed, hashed and rewritten. */
  htmlBytes: number;
  largestCsp: number;
}

/** Files that may sit in dist/ for a static host but that our own servers must refuse. */
export const HOST_ONLY_FILES = ['/_headers'];

/**
 * The harden step: SRI and per-route CSP on every HTML file of dist/, then the headers manifest.
 * Pages are rewritten in place; the manifest is returned for the emitters and written by the caller.
 */
export function hardenDist(dir: string, options: SecurityOptions): HardenResult {
  const dist = new DistFiles(dir);
  const files = listFiles(dir);
  const routes: HeadersManifest['routes'] = {};
  let inlineHashes = 0;
  let largestCsp = 0;
  let htmlBytes = 0;
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const path = join(dir, file);
    const html = readFileSync(path, 'utf8');
    htmlBytes += Buffer.byteLength(html);
    const result = hardenPage(html, routeOfFile(file), file, dist, options);
    writeFileSync(path, result.html);
    routes[routeOfFile(file)] = { file, csp: result.csp };
    inlineHashes += result.inlineHashes;
    largestCsp = Math.max(largestCsp, Buffer.byteLength(result.csp));
  }
  const wasmWorkers = files.filter((f) => /(^|\/)pagefind-worker\.js$/.test(f)).map((f) => `/${f}`);
  const manifest = createManifest(options, routes, { wasmWorkers, forbidden: HOST_ONLY_FILES });
  return { manifest, pages: Object.keys(routes).length, inlineHashes, hashedBytes: dist.hashedBytes, htmlBytes, largestCsp };
}
