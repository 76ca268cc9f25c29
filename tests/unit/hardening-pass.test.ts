import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { hardenDist } from '../../src/hardening/harden.ts';
import { passDist, sameAsVerified } from '../../src/hardening/post-pass.ts';
import type { PageShare } from '../../src/hardening/page-pass.ts';
import { MIN_PAGES_FOR_WORKERS } from '../../src/hardening/parallel.ts';
import { precompressDist, siblingProblems } from '../../src/hardening/precompress.ts';
import { listFiles } from '../../src/hardening/walk.ts';
import { parseSecurityOptions } from '../../src/security/index.ts';
import { TEST_TRUST, makeDist, page, siteFiles } from './helpers/temp-dist.ts';

const OPTIONS = parseSecurityOptions({ origin: 'https://cryptpeer.com' });
const LONG = `<p>${'CryptPeer keeps no plaintext on the server. '.repeat(40)}</p>`;

/** The sample site with pages long enough to get siblings, in a temp dist/ removed after the test. */
function site(t: TestContext, extra: Record<string, string | Uint8Array> = {}) {
  const files = {
    ...siteFiles(),
    'long/index.html': page('<link rel="stylesheet" href="/_astro/site.abc123.css">', LONG),
  };
  const dist = makeDist('pass', { ...files, ...extra });
  t.after(() => dist.remove());
  return dist;
}

const bytesOf = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));

describe('the one pass (harden, verify, precompress)', () => {
  test('writes the same files, byte for byte, as harden then precompress as separate steps', async (t) => {
    const [one, steps] = [site(t), site(t)];
    const pass = await passDist(one.dir, listFiles(one.dir), OPTIONS, TEST_TRUST);
    const hardened = await hardenDist(steps.dir, OPTIONS, TEST_TRUST);
    precompressDist(steps.dir, listFiles(steps.dir), hardened.manifest);
    assert.deepEqual(pass.problems, []);
    assert.deepEqual(pass.manifest, hardened.manifest);
    const [a, b] = [bytesOf(one.dir), bytesOf(steps.dir)];
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [file, bytes] of a) assert.ok(bytes.equals(b.get(file) ?? Buffer.alloc(0)), file);
  });

  test('each sibling decodes to the page as written, and no temporary file is left', async (t) => {
    const dist = site(t);
    const { compressed } = await passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST);
    assert.ok(compressed.written.includes('long/index.html.br') && compressed.written.includes('long/index.html.gz'));
    const served = readFileSync(join(dist.dir, 'long/index.html'));
    assert.match(served.toString(), /integrity="sha384-/);
    assert.ok(brotliDecompressSync(readFileSync(join(dist.dir, 'long/index.html.br'))).equals(served));
    assert.ok(gunzipSync(readFileSync(join(dist.dir, 'long/index.html.gz'))).equals(served));
    assert.deepEqual(
      listFiles(dist.dir).filter((f) => f.split('/').some((s) => s.startsWith('.'))),
      [],
    );
  });

  test('reports what verify finds on the hardened page, naming the file and the line', async (t) => {
    const dist = site(t, { 'bad/index.html': page('', '<h1>Bad</h1>\n<p onclick="steal()">x</p>') });
    const { problems } = await passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^dist\/bad\/index\.html:2: .*onclick/);
  });

  test('reports a module script on a route that declares none, though harden left it untouched', async (t) => {
    const dist = site(t, {
      'sneaky/index.html': page('', '<script type="module" src="/_astro/app.abc123.js"></script>'),
    });
    const { problems } = await passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST);
    assert.ok(
      problems.some((p) => p.startsWith('dist/sneaky/index.html:') && p.includes('declares no module scripts')),
      problems.join('\n'),
    );
  });

  test('a sibling already in dist/ stops the pass before any page is written', async (t) => {
    const dist = site(t, { 'long/index.html.gz': gzipSync('<script>alert(1)</script>') });
    const before = dist.read('index.html');
    await assert.rejects(
      passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST),
      /dist\/long\/index\.html\.gz: precompressed files are written by the build, never taken from public\//,
    );
    assert.equal(dist.read('index.html'), before);
  });
});

