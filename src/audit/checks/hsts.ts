import type { Finding } from '../report/types.ts';
import { defineRules } from '../rules/rule.ts';
import { MDN } from '../rules/refs.ts';
import { quote, type HeaderCheck } from './finding.ts';

/** Strict-Transport-Security: valid, at least a year, with includeSubDomains. */
export const HSTS_RULES = defineRules([
  {
    id: 'hsts-missing',
    severity: 'high',
    scope: 'page',
    title: 'Strict-Transport-Security missing or invalid',
    help: 'Send `Strict-Transport-Security: max-age=63072000; includeSubDomains` (it is checked on plain-HTTP loopback servers too, because they serve the headers production sends).',
    reference: `${MDN}/Strict-Transport-Security`,
  },
  {
    id: 'hsts-max-age',
    severity: 'medium',
    scope: 'page',
    title: 'HSTS max-age shorter than one year',
    help: 'Use a `max-age` of at least 31536000 seconds (one year); two years (63072000) is what the preload list asks for.',
    reference: `${MDN}/Strict-Transport-Security`,
  },
  {
    id: 'hsts-include-subdomains',
    severity: 'low',
    scope: 'page',
    title: 'HSTS without includeSubDomains',
    help: 'Add `includeSubDomains` so that no subdomain can be reached over plain HTTP (and cookies of the parent domain cannot leak through one).',
    reference: `${MDN}/Strict-Transport-Security`,
  },
] as const);

export const ONE_YEAR = 31_536_000;

export interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/**
 * Parses a Strict-Transport-Security value (RFC 6797 §6.1). Returns undefined when browsers would
 * ignore it: no max-age, a non-numeric one, or a directive given twice.
 */
export function parseHsts(value: string): Hsts | undefined {
  // Browsers only process the first header when several are sent (joined with `, `).
  const first = value.split(',')[0] ?? '';
  const seen = new Set<string>();
  let maxAge: number | undefined;
  for (const part of first.split(';')) {
    const [rawName = '', ...rest] = part.split('=');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    if (seen.has(name)) return undefined;
    seen.add(name);
    if (name === 'max-age') {
      const raw = rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (!/^\d+$/.test(raw)) return undefined;
      maxAge = Number(raw);
    }
  }
  if (maxAge === undefined) return undefined;
  return { maxAge, includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') };
}

export const hstsCheck: HeaderCheck = {
  rules: HSTS_RULES.ids,
  run({ url, headers }): Finding[] {
    const { finding } = HSTS_RULES;
    const value = headers.get('strict-transport-security');
    if (value === null) return [finding('hsts-missing', url, 'Strict-Transport-Security is absent')];
    const hsts = parseHsts(value);
    if (!hsts) return [finding('hsts-missing', url, `Strict-Transport-Security ${quote(value)} is invalid (ignored)`)];
    const findings: Finding[] = [];
    if (hsts.maxAge < ONE_YEAR) {
      findings.push(finding('hsts-max-age', url, `HSTS max-age=${hsts.maxAge} is less than ${ONE_YEAR} (one year)`));
    }
    if (!hsts.includeSubDomains) findings.push(finding('hsts-include-subdomains', url, 'HSTS lacks includeSubDomains'));
    return findings;
  },
};
