import type { SecurityOptions } from '../security/options.ts';
import { parseCsp } from '../standards/csp-parse.ts';
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
): Promise<string[]> {
  const files = listFiles(dir);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const shares = (await runShared('verify', dir, htmlFiles, { options, manifest, trust })) as string[][];
  const dist = new DistFiles(dir);
  return [
    ...shares.flat(),
    ...files.filter((f) => f.endsWith('.svg')).flatMap((f) => verifySvg(f, dist, options, trust)),
    ...(await verifyModules(files, dist, trust)),
    ...verifyManifest(htmlFiles, manifest),
  ];
}

/** Manifest-level checks: every route has its file, and no route's CSP is weak. */
function verifyManifest(htmlFiles: readonly string[], manifest: HeadersManifest): string[] {
  const problems: string[] = [];
  const htmlSet = new Set(htmlFiles);
  for (const [route, { file }] of Object.entries(manifest.routes)) {
    if (!htmlSet.has(file)) problems.push(`headers manifest: route ${route} points to ${file}, which is not in dist/`);
  }
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    const parsed = parseCsp(csp);
    if (parsed.get('default-src')?.join(' ') !== "'none'")
      problems.push(`headers manifest: route ${route}: default-src is not 'none'`);
    for (const unsafe of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      '*',
      'https:',
      'http:',
      'data:',
      'blob:',
    ]) {
      if ([...parsed.values()].some((sources) => sources.includes(unsafe))) {
        problems.push(`headers manifest: route ${route}: CSP allows ${unsafe}`);
      }
    }
  }
  return problems;
}
