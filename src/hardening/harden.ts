import type { SecurityOptions } from '../security/options.ts';
import { createManifest } from './create-manifest.ts';
import { routeOfFile, type HeadersManifest } from '../manifest/index.ts';
import { listFiles } from './walk.ts';
import { runShared } from './parallel.ts';
import type { BuildTrust } from './trust.ts';
import type { PageOutcome } from './harden-share.ts';
import { GENERATED_HOST_FILES } from './tree-hygiene.ts';

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
export const HOST_ONLY_FILES = GENERATED_HOST_FILES.map((name) => `/${name}`);

/** The manifest and the step's figures, from every page's outcome. */
export function assembleHardening(
  shares: { pages: PageOutcome[]; hashedBytes: number }[],
  options: SecurityOptions,
): HardenResult {
  const routes: HeadersManifest['routes'] = {};
  let inlineHashes = 0;
  let htmlBytes = 0;
  let largestCsp = 0;
  for (const page of shares.flatMap((s) => s.pages)) {
    const declared = page.declaration === undefined ? {} : { declaration: page.declaration };
    routes[routeOfFile(page.file)] = { file: page.file, csp: page.csp, ...declared };
    inlineHashes += page.inlineHashes;
    htmlBytes += page.htmlBytes;
    largestCsp = Math.max(largestCsp, Buffer.byteLength(page.csp));
  }
  const manifest = createManifest(options, routes, { forbidden: HOST_ONLY_FILES });
  const hashedBytes = shares.reduce((sum, s) => sum + s.hashedBytes, 0);
  return { manifest, pages: Object.keys(routes).length, inlineHashes, hashedBytes, htmlBytes, largestCsp };
}

/**
 * The harden step: SRI and per-route CSP on every HTML file of dist/, then the headers manifest.
 * Pages are rewritten in place (shared among worker threads on large sites); the manifest is
 * returned for the emitters and written by the caller.
 */
export async function hardenDist(
  dir: string,
  options: SecurityOptions,
  trust: BuildTrust,
  files: readonly string[] = listFiles(dir),
): Promise<HardenResult> {
  const shares = await runShared(
    'harden',
    dir,
    files.filter((f) => f.endsWith('.html')),
    { options, trust },
  );
  return assembleHardening(shares as { pages: PageOutcome[]; hashedBytes: number }[], options);
}
