import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contactUri, isoDate, semverString } from '../../src/schemas/common.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import { InputError, parseWith } from '../../src/schemas/parse.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { loadYaml } from '../../src/data/load-yaml.ts';
import { getSiteData } from '../../src/data/site.ts';

const VALID_SITE_YAML = readFileSync(new URL('../fixtures/site/valid.yaml', import.meta.url), 'utf8');

/** Runs `fn` and returns the InputError it throws (failing the test if it throws anything else or nothing). */
function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError, nothing was thrown');
}

describe('isoDate', () => {
  test('accepts a YYYY-MM-DD string and returns it unchanged', () => {
    assert.equal(isoDate.parse('2026-01-15'), '2026-01-15');
  });

  test('accepts a Date (as YAML gives for an unquoted date) and normalises it to YYYY-MM-DD', () => {
    assert.equal(isoDate.parse(new Date(Date.UTC(2026, 0, 15))), '2026-01-15');
  });

  test('accepts 29 February in a leap year', () => {
    assert.equal(isoDate.parse('2028-02-29'), '2028-02-29');
  });

  for (const bad of ['15/01/2026', '2026-02-30', '2026-1-5', '2026-13-01', '2026-01-15T00:00:00Z', '', '2027-02-29']) {
    test(`refuses ${JSON.stringify(bad)}, quoting the value`, () => {
      const result = isoDate.safeParse(bad);
      assert.ok(!result.success);
      assert.equal(result.error.issues[0]?.message, `expected an ISO 8601 date YYYY-MM-DD, got ${JSON.stringify(bad)}`);
    });
  }

  test('refuses an invalid Date and a number', () => {
    assert.equal(isoDate.safeParse(new Date('not a date')).success, false);
    assert.equal(isoDate.safeParse(20260115).success, false);
  });
});

describe('semverString', () => {
  for (const good of ['2.1.0', '0.0.1', '10.20.30', '2.4.0-rc.1']) {
    test(`accepts ${good}`, () => {
      assert.equal(semverString.parse(good), good);
    });
  }
  for (const bad of ['v2.1.0', '2.1', '2.x', '2', '02.1.0', ' 2.1.0', '2.1.0 ']) {
    test(`refuses ${JSON.stringify(bad)}`, () => {
      const result = semverString.safeParse(bad);
      assert.ok(!result.success);
      assert.equal(result.error.issues[0]?.message, 'expected a semantic version such as 2.1.0');
    });
  }
});

describe('contactUri', () => {
  for (const good of ['mailto:security@cryptpeer.com', 'https://cryptpeer.com/security']) {
    test(`accepts ${good}`, () => {
      assert.equal(contactUri.parse(good), good);
    });
  }
  for (const bad of [
    'not-an-email',
    'security@cryptpeer.com',
    'mailto:security',
    'http://cryptpeer.com/security',
    'https://',
    'mailto:a b@cryptpeer.com',
    'javascript:alert(1)',
  ]) {
    test(`refuses ${JSON.stringify(bad)}`, () => {
      const result = contactUri.safeParse(bad);
      assert.ok(!result.success);
      assert.equal(result.error.issues[0]?.message, 'expected a mailto: or https: URI');
    });
  }
});

