import { parseCsp } from '../../standards/csp-parse.ts';
import type { RuleId } from '../rules.ts';
import type { Finding } from '../types.ts';
import { finding, type HeaderCheck } from './finding.ts';
import { isRestrictedSourceList } from './sources.ts';

type Policy = Map<string, string[]>;
/** A problem with one policy, or undefined when that policy is fine for this rule. */
type PolicyTest = (policy: Policy) => string | undefined;

/** The directives that decide which code runs and which styles apply. */
const CODE_DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
];

/** `directive lists X` for each code directive whose sources match. */
function inCodeDirectives(policy: Policy, match: (source: string) => boolean, what: string): string | undefined {
  const hits = CODE_DIRECTIVES.flatMap((name) => {
    const bad = (policy.get(name) ?? []).filter(match);
    return bad.length > 0 ? [`${name} ${what} ${bad.join(' ')}`] : [];
  });
  return hits.length > 0 ? hits.join('; ') : undefined;
}

const BARE_SCHEME = /^[a-z][a-z0-9+.-]*:$/i;

const TESTS: [RuleId, PolicyTest][] = [
  ['csp-unsafe-inline', (p) => inCodeDirectives(p, (s) => s.toLowerCase() === "'unsafe-inline'", 'allows')],
  ['csp-unsafe-eval', (p) => inCodeDirectives(p, (s) => s.toLowerCase() === "'unsafe-eval'", 'allows')],
  ['csp-wildcard', (p) => inCodeDirectives(p, (s) => s.includes('*'), 'has the wildcard source')],
  ['csp-bare-scheme', (p) => inCodeDirectives(p, (s) => BARE_SCHEME.test(s), 'allows the whole scheme')],
  [
    'csp-default-src',
    (p) => {
      const sources = p.get('default-src');
      if (!sources) return 'no default-src directive';
      return sources.length === 1 && sources[0]?.toLowerCase() === "'none'"
        ? undefined
        : `default-src is ${sources.join(' ') || '(empty)'}`;
    },
  ],
  [
    'csp-object-src',
    (p) => {
      const name = p.has('object-src') ? 'object-src' : 'default-src';
      const sources = p.get(name);
      if (!sources) return 'neither object-src nor default-src is set';
      return sources.length === 1 && sources[0]?.toLowerCase() === "'none'"
        ? undefined
        : `${name} is ${sources.join(' ') || '(empty)'}`;
    },
  ],
  ['csp-base-uri', (p) => restricted(p, 'base-uri')],
  ['csp-frame-ancestors', (p) => restricted(p, 'frame-ancestors')],
  ['csp-form-action', (p) => restricted(p, 'form-action')],
  [
    'csp-trusted-types',
    (p) =>
      (p.get('require-trusted-types-for') ?? []).some((s) => s.toLowerCase() === "'script'")
        ? undefined
        : "no require-trusted-types-for 'script'",
  ],
];

function restricted(policy: Policy, directive: string): string | undefined {
  const sources = policy.get(directive);
  if (!sources) return `no ${directive} directive (it has no default-src fallback)`;
  return isRestrictedSourceList(sources) ? undefined : `${directive} is ${sources.join(' ') || '(empty)'}`;
}

/**
 * Several CSP headers (joined with `, ` by the Fetch API) are all enforced: a resource must pass
 * every one. So a weakness counts only when every policy has it; the message quotes the first.
 */
export function splitPolicies(value: string): Policy[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => parseCsp(part));
}

export const cspCheck: HeaderCheck = {
  rules: ['csp-missing', ...TESTS.map(([id]) => id)],
  run({ url, headers }): Finding[] {
    const value = headers.get('content-security-policy');
    const policies = value === null ? [] : splitPolicies(value);
    if (policies.length === 0) {
      const reportOnly = headers.has('content-security-policy-report-only');
      const why =
        value !== null ? 'is empty' : reportOnly ? 'is absent (only a Report-Only policy is sent)' : 'is absent';
      return [finding('csp-missing', url, `Content-Security-Policy ${why}`)];
    }
    const findings: Finding[] = [];
    for (const [ruleId, test] of TESTS) {
      const problems = policies.map(test);
      const first = problems[0];
      if (first !== undefined && problems.every((p) => p !== undefined)) findings.push(finding(ruleId, url, first));
    }
    return findings;
  },
};
