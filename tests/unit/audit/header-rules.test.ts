import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkHeaders } from '../../../src/audit/checks/headers.ts';
import { parseHsts } from '../../../src/audit/checks/hsts.ts';
import { effectiveReferrerPolicy } from '../../../src/audit/checks/simple-headers.ts';
import { parsePermissionsPolicy } from '../../../src/audit/checks/permissions.ts';
import { parseSetCookie } from '../../../src/audit/checks/cookies.ts';
import { cspWith, headersWith } from './helpers/headers.ts';

const URL = 'https://site.example/';
const fired = (headers: Headers) => [...new Set(checkHeaders({ url: URL, headers }).map((f) => f.ruleId))].sort();

interface Case {
  name: string;
  changes?: Record<string, string | null>;
  cookies?: string[];
  /** Exactly the rules that must fire (empty: the change is acceptable). */
  fires: string[];
}

const CSP = 'Content-Security-Policy';

const CASES: Case[] = [
  { name: 'no CSP header', changes: { [CSP]: null }, fires: ['csp-missing'] },
  {
    name: 'a Report-Only CSP alone',
    changes: { [CSP]: null, 'Content-Security-Policy-Report-Only': "default-src 'none'" },
    fires: ['csp-missing'],
  },
  {
    name: "style-src 'unsafe-inline'",
    changes: { [CSP]: cspWith('style-src', "'self' 'unsafe-inline'") },
    fires: ['csp-unsafe-inline'],
  },
  {
    name: "'unsafe-inline' next to a hash is still flagged",
    changes: { [CSP]: cspWith('script-src', "'sha256-AAAA' 'unsafe-inline'") },
    fires: ['csp-unsafe-inline'],
  },
  {
    name: "script-src-attr 'unsafe-inline'",
    changes: { [CSP]: cspWith('script-src-attr', "'unsafe-inline'") },
    fires: ['csp-unsafe-inline'],
  },
  {
    name: "script-src 'unsafe-eval'",
    changes: { [CSP]: cspWith('script-src', "'self' 'unsafe-eval'") },
    fires: ['csp-unsafe-eval'],
  },
  {
    name: "script-src 'wasm-unsafe-eval'",
    changes: { [CSP]: cspWith('script-src', "'self' 'wasm-unsafe-eval'") },
    fires: [],
  },
  { name: 'script-src *', changes: { [CSP]: cspWith('script-src', '*') }, fires: ['csp-wildcard'] },
  {
    name: 'a subdomain wildcard',
    changes: { [CSP]: cspWith('style-src', 'https://*.cdn.example') },
    fires: ['csp-wildcard'],
  },
  { name: 'style-src data:', changes: { [CSP]: cspWith('style-src', "'self' data:") }, fires: ['csp-bare-scheme'] },
  { name: 'script-src https:', changes: { [CSP]: cspWith('script-src', 'https:') }, fires: ['csp-bare-scheme'] },
  { name: 'img-src data: (not a code directive)', changes: { [CSP]: cspWith('img-src', "'self' data:") }, fires: [] },
  { name: "default-src 'self'", changes: { [CSP]: cspWith('default-src', "'self'") }, fires: ['csp-default-src'] },
  {
    name: "no object-src and default-src 'self'",
    changes: { [CSP]: cspWith('object-src', null).replace("default-src 'none'", "default-src 'self'") },
    fires: ['csp-default-src', 'csp-object-src'],
  },
  { name: "no object-src but default-src 'none'", changes: { [CSP]: cspWith('object-src', null) }, fires: [] },
  { name: "object-src 'self'", changes: { [CSP]: cspWith('object-src', "'self'") }, fires: ['csp-object-src'] },
  { name: 'no base-uri', changes: { [CSP]: cspWith('base-uri', null) }, fires: ['csp-base-uri'] },
  { name: 'base-uri *', changes: { [CSP]: cspWith('base-uri', '*') }, fires: ['csp-base-uri'] },
  { name: "base-uri 'self'", changes: { [CSP]: cspWith('base-uri', "'self'") }, fires: [] },
  {
    name: 'no frame-ancestors, X-Frame-Options DENY',
    changes: { [CSP]: cspWith('frame-ancestors', null) },
    fires: ['csp-frame-ancestors'],
  },
  {
    name: 'frame-ancestors on an exact HTTPS origin',
    changes: { [CSP]: cspWith('frame-ancestors', "'self' https://partner.example") },
    fires: [],
  },
  { name: 'form-action https:', changes: { [CSP]: cspWith('form-action', 'https:') }, fires: ['csp-form-action'] },
  {
    name: 'form-action on plain HTTP',
    changes: { [CSP]: cspWith('form-action', 'http://forms.example') },
    fires: ['csp-insecure-source', 'csp-form-action'],
  },
  {
    name: 'no Trusted Types',
    changes: { [CSP]: cspWith('require-trusted-types-for', null) },
    fires: ['csp-trusted-types'],
  },
  {
    name: 'a weak policy next to a strict one (both enforced)',
    changes: { [CSP]: `script-src 'unsafe-inline' *, ${cspWith('x', null)}` },
    fires: [],
  },
  {
    name: 'two weak policies',
    changes: { [CSP]: `script-src 'unsafe-inline', ${cspWith('script-src', "'self' 'unsafe-inline'")}` },
    fires: ['csp-unsafe-inline'],
  },
  { name: 'no HSTS', changes: { 'Strict-Transport-Security': null }, fires: ['hsts-missing'] },
  {
    name: 'HSTS without max-age',
    changes: { 'Strict-Transport-Security': 'includeSubDomains' },
    fires: ['hsts-missing'],
  },
  { name: 'HSTS max-age=abc', changes: { 'Strict-Transport-Security': 'max-age=abc' }, fires: ['hsts-missing'] },
  {
    name: 'HSTS one day',
    changes: { 'Strict-Transport-Security': 'max-age=86400; includeSubDomains' },
    fires: ['hsts-max-age'],
  },
  {
    name: 'HSTS exactly one year, quoted',
    changes: { 'Strict-Transport-Security': 'max-age="31536000"; includeSubDomains; preload' },
    fires: [],
  },
  {
    name: 'HSTS without includeSubDomains',
    changes: { 'Strict-Transport-Security': 'max-age=63072000' },
    fires: ['hsts-include-subdomains'],
  },
  { name: 'no nosniff', changes: { 'X-Content-Type-Options': null }, fires: ['nosniff-missing'] },
  { name: 'nosniff in capitals', changes: { 'X-Content-Type-Options': 'NoSniff' }, fires: [] },
  { name: 'nosniff sent twice', changes: { 'X-Content-Type-Options': 'nosniff, nosniff' }, fires: [] },
  {
    name: 'nosniff only as a second value',
    changes: { 'X-Content-Type-Options': 'sniff, nosniff' },
    fires: ['nosniff-missing'],
  },
  { name: 'no Referrer-Policy', changes: { 'Referrer-Policy': null }, fires: ['referrer-policy-missing'] },
  { name: 'Referrer-Policy unsafe-url', changes: { 'Referrer-Policy': 'unsafe-url' }, fires: ['referrer-policy-weak'] },
  {
    name: 'Referrer-Policy ending in a weak value',
    changes: { 'Referrer-Policy': 'no-referrer, origin' },
    fires: ['referrer-policy-weak'],
  },
  {
    name: 'Referrer-Policy with a fallback before a strict value',
    changes: { 'Referrer-Policy': 'unsafe-url, strict-origin-when-cross-origin' },
    fires: [],
  },
  {
    name: 'Referrer-Policy nobody recognises',
    changes: { 'Referrer-Policy': 'never' },
    fires: ['referrer-policy-weak'],
  },
  { name: 'no COOP', changes: { 'Cross-Origin-Opener-Policy': null }, fires: ['coop-missing'] },
  { name: 'COOP unsafe-none', changes: { 'Cross-Origin-Opener-Policy': 'unsafe-none' }, fires: ['coop-missing'] },
  {
    name: 'COOP with report-to',
    changes: { 'Cross-Origin-Opener-Policy': 'same-origin; report-to="coop"' },
    fires: [],
  },
  { name: 'no CORP', changes: { 'Cross-Origin-Resource-Policy': null }, fires: ['corp-missing'] },
  { name: 'CORP cross-origin', changes: { 'Cross-Origin-Resource-Policy': 'cross-origin' }, fires: ['corp-missing'] },
  { name: 'CORP same-site', changes: { 'Cross-Origin-Resource-Policy': 'same-site' }, fires: [] },
  { name: 'no Permissions-Policy', changes: { 'Permissions-Policy': null }, fires: ['permissions-policy-missing'] },
  {
    name: 'Permissions-Policy allowing the camera to itself and leaving out usb',
    changes: {
      'Permissions-Policy':
        'camera=(self), microphone=(), geolocation=(), payment=(), serial=(), hid=(), display-capture=()',
    },
    fires: ['permissions-policy-permissive'],
  },
  { name: 'frame-ancestors alone protects', changes: { 'X-Frame-Options': null }, fires: [] },
  {
    name: 'neither X-Frame-Options nor frame-ancestors',
    changes: { 'X-Frame-Options': null, [CSP]: cspWith('frame-ancestors', null) },
    fires: ['csp-frame-ancestors', 'framing-unprotected'],
  },
  {
    name: 'obsolete ALLOW-FROM and frame-ancestors *',
    changes: { 'X-Frame-Options': 'ALLOW-FROM https://a.example', [CSP]: cspWith('frame-ancestors', '*') },
    fires: ['csp-frame-ancestors', 'framing-unprotected'],
  },
  { name: 'X-Frame-Options sameorigin', changes: { 'X-Frame-Options': 'sameorigin' }, fires: [] },
  {
    name: 'no CSP and no X-Frame-Options',
    changes: { 'X-Frame-Options': null, [CSP]: null },
    fires: ['csp-missing', 'framing-unprotected'],
  },
  {
    name: 'X-XSS-Protection 1; mode=block',
    changes: { 'X-XSS-Protection': '1; mode=block' },
    fires: ['x-xss-protection-enabled'],
  },
  { name: 'X-XSS-Protection 0', changes: { 'X-XSS-Protection': '0' }, fires: [] },
  { name: 'a cookie with every flag', cookies: ['sid=1; Path=/; Secure; HttpOnly; SameSite=Strict'], fires: [] },
  { name: 'a bare cookie', cookies: ['sid=1'], fires: ['cookie-not-httponly', 'cookie-not-secure', 'cookie-samesite'] },
  { name: 'a cookie without Secure', cookies: ['sid=1; HttpOnly; SameSite=Lax'], fires: ['cookie-not-secure'] },
  { name: 'a cookie without HttpOnly', cookies: ['sid=1; Secure; SameSite=Lax'], fires: ['cookie-not-httponly'] },
  {
    name: 'a cookie with SameSite=None',
    cookies: ['sid=1; Secure; HttpOnly; SameSite=None'],
    fires: ['cookie-samesite'],
  },
  {
    name: 'the second of two cookies lacks Secure (Expires has a comma)',
    cookies: [
      'a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Secure; HttpOnly; SameSite=Lax',
      'b=2; HttpOnly; SameSite=Lax',
    ],
    fires: ['cookie-not-secure'],
  },
  { name: 'Server with a version', changes: { Server: 'nginx/1.22.1' }, fires: ['server-version'] },
  {
    name: 'Server Apache (Debian) with a version',
    changes: { Server: 'Apache/2.4.57 (Debian)' },
    fires: ['server-version'],
  },
  { name: 'X-Powered-By', changes: { 'X-Powered-By': 'Express' }, fires: ['info-leak-header'] },
  { name: 'X-AspNet-Version', changes: { 'X-AspNet-Version': '4.0.30319' }, fires: ['info-leak-header'] },
];

