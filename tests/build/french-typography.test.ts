// French typography in what `npm run build` left in dist/: no space a browser may break at before
// : ; ? ! » or %, nor after « or n°, in the text of any French page (code aside), in the French
// declaration JSON, nor at a line break of the French declaration PDFs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { REPO } from '../support/temp-project.ts';
import { findBreakableSpaces, readableText } from '../support/french-spacing.ts';

const DIST = join(REPO, 'dist');
const files = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => join(dir, name))
    : [];
const declarations = (suffix: string) => files(join(DIST, 'declarations'), suffix).filter((f) => /-fr\.\w+$/.test(f));
const report = (problems: Map<string, string[]>) =>
  [...problems].map(([file, found]) => `${relative(REPO, file)}: ${found.length}\n  ${found.join('\n  ')}`).join('\n');

const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value !== null && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

describe('French output has no breakable space where French wants a no-break one', () => {
  test('in the text of every French page of dist/fr/', () => {
    const pages = files(join(DIST, 'fr'), '.html');
    assert.ok(pages.length >= 20, `only ${pages.length} French page(s) in dist/fr/: run npm run build first`);
    const problems = new Map<string, string[]>();
    let glued = 0;
    for (const page of pages) {
      const text = readableText(readFileSync(page, 'utf8'));
      glued += (text.match(/[\u00a0\u202f]/g) ?? []).length;
      const found = findBreakableSpaces(text);
      if (found.length > 0) problems.set(page, found);
    }
    // The pages do have French punctuation: a test over text with none would prove nothing.
    assert.ok(glued > 100, `only ${glued} no-break space(s) in ${pages.length} pages`);
    assert.equal(problems.size, 0, `breakable spaces:\n${report(problems)}`);
  });

  test('in every string of the French declaration JSON', () => {
    const json = declarations('.json');
    assert.ok(json.length >= 2, 'no French declaration JSON in dist/declarations/');
    const problems = new Map<string, string[]>();
    for (const file of json) {
      const found = strings(JSON.parse(readFileSync(file, 'utf8'))).flatMap(findBreakableSpaces);
      if (found.length > 0) problems.set(file, found);
    }
    assert.equal(problems.size, 0, `breakable spaces:\n${report(problems)}`);
  });

  // pdftotext prints a no-break space as a plain one, so the text cannot be counted like HTML. What
  // can be checked: the fonts map a glyph to U+00A0 (the spaces reached the PDF as no-break ones),
  // and no line of the laid-out text starts with : ; ? ! » or ends with « (no break was made there).
  test('in the French declaration PDFs', (t) => {
    if (spawnSync('pdftotext', ['-v']).error) {
      t.skip('pdftotext (poppler-utils) is not installed');
      return;
    }
    const pdfs = declarations('.pdf');
    assert.ok(pdfs.length >= 2, 'no French declaration PDF in dist/declarations/');
    for (const pdf of pdfs) {
      const name = relative(REPO, pdf);
      const bytes = readFileSync(pdf);
      assert.ok(
        toUnicodeMaps(bytes).some((cmap) => /<00a0>/i.test(cmap)),
        `${name}: no glyph maps to U+00A0`,
      );
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', pdf, '-'], { encoding: 'utf8' });
      assert.equal(out.status, 0, `${name}: pdftotext failed: ${out.stderr}`);
      const bad = out.stdout.split('\n').filter((line) => /^\s*[:;?!»]|«\s*$/.test(line));
      assert.deepEqual(bad, [], `${name}: lines broken at a French no-break space`);
    }
  });
});

/** The ToUnicode CMaps of a PDF (pdfkit writes them as Flate streams). */
function toUnicodeMaps(pdf: Buffer): string[] {
  const maps: string[] = [];
  for (const match of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      const text = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
      if (text.includes('begincmap')) maps.push(text);
    } catch {
      // not a Flate stream (an image, the embedded font): not a CMap
    }
  }
  return maps;
}
