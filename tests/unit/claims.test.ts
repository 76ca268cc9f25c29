import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { checkClaims } from '../../src/compliance/claims-check.ts';
import { loadClaims } from '../../src/data/claims.ts';
import { localeFromPath } from '../../src/i18n/locales.ts';
import { InputError } from '../../src/schemas/parse.ts';

/** A throw-away project root holding `files` (path → text), removed after the test. */
function projectWith(t: TestContext, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'claims-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const claim = (fields: Record<string, string> = {}) =>
  Object.entries({
    id: 'forward-secrecy',
    en: 'Each message key is erased after use.',
    fr: 'Chaque clé de message est effacée après usage.',
    pages: '[threat-model]',
    status: 'awaiting-confirmation',
    ...fields,
  })
    .map(([key, value], i) => `${i === 0 ? '- ' : '  '}${key}: ${value}`)
    .join('\n') + '\n';

function refusal(t: TestContext, files: Record<string, string>): string {
  const root = projectWith(t, files);
  const error = (() => {
    try {
      loadClaims(root);
    } catch (caught) {
      return caught;
    }
    return undefined;
  })();
  assert.ok(error instanceof InputError, 'expected an InputError');
  return error.message;
}

const FILE = 'content/claims/product.yaml';

describe('content/claims/*.yaml', () => {
  test('loads every claim of every file, naming its file', (t) => {
    const root = projectWith(t, { [FILE]: claim(), 'content/claims/other.yaml': claim({ id: 'audits' }) });
    assert.deepEqual(
      loadClaims(root).map((c) => `${c.file} ${c.id}`),
      ['content/claims/other.yaml audits', 'content/claims/product.yaml forward-secrecy'],
    );
  });

  test('no content/claims/ folder means no claims', (t) => assert.deepEqual(loadClaims(projectWith(t, {})), []));

  const bad: [string, string, string][] = [
    [
      'an id that is not kebab-case',
      claim({ id: 'Forward_Secrecy' }),
      `${FILE}: [0].id: expected kebab-case: lowercase letters and digits joined by -`,
    ],
    ['an empty English text', claim({ en: '" "' }), `${FILE}: [0].en: the English text is empty`],
    ['an empty French text', claim({ fr: "''" }), `${FILE}: [0].fr: the French text is empty`],
    [
      'a page that is not a page key',
      claim({ pages: '[/fr/modele-de-menace/]' }),
      `${FILE}: [0].pages.0: expected a page key such as threat-model or compliance/nis2`,
    ],
    [
      'an unknown status',
      claim({ status: 'pending' }),
      `${FILE}: [0].status: Invalid option: expected one of "awaiting-confirmation"|"confirmed"`,
    ],
    ['an unknown field', claim({ source: 'seed' }), `${FILE}: [0]: Unrecognized key: "source"`],
    [
      'a missing field',
      claim().replace(/^ {2}pages:.*\n/m, ''),
      `${FILE}: [0].pages: Invalid input: expected array, received undefined`,
    ],
    [
      'a file that is not a list',
      'id: forward-secrecy\n',
      `${FILE}: (root): Invalid input: expected array, received object`,
    ],
    ['an id used twice in one file', claim() + claim(), `${FILE}: [1].id: "forward-secrecy" is already used by [0]`],
  ];
  for (const [what, text, message] of bad) {
    test(`refuses ${what}`, (t) => assert.equal(refusal(t, { [FILE]: text }), message));
  }

  test('refuses an id used in two files, naming both', (t) => {
    const message = refusal(t, {
      'content/claims/a.yaml': claim(),
      'content/claims/b.yaml': claim({ id: 'x' }) + claim(),
    });
    assert.equal(
      message,
      'content/claims/b.yaml: [1].id: "forward-secrecy" is already used in content/claims/a.yaml [0]',
    );
  });
});

describe('compliance:check on claims', () => {
  const page = (ids: string[]) => `---\ntitle: T\n---\n${ids.map((id) => `<ToConfirm id="${id}" />\n`).join('')}`;
  const findings = (root: string) => checkClaims(root).map((f) => `${f.level} ${f.file}: ${f.message}`);

  test('lists each claim awaiting confirmation as a warning, and confirmed ones not at all', (t) => {
    const root = projectWith(t, {
      [FILE]: claim() + claim({ id: 'audits', status: 'confirmed' }),
      'content/pages/en/threat-model.mdx': page(['forward-secrecy', 'audits']),
      'content/pages/fr/threat-model.mdx': page(['forward-secrecy', 'audits']),
    });
    assert.deepEqual(findings(root), [
      `warning ${FILE}: forward-secrecy: awaiting the vendor's confirmation, shown on threat-model: "Each message key is erased after use."`,
    ]);
  });

  test('errs on a page showing a claim that does not list it, and on a listed page that does not show it', (t) => {
    const root = projectWith(t, {
      [FILE]: claim({ status: 'confirmed' }),
      'content/pages/en/threat-model.mdx': page([]),
      'content/pages/fr/threat-model.mdx': page(['forward-secrecy']),
      'content/pages/fr/privacy.mdx': page(['forward-secrecy', 'unknown-claim']),
    });
    assert.deepEqual(findings(root), [
      'error content/pages/fr/privacy.mdx: <ToConfirm id="forward-secrecy" />: content/claims/product.yaml does not list this page: add privacy to the claim\'s pages',
      'error content/pages/fr/privacy.mdx: <ToConfirm id="unknown-claim" />: no such claim in content/claims/',
      `error ${FILE}: forward-secrecy: pages lists threat-model, but content/pages/en/threat-model.mdx does not show it (<ToConfirm id="forward-secrecy" />)`,
    ]);
  });

  test('errs on a listed page that does not exist, in each language', (t) => {
    const root = projectWith(t, { [FILE]: claim({ pages: '[compliance/nis3]', status: 'confirmed' }) });
    assert.deepEqual(findings(root), [
      `error ${FILE}: forward-secrecy: pages: no page compliance/nis3 in content/pages/en/`,
      `error ${FILE}: forward-secrecy: pages: no page compliance/nis3 in content/pages/fr/`,
    ]);
  });

  test('reports invalid claims as one error', (t) => {
    const root = projectWith(t, { [FILE]: claim({ status: 'pending' }) });
    assert.deepEqual(findings(root), [
      `error content/claims/: ${FILE}: [0].status: Invalid option: expected one of "awaiting-confirmation"|"confirmed"`,
    ]);
  });
});

describe('localeFromPath (how ToConfirm picks its language)', () => {
  const cases: [string, string][] = [
    ['/fr/modele-de-menace/', 'fr'],
    ['/fr/', 'fr'],
    ['/threat-model/', 'en'],
    ['/', 'en'],
    ['/fresh/', 'en'],
    ['/en/x/', 'en'],
  ];
  for (const [path, locale] of cases) test(`${path} is ${locale}`, () => assert.equal(localeFromPath(path), locale));
});
