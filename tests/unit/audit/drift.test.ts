import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDrift } from '../../../src/audit/checks/drift.ts';

const URL = 'http://127.0.0.1:4321/fr/';
const EXPECTED = { 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };

describe('manifest drift', () => {
  test('identical headers (names in any case, extra headers ignored) give nothing', () => {
    const headers = new Headers({
      'x-frame-options': 'DENY',
      'REFERRER-POLICY': 'no-referrer',
      'cache-control': 'no-cache',
      Date: 'x',
    });
    assert.deepEqual(checkDrift(URL, headers, EXPECTED), []);
  });

  test('a missing and a different header each give a finding naming header, expected and actual', () => {
    const headers = new Headers({ 'Referrer-Policy': 'same-origin', 'Cache-Control': 'no-cache' });
    assert.deepEqual(checkDrift(URL, headers, EXPECTED), [
      {
        ruleId: 'manifest-drift',
        severity: 'high',
        url: URL,
        message: 'X-Frame-Options is absent; the manifest expects "DENY"',
        header: 'X-Frame-Options',
        expected: 'DENY',
        actual: null,
      },
      {
        ruleId: 'manifest-drift',
        severity: 'high',
        url: URL,
        message: 'Referrer-Policy is "same-origin"; the manifest expects "no-referrer"',
        header: 'Referrer-Policy',
        expected: 'no-referrer',
        actual: 'same-origin',
      },
    ]);
  });

  test('a subresource is named in the message, the finding stays on the page', () => {
    const [finding] = checkDrift(
      URL,
      new Headers(),
      { 'Cache-Control': 'immutable' },
      'http://127.0.0.1:4321/_astro/a.css',
    );
    assert.equal(finding?.url, URL);
    assert.match(finding.message, /^http:\/\/127\.0\.0\.1:4321\/_astro\/a\.css: Cache-Control is absent/);
  });
});
