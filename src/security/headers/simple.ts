/**
 * Headers with one right value for this site. They are functions like the others so that every
 * header value comes from src/security and nowhere else.
 */

/** `Referrer-Policy`: no URL of ours leaks to the sites we link to. */
export const getReferrerPolicy = (): string => 'no-referrer';

/** `X-Content-Type-Options`: the browser trusts our Content-Type, never sniffs a script out of text. */
export const getXContentTypeOptions = (): string => 'nosniff';

/** `X-Frame-Options`: legacy twin of `frame-ancestors 'none'` for browsers without CSP 2. */
export const getXFrameOptions = (): string => 'DENY';

/** `Origin-Agent-Cluster`: isolate this origin in its own agent cluster. */
export const getOriginAgentCluster = (): string => '?1';

/** `X-DNS-Prefetch-Control`: no speculative DNS look-ups for links a reader never follows. */
export const getXDnsPrefetchControl = (): string => 'off';

/** `X-Permitted-Cross-Domain-Policies`: no Flash/PDF cross-domain policy files honoured. */
export const getXPermittedCrossDomainPolicies = (): string => 'none';