describe('pageSchema', () => {
  const FILE = 'content/pages/en/threat-model.mdx';
  const page = {
    title: 'Threat model',
    description: 'The five adversaries CryptPeer is designed against, and what is out of scope.',
    summary: 'Who CryptPeer defends against.',
    updated: '2026-11-20',
  };

  test('fills the defaults of a minimal page', () => {
    assert.deepEqual(parseWith(pageSchema, page, FILE), {
      ...page,
      nav: 'none',
      order: 100,
      template: 'page',
    });
  });

  test('refuses a page without a title, naming the file and the field', () => {
    const { title: _omitted, ...withoutTitle } = page;
    const error = inputErrorOf(() => parseWith(pageSchema, withoutTitle, FILE));
    assert.match(error.message, /^content\/pages\/en\/threat-model\.mdx: title: /);
  });

  test('refuses a blank title with its own message', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, title: '   ' }, FILE));
    assert.equal(error.message, `${FILE}: title: a page needs a title`);
  });

  for (const slug of ['Threat-Model', 'threat_model', '/threat-model', 'threat-model/', 'threat--model', 'menace é']) {
    test(`refuses the slug ${JSON.stringify(slug)}`, () => {
      const error = inputErrorOf(() => parseWith(pageSchema, { ...page, slug }, FILE));
      assert.equal(error.message, `${FILE}: slug: lowercase words joined by - and /`);
    });
  }

  test('accepts a nested slug of lowercase words', () => {
    assert.equal(parseWith(pageSchema, { ...page, slug: 'conformite/cra-2024' }, FILE).slug, 'conformite/cra-2024');
  });

  test('refuses a description shorter than 50 characters', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, description: 'x'.repeat(49) }, FILE));
    assert.match(error.message, /^content\/pages\/en\/threat-model\.mdx: description: .*50/);
  });

  test('refuses a description longer than 170 characters', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, description: 'x'.repeat(171) }, FILE));
    assert.match(error.message, /^content\/pages\/en\/threat-model\.mdx: description: .*170/);
  });

  test('refuses an unknown key (strict), naming the key', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, layout: '../x.astro' }, FILE));
    assert.match(error.message, /^content\/pages\/en\/threat-model\.mdx: .*"layout"/);
  });

  test('refuses an updated date that is not ISO 8601', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, updated: '26/11/2026' }, FILE));
    assert.equal(error.message, `${FILE}: updated: expected an ISO 8601 date YYYY-MM-DD, got "26/11/2026"`);
  });

  test('reports every bad field, one line each', () => {
    const error = inputErrorOf(() => parseWith(pageSchema, { ...page, nav: 'sidebar', order: 1.5 }, FILE));
    const lines = error.message.split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^content\/pages\/en\/threat-model\.mdx: nav: /);
    assert.match(lines[1] ?? '', /^content\/pages\/en\/threat-model\.mdx: order: /);
  });
});

describe('releaseSchema', () => {
  const FILE = 'content/releases/en/2.4.0.md';
  const release = { version: '2.4.0', date: '2026-10-06', summary: 'Fixes one advisory.', fixes: ['CPSA-2026-002'] };

  test('accepts a release note and defaults fixes to an empty list', () => {
    assert.deepEqual(parseWith(releaseSchema, release, FILE), release);
    const { fixes: _omitted, ...withoutFixes } = release;
    assert.deepEqual(parseWith(releaseSchema, withoutFixes, FILE).fixes, []);
  });

  test('refuses a version that is not semantic', () => {
    const error = inputErrorOf(() => parseWith(releaseSchema, { ...release, version: '2.x' }, FILE));
    assert.equal(error.message, `${FILE}: version: expected a semantic version such as 2.1.0`);
  });

  test('refuses a release note whose date is not ISO 8601', () => {
    const error = inputErrorOf(() => parseWith(releaseSchema, { ...release, date: '06/10/2026' }, FILE));
    assert.equal(error.message, `${FILE}: date: expected an ISO 8601 date YYYY-MM-DD, got "06/10/2026"`);
  });

  for (const id of ['cpsa-2026-002', 'CPSA-26-002', 'CPSA-2026-02', 'CPSA_2026_002', '']) {
    test(`refuses the fix id ${JSON.stringify(id)}, naming its index`, () => {
      const error = inputErrorOf(() => parseWith(releaseSchema, { ...release, fixes: ['CPSA-2026-001', id] }, FILE));
      assert.match(error.message, /^content\/releases\/en\/2\.4\.0\.md: fixes\.1: /);
    });
  }

  test('refuses an unknown key', () => {
    const error = inputErrorOf(() => parseWith(releaseSchema, { ...release, draft: true }, FILE));
    assert.match(error.message, /"draft"/);
  });
});

