import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { createManifest } from '../../src/hardening/create-manifest.ts';
import { precompressDist, verifyPrecompressed } from '../../src/hardening/precompress.ts';
import { listFiles } from '../../src/hardening/walk.ts';
import { BROTLI_QUALITY, brotliQualityFor } from '../../src/security/headers/content-encoding.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { makeDist } from './helpers/temp-dist.ts';

const MANIFEST = createManifest(
  parseSecurityOptions({ origin: 'https://cryptpeer.com' }),
  {},
  { forbidden: ['/_headers'] },
);
const PAGE = `<!doctype html><title>x</title>${'<p>CryptPeer keeps no plaintext on the server.</p>\n'.repeat(200)}`;

function site(t: TestContext, extra: Record<string, string | Uint8Array> = {}) {
  const dist = makeDist('precompress', {
    'index.html': PAGE,
    'fr/index.html': PAGE.replace('keeps', 'garde'),
    '_astro/site.css': 'body { color: black; }\n'.repeat(100),
    'tiny.txt': 'a',
    'font.woff2': new Uint8Array(4096).fill(7),
    '.well-known/security.txt': 'Contact: mailto:x@example.org\n'.repeat(50),
    _headers: '/*\n  X: 1\n'.repeat(50),
    ...extra,
  });
  t.after(() => dist.remove());
  return dist;
}

describe('precompress step', () => {
  test('writes .br and .gz beside each text file that shrinks, each decoding to the file', (t) => {
    const dist = site(t);
    const result = precompressDist(dist.dir, listFiles(dist.dir), MANIFEST);
    assert.deepEqual(result.written, [
      '_astro/site.css.br',
      '_astro/site.css.gz',
      'fr/index.html.br',
      'fr/index.html.gz',
      'index.html.br',
      'index.html.gz',
    ]);
    const page = readFileSync(join(dist.dir, 'index.html'));
    assert.ok(brotliDecompressSync(readFileSync(join(dist.dir, 'index.html.br'))).equals(page));
    assert.ok(gunzipSync(readFileSync(join(dist.dir, 'index.html.gz'))).equals(page));
    assert.ok(result.encodedBytes.br < result.encodedBytes.gzip && result.encodedBytes.gzip < result.inputBytes);
  });

  test('leaves alone files that would not shrink, fonts, dot folders and host-only files', (t) => {
    const dist = site(t);
    const { written } = precompressDist(dist.dir, listFiles(dist.dir), MANIFEST);
    for (const file of ['tiny.txt', 'font.woff2', '.well-known/security.txt', '_headers']) {
      assert.ok(!written.some((w) => w.startsWith(`${file}.`)), file);
    }
  });

  test('brotli at full effort for shared assets and Pagefind runtime, at the per-page quality for pages', (t) => {
    const dist = site(t, { 'pagefind/pagefind.js': 'export const x = 1;\n'.repeat(300) });
    precompressDist(dist.dir, listFiles(dist.dir), MANIFEST);
    const prefixes = MANIFEST.cacheControl.immutablePrefixes;
    for (const [file, quality] of [
      ['_astro/site.css', BROTLI_QUALITY.shared],
      ['pagefind/pagefind.js', BROTLI_QUALITY.shared],
      ['index.html', BROTLI_QUALITY.perPage],
    ] as const) {
      assert.equal(brotliQualityFor(`/${file}`, prefixes), quality, file);
      const bytes = readFileSync(join(dist.dir, file));
      const expected = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      assert.ok(readFileSync(join(dist.dir, `${file}.br`)).equals(expected), file);
    }
  });

  test('is deterministic: two builds write the same bytes', (t) => {
    const [a, b] = [site(t), site(t)];
    precompressDist(a.dir, listFiles(a.dir), MANIFEST);
    precompressDist(b.dir, listFiles(b.dir), MANIFEST);
    for (const file of ['index.html.br', 'index.html.gz', '_astro/site.css.gz']) {
      assert.ok(readFileSync(join(a.dir, file)).equals(readFileSync(join(b.dir, file))), file);
    }
  });

  test('refuses a sibling already in dist/ (from public/), naming it', (t) => {
    const dist = site(t, { 'index.html.gz': gzipSync('<script>alert(1)</script>') });
    assert.throws(
      () => precompressDist(dist.dir, listFiles(dist.dir), MANIFEST),
      /dist\/index\.html\.gz: precompressed files are written by the build, never taken from public\//,
    );
  });

  test('an archive such as release.tar.gz is an ordinary file, not a sibling', (t) => {
    const dist = site(t, { 'release.tar.gz': gzipSync('data') });
    const { written } = precompressDist(dist.dir, listFiles(dist.dir), MANIFEST);
    assert.ok(!written.includes('release.tar.gz'));
  });

  test('verify: a sibling changed after the step, or one the step did not write, is a problem', (t) => {
    const dist = site(t);
    const { written } = precompressDist(dist.dir, listFiles(dist.dir), MANIFEST);
    assert.deepEqual(verifyPrecompressed(dist.dir, listFiles(dist.dir), MANIFEST, written), []);
    writeFileSync(join(dist.dir, 'index.html.gz'), gzipSync('<p>other</p>'));
    writeFileSync(join(dist.dir, 'fr/index.html.br'), 'not brotli');
    writeFileSync(join(dist.dir, 'tiny.txt.gz'), gzipSync('a'));
    assert.deepEqual(verifyPrecompressed(dist.dir, listFiles(dist.dir), MANIFEST, written), [
      'dist/tiny.txt.gz: a precompressed file the build did not write',
      'dist/fr/index.html.br: not valid br data',
      'dist/index.html.gz: does not decode to dist/index.html',
    ]);
  });
});
