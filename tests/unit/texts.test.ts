import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defineTexts } from '../../src/i18n/texts.ts';
import { NBSP, NNBSP } from '../../src/typography/french-rules.ts';

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