describe('header rules', () => {
  test('the reference header set passes every header rule', () => {
    assert.deepEqual(fired(headersWith()), []);
  });

  test('a response with no security header at all fires exactly the presence rules', () => {
    assert.deepEqual(fired(new Headers({ 'Content-Type': 'text/html' })), [
      'coop-missing',
      'corp-missing',
      'csp-missing',
      'framing-unprotected',
      'hsts-missing',
      'nosniff-missing',
      'permissions-policy-missing',
      'referrer-policy-missing',
    ]);
  });

  for (const c of CASES) {
    test(`${c.fires.length > 0 ? `fires ${c.fires.join(', ')}` : 'passes'}: ${c.name}`, () => {
      assert.deepEqual(fired(headersWith(c.changes, c.cookies)), [...c.fires].sort());
    });
  }

  test('findings name the directive and quote the value', () => {
    const [f] = checkHeaders({
      url: URL,
      headers: headersWith({ [CSP]: cspWith('style-src', "'self' 'unsafe-inline'") }),
    });
    assert.equal(f?.message, "style-src allows 'unsafe-inline'");
    assert.equal(f.severity, 'high');
    assert.equal(f.url, URL);
    const [server] = checkHeaders({ url: URL, headers: headersWith({ Server: 'nginx/1.22.1' }) });
    assert.equal(server?.message, 'Server "nginx/1.22.1" discloses a version');
  });
});