describe('the one pass on a site large enough for worker threads', () => {
  // Short pages, but the one compared with a small site's gets siblings.
  const note = (i: number, handler: boolean) =>
    page(
      '<link rel="stylesheet" href="/_astro/site.abc123.css">',
      handler ? `<p onclick="x()">${i}</p>` : i === 7 ? LONG : `<p>${i}</p>`,
    );
  const name = (i: number) => `notes/${String(i).padStart(4, '0')}.html`;

  test('hardens every page as one thread would, and reports problems in file order', async (t) => {
    const bad = new Set([1, 2, 40, MIN_PAGES_FOR_WORKERS - 1]);
    const notes = Array.from({ length: MIN_PAGES_FOR_WORKERS }, (_, i): [string, string] => [
      name(i),
      note(i, bad.has(i)),
    ]);
    const dist = site(t, Object.fromEntries(notes));
    const pages = listFiles(dist.dir).filter((f) => f.endsWith('.html'));
    const pass = await passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST);
    // Neighbours and pages batches apart, whichever thread took them: problems come in file order.
    assert.deepEqual(
      pass.problems,
      [...bad].map((i) => `dist/${name(i)}:1: inline event handler onclick= on <p>`),
    );
    assert.deepEqual(
      Object.values(pass.manifest.routes)
        .map((r) => r.file)
        .sort(),
      pages,
    );
    // A page the workers wrote, against the same page passed in this thread on a small site.
    const small = site(t, { [name(7)]: note(7, false) });
    await passDist(small.dir, listFiles(small.dir), OPTIONS, TEST_TRUST);
    for (const file of [name(7), `${name(7)}.br`, `${name(7)}.gz`])
      assert.ok(readFileSync(join(dist.dir, file)).equals(readFileSync(join(small.dir, file))), file);
  });
});

describe('siblingProblems (decoding in memory)', () => {
  const original = Buffer.from(LONG);
  test('a sibling that decodes to other bytes is a problem, naming both files', () => {
    assert.deepEqual(
      siblingProblems([{ file: 'a.html.gz', encoding: 'gzip', bytes: gzipSync('<p>other</p>') }], original),
      ['dist/a.html.gz: does not decode to dist/a.html'],
    );
  });

  test('a sibling that is not valid data of its encoding is a problem', () => {
    assert.deepEqual(
      siblingProblems([{ file: 'a.html.br', encoding: 'br', bytes: Buffer.from('not brotli') }], original),
      ['dist/a.html.br: not valid br data'],
    );
  });

  test('a sibling that decodes to the file is none', () => {
    assert.deepEqual(
      siblingProblems([{ file: 'a.html.gz', encoding: 'gzip', bytes: gzipSync(original) }], original),
      [],
    );
  });
});

describe('sameAsVerified', () => {
  test('a manifest route that is not the entry its page was verified against is a problem', async (t) => {
    const dist = site(t);
    const pass = await passDist(dist.dir, listFiles(dist.dir), OPTIONS, TEST_TRUST);
    const share = {
      pages: [{ file: 'fr/index.html', csp: pass.manifest.routes['/fr/']?.csp ?? '', inlineHashes: 0, htmlBytes: 0 }],
    };
    const base = { ...pass.manifest, routes: {} };
    assert.deepEqual(sameAsVerified(pass.manifest, base, [share as PageShare]), []);
    const widened = {
      ...pass.manifest,
      routes: { ...pass.manifest.routes, '/fr/': { file: 'fr/index.html', csp: "script-src 'unsafe-inline'" } },
    };
    assert.deepEqual(sameAsVerified(widened, base, [share as PageShare]), [
      'headers manifest: route /fr/ is not the entry dist/fr/index.html was verified against',
    ]);
    assert.deepEqual(
      sameAsVerified(pass.manifest, { ...base, origin: 'https://other.example' }, [share as PageShare]),
      ['headers manifest: its common part differs from the one the pages were verified against'],
    );
  });
});
