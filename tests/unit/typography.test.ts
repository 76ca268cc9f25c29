import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { createContentGate } from '../../src/content-gate/index.ts';
import { colon } from '../../src/i18n/ui.ts';
import { NBSP, NNBSP } from '../../src/typography/french-rules.ts';
import { createFrenchTypography } from '../../src/typography/hast-plugin.ts';
import { typesetFrench, typesetRun } from '../../src/typography/typeset.ts';
import { typesetFields, typesetFrenchIn } from '../../src/typography/typeset-values.ts';
import { findBreakableSpaces, readableText } from '../support/french-spacing.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'typography-'));
process.on('exit', () => rmSync(ROOT, { recursive: true, force: true }));

// Plugged in as astro.config.mjs plugs it: after the content gate, Prism on.
const gate = createContentGate({ root: ROOT });
const processor = satteri({ ...gate, hastPlugins: [...gate.hastPlugins, createFrenchTypography({ root: ROOT })] });
const renderer = processor.createRenderer({ syntaxHighlight: 'prism' });
const mdxRenderer = processor.createMdxRenderer?.({ syntaxHighlight: 'prism' }, { optimize: false });

async function render(path: string, markdown: string): Promise<string> {
  const file = join(ROOT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown);
  return (await (await renderer).render(markdown, { fileURL: pathToFileURL(file) })).code;
}
const fr = (markdown: string) => render('content/pages/fr/page.md', markdown);

/** The compiled MDX module (JavaScript): text shows as string literals, `\xA0` for a no-break space. */
async function frMdx(source: string): Promise<string> {
  const file = join(ROOT, 'content/pages/fr/page.mdx');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  assert.ok(mdxRenderer, 'the satteri processor renders MDX');
  return (await (await mdxRenderer).process(source, file, {})).code;
}

describe('typesetFrench', () => {
  const cases: [string, string][] = [
    ['Titre : suite', `Titre${NBSP}: suite`],
    ['Quoi ? Non ! Oui ; bon', `Quoi${NNBSP}? Non${NNBSP}! Oui${NNBSP}; bon`],
    ['« mot »', `«${NNBSP}mot${NNBSP}»`],
    ['«mot»', `«${NNBSP}mot${NNBSP}»`],
    ['10 % des cas', `10${NNBSP}% des cas`],
    ['le n° 12', `le n°${NBSP}12`],
    ['ligne\n: suite', `ligne${NBSP}: suite`],
  ];
  for (const [input, expected] of cases) {
    test(`typesets ${JSON.stringify(input)}`, () => assert.equal(typesetFrench(input), expected));
  }
  const kept = [
    'à 10:30',
    'a?b',
    'https://example.fr/a?b=c&d=e',
    'AT&T, &nbsp; et <b> en toutes lettres',
    ' début',
    'fin ',
    'un  deux',
  ];
  for (const input of kept) {
    test(`leaves ${JSON.stringify(input)} as written`, () => assert.equal(typesetFrench(input), input));
  }
  test('keeps a no-break space the author wrote', () => assert.equal(typesetFrench(`x${NNBSP}:`), `x${NNBSP}:`));
  test('typesets a run across nodes, code standing as one character', () => {
    assert.deepEqual(typesetRun(['voir ', 'le lien', ' : suite']), ['voir ', 'le lien', `${NBSP}: suite`]);
    assert.deepEqual(typesetRun(['«', null, '»']), [`«${NNBSP}`, null, `${NNBSP}»`]);
  });
});

