import type { SecurityOptions } from '../security/options.ts';
import type { RouteNeeds } from '../security/headers/csp.ts';
import { getMetaContentSecurityPolicy, getContentSecurityPolicy } from '../security/headers/csp.ts';
import { DECLARATION_META, isSealed } from '../security/declaration-seal.ts';
import { getRouteDeclaration, type RouteDeclaration } from '../security/route-declarations.ts';
import type { DistFiles } from './dist-files.ts';
import { scanHtml, type ScannedElement } from './html-scan.ts';
import { getReference, isFontPreload, isIconLink, isManifestLink, resolveUrl } from './references.ts';
import { integrityOf } from '../standards/sri.ts';
import { getStylesheetNeeds } from './stylesheet-needs.ts';
import { addImportMapIntegrity } from './import-map.ts';
import { sourceOf, type BuildTrust } from './trust.ts';
import { pagefindMetaUrl } from '../search/meta-preload.ts';
import { ROUTE_CSP_CELL } from '../security/policy-table.ts';

export interface HardenedPage {
  html: string;
  csp: string;
  needs: RouteNeeds;
  inlineHashes: number;
  /** The route's declaration name, when a sealed marker declared one. */
  declaration?: string;
}

// Thousands of pages share a handful of distinct needs: build and validate each policy once.
const policyCache = new WeakMap<SecurityOptions, Map<string, { csp: string; meta: string }>>();
function policiesFor(options: SecurityOptions, needs: RouteNeeds): { csp: string; meta: string } {
  let cache = policyCache.get(options);
  if (!cache) {
    cache = new Map();
    policyCache.set(options, cache);
  }
  const key = JSON.stringify(needs);
  let entry = cache.get(key);
  if (!entry) {
    const meta = `<meta http-equiv="content-security-policy" content="${escapeAttr(getMetaContentSecurityPolicy(options, needs))}">`;
    entry = { csp: getContentSecurityPolicy(options, needs), meta };
    cache.set(key, entry);
  }
  return entry;
}

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const IMAGE_TAGS = new Set(['img', 'image', 'input', 'video', 'source']);

interface Edit {
  at: number;
  /** Replace [at, end); an insertion when undefined. */
  end?: number;
  text: string;
}

/** Applies non-overlapping edits in one pass (a slice per edit would copy the page each time). */
function applyEdits(html: string, edits: Edit[]): string {
  edits.sort((a, b) => a.at - b.at || (a.end ?? a.at) - (b.end ?? b.at));
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    parts.push(html.slice(cursor, edit.at), edit.text);
    cursor = edit.end ?? edit.at;
  }
  parts.push(html.slice(cursor));
  return parts.join('');
}

/**
 * The route's declaration, from the sealed marker its RouteDeclaration component rendered. A marker
 * without the build's seal, an unknown name or a second marker stops the build: content must never
 * be able to widen what its route may carry.
 */
function readDeclaration(
  markers: ScannedElement[],
  source: string,
  trust: BuildTrust,
): { name?: string; declaration: RouteDeclaration } {
  const [marker, second] = markers;
  if (!marker) return { declaration: getRouteDeclaration(undefined) as RouteDeclaration };
  if (second) throw new Error(`${source}:${second.line}: a second <meta name="${DECLARATION_META}">`);
  const name = marker.attrs.get('content') ?? '';
  const declaration = getRouteDeclaration(name, trust.declarations);
  // A copy of a public/ file is never code's output, whatever its marker says.
  const sealed =
    !source.startsWith('public/') && isSealed(name, marker.attrs.get('data-seal'), Buffer.from(trust.sealKey));
  if (!declaration || !sealed) {
    throw new Error(
      `${source}:${marker.line}: <meta name="${DECLARATION_META}" content="${name}"> was not written by the project's RouteDeclaration component (no valid seal): content cannot declare what a route may carry`,
    );
  }
  return { name, declaration };
}

/** The policy caps what any declaration may ask for: a capability it does not allow stops the build. */
function assertAllowed(name: string | undefined, declaration: RouteDeclaration, options: SecurityOptions): void {
  for (const capability of declaration.capabilities) {
    if (!options.csp.capabilities.includes(capability))
      throw new Error(
        `[harden] declaration "${name}" asks for "${capability}", which the security policy does not allow (allowed: ${options.csp.capabilities.join(', ')})`,
      );
  }
}

/**
 * Adds SRI to the scripts and stylesheets this build emitted, hashes the inline scripts and styles
 * the route's declaration names (exact texts from reviewed code, never what the page happens to
 * contain), and writes the route's CSP as a `<meta>` (for hosts that cannot send headers). Whatever
 * is not declared is left untouched, unhashed: the verify step then fails the build on it.
 */
