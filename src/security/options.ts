import { z } from 'zod';

/** An https URL that can sit inside a header value: no quote, separator or white space. */
const headerSafeUrl = z
  .url({ protocol: /^https$/ })
  .refine((url) => !/["';,\s]/.test(url), 'must not contain quotes, ";", "," or white space');

/**
 * Every powerful feature this static site never uses; each is denied with `feature=()`. Only names
 * Chromium recognises: an unknown one is logged as an error on every page.
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'storage-access',
  'usb',
  'window-management',
  'xr-spatial-tracking',
] as const;

/**
 * Options of the security integration: the only place where header values are decided.
 * Defaults are the strictest a static site can carry; each option can only be made stricter or
 * given reporting, never loosened to `'unsafe-inline'`, wildcards or bare schemes.
 */
export const securityOptionsSchema = z
  .object({
    /** Canonical origin, used for cross-origin checks. @example https://cryptpeer.com */
    origin: z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/, 'expected the site origin, https://host'),
    csp: z
      .object({
        /** Legacy reporting endpoint (`report-uri`). @example https://cryptpeer.com/csp-report */
        reportUri: headerSafeUrl.optional(),
        /** Reporting API group name (`report-to`), defined by `reportingEndpoints`. @example csp */
        reportTo: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .optional(),
        /**
         * The most any route declaration (src/security/route-declarations.ts) may be granted; a
         * declaration asking for a capability not listed here fails the build.
         */
        capabilities: z.array(z.enum(['wasm', 'worker'])).default(['wasm', 'worker']),
      })
      .strict()
      .default({ capabilities: ['wasm', 'worker'] }),
    /** `Reporting-Endpoints` header: group name → https URL. */
    reportingEndpoints: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), headerSafeUrl).default({}),
    hsts: z
      .object({
        /** Seconds; at least one year, as HSTS preload lists require. @example 63072000 */
        maxAge: z
          .number()
          .int()
          .min(31_536_000, 'HSTS max-age must be at least one year (31536000)')
          .default(63_072_000),
        includeSubDomains: z.literal(true, 'HSTS must include subdomains').default(true),
        /** Only set once the domain is submitted to the preload list. */
        preload: z.boolean().default(false),
      })
      .strict()
      .default({ maxAge: 63_072_000, includeSubDomains: true, preload: false }),
    /** Cross-origin scripts or stylesheets allowed, each pinned by its SRI hash. Empty by default. */
    allowedExternal: z
      .array(
        z
          .object({
            url: z.url({ protocol: /^https$/ }),
            integrity: z.string().regex(/^sha(384|512)-[A-Za-z0-9+/]+={0,2}$/, 'expected sha384-… or sha512-… SRI'),
          })
          .strict(),
      )
      .default([]),
    /** `Cross-Origin-Embedder-Policy`: holds because every subresource is same-origin. */
    coep: z.enum(['require-corp', 'credentialless']).default('require-corp'),
    permissionsPolicy: z
      .object({
        deny: z
          .array(z.string().regex(/^[a-z][a-z-]*$/))
          .min(1)
          .default([...DENIED_FEATURES]),
      })
      .strict()
      .default({ deny: [...DENIED_FEATURES] }),
    /** URL path prefixes whose file names carry a content hash: cached for a year, immutable. */
    immutablePrefixes: z.array(z.string().regex(/^\/([\w.-]+\/)+$/, 'a path such as /_astro/')).default(['/_astro/']),
  })
  .strict();

export type SecurityOptionsInput = z.input<typeof securityOptionsSchema>;
export type SecurityOptions = z.output<typeof securityOptionsSchema>;
export type Capability = SecurityOptions['csp']['capabilities'][number];