describe('French typography in the Markdown pipeline', () => {
  test('typesets the text of a French page, across inline elements', async () => {
    const html = await fr('Titre : *mot* « **gras** » ? [lien](/fr/) : fin.\n');
    assert.deepEqual(findBreakableSpaces(readableText(html)), []);
    assert.match(html, new RegExp(`Titre${NBSP}: <em>mot</em> «${NNBSP}<strong>gras</strong>${NNBSP}»${NNBSP}\\?`));
  });

  test('leaves code spans, code blocks and kbd as written', async () => {
    const html = await fr('Tapez `a ? b : c` puis <kbd>Ctrl :</kbd>.\n\n```sh\necho "x : y ; z ?"\n```\n');
    assert.match(html, /<code>a \? b : c<\/code>/);
    assert.match(html, /<kbd>Ctrl :<\/kbd>/);
    assert.match(html, /x : y ; z \?/);
  });

  test('leaves <code> and <kbd> written as raw HTML in Markdown, or as JSX in MDX, as written', async () => {
    const html = await fr('Tapez <kbd>Ctrl :</kbd> ou <code>a ; b</code> : fin.\n');
    assert.match(html, /<kbd>Ctrl :<\/kbd> ou <code>a ; b<\/code>\xa0: fin/);
    const js = await frMdx('Tapez <kbd>Ctrl :</kbd> : fin.\n');
    assert.match(js, /"Ctrl :"/);
    assert.match(js, /"\\xA0: fin\."/);
  });

  test('leaves URLs and attribute values as written', async () => {
    const html = await fr(
      'Voir <https://example.fr/a?b=c> et [ceci](https://example.fr/x?y "Titre : x") ; <abbr title="Règlement : UE">CRA</abbr> !\n',
    );
    assert.match(html, /href="https:\/\/example\.fr\/a\?b=c">https:\/\/example\.fr\/a\?b=c<\/a>/);
    assert.match(html, /title="Titre : x"/);
    assert.match(html, /title="Règlement : UE"/);
    assert.match(html, new RegExp(`${NNBSP}; <abbr`));
  });

  test('keeps the heading ids Astro gives the text as written', async () => {
    const html = await fr('## Étape 1 : installer\n\n## Étape 1 : installer\n');
    assert.match(html, new RegExp(`<h2 id="étape-1--installer">Étape 1${NBSP}: installer</h2>`));
    assert.match(html, /<h2 id="étape-1--installer-1">/);
  });

  test('leaves English pages and files outside content/pages/fr and content/releases/fr alone', async () => {
    for (const path of ['content/pages/en/page.md', 'content/advisories/fr/page.md', 'src/pages/fr/x.md']) {
      assert.match(await render(path, 'Titre : suite\n'), /Titre : suite/, path);
    }
    assert.match(await render('content/releases/fr/2.4.0.md', 'Titre : suite\n'), new RegExp(`Titre${NBSP}:`));
  });
});

describe('French typography of UI strings and data', () => {
  test('typesets the fr member of every entry, deep, and keeps the rest', () => {
    const bytes = Buffer.from('a : b');
    const dictionary = {
      label: { en: 'Status: x', fr: 'Statut : x' },
      block: { en: { say: (n: string) => `Hello ${n}!` }, fr: { say: (n: string) => `Bonjour ${n} !` } },
      list: [{ en: 'a ; b', fr: 'a ; b' }],
      bytes,
    };
    const typeset = typesetFrenchIn(dictionary);
    assert.equal(typeset.label.fr, `Statut${NBSP}: x`);
    assert.equal(typeset.label.en, 'Status: x');
    assert.equal(typeset.block.fr.say('Léa'), `Bonjour Léa${NNBSP}!`);
    assert.deepEqual(typeset.list, [{ en: 'a ; b', fr: `a${NNBSP}; b` }]);
    assert.equal(typeset.bytes, bytes);
    assert.equal(dictionary.label.fr, 'Statut : x', 'the original is not changed');
  });

  test('typesets only the named front matter fields', () => {
    const data = { title: 'Titre : x', slug: 'a : b' };
    assert.deepEqual(typesetFields(data, ['title']), { title: `Titre${NBSP}: x`, slug: 'a : b' });
  });

  test('colon() puts a no-break space before the French colon', () => {
    assert.equal(colon('fr'), `${NBSP}: `);
    assert.equal(colon('en'), ': ');
  });
});
