import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLoopbackHost, judgeRedirect, planRedirectCheck } from '../../../src/audit/checks/redirect.ts';

describe('HTTP→HTTPS redirect', () => {
  test('loopback hosts: 127.0.0.0/8, ::1 (also IPv4-mapped), localhost', () => {
    for (const url of [
      'http://127.0.0.1:4321/',
      'http://127.8.9.10/',
      'http://[::1]:8080/',
      'http://localhost/',
      'http://a.localhost/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      assert.equal(isLoopbackHost(new URL(url).hostname), true, url);
    }
    for (const url of [
      'http://128.0.0.1/',
      'http://[::2]/',
      'http://localhost.example/',
      'http://[::ffff:10.0.0.1]/',
      'https://cryptpeer.com/',
    ]) {
      assert.equal(isLoopbackHost(new URL(url).hostname), false, url);
    }
  });

  test('plans: skip loopback with a note, probe http URLs, derive http://host/ for https on the default port', () => {
    assert.match(JSON.stringify(planRedirectCheck(new URL('http://127.0.0.1:4321/'))), /loopback/);
    assert.deepEqual(planRedirectCheck(new URL('http://site.example/a?b')), { probe: 'http://site.example/a?b' });
    assert.deepEqual(planRedirectCheck(new URL('https://site.example/a')), { probe: 'http://site.example/a' });
    assert.match(JSON.stringify(planRedirectCheck(new URL('https://site.example:8443/'))), /port is unknown/);
  });

  test('passes a redirect to HTTPS on the same host', () => {
    for (const status of [301, 302, 307, 308]) {
      assert.deepEqual(judgeRedirect('http://site.example/', status, 'https://site.example/'), []);
    }
  });

  test('fires on no redirect, a redirect to HTTP or to another host first', () => {
    const cases: [number, string | null, RegExp][] = [
      [200, null, /answered 200/],
      [301, null, /answered 301/],
      [301, 'http://site.example/other', /not to HTTPS/],
      [301, 'https://www.site.example/', /another host/],
      [301, 'https://[', /invalid Location/],
    ];
    for (const [status, location, message] of cases) {
      const [f, ...rest] = judgeRedirect('http://site.example/', status, location);
      assert.equal(rest.length, 0);
      assert.equal(f?.ruleId, 'https-redirect-missing');
      assert.match(f.message, message);
    }
  });
});
