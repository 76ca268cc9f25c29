import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeImport, StylesheetScan } from '../../../src/audit/checks/css-imports.ts';
import { importUrl } from '../../../src/audit/checks/css-prelude.ts';
import { MAX_IMPORTS } from '../../../src/audit/checks/css-tokens.ts';

/** The `@import`s of `css` fed in chunks of `size` bytes, as a stylesheet streams in. */
function imports(css: string | Uint8Array, contentType = 'text/css; charset=utf-8', size = 3) {
  const bytes = typeof css === 'string' ? new TextEncoder().encode(css) : css;
  const scan = new StylesheetScan(contentType);
  for (let i = 0; i < bytes.length; i += size) scan.write(bytes.subarray(i, i + size));
  return scan.end().map((i) => (i.beyondLimit ? `beyond ${i.line}` : `${i.href ?? '?'} ${i.line}`));
}

describe('@import in a stylesheet, found while it streams in', () => {
  test('strings, url() and their escapes, over chunk boundaries and lines', () => {
    assert.deepEqual(imports('@import "a.css";\r\n@import url(b\\2e css) screen;\n@IMPORT url( "c.css" );'), [
      'a.css 1',
      'b.css 2',
      'c.css 3',
    ]);
  });

  test('an escaped at-keyword is @import; one in a comment or a string is not', () => {
    assert.deepEqual(imports('/* @import "no.css"; */ a{content:"@import \'no\'"} @\\69mport "esc.css";'), [
      'esc.css 1',
    ]);
  });

  test('a quote inside an unquoted url() (escaped or not) does not hide what follows', () => {
    assert.deepEqual(imports("x{background:url(it's.png)}@import 'a.css';"), ['a.css 1']);
    assert.deepEqual(imports("x{background:u\\72l(it's.png)}@import 'b.css';"), ['b.css 1']);
  });

  test('a string ends at a newline, as in browsers', () => {
    assert.deepEqual(imports('x{content:\'open\n@import "after.css";'), ['after.css 2']);
  });

  test('an @import whose URL cannot be read is still reported', () => {
    assert.deepEqual(imports('@import;'), ['? 1']);
  });

  test('a stylesheet without charset is also read as Shift_JIS, where a backslash can end a character', () => {
    // In Shift_JIS 0x95 0x5C is one character: the quote after it closes the string.
    const css = Buffer.concat([Buffer.from('x{content:"\x95', 'latin1'), Buffer.from('\\"}; @import "sjis.css";')]);
    assert.deepEqual(imports(css, 'text/css'), ['sjis.css 1']);
    assert.deepEqual(imports(css, 'text/css; charset=utf-8'), []);
  });

  test('a BOM decides the encoding', () => {
    assert.deepEqual(imports(Buffer.from('\ufeff@import "u16.css";', 'utf16le'), 'text/css; charset=utf-8'), [
      'u16.css 1',
    ]);
  });

  test(`more than ${MAX_IMPORTS} imports: the rest is reported as not read`, () => {
    const found = imports('@import "a.css";\n'.repeat(MAX_IMPORTS + 5), 'text/css; charset=utf-8', 4096);
    assert.equal(found.length, MAX_IMPORTS + 1);
    assert.equal(found.at(-1), `beyond ${MAX_IMPORTS + 1}`);
  });

  test('importUrl reads the first token of the prelude', () => {
    assert.equal(importUrl(' /* c */ "q\\"x.css" screen'), 'q"x.css');
    assert.equal(importUrl(' url(a\\29 b.css)'), 'a)b.css');
    assert.equal(importUrl(' url(a b)'), undefined);
    assert.equal(importUrl(' layer(x)'), undefined);
  });
});

describe('judging an @import', () => {
  const page = 'https://site.example/';
  const sheet = { url: 'https://site.example/css/a.css', subject: 'stylesheet /css/a.css (line 2)' };

  test('same-origin: not pinned, and followed (resolved against the stylesheet)', () => {
    const judged = judgeImport(page, sheet, { href: 'b.css', line: 1 });
    assert.deepEqual(
      judged.findings.map((f) => f.ruleId),
      ['css-import'],
    );
    assert.equal(judged.follow, 'https://site.example/css/b.css');
  });

  test('another origin: also a third-party load, not followed', () => {
    const judged = judgeImport(page, sheet, { href: 'https://cdn.example/x.css', line: 3 });
    assert.deepEqual(
      judged.findings.map((f) => [f.ruleId, f.message]),
      [
        [
          'css-import',
          'stylesheet /css/a.css (line 2) imports "https://cdn.example/x.css" (line 3), not pinned by integrity',
        ],
        [
          'third-party-load',
          'stylesheet /css/a.css (line 2) imports "https://cdn.example/x.css" (line 3) loads from https://cdn.example',
        ],
      ],
    );
    assert.equal(judged.follow, undefined);
  });
});
