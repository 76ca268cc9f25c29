import type { SecurityOptions } from '../security/options.ts';
import { parseCsp } from '../standards/csp-parse.ts';
import { cspWeaknesses } from '../standards/csp-strictness.ts';
import { DistFiles } from './dist-files.ts';
import type { HeadersManifest } from '../manifest/index.ts';
import { verifyModules } from './verify-modules.ts';
import { verifySvg } from './verify-svg.ts';
import { listFiles } from './walk.ts';
import { runShared } from './parallel.ts';
import type { BuildTrust } from './trust.ts';

/**
 * The verify step, last and fail-closed: re-reads dist/ and the manifest and returns every gap —
 * pages (parsed as a browser parses them), SVG documents, the import graph of every JavaScript
 * module, and the manifest itself. The build fails when the list is not empty.
 */
export async function verifyDist(
  dir: string,
  manifest: HeadersManifest,
  options: SecurityOptions,
  trust: BuildTrust,
  files: readonly string[] = listFiles(dir),
): Promise<string[]> {
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const shares = (await runShared('verify', dir, htmlFiles, { options, manifest, trust })) as string[][];
  const dist = new DistFiles(dir);
  return [
    ...shares.flat(),
    ...files.filter((f) => f.endsWith('.svg')).flatMap((f) => verifySvg(f, dist, options, trust)),
    ...(await verifyModules(files, dist, trust)),
    ...verifyManifest(htmlFiles, manifest, options),
  ];
}

/** Manifest-level checks: every route has its file, and no route's CSP is weak. */
export function verifyManifest(
  htmlFiles: readonly string[],
  manifest: HeadersManifest,
  options: Pick<SecurityOptions, 'allowedExternal'>,
): string[] {
  const problems: string[] = [];
  const htmlSet = new Set(htmlFiles);
  for (const [route, { file }] of Object.entries(manifest.routes)) {
    if (!htmlSet.has(file)) problems.push(`headers manifest: route ${route} points to ${file}, which is not in dist/`);
  }
  const reviewedHosts = options.allowedExternal.map(({ url }) => new URL(url).origin);
  // Thousands of routes share a handful of policies: judge each distinct policy once.
  const findings = new Map<string, string[]>();
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    let found = findings.get(csp);
    if (!found) {
      found = cspFindings(csp, reviewedHosts);
      findings.set(csp, found);
    }
    for (const finding of found) problems.push(`headers manifest: route ${route}: ${finding}`);
  }
  return problems;
}

function cspFindings(csp: string, reviewedHosts: string[]): string[] {
  const findings: string[] = [];
  const parsed = parseCsp(csp);
  // The audit's standard, every rule an error here: the site must pass what it asks of others.
  // Only the origins of the reviewed, hash-pinned allowedExternal files may serve scripts.
  for (const { id, problem } of cspWeaknesses(parsed, { reviewedHosts })) findings.push(`CSP ${id}: ${problem}`);
  // Stricter than the audit for this site only: no wildcard or scheme source in any directive
  // (images and fonts included), since everything it loads is its own.
  for (const [directive, sources] of parsed) {
    const broad = sources.filter((s) => s.includes('*') || /^[a-z][a-z0-9+.-]*:$/i.test(s));
    if (broad.length > 0) findings.push(`${directive} allows ${broad.join(' ')}`);
  }
  return findings;
}
