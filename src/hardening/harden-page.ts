import type { SecurityOptions, Capability } from '../security/options.ts';
import type { RouteNeeds } from '../security/headers/csp.ts';
import { getMetaContentSecurityPolicy, getContentSecurityPolicy } from '../security/headers/csp.ts';
import type { DistFiles } from './dist-files.ts';
import { scanHtml } from './html-scan.ts';
import { getReference, isFontPreload, isIconLink, isManifestLink, resolveUrl } from './references.ts';
import { integrityOf } from './sri.ts';
import { getStylesheetNeeds } from './stylesheet-needs.ts';
import { addImportMapIntegrity } from './import-map.ts';

export interface HardenedPage {
  html: string;
  csp: string;
  needs: RouteNeeds;
  inlineHashes: number;
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
const IMAGE_TAGS = new Set(['img', 'image', 'input', 'video', 'source']);

/**
 * Adds SRI to every script and stylesheet reference, hashes every inline script and style, and
 * writes the route's CSP as a `<meta>` (for hosts that cannot send headers). Returns the header CSP.
 * Only files present in dist/ are hashed: a reference this build did not emit gets no integrity,
 * and the verify step fails the build on it (never trust what we did not produce).
 */
export function hardenPage(
  html: string,
  pagePath: string,
  file: string,
  dist: DistFiles,
  options: SecurityOptions,
): HardenedPage {
  const page = scanHtml(html, file);
  // Insertions (end undefined) or replacements of [at, end).
  const edits: { at: number; end?: number; text: string }[] = [];
  const scriptHashes = new Set<string>();
  const styleHashes = new Set<string>();
  const externalScriptOrigins = new Set<string>();
  const externalStyleOrigins = new Set<string>();
  const capabilities = new Set<Capability>();
  const needs = { scriptFiles: false, styleFiles: false, images: false, fonts: false, manifest: false };
  let inlineHashes = 0;

  for (const element of page.elements) {
    if (element.rawText !== undefined && !getReference(element)) {
      let text = element.rawText;
      if (element.tag === 'script' && element.attrs.get('type') === 'importmap') {
        // Modules a page imports get SRI too, through the import map's "integrity" field, and the
        // same hashes go into script-src so the browser's CSP pre-request check accepts them.
        const map = addImportMapIntegrity(text, pagePath, file, dist, options.origin);
        text = map.text;
        for (const hash of map.hashes) scriptHashes.add(hash);
        needs.scriptFiles ||= map.hashes.length > 0;
        edits.push({ at: element.rawStart ?? 0, end: element.rawEnd ?? 0, text });
      }
      const hash = integrityOf(text, 'sha256');
      (element.tag === 'script' ? scriptHashes : styleHashes).add(hash);
      inlineHashes += 1;
      continue;
    }
    if (element.tag === 'meta' && element.attrs.get('name') === 'csp-capabilities') {
      for (const token of (element.attrs.get('content') ?? '').split(/\s+/).filter(Boolean)) {
        if (!(options.csp.capabilities as string[]).includes(token)) {
          throw new Error(
            `${file}: csp-capabilities: "${token}" is not allowed by the security policy (allowed: ${options.csp.capabilities.join(', ')})`,
          );
        }
        capabilities.add(token as Capability);
      }
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
    if (!ref) continue;
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
    const integrity = dist.integrity(target.path);
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
    if (!element.attrs.has('integrity')) edits.push({ at: element.insertAt, text: ` integrity="${integrity}"` });
  }

  const routeNeeds: RouteNeeds = {
    ...needs,
    scriptHashes: [...scriptHashes].sort(),
    styleHashes: [...styleHashes].sort(),
    capabilities: [...capabilities].sort(),
    externalScriptOrigins: [...externalScriptOrigins].sort(),
    externalStyleOrigins: [...externalStyleOrigins].sort(),
  };
  const { csp, meta } = policiesFor(options, routeNeeds);
  edits.push({ at: page.headInsertAt, text: meta });

  // Apply insertions from the end so earlier offsets stay valid.
  edits.sort((a, b) => b.at - a.at);
  let out = html;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end ?? edit.at);
  return { html: out, csp, needs: routeNeeds, inlineHashes };
}
