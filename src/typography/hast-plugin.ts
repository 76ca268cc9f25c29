import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Slugger from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry, HastVisitorContext } from 'satteri';
import { collectTextRuns, type TextRuns } from './text-runs.ts';
import { typesetRun } from './typeset.ts';

export interface FrenchTypographyOptions {
  /** The project root: French documents are those under its content/pages/fr/ and content/releases/fr/. */
  root: string | URL;
}

/**
 * French spacing (typeset.ts) for the French pages and release notes, as a satteri hast plugin
 * for `markdown.processor` (after the content gate, so the gate judges what the author wrote).
 * Other documents are left out of the pipeline entirely.
 */
export function createFrenchTypography(options: FrenchTypographyOptions): HastPluginEntry {
  const root = typeof options.root === 'string' ? options.root : fileURLToPath(options.root);
  const folders = ['pages', 'releases'].map((dir) => join(root, 'content', dir, 'fr') + sep);
  return (factory) => {
    // A Vite id may carry a query (`x.mdx?astro…`): the file is the part before it.
    const file = factory.fileURL ? fileURLToPath(factory.fileURL).replace(/\?.*$/s, '') : '';
    return folders.some((folder) => file.startsWith(folder)) && frenchTypography;
  };
}

const frenchTypography: HastPluginDefinition = {
  name: 'french-typography',
  after(root, ctx) {
    const { runs, headings } = collectTextRuns(root);
    keepHeadingIds(headings, ctx);
    for (const run of runs) {
      const typeset = typesetRun(run.map((node) => node?.value ?? null));
      run.forEach((node, i) => {
        const value = typeset?.[i];
        if (node && typeof value === 'string' && value !== node.value) ctx.replaceNode(node, { type: 'text', value });
      });
    }
  },
};

/**
 * Astro's heading-ids plugin runs after ours and slugs the text it finds: a no-break space would
 * change `titre--sous` into `titre-sous` and break every link to that anchor. Give each heading
 * the id Astro would have given the text as written (same slugger, same order, an author's own
 * id kept); Astro keeps an id it finds.
 */
function keepHeadingIds(headings: TextRuns['headings'], ctx: HastVisitorContext) {
  const slugger = new Slugger();
  for (const heading of headings) {
    if (typeof heading.properties.id === 'string') continue;
    const text = ctx.textContent(heading);
    // Astro resolves `{frontmatter.x}` in such headings itself; leave them to it.
    if (text.includes('frontmatter')) continue;
    ctx.setProperty(heading, 'id', slugger.slug(text));
  }
}
