import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startNodeServer, type RunningServer } from './support/servers.ts';

// A copy of dist/ with one byte of the stylesheet changed, served with the unchanged manifest:
// the browser must refuse the file (SRI), and we must see the refusal.
test.describe('subresource integrity on a tampered copy', () => {
  let server: RunningServer | undefined;
  let tampered = '';

  test.beforeAll(async () => {
    const copy = mkdtempSync(join(tmpdir(), 'cryptpeer-tamper-'));
    cpSync(resolve('dist'), copy, { recursive: true });
    const css = readdirSync(join(copy, '_astro')).find((f) => f.endsWith('.css'));
    if (!css) throw new Error('no stylesheet in dist/_astro');
    tampered = `/_astro/${css}`;
    const path = join(copy, '_astro', css);
    const bytes = readFileSync(path);
    const at = bytes.indexOf('skip-link');
    if (at < 0) throw new Error('marker not found in the stylesheet');
    bytes[at] = 'S'.charCodeAt(0); // one byte: .skip-link → .Skip-link
    writeFileSync(path, bytes);
    // The attacker changes every representation: the precompressed siblings carry the same edit.
    writeFileSync(`${path}.br`, brotliCompressSync(bytes));
    writeFileSync(`${path}.gz`, gzipSync(bytes));
    server = await startNodeServer(copy);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('Chromium refuses the modified stylesheet and reports it', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const responses: string[] = [];
    page.on('response', (r) => responses.push(r.url()));
    await page.goto(`${server?.url ?? ''}/`);
    expect(responses.some((u) => u.endsWith(tampered))).toBe(true);
    expect(errors.join('\n')).toMatch(/integrity/i);
    // No stylesheet was applied: the skip link sits in the normal flow instead of off-screen.
    const applied = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href).length);
    expect(applied).toBe(0);
    const top = await page.locator('a.skip-link').evaluate((el) => getComputedStyle(el).position);
    expect(top).toBe('static');
  });
});
