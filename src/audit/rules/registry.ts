import { CSP_RULES } from './csp.ts';
import { MDN, OBSERVATORY, OWASP_HEADERS } from './refs.ts';
import type { Rule } from './rule.ts';

export type { Rule } from './rule.ts';

// The rule table: the single source of the ids, severities and texts used by the checks, every
// output format and docs/audit-rules.md (a unit test compares that file with renderRulesDoc()).
// Severities follow the weight the MDN HTTP Observatory gives each test, made stricter where the
// OWASP Secure Headers Project recommends a value the Observatory only rewards.
export const RULES = [
  ...CSP_RULES,
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
  {
    id: 'https-redirect-missing',
    severity: 'high',
    scope: 'site',
    title: 'HTTP does not redirect to HTTPS on the same host',
    help: 'A plain-HTTP request must be answered with a redirect (301, 302, 307 or 308) to `https://` on the same host, before any other redirect. Checked for each `http://` URL given (and for `http://host/` when an `https://` URL on the default port is given); loopback hosts are skipped with a note.',
    reference: OBSERVATORY,
  },
  {
    id: 'nosniff-missing',
    severity: 'medium',
    scope: 'page',
    title: 'X-Content-Type-Options is not nosniff',
    help: 'Send `X-Content-Type-Options: nosniff` so that browsers never guess a script or stylesheet type from the bytes.',
    reference: `${MDN}/X-Content-Type-Options`,
  },
  {
    id: 'referrer-policy-missing',
    severity: 'low',
    scope: 'page',
    title: 'Referrer-Policy missing',
    help: 'Send `Referrer-Policy: no-referrer` (or `same-origin`, `strict-origin`, `strict-origin-when-cross-origin`) instead of relying on the browser default.',
    reference: `${MDN}/Referrer-Policy`,
  },
  {
    id: 'referrer-policy-weak',
    severity: 'medium',
    scope: 'page',
    title: 'Referrer-Policy leaks URLs to other origins',
    help: 'The policy the browser applies (the last value it recognises) must be one of `no-referrer`, `same-origin`, `strict-origin` or `strict-origin-when-cross-origin`; `unsafe-url`, `no-referrer-when-downgrade`, `origin` and `origin-when-cross-origin` leak URLs or origins.',
    reference: `${MDN}/Referrer-Policy`,
  },
  {
    id: 'coop-missing',
    severity: 'low',
    scope: 'page',
    title: 'Cross-Origin-Opener-Policy missing or unsafe-none',
    help: 'Send `Cross-Origin-Opener-Policy: same-origin` (or `same-origin-allow-popups`) so that a cross-origin window opened by or opening the page cannot reach it.',
    reference: `${MDN}/Cross-Origin-Opener-Policy`,
  },
  {
    id: 'corp-missing',
    severity: 'low',
    scope: 'page',
    title: 'Cross-Origin-Resource-Policy missing or cross-origin',
    help: 'Send `Cross-Origin-Resource-Policy: same-origin` (or `same-site`) so that other sites cannot load the response into their own process.',
    reference: `${MDN}/Cross-Origin-Resource-Policy`,
  },
  {
    id: 'permissions-policy-missing',
    severity: 'low',
    scope: 'page',
    title: 'Permissions-Policy missing',
    help: 'Send a `Permissions-Policy` that denies every powerful feature the site does not use, e.g. `camera=(), microphone=(), geolocation=()`.',
    reference: `${MDN}/Permissions-Policy`,
  },
  {
    id: 'permissions-policy-permissive',
    severity: 'low',
    scope: 'page',
    title: 'Permissions-Policy does not deny sensitive features',
    help: 'Each of `camera`, `microphone`, `geolocation`, `payment`, `usb`, `serial`, `hid` and `display-capture` must be denied with `feature=()`; a feature left out keeps its default (usually allowed for the page itself).',
    reference: `${MDN}/Permissions-Policy`,
  },
  {
    id: 'framing-unprotected',
    severity: 'high',
    scope: 'page',
    title: 'Page can be framed by any site (clickjacking)',
    help: 'Send `X-Frame-Options: DENY` (or `SAMEORIGIN`), or a CSP with a restrictive `frame-ancestors` (no `*`, no bare scheme). Both is best: `X-Frame-Options` covers old browsers.',
    reference: 'https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html',
  },
  {
    id: 'x-xss-protection-enabled',
    severity: 'low',
    scope: 'page',
    title: 'X-XSS-Protection enables the legacy XSS auditor',
    help: 'Remove `X-XSS-Protection` or set it to `0`: the auditor it enables is gone from current browsers and could be abused to remove scripts selectively in old ones. Rely on CSP.',
    reference: `${MDN}/X-XSS-Protection`,
  },
  {
    id: 'sri-missing',
    severity: 'high',
    scope: 'page',
    title: 'Script or stylesheet without Subresource Integrity',
    help: 'Every `<script src>`, `<link rel="stylesheet">`, `<link rel="modulepreload">` and script or style `<link rel="preload">` of an HTML page must carry an `integrity` attribute (sha384 or sha512 of the file as served), same-origin ones included.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-mismatch',
    severity: 'critical',
    scope: 'page',
    title: 'Subresource does not match its integrity',
    help: 'Each same-origin script and stylesheet is fetched once; its bytes must match one of the hashes of its `integrity` attribute (and it must answer 2xx). A mismatch means browsers refuse the file: the page is broken or the file was changed after the build.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-unverified',
    severity: 'info',
    scope: 'page',
    title: 'Cross-origin subresource integrity not verified',
    help: 'A cross-origin script or stylesheet carries `integrity`, but the audit only fetches same-origin files, so its hash was not checked. Nothing to fix; verify the pinned file by other means.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
  },
  {
    id: 'sri-insecure-load',
    severity: 'critical',
    scope: 'page',
    title: 'Script or stylesheet loaded over plain HTTP',
    help: 'An `https://` page must not reference a script or stylesheet with an `http://` URL (mixed content): a network attacker could replace it.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content',
  },
  {
    id: 'cookie-not-secure',
    severity: 'high',
    scope: 'page',
    title: 'Cookie without Secure',
    help: 'Every `Set-Cookie` must carry `Secure`, so that the cookie is never sent over plain HTTP. A site that sets no cookie passes.',
    reference: `${MDN}/Set-Cookie`,
  },
  {
    id: 'cookie-not-httponly',
    severity: 'medium',
    scope: 'page',
    title: 'Cookie without HttpOnly',
    help: 'Every `Set-Cookie` must carry `HttpOnly`, so that script (and therefore XSS) cannot read it.',
    reference: `${MDN}/Set-Cookie`,
  },
  {
    id: 'cookie-samesite',
    severity: 'medium',
    scope: 'page',
    title: 'Cookie without SameSite=Strict or Lax',
    help: 'Every `Set-Cookie` must carry `SameSite=Strict` or `SameSite=Lax` (not `None`, not absent) to stop cross-site request forgery.',
    reference: `${MDN}/Set-Cookie`,
  },
  {
    id: 'server-version',
    severity: 'low',
    scope: 'page',
    title: 'Server header discloses a version',
    help: 'The `Server` header must not contain a version number (`nginx/1.22.1`): it tells attackers which known vulnerabilities to try. Use `server_tokens off;` (nginx) or remove the header.',
    reference: `${OWASP_HEADERS}#prevent-information-disclosure-via-http-headers`,
  },
  {
    id: 'info-leak-header',
    severity: 'low',
    scope: 'page',
    title: 'Header discloses the technology stack',
    help: 'Remove `X-Powered-By`, `X-AspNet-Version`, `X-AspNetMvc-Version`, `X-Generator`, `X-Drupal-Cache`, `X-Runtime` and similar headers: they only help attackers.',
    reference: `${OWASP_HEADERS}#prevent-information-disclosure-via-http-headers`,
  },
  {
    id: 'redirect-off-origin',
    severity: 'high',
    scope: 'page',
    title: 'Page redirects to another origin',
    help: "An audited URL must not redirect to another origin (the upgrade of the same host from `http://` to `https://` is followed). The audit never follows such a redirect: it would judge the other host's headers, so a page could pass on someone else's configuration. The finding names the target; audit that site separately if the redirect is intended.",
    reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/Redirections',
  },
  {
    id: 'page-status',
    severity: 'medium',
    scope: 'page',
    title: 'Page does not answer 2xx',
    help: 'Every URL audited (each sitemap entry) must answer 2xx after redirects. A sitemap listing missing pages, or a server error, usually means a broken deployment.',
    reference: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status',
  },
  {
    id: 'manifest-drift',
    severity: 'high',
    scope: 'page',
    title: 'Header differs from the headers manifest',
    help: 'Only with `--expect <manifest.json>`: each header `resolveHeaders(manifest, path)` gives for the page (and for each same-origin script and stylesheet fetched) must be present with exactly that value. Headers the manifest does not name are not compared. Fix the server config (regenerate it from the build) rather than the manifest.',
    reference: 'https://cryptpeer.com/website-security/',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: RuleId): Rule {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`audit: unknown rule ${id}`);
  return rule;
}
