import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { PostBuildHook } from '../integrations/security.ts';

const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Builds the Pagefind index with its Node API, before the harden step (so the search page's
 * hashes cover the final files). Pagefind splits the index by `<html lang>`: one per language.
 * Only elements marked `data-pagefind-body` (the main text) are indexed, never navigation or footers.
 */
export function pagefindStep(): PostBuildHook {
  return {
    name: 'search',
    async run(distDir, log) {
      const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['nav', 'footer'] });
      if (!index) throw new Error(`[search] Pagefind could not start: ${errors.join('; ')}`);
      try {
        const added = await index.addDirectory({ path: distDir });
        if (added.errors.length > 0) throw new Error(`[search] ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`[search] ${written.errors.join('; ')}`);
        // Pagefind's stock UIs write innerHTML (refused under Trusted Types) and its highlighter injects
        // a <style>: we ship our own DOM-only UI, so these files are removed rather than left servable.
        for (const unused of UNUSED_FILES) rmSync(join(distDir, 'pagefind', unused), { force: true });
        log(`[search] ${added.page_count} pages indexed`);
      } finally {
        await pagefind.close();
      }
    },
  };
}