export function hardenPage(
  html: string,
  pagePath: string,
  file: string,
  dist: DistFiles,
  options: SecurityOptions,
  trust: BuildTrust,
): HardenedPage {
  const source = sourceOf(file, trust);
  const page = scanHtml(html, source);
  const edits: Edit[] = [];
  const markers = page.elements.filter((e) => e.tag === 'meta' && e.attrs.get('name') === DECLARATION_META);
  const { name, declaration } = readDeclaration(markers, source, trust);
  assertAllowed(name, declaration, options);
  for (const marker of markers) edits.push({ at: marker.start, end: marker.startTagEnd, text: '' });

  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  const externalScriptOrigins = new Set<string>();
  const externalStyleOrigins = new Set<string>();
  const needs = { scriptFiles: false, styleFiles: false, images: false, fonts: false, manifest: false };
  let inlineHashes = 0;
  // Only files Vite emitted may be loaded as code or style: a copy of a public/ file is author input.
  const emitted = (path: string) => !trust.publicFiles.has(path);

  for (const element of page.elements) {
    if (element.rawText !== undefined && !getReference(element)) {
      const text = element.rawText;
      if (element.tag === 'script' && element.attrs.get('type') === 'importmap') {
        if (!declaration.importMaps.includes(text)) continue;
        // Modules a page imports get SRI too, through the import map's "integrity" field, and the
        // same hashes go into script-src so the browser's CSP pre-request check accepts them.
        const map = addImportMapIntegrity(text, pagePath, source, dist, options.origin);
        for (const hash of map.hashes) scriptHashes.add(hash);
        needs.scriptFiles ||= map.hashes.length > 0;
        edits.push({ at: element.rawStart ?? 0, end: element.rawEnd ?? 0, text: map.text });
        scriptHashes.add(integrityOf(map.text, 'sha256'));
      } else if (element.tag === 'script' && declaration.inlineScripts.includes(text)) {
        scriptHashes.add(integrityOf(text, 'sha256'));
      } else if (element.tag === 'style' && declaration.inlineStyles.includes(text)) {
        styleHashes.add(integrityOf(text, 'sha256'));
      } else continue;
      inlineHashes += 1;
      continue;
    }
    if (
      isIconLink(element) ||
      IMAGE_TAGS.has(element.tag) ||
      (element.tag === 'video' && element.attrs.has('poster'))
    ) {
      if (element.tag !== 'input' || element.attrs.get('type') === 'image') needs.images = true;
    }
    if (isManifestLink(element)) needs.manifest = true;
    if (isFontPreload(element)) needs.fonts = true;

    const ref = getReference(element);
    if (!ref || (ref.kind === 'script' && !declaration.modules)) continue;
    const target = resolveUrl(ref.url, pagePath, options.origin);
    if ('other' in target) continue;
    if (!target.local) {
      const pinned = options.allowedExternal.find((e) => e.url === target.url);
      if (!pinned) continue; // left for verify to report: never hash a third-party file
      (ref.kind === 'script' ? externalScriptOrigins : externalStyleOrigins).add(target.origin);
      if (ref.kind === 'script') scriptHashes.add(pinned.integrity);
      if (!element.attrs.has('integrity'))
        edits.push({ at: element.insertAt, text: ` integrity="${pinned.integrity}" crossorigin="anonymous"` });
      continue;
    }
    const integrity = emitted(target.path) ? dist.integrity(target.path) : undefined;
    if (!integrity) continue; // not emitted by this build: verify reports it
    if (ref.kind === 'script') {
      needs.scriptFiles = true;
      scriptHashes.add(integrity);
    } else {
      needs.styleFiles = true;
      const css = getStylesheetNeeds(dist, target.path);
      needs.fonts ||= css.fonts;
      needs.images ||= css.images;
    }
    // crossorigin makes the fetch a CORS one (same-origin: credentials as usual): Integrity-Policy
    // refuses no-cors script and style fetches, and a classic <link rel=stylesheet> is no-cors.
    const cors = element.attrs.has('crossorigin') ? '' : ' crossorigin="anonymous"';
    const sri = element.attrs.has('integrity') ? '' : ` integrity="${integrity}"`;
    if (sri || cors) edits.push({ at: element.insertAt, text: `${sri}${cors}` });
  }

  const routeNeeds: RouteNeeds = {
    ...needs,
    scriptHashes: [...scriptHashes].sort(),
    styleHashes: [...styleHashes].sort(),
    capabilities: [...declaration.capabilities].sort(),
    externalScriptOrigins: [...externalScriptOrigins].sort(),
    externalStyleOrigins: [...externalStyleOrigins].sort(),
  };
  const { csp, meta } = policiesFor(options, routeNeeds);
  edits.push({ at: page.headInsertAt, text: meta });
  for (const cell of page.elements.filter((e) => e.tag === 'code' && e.attrs.has(ROUTE_CSP_CELL))) {
    if (!html.startsWith('</code>', cell.startTagEnd))
      throw new Error(
        `${source}:${cell.line}: <code ${ROUTE_CSP_CELL}> must be empty: the harden step writes the page's CSP into it`,
      );
    edits.push({ at: cell.startTagEnd, text: escapeText(csp) });
  }
  if (declaration.pagefindMeta) {
    // The first file Pagefind's init() asks for after its entry file: requested with the page.
    const lang = page.elements.find((e) => e.tag === 'html')?.attrs.get('lang') ?? '';
    const href = pagefindMetaUrl(dist.root, lang);
    edits.push({ at: page.headInsertAt, text: `<link rel="preload" href="${href}" as="fetch" crossorigin>` });
  }
  const out = applyEdits(html, edits);
  return { html: out, csp, needs: routeNeeds, inlineHashes, ...(name === undefined ? {} : { declaration: name }) };
}
