import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createSiteLinks, type SiteLinks } from '../../../src/compliance/links.ts';
import { InputError } from '../../../src/schemas/parse.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/compliance');
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** The content the compliance code reads; copied so a test can replace one file without touching the project. */
const INPUTS = [
  'package.json',
  'content/site.yaml',
  'content/security.yaml',
  'content/product-information.yaml',
  'content/declarations',
  'content/advisories',
  'content/sbom',
  'content/releases/en',
  // The declaration CLI reads page slugs to write the links the documents carry.
  'content/pages',
  'content/claims',
];

export interface Project {
  root: string;
  remove(): void;
}

/**
 * A copy of this project's compliance inputs in a temp folder, with `changes` applied: a string
 * replaces (or adds) a file, `null` deletes it. Paths are relative to the project root.
 */
export function makeProject(changes: Record<string, string | null> = {}): Project {
  const root = mkdtempSync(join(tmpdir(), 'cryptpeer-compliance-'));
  for (const input of INPUTS) cpSync(join(ROOT, input), join(root, input), { recursive: true });
  for (const [path, text] of Object.entries(changes)) {
    const file = join(root, path);
    if (text === null) rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Page paths as the site routes them (the Astro side reads them from the content collection). */
export const LINKS: SiteLinks = createSiteLinks('https://cryptpeer.com', [
  { locale: 'en', key: 'compliance/declaration-of-conformity', path: '/compliance/declaration-of-conformity/' },
  { locale: 'fr', key: 'compliance/declaration-of-conformity', path: '/fr/conformite/declaration-de-conformite/' },
  { locale: 'en', key: 'compliance/product-information', path: '/compliance/product-information/' },
  { locale: 'fr', key: 'compliance/product-information', path: '/fr/conformite/informations-produit/' },
  { locale: 'en', key: 'security/vulnerability-disclosure', path: '/security/vulnerability-disclosure/' },
  { locale: 'fr', key: 'security/vulnerability-disclosure', path: '/fr/securite/divulgation-des-vulnerabilites/' },
  { locale: 'en', key: 'security/advisories', path: '/security/advisories/' },
  { locale: 'fr', key: 'security/advisories', path: '/fr/securite/avis/' },
  { locale: 'en', key: 'releases', path: '/releases/' },
  { locale: 'fr', key: 'releases', path: '/fr/versions/' },
]);

/** Runs `fn` and returns the InputError it throws, failing the test on anything else. */
export async function inputErrorOf(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError, nothing was thrown');
}

/** A fixed build date, so tests never depend on the clock. */
export const BUILD_DATE = new Date('2026-11-26T00:00:00Z');
