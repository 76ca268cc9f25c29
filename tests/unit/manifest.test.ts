import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createManifest } from '../../src/hardening/create-manifest.ts';
import { ManifestError, readManifest } from '../../src/manifest/index.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cryptpeer-manifest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const manifest = createManifest(parseSecurityOptions({ origin: 'https://cryptpeer.com' }), {
  '/': { file: 'index.html', csp: "default-src 'none'" },
});
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const refused = (pattern: RegExp) => (error: unknown) => error instanceof ManifestError && pattern.test(error.message);

describe('readManifest (the one reader of headers-manifest.json)', () => {
  test('reads what the build writes', () => {
    assert.deepEqual(readManifest(write('ok.json', manifest)), manifest);
  });

  test('names the file when it is missing or not JSON', () => {
    assert.throws(() => readManifest(join(dir, 'missing.json')), refused(/missing\.json: cannot read it \(ENOENT\)$/));
    assert.throws(() => readManifest(write('bad.json', '{ nope')), refused(/bad\.json: not JSON/));
  });

  test('names the field of a stale or hand-edited manifest', () => {
    const noRevalidate = { ...manifest, cacheControl: { ...manifest.cacheControl, revalidate: undefined } };
    assert.throws(
      () => readManifest(write('stale.json', noRevalidate)),
      refused(/stale\.json: not a headers manifest: cacheControl\.revalidate: /),
    );
    const numericHeader = { ...manifest, common: { ...manifest.common, 'X-Frame-Options': 1 } };
    assert.throws(
      () => readManifest(write('number.json', numericHeader)),
      refused(/number\.json: not a headers manifest: common\.X-Frame-Options: /),
    );
  });

  test('refuses a method that is not one upper-case token (emitters write it into server configs)', () => {
    for (const methods of [['GET|POST'], ['get'], ['GET HEAD'], []]) {
      assert.throws(
        () => readManifest(write('methods.json', { ...manifest, methods })),
        refused(/methods\.json: not a headers manifest: methods/),
        JSON.stringify(methods),
      );
    }
  });

  test('refuses fields it does not know rather than ignoring them', () => {
    assert.throws(
      () => readManifest(write('extra.json', { ...manifest, headers: { 'X-Extra': 'y' } })),
      refused(/extra\.json: not a headers manifest: \(root\): /),
    );
  });
});
