import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { EMPTY_NEEDS, getContentSecurityPolicy } from '../../src/security/headers/csp.ts';
import { parseCsp } from '../../src/standards/csp-parse.ts';
import { cspWeaknesses } from '../../src/standards/csp-strictness.ts';
import { cspCheck } from '../../src/audit/checks/csp.ts';

// A policy that passes every rule; each case below changes one thing in it.
const BASE =
  "default-src 'none'; script-src 'self' 'sha256-AAAA'; style-src 'self'; img-src 'self'; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'; form-action 'self'; require-trusted-types-for 'script'; trusted-types 'none'";

const ids = (policy: string) => cspWeaknesses(parseCsp(policy)).map(({ id }) => id);
const problemOf = (policy: string, id: string) =>
  cspWeaknesses(parseCsp(policy)).find((weakness) => weakness.id === id)?.problem;
const swap = (directive: string, value: string) =>
  BASE.replace(new RegExp(`${directive} [^;]*`), `${directive} ${value}`);

describe('CSP strictness standard (shared by verify and the audit)', () => {
  test('the reference policy has no weakness', () => {
    assert.deepEqual(ids(BASE), []);
  });

  test('the policies this site generates pass it, for every kind of page', () => {
    const options = parseSecurityOptions({ origin: 'https://cryptpeer.com' });
    for (const needs of [
      EMPTY_NEEDS,
      { ...EMPTY_NEEDS, styleFiles: true, fonts: true, images: true },
      { ...EMPTY_NEEDS, scriptFiles: true, scriptHashes: ["'sha256-AAAA'"], connect: true },
    ]) {
      assert.deepEqual(ids(getContentSecurityPolicy(options, needs)), [], JSON.stringify(needs));
    }
  });

  test('other hosts allowed to serve scripts are flagged, plain HTTP twice', () => {
    const policy = swap('script-src', 'http://other.example https://cdnjs.cloudflare.com');
    assert.deepEqual(ids(policy), ['csp-host-allowlist', 'csp-insecure-source']);
    assert.equal(
      problemOf(policy, 'csp-host-allowlist'),
      'script-src allows code from http://other.example https://cdnjs.cloudflare.com',
    );
    assert.equal(problemOf(policy, 'csp-insecure-source'), 'script-src allows http://other.example');
  });

  test('a hash next to a host does not make the host safe; strict-dynamic does', () => {
    assert.match(
      problemOf(swap('script-src', "'sha256-AAAA' https://cdn.example"), 'csp-host-allowlist') ?? '',
      /next to its hashes or nonces/,
    );
    assert.deepEqual(ids(swap('script-src', "'strict-dynamic' 'sha256-AAAA' https://cdn.example")), []);
  });

  test('the default-src fallback is judged when script-src is absent', () => {
    const policy = BASE.replace("script-src 'self' 'sha256-AAAA'; ", '').replace(
      "default-src 'none'",
      'default-src https://cdn.example',
    );
    assert.ok(ids(policy).includes('csp-host-allowlist'));
  });

  test("'unsafe-hashes', 'unsafe-inline' and 'unsafe-eval' are each their own finding", () => {
    assert.deepEqual(ids(swap('script-src', "'self' 'unsafe-hashes' 'sha256-AAAA'")), ['csp-unsafe-hashes']);
    assert.deepEqual(ids(swap('style-src', "'self' 'unsafe-inline'")), ['csp-unsafe-inline']);
    assert.deepEqual(ids(swap('script-src', "'self' 'UNSAFE-EVAL'")), ['csp-unsafe-eval']);
  });

  test('trusted-types * is flagged, and so is a missing require-trusted-types-for', () => {
    assert.deepEqual(ids(swap('trusted-types', '*')), ['csp-trusted-types-wildcard']);
    assert.deepEqual(ids(BASE.replace("require-trusted-types-for 'script'; ", '')), ['csp-trusted-types']);
  });

  test('plain HTTP and WebSocket sources are flagged in any directive', () => {
    assert.deepEqual(ids(swap('img-src', "'self' http://images.example")), ['csp-insecure-source']);
    assert.deepEqual(ids(`${BASE}; connect-src ws://live.example`), ['csp-insecure-source']);
  });

  test('the audit reports the same ids for a served header', () => {
    const headers = new Headers({ 'content-security-policy': swap('script-src', "'unsafe-hashes' http://x.example") });
    const found = cspCheck.run({ url: 'http://127.0.0.1/', headers });
    assert.deepEqual(
      found.map((f) => f.ruleId),
      ['csp-unsafe-hashes', 'csp-host-allowlist', 'csp-insecure-source'],
    );
  });
});