describe('header parsers', () => {
  test('HSTS: first header only, duplicate directives invalidate it', () => {
    assert.deepEqual(parseHsts('max-age=600, max-age=63072000'), {
      maxAge: 600,
      includeSubDomains: false,
      preload: false,
    });
    assert.equal(parseHsts('max-age=1; max-age=2'), undefined);
    assert.deepEqual(parseHsts(' Max-Age=63072000 ; INCLUDESUBDOMAINS'), {
      maxAge: 63072000,
      includeSubDomains: true,
      preload: false,
    });
  });

  test('Referrer-Policy: the last recognised token applies', () => {
    assert.equal(effectiveReferrerPolicy('no-referrer, bogus'), 'no-referrer');
    assert.equal(effectiveReferrerPolicy('bogus'), undefined);
  });

  test('Permissions-Policy: allowlists by feature', () => {
    const policy = parsePermissionsPolicy('camera=(), geolocation=(self "https://a.example"), fullscreen=*, usb');
    assert.equal(policy.get('camera'), '()');
    assert.equal(policy.get('geolocation'), '(self "https://a.example")');
    assert.equal(policy.get('fullscreen'), '*');
    assert.equal(policy.get('usb'), '?1');
  });

  test('Set-Cookie: flags are case-insensitive', () => {
    assert.deepEqual(parseSetCookie('id=a=b; secure; HTTPONLY; samesite=LAX'), {
      name: 'id',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
  });
});
