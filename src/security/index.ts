import { securityOptionsSchema, type SecurityOptions } from './options.ts';
import {
  getCrossOriginEmbedderPolicy,
  getCrossOriginOpenerPolicy,
  getCrossOriginResourcePolicy,
} from './headers/cross-origin.ts';
import { getStrictTransportSecurity } from './headers/hsts.ts';
import { getPermissionsPolicy } from './headers/permissions-policy.ts';
import { getReportingEndpoints } from './headers/reporting.ts';
import { serializeCsp, getCspDirectives, EMPTY_NEEDS } from './headers/csp.ts';
import {
  getOriginAgentCluster,
  getReferrerPolicy,
  getXContentTypeOptions,
  getXDnsPrefetchControl,
  getXFrameOptions,
  getXPermittedCrossDomainPolicies,
} from './headers/simple.ts';

export type { SecurityOptions, SecurityOptionsInput } from './options.ts';

/**
 * Validates the integration options once, at config load. Errors name the header (the option
 * path) and the bad value: `[security] hsts.maxAge: HSTS max-age must be at least one year (got 600)`.
 */
export function parseSecurityOptions(input: unknown): SecurityOptions {
  const result = securityOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      const bad = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
      return `[security] ${path || '(options)'}: ${issue.message} (got ${JSON.stringify(bad)})`;
    });
    throw new Error(lines.join('\n'));
  }
  const options = result.data;
  if (options.csp.reportTo && !(options.csp.reportTo in options.reportingEndpoints)) {
    throw new Error(`[security] csp.reportTo: group "${options.csp.reportTo}" is not defined in reportingEndpoints`);
  }
  // Serialise a full policy once so helmet-csp rejects a bad report URI now, not while writing files.
  try {
    serializeCsp(getCspDirectives(options, EMPTY_NEEDS));
  } catch (error) {
    const value = JSON.stringify(options.csp.reportUri ?? options.csp.reportTo);
    throw new Error(`[security] csp: ${(error as Error).message} (report options: ${value})`, { cause: error });
  }
  return options;
}

/** Headers every response carries, whatever its type. */
export function getCommonHeaders(options: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Strict-Transport-Security': getStrictTransportSecurity(options),
    'X-Content-Type-Options': getXContentTypeOptions(),
    'Referrer-Policy': getReferrerPolicy(),
    'X-Frame-Options': getXFrameOptions(),
    'Cross-Origin-Opener-Policy': getCrossOriginOpenerPolicy(),
    'Cross-Origin-Resource-Policy': getCrossOriginResourcePolicy(),
    'Cross-Origin-Embedder-Policy': getCrossOriginEmbedderPolicy(options),
    'Permissions-Policy': getPermissionsPolicy(options),
    'Origin-Agent-Cluster': getOriginAgentCluster(),
    'X-DNS-Prefetch-Control': getXDnsPrefetchControl(),
    'X-Permitted-Cross-Domain-Policies': getXPermittedCrossDomainPolicies(),
  };
  const reporting = getReportingEndpoints(options);
  if (reporting) headers['Reporting-Endpoints'] = reporting;
  return headers;
}
