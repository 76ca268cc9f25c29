import { formatIssues } from '../schemas/issues.ts';
import { securityOptionsSchema, type SecurityOptions } from './options.ts';
import { serializeCsp, getCspDirectives, EMPTY_NEEDS } from './headers/csp.ts';

export type { SecurityOptions, SecurityOptionsInput } from './options.ts';

/**
 * Validates the integration options once, at config load. Errors name the header (the option
 * path) and the bad value: `[security] hsts.maxAge: HSTS max-age must be at least one year (got 600)`.
 */
export function parseSecurityOptions(input: unknown): SecurityOptions {
  const result = securityOptionsSchema.safeParse(input ?? {});
  if (!result.success) {
    throw new Error(
      formatIssues('[security]', result.error.issues, { separator: ' ', root: '(options)', quoteFrom: { input } }),
    );
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

export { COMMON_HEADERS, getCommonHeaders, headerReason } from './headers/registry.ts';
