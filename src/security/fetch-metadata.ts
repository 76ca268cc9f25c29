/**
 * Resource isolation by Fetch Metadata (the web.dev "Fetch Metadata" policy): a request another site
 * made the browser send is refused with 403, unless it is a plain top-level navigation (a link
 * followed). Requests without `Sec-Fetch-Site` (older browsers, curl) pass: the header cannot be
 * forged by a page, only left out by a client that is not a browser. This closes cross-site script
 * inclusion, timing and Spectre-style probes of our files even where CORP/COEP are not honoured.
 * Decided here as data; the manifest carries it (`resourceIsolation`), `refusesCrossSite` in
 * src/manifest/ applies it for `npm start`, and each emitter formats it for its server.
 */
export const RESOURCE_ISOLATION = {
  /** `Sec-Fetch-Site` values always allowed (`none`: typed in the address bar, a bookmark). */
  allowedSites: ['same-origin', 'same-site', 'none'],
  /** Cross-site requests allowed: navigations with these methods, to anything but plugin content. */
  navigation: { mode: 'navigate', methods: ['GET', 'HEAD'], refusedDestinations: ['object', 'embed'] },
} as const;
