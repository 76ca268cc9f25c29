import type { SecurityOptions } from '../security/options.ts';
import { HEADER_ONLY_DIRECTIVES } from '../security/headers/csp.ts';
import { getReferrerPolicy } from '../security/headers/simple.ts';
import { getRouteDeclaration, type RouteDeclaration } from '../security/route-declarations.ts';
import { parseCsp, effectiveSources } from '../standards/csp-parse.ts';
import type { DistFiles } from './dist-files.ts';
import { findRoute, resolveHeaders, routeOfFile, type HeadersManifest } from '../manifest/index.ts';
import { markupProblems } from './markup-rules.ts';
import { parsePage, type PageElement } from './parse-page.ts';
import { readPolicyTable } from './policy-table-check.ts';
import { getReference, resolveUrl } from './references.ts';
import { integrityOf } from '../standards/sri.ts';
import { importMapTargets, parseImportMap } from './import-map.ts';
import { sourceOf, type BuildTrust } from './trust.ts';

/** The import map as its component rendered it: harden's `integrity` field taken out again. */
function withoutIntegrity(text: string): string | undefined {
  try {
    const { integrity: _integrity, ...map } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(map);
  } catch {
    return undefined;
  }
}

/** Every same-origin module of an import map must carry an integrity that matches its bytes. */
function importMapProblems(text: string, pagePath: string, source: string, dist: DistFiles, origin: string): string[] {
  let map;
  try {
    map = parseImportMap(text, source);
  } catch (error) {
    return [(error as Error).message];
  }
  return importMapTargets(map, pagePath, origin).flatMap((path) => {
    const integrity = map.integrity?.[path];
    if (!dist.read(path)) return [`importmap module ${path} is not a file this build emitted`];
    if (!integrity) return [`importmap module ${path} has no integrity entry`];
    return dist.matches(path, integrity) ? [] : [`importmap module ${path} no longer matches its SRI ${integrity}`];
  });
}

// Thousands of pages share a handful of policies: each distinct CSP text is read once per build,
// never trusted from harden (these are verify's own readings of the manifest's and the page's text).
// Pure functions of the text; a text seen for the first time is read as before. Bounded, since a
// page's own <meta> text is page content.
const CACHE_LIMIT = 256;
const readings = new Map<string, ReadonlyMap<string, readonly string[]>>();
const metaForms = new Map<string, string>();
function remember<T>(cache: Map<string, T>, key: string, read: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = read();
    cache.set(key, value);
  }
  return value;
}
const readCsp = (value: string) => remember(readings, value, () => parseCsp(value));
/** A CSP as a `<meta>` can carry it (header-only directives left out), in a comparable form. */
const metaFormOfHeader = (csp: string) =>
  remember(metaForms, `header\n${csp}`, () => {
    const expected = parseCsp(csp);
    for (const name of HEADER_ONLY_DIRECTIVES) expected.delete(name);
    return JSON.stringify([...expected]);
  });
const metaFormOf = (content: string) =>
  remember(metaForms, `meta\n${content}`, () => JSON.stringify([...parseCsp(content)]));

/** A script or style element against what the route declared: content routes may carry none. */
function inlineProblems(
  element: PageElement,
  declaration: RouteDeclaration,
  csp: ReadonlyMap<string, readonly string[]>,
): string[] {
  const text = (element.text ?? '').replace(/\r\n?/g, '\n');
  const isMap = element.tag === 'script' && element.attrs.get('type') === 'importmap';
  const declared =
    element.space === 'html' &&
    (isMap
      ? declaration.importMaps.includes(withoutIntegrity(text) ?? '')
      : (element.tag === 'script' ? declaration.inlineScripts : declaration.inlineStyles).includes(text));
  if (!declared) return [`inline <${element.tag}> is not declared for this route (${declaration.reason})`];
  const directive = element.tag === 'script' ? 'script-src-elem' : 'style-src-elem';
  const hash = `'${integrityOf(text, 'sha256')}'`;
  return effectiveSources(csp, directive)?.includes(hash)
    ? []
    : [`inline <${element.tag}> (${hash}) is not covered by the manifest CSP`];
}

interface PageInput {
  file: string;
  html: string;
  manifest: HeadersManifest;
  options: SecurityOptions;
  trust: BuildTrust;
  dist: DistFiles;
}

