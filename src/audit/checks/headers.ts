import type { Finding } from '../report/types.ts';
import { cookiesCheck } from './cookies.ts';
import { cspCheck } from './csp.ts';
import type { HeaderCheck, HeaderInput } from './finding.ts';
import { framingCheck } from './framing.ts';
import { hstsCheck } from './hsts.ts';
import { leaksCheck } from './leaks.ts';
import { permissionsCheck } from './permissions.ts';
import { crossOriginCheck, nosniffCheck, referrerCheck, xssProtectionCheck } from './simple-headers.ts';

/** Every rule that looks at response headers alone, in report order. */
export const HEADER_CHECKS: readonly HeaderCheck[] = [
  cspCheck,
  hstsCheck,
  nosniffCheck,
  referrerCheck,
  crossOriginCheck,
  permissionsCheck,
  framingCheck,
  xssProtectionCheck,
  cookiesCheck,
  leaksCheck,
];

export const HEADER_RULES: readonly string[] = HEADER_CHECKS.flatMap((c) => c.rules);

export function checkHeaders(input: HeaderInput): Finding[] {
  return HEADER_CHECKS.flatMap((check) => check.run(input));
}
