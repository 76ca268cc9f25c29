import { parseCsp } from '../../standards/csp-parse.ts';
import { CSP_STRICTNESS, type CspPolicy } from '../../standards/csp-strictness.ts';
import { defineRules } from '../rules/rule.ts';
import { CSP_DOC, OBSERVATORY } from '../rules/refs.ts';
import type { Finding } from '../report/types.ts';
import type { HeaderCheck } from './finding.ts';

/**
 * Content-Security-Policy: present, no way to run injected code, every fallback-less directive set.
 * The tests are the build's own standard (src/standards/csp-strictness.ts), shared with verify;
 * these are their severities and texts, and `CSP_RULES.finding(id)` below does not compile if one
 * of the standard's ids is missing here.
 */
export const CSP_RULES = defineRules([
  {
    id: 'csp-missing',
    severity: 'high',
    scope: 'page',
    title: 'Content-Security-Policy header missing',
    help: 'Send a `Content-Security-Policy` response header. A `Content-Security-Policy-Report-Only` header or a `<meta>` policy does not count: neither can carry `frame-ancestors`, and report-only blocks nothing. The other `csp-*` rules are only checked when the header is present.',
    reference: OBSERVATORY,
  },
  {
    id: 'csp-unsafe-inline',
    severity: 'high',
    scope: 'page',
    title: "CSP allows 'unsafe-inline'",
    help: "`default-src`, `script-src(-elem/-attr)` and `style-src(-elem/-attr)` must not list `'unsafe-inline'`: hash or move inline code to files. It is flagged even next to a nonce or hash, because browsers without CSP level 2 still honour it.",
    reference: `${CSP_DOC}/script-src`,
  },
  {
    id: 'csp-unsafe-eval',
    severity: 'high',
    scope: 'page',
    title: "CSP allows 'unsafe-eval'",
    help: "`default-src`, `script-src` and `style-src` (and their `-elem`/`-attr` forms) must not list `'unsafe-eval'`, which re-enables `eval()` and string-to-code APIs. `'wasm-unsafe-eval'` is not flagged.",
    reference: `${CSP_DOC}/script-src`,
  },
  {
    id: 'csp-unsafe-hashes',
    severity: 'high',
    scope: 'page',
    title: "CSP allows 'unsafe-hashes'",
    help: "`default-src`, `script-src*` and `style-src*` must not list `'unsafe-hashes'`: it lets a hashed snippet run from an event handler or a `style=` attribute, where an injected attribute can reuse it. Move handlers and inline styles to files.",
    reference: `${CSP_DOC}/script-src`,
  },
  {
    id: 'csp-wildcard',
    severity: 'high',
    scope: 'page',
    title: 'CSP script, style or default source contains a wildcard',
    help: 'No source in `default-src`, `script-src*` or `style-src*` may contain `*` (`*`, `https://*`, `*.cdn.example`): any host matching it can serve code to the page. List exact hosts and pin their files with SRI.',
    reference: OBSERVATORY,
  },
  {
    id: 'csp-bare-scheme',
    severity: 'high',
    scope: 'page',
    title: 'CSP script, style or default source allows a whole scheme',
    help: 'No source in `default-src`, `script-src*` or `style-src*` may be a bare scheme such as `https:`, `http:`, `data:` or `blob:`: it allows code from anywhere on that scheme.',
    reference: OBSERVATORY,
  },
  {
    id: 'csp-host-allowlist',
    severity: 'medium',
    scope: 'page',
    title: 'CSP lets other hosts serve scripts',
    help: "`script-src-elem`, `script-src` (or their `default-src` fallback) must not name hosts other than `'self'` unless the list also has `'strict-dynamic'`: every file such a host serves can run, including JSONP endpoints and old library copies, even next to hashes or nonces. Serve the scripts yourself and pin them with SRI.",
    reference: `${CSP_DOC}/script-src`,
  },
  {
    id: 'csp-insecure-source',
    severity: 'high',
    scope: 'page',
    title: 'CSP allows plain-HTTP sources',
    help: 'No directive may list an `http:` or `ws:` source (`http://cdn.example`, `ws:`): whatever it loads can be read and changed in transit. Use `https://` and `wss://`.',
    reference: OBSERVATORY,
  },
  {
    id: 'csp-default-src',
    severity: 'low',
    scope: 'page',
    title: "CSP default-src is not 'none'",
    help: "Start from `default-src 'none'` and allow each fetch type explicitly, so that a kind of resource nobody thought of is blocked.",
    reference: `${CSP_DOC}/default-src`,
  },
  {
    id: 'csp-object-src',
    severity: 'medium',
    scope: 'page',
    title: "CSP object-src is not 'none'",
    help: "`object-src` (or, without it, `default-src`) must be exactly `'none'`: plugins can run script outside the rest of the policy.",
    reference: `${CSP_DOC}/object-src`,
  },
  {
    id: 'csp-base-uri',
    severity: 'medium',
    scope: 'page',
    title: 'CSP base-uri missing or unrestricted',
    help: "Set `base-uri 'none'` (or `'self'`, or exact `https://` origins). It has no `default-src` fallback, and an injected `<base>` re-targets every relative script URL.",
    reference: `${CSP_DOC}/base-uri`,
  },
  {
    id: 'csp-frame-ancestors',
    severity: 'low',
    scope: 'page',
    title: 'CSP frame-ancestors missing or unrestricted',
    help: "Set `frame-ancestors 'none'` (or `'self'`, or exact `https://` origins). It is the standard replacement for `X-Frame-Options` and has no `default-src` fallback.",
    reference: `${CSP_DOC}/frame-ancestors`,
  },
  {
    id: 'csp-form-action',
    severity: 'low',
    scope: 'page',
    title: 'CSP form-action missing or unrestricted',
    help: "Set `form-action 'none'` (or `'self'`, or exact `https://` origins): it has no `default-src` fallback, so an injected form could post anywhere.",
    reference: `${CSP_DOC}/form-action`,
  },
  {
    id: 'csp-trusted-types',
    severity: 'low',
    scope: 'page',
    title: 'CSP does not require Trusted Types',
    help: "Add `require-trusted-types-for 'script'` so that DOM XSS sinks such as `innerHTML` only accept Trusted Types objects.",
    reference: `${CSP_DOC}/require-trusted-types-for`,
  },
  {
    id: 'csp-trusted-types-wildcard',
    severity: 'medium',
    scope: 'page',
    title: 'CSP trusted-types allows any policy name',
    help: "`trusted-types *` lets any script create a policy, so Trusted Types no longer narrow which code may turn strings into HTML or script. List the policy names the site creates (or `'none'`).",
    reference: `${CSP_DOC}/trusted-types`,
  },
] as const);

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
  rules: CSP_RULES.ids,
  run({ url, headers }): Finding[] {
    const { finding } = CSP_RULES;
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
