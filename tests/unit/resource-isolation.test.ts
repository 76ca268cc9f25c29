import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createManifest } from '../../src/hardening/create-manifest.ts';
import { refusesCrossSite, type FetchMetadata } from '../../src/manifest/index.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';

const MANIFEST = createManifest(parseSecurityOptions({ origin: 'https://cryptpeer.com' }), {});

// [what, request, refused]: the web.dev resource-isolation policy, case by case.
const CASES: [string, Partial<FetchMetadata>, boolean][] = [
  ['no Fetch Metadata (curl, an old browser)', {}, false],
  ['same-origin subresource', { site: 'same-origin', mode: 'no-cors', dest: 'script' }, false],
  ['same-site subresource', { site: 'same-site', mode: 'cors', dest: 'empty' }, false],
  ['typed in the address bar', { site: 'none', mode: 'navigate', dest: 'document' }, false],
  ['a link followed from another site', { site: 'cross-site', mode: 'navigate', dest: 'document' }, false],
  [
    'HEAD navigation from another site',
    { method: 'HEAD', site: 'cross-site', mode: 'navigate', dest: 'document' },
    false,
  ],
  ['another site including our script', { site: 'cross-site', mode: 'no-cors', dest: 'script' }, true],
  ['another site fetching a page', { site: 'cross-site', mode: 'cors', dest: 'empty' }, true],
  ['another site posting a form', { method: 'POST', site: 'cross-site', mode: 'navigate', dest: 'document' }, true],
  ['another site embedding us in <object>', { site: 'cross-site', mode: 'navigate', dest: 'object' }, true],
  ['another site embedding us in <embed>', { site: 'cross-site', mode: 'navigate', dest: 'embed' }, true],
  ['capitals do not get around it', { site: 'Cross-Site', mode: 'NO-CORS', dest: 'script' }, true],
  ['an unknown site value is refused', { site: 'elsewhere', mode: 'cors', dest: 'empty' }, true],
];

describe('Fetch Metadata resource isolation (the manifest rule every server applies)', () => {
  for (const [what, request, refused] of CASES) {
    test(`${what} → ${refused ? '403' : 'served'}`, () => {
      const full: FetchMetadata = { method: 'GET', site: undefined, mode: undefined, dest: undefined, ...request };
      assert.equal(refusesCrossSite(MANIFEST, full), refused);
    });
  }
});
