import type { SecurityOptions } from '../security/options.ts';
import { getCommonHeaders } from '../security/index.ts';
import { getAssetContentSecurityPolicy } from '../security/headers/csp.ts';
import { getImmutableCacheControl, getRevalidateCacheControl } from '../security/headers/cache-control.ts';
import { CONTENT_TYPES, CONTENT_TYPES_BY_NAME, DEFAULT_CONTENT_TYPE } from '../security/headers/content-type.ts';
import { COMPRESSIBLE_EXTENSIONS, PRECOMPRESSED_ENCODINGS } from '../security/headers/content-encoding.ts';
import { RESOURCE_ISOLATION } from '../security/fetch-metadata.ts';
import { ALLOWED_METHODS } from '../security/methods.ts';
import type { HeadersManifest } from '../manifest/index.ts';

/**
 * Writes the headers manifest (its contract: src/manifest/) from the policy: the common headers,
 * each route's CSP and the asset classes, all decided in src/security/.
 */
export function createManifest(
  options: SecurityOptions,
  routes: HeadersManifest['routes'],
  extra: { forbidden?: string[] } = {},
): HeadersManifest {
  const sortedRoutes = Object.fromEntries(Object.entries(routes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    version: 1,
    origin: options.origin,
    common: getCommonHeaders(options),
    routes: sortedRoutes,
    notFound: '/404.html',
    assets: {
      csp: { inert: getAssetContentSecurityPolicy() },
      contentTypes: { ...CONTENT_TYPES },
      contentTypesByName: { ...CONTENT_TYPES_BY_NAME },
      defaultContentType: DEFAULT_CONTENT_TYPE,
    },
    cacheControl: {
      immutablePrefixes: [...options.immutablePrefixes],
      immutable: getImmutableCacheControl(),
      revalidate: getRevalidateCacheControl(),
    },
    precompressed: {
      encodings: PRECOMPRESSED_ENCODINGS.map((e) => ({ ...e })),
      extensions: [...COMPRESSIBLE_EXTENSIONS],
    },
    resourceIsolation: {
      allowedSites: [...RESOURCE_ISOLATION.allowedSites],
      navigation: {
        mode: RESOURCE_ISOLATION.navigation.mode,
        methods: [...RESOURCE_ISOLATION.navigation.methods],
        refusedDestinations: [...RESOURCE_ISOLATION.navigation.refusedDestinations],
      },
    },
    methods: [...ALLOWED_METHODS],
    forbidden: [...(extra.forbidden ?? [])].sort(),
  };
}
