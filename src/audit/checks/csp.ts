import { parseCsp } from '../../standards/csp-parse.ts';
import { CSP_STRICTNESS, type CspPolicy } from '../../standards/csp-strictness.ts';
import type { RuleId } from '../rules/registry.ts';
import type { Finding } from '../report/types.ts';
import { finding, type HeaderCheck } from './finding.ts';

// The tests are the build's own standard (src/standards/csp-strictness.ts); this list only fails
// to compile if the audit's rule table lacks one of its ids.
const STRICTNESS_RULES: readonly RuleId[] = CSP_STRICTNESS.map(({ id }) => id);

/**
 * Several CSP headers (joined with `, ` by the Fetch API) are all enforced: a resource must pass
 * every one. So a weakness counts only when every policy has it; the message quotes the first.
 */
export function splitPolicies(value: string): CspPolicy[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => parseCsp(part));
}

export const cspCheck: HeaderCheck = {
  rules: ['csp-missing', ...STRICTNESS_RULES],
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
    for (const { id, test } of CSP_STRICTNESS) {
      const problems = policies.map((policy) => test(policy, {}));
      const first = problems[0];
      if (first !== undefined && problems.every((p) => p !== undefined)) findings.push(finding(id, url, first));
    }
    return findings;
  },
};
