import type { HeadersManifest } from '../manifest/index.ts';

/** Routes grouped by identical CSP, so a config names each distinct policy once. */
export function groupRoutesByCsp(manifest: HeadersManifest): { csp: string; routes: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [route, { csp }] of Object.entries(manifest.routes)) {
    const list = groups.get(csp) ?? [];
    list.push(route);
    groups.set(csp, list);
  }
  return [...groups]
    .map(([csp, routes]) => ({ csp, routes }))
    .sort((a, b) => (a.routes[0] ?? '').localeCompare(b.routes[0] ?? ''));
}

/** Every URL form a route answers to: `/fr/` and `/fr/index.html`. */
export function routeForms(route: string): string[] {
  return route.endsWith('/') ? [route, `${route}index.html`] : [route];
}

/** Extensions grouped by Content-Type. */
export function extensionsByType(manifest: HeadersManifest): { type: string; extensions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(manifest.assets.contentTypes)) {
    if (ext === '.html') continue;
    groups.set(type, [...(groups.get(type) ?? []), ext]);
  }
  return [...groups]
    .map(([type, extensions]) => ({ type, extensions: extensions.sort() }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A header value inside double quotes, for nginx, Caddy and Apache. Values never contain `"`. */
export function quoted(value: string): string {
  if (/["\\\n\r]/.test(value)) throw new Error(`emitter: header value cannot be quoted safely: ${value}`);
  return `"${value}"`;
}

export const GENERATED_NOTICE =
  'Generated from the headers manifest by the CryptPeer build. Do not edit: change src/security/ and rebuild.';

/**
 * A regex matching precompressed siblings asked for by name (`/index.html.br`): servers find them
 * by Accept-Encoding for the original path, and refuse them as resources of their own.
 */
export function siblingPattern(manifest: HeadersManifest): string {
  const extensions = manifest.precompressed.extensions.map((e) => escapeRegex(e.slice(1))).join('|');
  const suffixes = manifest.precompressed.encodings.map((e) => escapeRegex(e.suffix.slice(1))).join('|');
  return `\\.(${extensions})\\.(${suffixes})$`;
}
