import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page.ts';
import { releaseSchema } from './schemas/release.ts';

// Content lives outside src/ in content/: people edit text there, code lives here.
// Each collection's schema is the front door; src/lib/ adds the checks that span files
// (locale folders, duplicate slugs, missing translations).
//
// deferRender: Markdown is rendered by Vite during the build, like MDX, not by the loader. The
// loader logs a render error and stores the entry without content (the build passes with an empty
// page, and the next build reuses that from its cache), so the content gate
// (src/content-gate/) could not fail the build from there.
export const collections = {
  pages: defineCollection({
    // id = file path: the glob loader would otherwise use a `slug` field as the id and let a
    // second file with the same slug silently replace the first.
    loader: glob({
      pattern: '**/*.{md,mdx}',
      base: './content/pages',
      deferRender: true,
      generateId: ({ entry }) => entry,
    }),
    schema: pageSchema,
  }),
  releases: defineCollection({
    loader: glob({
      pattern: '**/*.md',
      base: './content/releases',
      deferRender: true,
      generateId: ({ entry }) => entry,
    }),
    schema: releaseSchema,
  }),
};
