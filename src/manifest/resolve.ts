import type { HeadersManifest } from './schema.ts';

/** The HTML route a URL path maps to (`/fr` and `/fr/index.html` both give `/fr/`). */
export function findRoute(manifest: HeadersManifest, urlPath: string): string | undefined {
  if (manifest.routes[urlPath]) return urlPath;
  const withSlash = urlPath.endsWith('/') ? urlPath : `${urlPath}/`;
  if (manifest.routes[withSlash]) return withSlash;
  const dir = urlPath.endsWith('/index.html') ? urlPath.slice(0, -'index.html'.length) : undefined;
  return dir && manifest.routes[dir] ? dir : undefined;
}

/**
 * The complete header map for a URL path that exists in dist/ (an HTML route or an asset).
 * Callers serving a 404 pass `manifest.notFound`.
 */
export function resolveHeaders(manifest: HeadersManifest, urlPath: string): Record<string, string> {
  const route = findRoute(manifest, urlPath);
  if (route) {
    return {
      ...manifest.common,
      'Content-Security-Policy': manifest.routes[route]?.csp ?? '',
      'Content-Type': htmlContentType(manifest),
      'Cache-Control': manifest.cacheControl.revalidate,
    };
  }
  const immutable = manifest.cacheControl.immutablePrefixes.some((p) => urlPath.startsWith(p));
  return {
    ...manifest.common,
    'Content-Security-Policy': manifest.assets.csp.inert,
    'Content-Type': contentTypeOf(manifest, urlPath),
    'Cache-Control': immutable ? manifest.cacheControl.immutable : manifest.cacheControl.revalidate,
  };
}

/**
 * Headers of a response without a body of its own (a redirect, a 304, a 405, a server's own error):
 * the common headers and the inert CSP, never cached as a page.
 */
export function bodilessHeaders(manifest: HeadersManifest): Record<string, string> {
  return {
    ...manifest.common,
    'Content-Security-Policy': manifest.assets.csp.inert,
    'Cache-Control': manifest.cacheControl.revalidate,
  };
}

/** The precompressed encodings a file may have, in the server's order of preference (none for images, fonts…). */
export function precompressedEncodingsOf(
  manifest: HeadersManifest,
  urlPath: string,
): HeadersManifest['precompressed']['encodings'] {
  return manifest.precompressed.extensions.includes(extensionOf(urlPath)) ? manifest.precompressed.encodings : [];
}

/**
 * True for a precompressed sibling (`/index.html.br`): a representation of another file, sent in its
 * place by Accept-Encoding, never a resource of its own, so servers answer 404 when it is asked for.
 */
export function isPrecompressedSibling(manifest: HeadersManifest, urlPath: string): boolean {
  const sibling = manifest.precompressed.encodings.find(({ suffix }) => urlPath.endsWith(suffix));
  return (
    sibling !== undefined && precompressedEncodingsOf(manifest, urlPath.slice(0, -sibling.suffix.length)).length > 0
  );
}

/** `/fr/index.html` → `/fr/`; `/404.html` stays. */
export function routeOfFile(relativeFile: string): string {
  const path = `/${relativeFile.split('\\').join('/')}`;
  if (path === '/index.html') return '/';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Content-Type from the manifest's own table, so consumers need nothing but the JSON. */
export function contentTypeOf(manifest: HeadersManifest, urlPath: string): string {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  const byName = manifest.assets.contentTypesByName[name];
  if (byName) return byName;
  return manifest.assets.contentTypes[extensionOf(urlPath)] ?? manifest.assets.defaultContentType;
}

/** `.css` for `/a/b.CSS`, `''` without an extension: the one reading both lookups share. */
function extensionOf(urlPath: string): string {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/** The Content-Type of every HTML route, as the policy decided it (the manifest requires it). */
export function htmlContentType(manifest: HeadersManifest): string {
  const type = manifest.assets.contentTypes['.html'];
  if (type === undefined) throw new Error('headers manifest: assets.contentTypes has no .html entry');
  return type;
}

/** The Fetch Metadata of one request (`Sec-Fetch-Site`, `-Mode`, `-Dest`), as received. */
export interface FetchMetadata {
  method: string;
  site: string | undefined;
  mode: string | undefined;
  dest: string | undefined;
}

/**
 * True when the manifest's resource-isolation rule refuses `request` (answer 403). Without
 * `Sec-Fetch-Site` the request passes: only browsers send it, and a page cannot forge it.
 */
export function refusesCrossSite(manifest: HeadersManifest, request: FetchMetadata): boolean {
  const { allowedSites, navigation } = manifest.resourceIsolation;
  const site = request.site?.trim().toLowerCase();
  if (site === undefined || site === '' || allowedSites.includes(site)) return false;
  const isNavigation =
    request.mode?.trim().toLowerCase() === navigation.mode &&
    navigation.methods.includes(request.method.toUpperCase()) &&
    !navigation.refusedDestinations.includes(request.dest?.trim().toLowerCase() ?? '');
  return !isNavigation;
}
