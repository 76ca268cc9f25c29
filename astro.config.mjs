// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { createContentGate } from './src/content-gate/index.ts';
import { createFrenchTypography } from './src/typography/hast-plugin.ts';
import { cryptpeerSecurity } from './src/integrations/security.ts';
import { getSiteData } from './src/data/site.ts';
import { getSitePolicyInput } from './src/security/site-policy.ts';
import { pagefindStep } from './src/search/pagefind-step.ts';

const site = getSiteData();
const root = new URL('./', import.meta.url);
const gate = createContentGate({ root });

export default defineConfig({
  site: site.site.url,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Keep every stylesheet in a file: inline <style> would need a hash per page, and a file gets SRI.
    inlineStylesheets: 'never',
  },
  i18n: {
    locales: [...site.site.locales],
    defaultLocale: site.site.defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    // Prism writes class names only; Shiki writes style="" on every token, which our CSP forbids.
    syntaxHighlight: 'prism',
    // Content is untrusted input: the gate fails the build, with file and line, on unsafe markup in
    // .md and on MDX that is code (imports other than content components, exports, expressions).
    // @astrojs/mdx inherits this processor and its plugins (extendMarkdownConfig defaults to true).
    // French spacing runs after the gate (which judges the text as written), on fr/ files only.
    processor: satteri({ ...gate, hastPlugins: [...gate.hastPlugins, createFrenchTypography({ root })] }),
  },
  vite: {
    build: {
      // Never inline assets as data: URIs; each asset is a same-origin file the CSP and SRI cover.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Pagefind's runtime is written after this build and resolved by the search page's import map
        // (which carries its SRI): a static import, so the browser fetches it with the page's module.
        external: ['pagefind-runtime'],
        output: {
          // Readable, hashed names (Astro would name the shared CSS after the [...slug] route).
          assetFileNames: (info) =>
            /^[\w-]+\.\w+$/.test(info.names[0] ?? '') ? '_astro/[name].[hash][extname]' : '_astro/site.[hash][extname]',
        },
      },
    },
  },
  integrations: [mdx(), cryptpeerSecurity(getSitePolicyInput(), [pagefindStep()])],
});
