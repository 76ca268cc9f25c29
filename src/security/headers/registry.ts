import type { Locale } from '../../i18n/locales.ts';
import type { SecurityOptions } from '../options.ts';
import { contentSecurityPolicyReason } from './csp.ts';
import { crossOriginEmbedderPolicy, crossOriginOpenerPolicy, crossOriginResourcePolicy } from './cross-origin.ts';
import type { HeaderDefinition, Reason } from './header.ts';
import { strictTransportSecurity } from './hsts.ts';
import { integrityPolicy } from './integrity-policy.ts';
import { permissionsPolicy } from './permissions-policy.ts';
import { reportingEndpoints } from './reporting.ts';
import {
  originAgentCluster,
  referrerPolicy,
  xContentTypeOptions,
  xDnsPrefetchControl,
  xFrameOptions,
  xPermittedCrossDomainPolicies,
} from './simple.ts';

/**
 * The headers every response carries, in the order they are served. Adding a common header is one
 * entry here (its module holds the value and the reason) and one test: the manifest, every
 * emitter, the local server, the audit and the website-security page read this list.
 */
export const COMMON_HEADERS: readonly HeaderDefinition[] = [
  strictTransportSecurity,
  xContentTypeOptions,
  referrerPolicy,
  xFrameOptions,
  crossOriginOpenerPolicy,
  crossOriginResourcePolicy,
  crossOriginEmbedderPolicy,
  permissionsPolicy,
  integrityPolicy,
  originAgentCluster,
  xDnsPrefetchControl,
  xPermittedCrossDomainPolicies,
  reportingEndpoints,
];

/** Headers every response carries, whatever its type (a switched-off header is left out). */
export function getCommonHeaders(options: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of COMMON_HEADERS) {
    const value = header.value(options);
    if (value !== undefined) headers[header.name] = value;
  }
  return headers;
}

/**
 * Why `name` is sent, in `locale`. The CSP varies per response class, so it is not a common header,
 * but its reason lives in its module like the others. An unknown header is an error: nothing reaches
 * the website-security page unexplained.
 */
export function headerReason(name: string, locale: Locale, options: SecurityOptions): string {
  const reason: Reason | undefined =
    name === 'Content-Security-Policy'
      ? contentSecurityPolicyReason
      : COMMON_HEADERS.find((header) => header.name === name)?.reason(options);
  if (reason === undefined) throw new Error(`[security] ${name} has no definition in src/security/headers/`);
  return reason[locale];
}
