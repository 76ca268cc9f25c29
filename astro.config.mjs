// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://cryptpeer.com',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Keep every stylesheet in a file: inline <style> would need a hash per page, and a file gets SRI.
    inlineStylesheets: 'never',
  },
  i18n: {
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    // Prism writes class names only; Shiki writes style="" on every token, which our CSP forbids.
    syntaxHighlight: 'prism',
  },
  vite: {
    build: {
      // Never inline assets as data: URIs; each asset is a same-origin file the CSP and SRI cover.
      assetsInlineLimit: 0,
    },
  },
  integrations: [mdx()],
});
