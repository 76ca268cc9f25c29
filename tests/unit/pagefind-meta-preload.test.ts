import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pagefindMetaUrl } from '../../src/search/meta-preload.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ whose pagefind/pagefind-entry.json holds `entry` (a string is written as is). */
function distWithEntry(entry: unknown): string {
  const dist = mkdtempSync(join(tmpdir(), 'cryptpeer-pf-'));
  dirs.push(dist);
  mkdirSync(join(dist, 'pagefind'));
  writeFileSync(
    join(dist, 'pagefind', 'pagefind-entry.json'),
    typeof entry === 'string' ? entry : JSON.stringify(entry),
  );
  return dist;
}

describe('pagefindMetaUrl (the hashed index metadata the search page preloads)', () => {
  const entry = { version: '1.6.0', languages: { en: { hash: 'en_c4611efd1e', wasm: 'en', page_count: 3 } } };

  test("names the language's pf_meta file from Pagefind's entry file", () => {
    assert.equal(pagefindMetaUrl(distWithEntry(entry), 'en'), '/pagefind/pagefind.en_c4611efd1e.pf_meta');
  });

  test('refuses a language that has no index, naming the file and the languages indexed', () => {
    assert.throws(
      () => pagefindMetaUrl(distWithEntry(entry), 'fr'),
      /pagefind-entry\.json: no index for language "fr".*indexed: en/,
    );
    assert.throws(() => pagefindMetaUrl(distWithEntry(entry), 'constructor'), /no index for language "constructor"/);
  });

  test('refuses a hash that could leave the URL path (it is written into the page)', () => {
    const hostile = { languages: { en: { hash: 'x" onload="alert(1)' } } };
    assert.throws(() => pagefindMetaUrl(distWithEntry(hostile), 'en'), /pagefind-entry\.json.*languages\.en\.hash/);
  });

  test('names the file when it is missing or not JSON', () => {
    assert.throws(() => pagefindMetaUrl(distWithEntry('{ nope'), 'en'), /pagefind-entry\.json: cannot read/);
    const empty = mkdtempSync(join(tmpdir(), 'cryptpeer-pf-'));
    dirs.push(empty);
    assert.throws(() => pagefindMetaUrl(empty, 'en'), /pagefind-entry\.json: cannot read.*ENOENT/);
  });
});
