import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSameOriginReference } from '../../../src/content-gate/same-origin.ts';

describe('isSameOriginReference (resource URLs must stay on the site)', () => {
  for (const url of ['x.png', './x.png', '../img/x.png', '/img/x.png', '/img/a:b.png', '?v=1', '#frag', '']) {
    test(`accepts ${JSON.stringify(url)}`, () => {
      assert.equal(isSameOriginReference(url), true);
    });
  }
  for (const url of [
    'https://other.example/x.png',
    'https://content-gate.invalid/x.png', // even the placeholder origin: absolute URLs never pass
    '//other.example/x.png',
    '/\\other.example/x.png',
    '\\\\other.example/x.png',
    '\t//other.example/x.png',
    '/\t/other.example/x.png',
    ' //other.example/x.png',
    'data:image/png;base64,AAAA',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'jav\tascript:alert(1)',
    'blob:https://x/y',
    'a:b.png',
  ]) {
    test(`refuses ${JSON.stringify(url)}`, () => {
      assert.equal(isSameOriginReference(url), false);
    });
  }
});