describe('site.yaml through loadYaml', () => {
  const originalCwd = process.cwd();
  let project = '';
  let siteFile = '';
  const write = (text: string) => {
    writeFileSync(siteFile, text);
  };

  before(() => {
    project = mkdtempSync(join(tmpdir(), 'cryptpeer-yaml-'));
    mkdirSync(join(project, 'content'));
    siteFile = join(project, 'content', 'site.yaml');
    // loadYaml names files relative to the working directory, as the build sees them.
    process.chdir(project);
  });

  after(() => {
    process.chdir(originalCwd);
    rmSync(project, { recursive: true, force: true });
  });

  test('loads the valid fixture, turning the unquoted endDate into a string', () => {
    write(VALID_SITE_YAML);
    const site = loadYaml(siteFile, siteSchema);
    assert.equal(site.support.endDate, '2031-12-31');
    assert.equal(site.product.currentVersion, '2.4.0');
    assert.deepEqual(site.site.locales, ['en', 'fr']);
    assert.deepEqual(getSiteData(siteFile), site);
  });

  test('names the file and the field path of a bad contact', () => {
    write(VALID_SITE_YAML.replace('security: mailto:security@example.com', 'security: not-an-email'));
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.equal(error.message, 'content/site.yaml: contacts.security: expected a mailto: or https: URI');
  });

  test('names nested paths and every bad field', () => {
    write(
      VALID_SITE_YAML.replace('currentVersion: 2.4.0', 'currentVersion: v2.4.0')
        .replace('url: https://example.com\n', 'url: https://example.com/\n')
        .replace("postalCode: '75001'", 'postalCode: ""'),
    );
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    const lines = error.message.split('\n').sort();
    assert.equal(lines.length, 3, error.message);
    assert.match(lines[0] ?? '', /^content\/site\.yaml: manufacturer\.address\.postalCode: /);
    assert.equal(lines[1], 'content/site.yaml: product.currentVersion: expected a semantic version such as 2.1.0');
    assert.equal(lines[2], 'content/site.yaml: site.url: must not end with a slash');
  });

  test('refuses a plain-http manufacturer website', () => {
    write(VALID_SITE_YAML.replace('website: https://example.com/', 'website: http://example.com/'));
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.equal(error.message, 'content/site.yaml: manufacturer.website: expected an absolute https:// URL');
  });

  test('refuses a missing translation of a localized text', () => {
    write(VALID_SITE_YAML.replace('    fr: Messagerie confidentielle.\n', ''));
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.match(error.message, /^content\/site\.yaml: product\.intendedPurpose\.fr: /);
  });

  test('refuses an unknown top-level key', () => {
    write(`${VALID_SITE_YAML}extra: true\n`);
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.match(error.message, /^content\/site\.yaml: .*"extra"/);
  });

  test('refuses invalid YAML, naming the file', () => {
    write(
      VALID_SITE_YAML.replace('  security: mailto:security@example.com', '  security: [mailto:security@example.com'),
    );
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.match(error.message, /^content\/site\.yaml: invalid YAML: /);
  });

  test('refuses duplicate keys, naming the file', () => {
    write(VALID_SITE_YAML.replace('  general: mailto:contact@example.com\n', '  general: a\n  general: b\n'));
    const error = inputErrorOf(() => loadYaml(siteFile, siteSchema));
    assert.match(error.message, /^content\/site\.yaml: invalid YAML: /);
    assert.match(error.message, /unique/i);
  });

  test('refuses a file that cannot be read, naming it', () => {
    const error = inputErrorOf(() => loadYaml(join(project, 'content', 'missing.yaml'), siteSchema));
    assert.equal(error.message, 'content/missing.yaml: cannot be read');
  });

  test('keeps YAML 1.2 semantics: "no" stays a string, so a country named no is valid', () => {
    write(VALID_SITE_YAML.replace('country: France', 'country: no'));
    assert.equal(loadYaml(siteFile, siteSchema).manufacturer.address.country, 'no');
  });
});
