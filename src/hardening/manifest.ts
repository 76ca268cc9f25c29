import type { SecurityOptions } from '../security/options.ts';
import { getCommonHeaders } from '../security/index.ts';
import { getAssetContentSecurityPolicy } from '../security/headers/csp.ts';
import { getImmutableCacheControl, getRevalidateCacheControl } from '../security/headers/cache-control.ts';
import { CONTENT_TYPES, CONTENT_TYPES_BY_NAME, DEFAULT_CONTENT_TYPE } from '../security/headers/content-type.ts';

export const MANIFEST_FILE = 'headers-manifest.json';

/**
 * The headers manifest: the one artifact every server config, the local server, the tests and the
 * audit CLI read. `resolveHeaders()` expands it into the complete header map of any URL path.
 */
export interface HeadersManifest {
  version: 1;
  origin: string;
  /** Sent with every response. */
  common: Record<string, string>;
  /**
   * Every HTML route: its file in dist/, its own CSP and, for the few routes that run code, the name
   * of their declaration in src/security/route-declarations.ts. Keys are URL paths (`/`, `/fr/`).
   */
  routes: Record<string, { file: string; csp: string; declaration?: string | undefined }>;
  /** The page served, with status 404, for any unknown path. */
  notFound: string;
  /** Non-HTML responses: CSP by kind, and paths whose kind differs from the default. */
  assets: {
    csp: { inert: string; 'wasm-worker': string };
    /** URL paths of worker scripts that run WebAssembly (they need their own CSP). */
    wasmWorkers: string[];
    /** File extension → Content-Type. */
    contentTypes: Record<string, string>;
    /** File name (no extension) → Content-Type. */
    contentTypesByName: Record<string, string>;
    defaultContentType: string;
  };
  cacheControl: { immutablePrefixes: string[]; immutable: string; revalidate: string };
  /** Files that exist in dist/ for hosts that need them but that must never be served. */
  forbidden: string[];
}

export function createManifest(
  options: SecurityOptions,
  routes: HeadersManifest['routes'],
  extra: { wasmWorkers?: string[]; forbidden?: string[] } = {},
): HeadersManifest {
  const sortedRoutes = Object.fromEntries(Object.entries(routes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    version: 1,
    origin: options.origin,
    common: getCommonHeaders(options),
    routes: sortedRoutes,
    notFound: '/404.html',
    assets: {
      csp: {
        inert: getAssetContentSecurityPolicy('inert'),
        'wasm-worker': getAssetContentSecurityPolicy('wasm-worker'),
      },
      wasmWorkers: [...(extra.wasmWorkers ?? [])].sort(),
      contentTypes: { ...CONTENT_TYPES },
      contentTypesByName: { ...CONTENT_TYPES_BY_NAME },
      defaultContentType: DEFAULT_CONTENT_TYPE,
    },
    cacheControl: {
      immutablePrefixes: [...options.immutablePrefixes],
      immutable: getImmutableCacheControl(),
      revalidate: getRevalidateCacheControl(),
    },
    forbidden: [...(extra.forbidden ?? [])].sort(),
  };
}

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
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': manifest.cacheControl.revalidate,
    };
  }
  const immutable = manifest.cacheControl.immutablePrefixes.some((p) => urlPath.startsWith(p));
  const worker = manifest.assets.wasmWorkers.includes(urlPath);
  return {
    ...manifest.common,
    'Content-Security-Policy': manifest.assets.csp[worker ? 'wasm-worker' : 'inert'],
    'Content-Type': contentTypeOf(manifest, urlPath),
    'Cache-Control': immutable ? manifest.cacheControl.immutable : manifest.cacheControl.revalidate,
  };
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
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  return manifest.assets.contentTypes[ext] ?? manifest.assets.defaultContentType;
}
