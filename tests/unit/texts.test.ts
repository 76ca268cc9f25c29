import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { getSiteData, SITE_FILE } from '../../src/data/site.ts';
import { defineTexts } from '../../src/i18n/texts.ts';
import { t } from '../../src/i18n/ui.ts';
import { NBSP, NNBSP } from '../../src/typography/french-rules.ts';
import { REPO } from '../support/temp-project.ts';

const sample = defineTexts({
  label: { en: 'Status: {product}', fr: 'Statut : {product}' },
  count: { en: (n: number) => `${n} files for {product}`, fr: (n: number) => `${n} fichiers : {product}` },
  list: { en: ['one', 'two?'], fr: ['un', 'deux ?'] },
  group: { inner: { en: 'Inner', fr: 'Intérieur ?' } },
  template: { en: '“{q}”', fr: '« {q} »' },
});

describe('defineTexts', () => {
  test('gives each locale its own text, groups included', () => {
    assert.equal(sample('en').group.inner, 'Inner');
    assert.equal(sample('fr').group.inner, `Intérieur${NNBSP}?`);
  });

  test('typesets French strings, lists and the output of sentence functions, and leaves English alone', () => {
    const names = { product: 'Acme' };
    assert.equal(sample('fr', names).label, `Statut${NBSP}: Acme`);
    assert.equal(sample('fr', names).count(3), `3 fichiers${NBSP}: Acme`);
    assert.deepEqual(sample('fr', names).list, ['un', `deux${NNBSP}?`]);
    assert.equal(sample('en', names).label, 'Status: Acme');
    assert.deepEqual(sample('en', names).list, ['one', 'two?']);
  });

  test('leaves braces other than the site names as written, for templates the browser fills in', () => {
    assert.equal(sample('en').template, '“{q}”');
    assert.equal(sample('fr').template, `«${NNBSP}{q}${NNBSP}»`);
  });

  test('refuses, at type level, a text missing a locale or giving a locale another kind of value', () => {
    // Never called: the assertions are the @ts-expect-error lines, checked by `tsc --noEmit`.
    const typeErrors = () => [
      // @ts-expect-error French is missing
      defineTexts({ title: { en: 'Title' } }),
      // @ts-expect-error a sentence function in English, a plain string in French
      defineTexts({ count: { en: (n: number) => `${n}`, fr: 'n' } }),
      // @ts-expect-error a group's text missing a locale
      defineTexts({ group: { inner: { fr: 'Intérieur' } } }),
    ];
    assert.equal(typeof typeErrors, 'function');
  });
});

describe('the product name', () => {
  const product = getSiteData().product.name;

  test('comes from content/site.yaml in the shared texts', () => {
    assert.equal(t('en').home, `${product} home`);
    assert.equal(t('fr').home, `Accueil ${product}`);
  });

  test('follows a site.yaml that names another product', () => {
    const dir = mkdtempSync(join(tmpdir(), 'texts-site-'));
    try {
      const file = join(dir, 'site.yaml');
      writeFileSync(file, readFileSync(SITE_FILE, 'utf8').replace(/^ {2}name: .*$/m, '  name: Acme Relay'));
      const names = { product: getSiteData(file).product.name };
      assert.equal(t('en', names).home, 'Acme Relay home');
      assert.equal(t('fr', names).home, 'Accueil Acme Relay');
      // The site's own texts are still those of content/site.yaml: each set of names is kept apart.
      assert.equal(t('en').home, `${product} home`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('is written in no text of src/ (comments and the configs’ generated notice aside)', () => {
    // The emitters format the headers manifest alone, which holds no product name; their notice
    // names the build, as the cryptpeer-*.conf file names do.
    const allowed = new Set(['src/emitters/shared.ts']);
    const files = readdirSync(join(REPO, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|astro)$/.test(file))
      .map((file) => join(REPO, 'src', file));
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const code = line.trim();
          const comment = code.startsWith('*') || code.startsWith('//') || code.startsWith('/*');
          return line.includes(product) && !comment ? [`${relative(REPO, file)}:${i + 1}: ${code}`] : [];
        }),
    );
    assert.deepEqual(
      found.filter((hit) => !allowed.has(hit.slice(0, hit.indexOf(':')))),
      [],
    );
  });
});