/**
 * The fail-closed checks of one built page, read as a browser reads it (parse5): every element and
 * attribute against the markup rules, every script and style against the route's declaration, every
 * reference against the bytes in dist/, and the page's own CSP `<meta>` against the manifest.
 */
export function verifyPage(input: PageInput): string[] {
  // Locations cost a quarter of parse5's time and only matter in messages: read them for pages that fail.
  const problems = checkPage(input, false);
  return problems.length === 0 ? problems : checkPage(input, true);
}

function checkPage({ file, html, manifest, options, trust, dist }: PageInput, withLines: boolean): string[] {
  const source = sourceOf(file, trust);
  const problems: string[] = [];
  const report = (message: string, line?: number) => problems.push(`${source}${line ? `:${line}` : ''}: ${message}`);
  const pagePath = routeOfFile(file);
  const route = findRoute(manifest, pagePath);
  const entry = route ? manifest.routes[route] : undefined;
  if (!entry) report('HTML route missing from the headers manifest');
  const csp = readCsp(entry?.csp ?? '');
  const declaration = getRouteDeclaration(entry?.declaration, trust.declarations);
  if (!declaration) return [...problems, `${source}: unknown route declaration "${entry?.declaration}"`];
  const context = { origin: options.origin, pagePath, referrerPolicy: getReferrerPolicy() };
  const { document, elements } = parsePage(html, withLines);
  const metaCsps: string[] = [];

  for (const element of elements) {
    for (const problem of markupProblems(element, context)) report(problem, element.line);
    const { tag, attrs, line } = element;
    if (tag === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy')
      metaCsps.push(attrs.get('content') ?? '');
    if (tag === 'form' && !declaration.forms) report(`<form> on a route that declares none`, line);
    const ref = getReference(element);
    if ((tag === 'script' || tag === 'style') && !ref) {
      for (const problem of inlineProblems(element, declaration, csp)) report(problem, line);
      if (tag === 'script' && attrs.get('type') === 'importmap' && element.text !== undefined)
        for (const problem of importMapProblems(element.text, pagePath, source, dist, options.origin))
          report(problem, line);
      continue;
    }
    if (!ref) continue;
    if (ref.kind === 'script' && (!declaration.modules || element.space !== 'html')) {
      report(`<${tag}> loading ${ref.url} on a route that declares no module scripts (${declaration.reason})`, line);
      continue;
    }
    const target = resolveUrl(ref.url, pagePath, options.origin);
    const integrity = attrs.get('integrity');
    if ('other' in target) {
      report(`${ref.kind} reference ${ref.url} is neither same-origin nor https`, line);
    } else if (!target.local) {
      const pinned = options.allowedExternal.find((e) => e.url === target.url);
      if (!pinned) report(`cross-origin ${ref.kind} ${target.url} is not allow-listed with a pinned hash`, line);
      else if (integrity !== pinned.integrity)
        report(`cross-origin ${ref.kind} ${target.url} lacks its pinned integrity`, line);
    } else if (trust.publicFiles.has(target.path) || !dist.read(target.path)) {
      report(
        `${ref.kind} ${target.path} is not a file this build emitted (files from public/ are never code or style)`,
        line,
      );
    } else if (!integrity) report(`${ref.kind} ${target.path} has no integrity attribute`, line);
    else if (!dist.matches(target.path, integrity))
      report(`${ref.kind} ${target.path} no longer matches its SRI ${integrity}`, line);
  }

  if (entry && metaCsps.length !== 1)
    report(`${metaCsps.length} <meta http-equiv="content-security-policy"> (expected 1)`);
  if (entry && metaCsps.length === 1) {
    if (metaFormOf(metaCsps[0] ?? '') !== metaFormOfHeader(entry.csp))
      report('the <meta> CSP differs from the manifest header CSP');
  }
  if (route && html.includes('data-header=')) {
    // The website-security page shows the policy; it must be exactly what this page is served with.
    const served = resolveHeaders(manifest, route);
    for (const [name, shown] of readPolicyTable(document)) {
      if (served[name] !== shown)
        report(`policy table shows ${name}: ${shown}, but the page is served ${served[name] ?? '(absent)'}`);
    }
  }
  return problems;
}
