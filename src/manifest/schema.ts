import { z } from 'zod';

/** Where the build writes the manifest, inside the deploy folder. */
export const MANIFEST_FILE = 'headers-manifest.json';

const headerMap = z.record(z.string(), z.string());

/**
 * The headers manifest: the one artifact every server config, the local server, the tests and the
 * audit CLI read (the build writes it from src/security/, hardening/create-manifest.ts). This module
 * is the contract: its shape, its one reader and its one resolver, depending on nothing else of the
 * project, so that a consumer never needs the build to understand it.
 */
export const manifestSchema = z
  .object({
    version: z.literal(1),
    origin: z.string(),
    /** Sent with every response. */
    common: headerMap,
    /**
     * Every HTML route: its file in dist/, its own CSP and, for the few routes that run code, the
     * name of their declaration in src/security/route-declarations.ts. Keys are URL paths (`/`, `/fr/`).
     */
    routes: z.record(
      z.string(),
      z.object({ file: z.string(), csp: z.string(), declaration: z.string().optional() }).strict(),
    ),
    /** The page served, with status 404, for any unknown path. */
    notFound: z.string(),
    /** Non-HTML responses: CSP by kind, and paths whose kind differs from the default. */
    assets: z
      .object({
        /** The CSP of every response that is not an HTML route: nothing runs, loads or frames it. */
        csp: z.object({ inert: z.string() }).strict(),
        /** File extension → Content-Type; `.html` is the type of every route. */
        contentTypes: headerMap.refine((types) => '.html' in types, 'must give the type of .html (every route)'),
        /** File name (no extension) → Content-Type. */
        contentTypesByName: headerMap,
        defaultContentType: z.string(),
      })
      .strict(),
    cacheControl: z
      .object({ immutablePrefixes: z.array(z.string()), immutable: z.string(), revalidate: z.string() })
      .strict(),
    /**
     * Files with these extensions may have precompressed siblings (`file.br`, `file.gz`) written by
     * the build, each the exact bytes of the file once decoded; servers pick one by Accept-Encoding,
     * in this order, and send `Vary: Accept-Encoding`.
     */
    precompressed: z
      .object({
        encodings: z.array(z.object({ encoding: z.enum(['br', 'gzip']), suffix: z.enum(['.br', '.gz']) }).strict()),
        extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/)),
      })
      .strict(),
    /**
     * Fetch Metadata resource isolation: a request whose `Sec-Fetch-Site` is not listed is refused
     * (403) unless it is a navigation with one of the methods to a destination not refused.
     */
    resourceIsolation: z
      .object({
        allowedSites: z.array(z.string()),
        navigation: z
          .object({ mode: z.string(), methods: z.array(z.string()), refusedDestinations: z.array(z.string()) })
          .strict(),
      })
      .strict(),
    /**
     * The only request methods answered; any other gets 405 with `Allow`. Upper-case tokens only,
     * because emitters write them into server configs.
     */
    methods: z.array(z.string().regex(/^[A-Z]+$/)).min(1),
    /** Files that exist in dist/ for hosts that need them but that must never be served. */
    forbidden: z.array(z.string()),
  })
  .strict();

export type HeadersManifest = z.infer<typeof manifestSchema>;
