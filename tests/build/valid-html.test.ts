import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateHtml } from '../../src/lib/validate-html.ts';

const DIST = join(fileURLToPath(new URL('../../', import.meta.url)), 'dist');

// Runs over the dist/ that `npm run build` left: one Java process for the whole site.
test('every HTML and SVG file of dist/ passes the W3C Nu checker', { timeout: 30 * 60_000 }, (t) => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/ has no index.html: run npm run build first');
  const result = validateHtml(DIST);
  // Warnings are reported, not failed on (e.g. vnu checks pages as file: URLs, where CSP 'self' matches nothing).
  for (const warning of result.warnings) t.diagnostic(warning);
  t.diagnostic(`${result.html} HTML + ${result.svg} SVG file(s) in ${(result.ms / 1000).toFixed(2)} s`);
  assert.deepEqual(result.errors, [], `${result.errors.length} error(s):\n${result.errors.join('\n')}`);
});
