import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createPropertyNames, toAttributeName } from '../../../src/content-gate/attribute-names.ts';
import { isCommentOnly, isLiteralProgram, parseMdxExpression } from '../../../src/content-gate/mdx-expression.ts';
import { scanRawHtml } from '../../../src/content-gate/raw-html.ts';
import { getLineOffset } from '../../../src/content-gate/source-lines.ts';

describe('literal props, read by the MDX compiler itself', () => {
  for (const code of ['2', '-1', '0.5', 'true', 'false', 'null', '"text"', "'text'", ' 2 ']) {
    test(`${code} is a literal`, () => {
      assert.equal(isLiteralProgram(parseMdxExpression(code)), true);
    });
  }
  for (const code of [
    '1+1',
    '-x',
    '!0',
    '`a`',
    '/x/',
    '10n',
    'x',
    'process.env.HOME',
    '[1]',
    '({})',
    '1}{process.exit()',
    '1, 2',
  ]) {
    test(`${code} is not`, () => {
      assert.equal(isLiteralProgram(parseMdxExpression(code)), false);
    });
  }
});

describe('MDX comments', () => {
  for (const code of ['/* note */', '// note\n', ' ', '']) {
    test(`${JSON.stringify(code)} holds no code`, () => {
      assert.equal(isCommentOnly(code), true);
    });
  }
  for (const code of ['/* a */ x', '], [', '0', 'x /* c */']) {
    test(`${JSON.stringify(code)} holds code`, () => {
      assert.equal(isCommentOnly(code), false);
    });
  }
});

describe('raw HTML, tokenized as a browser does', () => {
  test('sees every start tag with its line, including one a tree builder would ignore', () => {
    const scan = scanRawHtml('<div>\n<td onclick="x">\n<body onload="y">');
    assert.deepEqual(
      scan.tags.map(({ tagName, line }) => [tagName, line]),
      [
        ['div', 1],
        ['td', 2],
        ['body', 3],
      ],
    );
    assert.equal(scan.terminated, true);
  });

  for (const html of ['<div title="', '<!-- open', '<a href=x', '</', '<!-->']) {
    test(`${JSON.stringify(html)} ${html === '<!-->' ? 'is closed' : 'is left open'}`, () => {
      assert.equal(scanRawHtml(html).terminated, html === '<!-->');
    });
  }

  test('a look-alike of the end marker written by the author does not count as closing the chunk', () => {
    const scan = scanRawHtml('<content-gate-end><div title="');
    assert.equal(scan.terminated, false);
    assert.deepEqual(
      scan.tags.map(({ tagName }) => tagName),
      ['content-gate-end'],
    );
  });
});

describe('lines in the file on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'content-gate-lines-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const file = join(dir, 'note.md');
  const text = '---\nversion: 1.0.0\ndate: 2026-01-01\n---\n\n\n# Title\n\nBody\n';
  writeFileSync(file, text);

  test('the loader parses the trimmed body: lines shift by the front matter and blank lines', () => {
    assert.equal(getLineOffset(file, '# Title\n\nBody'), 6);
  });

  test('Vite and MDX parse the file with its front matter blanked: no shift', () => {
    assert.equal(
      getLineOffset(
        file,
        text.replace(/^---[\s\S]*?---/, (m) => m.replace(/[^\n]/g, ' ')),
      ),
      0,
    );
  });

  test('no file, or one that changed under the build, gives no shift', () => {
    assert.equal(getLineOffset(undefined, 'x'), 0);
    assert.equal(getLineOffset(file, 'not in the file'), 0);
  });
});

describe('attribute names', () => {
  for (const [property, attribute] of [
    ['className', 'class'],
    ['htmlFor', 'for'],
    ['ariaDescribedBy', 'aria-describedby'],
    ['dataFootnoteRef', 'data-footnote-ref'],
    ['colSpan', 'colspan'],
    ['onClick', 'onclick'],
  ] as const) {
    test(`${property} is written ${attribute}, and ${attribute} maps back to it`, () => {
      assert.equal(toAttributeName(property), attribute);
      assert.equal(createPropertyNames([property])(attribute.toUpperCase()), property);
    });
  }

  test('a name outside the schema keeps its spelling, so the schema refuses it', () => {
    assert.equal(createPropertyNames(['className'])('classname'), 'classname');
  });
});
