import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityOptions } from '../security/options.ts';
import { HEADER_ONLY_DIRECTIVES } from '../security/headers/csp.ts';
import { parseCsp, effectiveSources } from './csp-parse.ts';
import { DistFiles } from './dist-files.ts';
import { scanHtml, type ScannedElement } from './html-scan.ts';
import { findRoute, resolveHeaders, routeOfFile, type HeadersManifest } from './manifest.ts';
import { readPolicyTable } from './policy-table-check.ts';
import { getReference, resolveUrl } from './references.ts';
import { integrityOf } from './sri.ts';
import { importMapTargets, parseImportMap } from './import-map.ts';
import { listFiles } from './walk.ts';
import { runShared } from './parallel.ts';

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite'];

/** `javascript:` as a browser reads it: case-insensitive, ignoring leading spaces and embedded tabs/newlines. */
const isJavascriptUrl = (value: string) => /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));

/** Unsafe markup in one element: inline handlers, style attributes, javascript: URLs. */
function markupProblems(element: ScannedElement): string[] {
  const problems: string[] = [];
  for (const [name, value] of element.attrs) {
    if (/^on/i.test(name)) problems.push(`inline event handler ${name}= on <${element.tag}>`);
    if (name.toLowerCase() === 'style') problems.push(`style= attribute on <${element.tag}>`);
    if (URL_ATTRIBUTES.includes(name.toLowerCase()) && isJavascriptUrl(value)) {
      problems.push(`javascript: URL in ${name}= on <${element.tag}>`);
    }
  }
  return problems;
}

/** Every same-origin module of an import map must carry an integrity that matches its bytes. */
function importMapProblems(text: string, pagePath: string, file: string, dist: DistFiles, origin: string): string[] {
  let map;
  try {
    map = parseImportMap(text, file);
  } catch (error) {
    return [(error as Error).message];
  }
  return importMapTargets(map, pagePath, origin).flatMap((path) => {
    const bytes = dist.read(path);
    const integrity = map.integrity?.[path];
    if (!bytes) return [`importmap module ${path} is not a file this build emitted`];
    if (!integrity) return [`importmap module ${path} has no integrity entry`];
    return dist.matches(path, integrity) ? [] : [`importmap module ${path} no longer matches its SRI ${integrity}`];
  });
}

/**
 * The verify step, last and fail-closed: re-reads dist/ and the manifest and returns every gap.
 * The build fails when the list is not empty.
 */
export function verifyDist(dir: string, manifest: HeadersManifest, options: SecurityOptions): string[] {
  const htmlFiles = listFiles(dir).filter((f) => f.endsWith('.html'));
  return [...verifyFiles(dir, htmlFiles, manifest, options), ...verifyManifest(htmlFiles, manifest)];
}

/** The same, with the pages shared among worker threads on large sites. */
export async function verifyDistParallel(
  dir: string,
  manifest: HeadersManifest,
  options: SecurityOptions,
): Promise<string[]> {
  const htmlFiles = listFiles(dir).filter((f) => f.endsWith('.html'));
  const shares = (await runShared('verify', dir, htmlFiles, { options, manifest })) as string[][];
  return [...shares.flat(), ...verifyManifest(htmlFiles, manifest)];
}

/** Page-level checks for the given HTML files (one worker's share, or all of them). */
export function verifyFiles(
  dir: string,
  htmlFiles: readonly string[],
  manifest: HeadersManifest,
  options: SecurityOptions,
): string[] {
  const dist = new DistFiles(dir);
  const problems: string[] = [];
  for (const file of htmlFiles) {
    const html = readFileSync(join(dir, file), 'utf8');
    const report = (message: string, element?: ScannedElement) =>
      problems.push(`${file}${element ? `:${element.line}` : ''}: ${message}`);
    const route = findRoute(manifest, routeOfFile(file));
    const csp = route ? parseCsp(manifest.routes[route]?.csp ?? '') : undefined;
    if (!route || !csp) report('HTML route missing from the headers manifest');
    let page;
    try {
      page = scanHtml(html, file);
    } catch (error) {
      report((error as Error).message);
      continue;
    }
    let metaCsp: string | undefined;
    for (const element of page.elements) {
      for (const problem of markupProblems(element)) report(problem, element);
      if (element.tag === 'meta' && element.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') {
        metaCsp = element.attrs.get('content');
      }
      if (element.rawText !== undefined && !getReference(element) && csp) {
        const directive = element.tag === 'script' ? 'script-src-elem' : 'style-src-elem';
        const hash = `'${integrityOf(element.rawText, 'sha256')}'`;
        if (!effectiveSources(csp, directive)?.includes(hash)) {
          report(`inline <${element.tag}> (${hash}) is not covered by the manifest CSP`, element);
        }
      }
      if (element.tag === 'script' && element.attrs.get('type') === 'importmap' && element.rawText !== undefined) {
        for (const problem of importMapProblems(element.rawText, routeOfFile(file), file, dist, options.origin))
          report(problem, element);
      }
      const ref = getReference(element);
      if (!ref) continue;
      const target = resolveUrl(ref.url, routeOfFile(file), options.origin);
      const integrity = element.attrs.get('integrity');
      if ('other' in target) {
        report(`${ref.kind} reference ${ref.url} is neither same-origin nor https`, element);
      } else if (!target.local) {
        const pinned = options.allowedExternal.find((e) => e.url === target.url);
        if (!pinned) report(`cross-origin ${ref.kind} ${target.url} is not allow-listed with a pinned hash`, element);
        else if (integrity !== pinned.integrity)
          report(`cross-origin ${ref.kind} ${target.url} lacks its pinned integrity`, element);
      } else {
        const bytes = dist.read(target.path);
        if (!bytes) report(`${ref.kind} ${target.path} is not a file this build emitted`, element);
        else if (!integrity) report(`${ref.kind} ${target.path} has no integrity attribute`, element);
        else if (!dist.matches(target.path, integrity))
          report(`${ref.kind} ${target.path} no longer matches its SRI ${integrity}`, element);
      }
    }
    if (route && metaCsp === undefined) report('no <meta http-equiv="content-security-policy">');
    if (route && html.includes('data-header=')) {
      // The website-security page shows the policy; it must be exactly what this page is served with.
      const served = resolveHeaders(manifest, route);
      for (const [name, shown] of readPolicyTable(html)) {
        if (served[name] !== shown)
          report(`policy table shows ${name}: ${shown}, but the page is served ${served[name] ?? '(absent)'}`);
      }
    }
    if (route && metaCsp !== undefined) {
      const expected = parseCsp(manifest.routes[route]?.csp ?? '');
      for (const name of HEADER_ONLY_DIRECTIVES) expected.delete(name);
      if (JSON.stringify([...parseCsp(metaCsp)]) !== JSON.stringify([...expected])) {
        report('the <meta> CSP differs from the manifest header CSP');
      }
    }
  }
  return problems;
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
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'https:', 'http:', 'data:', 'blob:']) {
      if ([...parsed.values()].some((sources) => sources.includes(unsafe))) {
        problems.push(`headers manifest: route ${route}: CSP allows ${unsafe}`);
      }
    }
  }
  return problems;
}
