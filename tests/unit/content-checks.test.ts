import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertTranslated, assertUniquePaths, splitContentId } from '../../src/lib/content-checks.ts';
import { InputError } from '../../src/schemas/parse.ts';

/** The message of the InputError `fn` throws; fails when it throws anything else or nothing. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected an InputError, nothing was thrown');
}

describe('splitContentId', () => {
  for (const [id, locale, key] of [
    ['en/threat-model.mdx', 'en', 'threat-model'],
    ['fr/compliance/cyber-resilience-act.mdx', 'fr', 'compliance/cyber-resilience-act'],
    ['en/index.md', 'en', 'index'],
    ['fr/2.4.0.md', 'fr', '2.4.0'],
  ] as const) {
    test(`splits ${id} into locale ${locale} and key ${key}`, () => {
      assert.deepEqual(splitContentId(`content/pages/${id}`, id), { locale, key });
    });
  }

  test('refuses an unknown locale folder, naming the file and the locale field', () => {
    const message = messageOf(() => splitContentId('content/pages/de/x.md', 'de/x.md'));
    assert.equal(
      message,
      'content/pages/de/x.md: locale: unknown locale "de" (the first folder must be one of en, fr)',
    );
  });

  test('refuses a locale folder written in capitals', () => {
    const message = messageOf(() => splitContentId('content/pages/EN/x.md', 'EN/x.md'));
    assert.match(message, /^content\/pages\/EN\/x\.md: locale: unknown locale "EN"/);
  });

  test('refuses a file sitting directly in the collection folder (no locale folder)', () => {
    const message = messageOf(() => splitContentId('content/pages/about.mdx', 'about.mdx'));
    assert.match(message, /^content\/pages\/about\.mdx: locale: unknown locale "about\.mdx"/);
  });

  test('refuses a locale folder with nothing inside it as a key', () => {
    const message = messageOf(() => splitContentId('content/pages/en', 'en'));
    assert.equal(message, 'content/pages/en: key: a content file must sit inside a locale folder');
  });
});

describe('assertUniquePaths', () => {
  test('accepts distinct paths', () => {
    assert.doesNotThrow(() => {
      assertUniquePaths([
        { file: 'content/pages/en/a.mdx', path: '/a/' },
        { file: 'content/pages/fr/a.mdx', path: '/fr/a/' },
      ]);
    });
  });

  test('refuses two files claiming one URL, naming both files and the slug field', () => {
    const message = messageOf(() => {
      assertUniquePaths([
        { file: 'content/pages/en/threat-model.mdx', path: '/threat-model/' },
        { file: 'content/pages/en/other.mdx', path: '/other/' },
        { file: 'content/pages/en/dup.mdx', path: '/threat-model/' },
      ]);
    });
    assert.equal(
      message,
      'content/pages/en/dup.mdx: slug: /threat-model/ is already claimed by content/pages/en/threat-model.mdx',
    );
  });

  test('names the field it is given', () => {
    const message = messageOf(() => {
      assertUniquePaths(
        [
          { file: 'content/releases/en/2.4.0.md', path: '/releases/2.4.0/' },
          { file: 'content/releases/en/2.4.0-copy.md', path: '/releases/2.4.0/' },
        ],
        'version',
      );
    });
    assert.match(message, /^content\/releases\/en\/2\.4\.0-copy\.md: version: /);
    assert.match(message, /content\/releases\/en\/2\.4\.0\.md$/);
  });
});

describe('assertTranslated', () => {
  test('accepts keys present in every locale', () => {
    assert.doesNotThrow(() => {
      assertTranslated([
        { file: 'content/pages/en/a.mdx', key: 'a', locale: 'en' },
        { file: 'content/pages/fr/a.mdx', key: 'a', locale: 'fr' },
      ]);
    });
  });

  test('refuses an English page without its French version, naming the file and the missing locale', () => {
    const message = messageOf(() => {
      assertTranslated([
        { file: 'content/pages/en/a.mdx', key: 'a', locale: 'en' },
        { file: 'content/pages/fr/a.mdx', key: 'a', locale: 'fr' },
        { file: 'content/pages/en/compliance/nis2.mdx', key: 'compliance/nis2', locale: 'en' },
      ]);
    });
    assert.equal(
      message,
      'content/pages/en/compliance/nis2.mdx: translation: no fr version of "compliance/nis2" (expected content/.../fr/compliance/nis2.*)',
    );
  });

  test('refuses a French page without its English version', () => {
    const message = messageOf(() => {
      assertTranslated([{ file: 'content/pages/fr/b.mdx', key: 'b', locale: 'fr' }]);
    });
    assert.match(message, /^content\/pages\/fr\/b\.mdx: translation: no en version of "b"/);
  });

  test('matches translations by key, not by file name', () => {
    const message = messageOf(() => {
      assertTranslated([
        { file: 'content/pages/en/a.mdx', key: 'a', locale: 'en' },
        { file: 'content/pages/fr/a.mdx', key: 'b', locale: 'fr' },
      ]);
    });
    assert.match(message, /^content\/pages\/en\/a\.mdx: translation: no fr version of "a"/);
  });
});
