import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LOCALES, localePath } from '../i18n/locales.ts';
import { InputError } from '../schemas/parse.ts';
import { createSiteLinks, PAGE_KEYS, type SiteLinks } from './links.ts';

/**
 * The site links the compliance documents use, read from the pages' front matter without Astro, for
 * the declaration CLI. The build resolves the same paths from the content collection; if the two
 * ever disagreed, the build's regeneration of an issued declaration would differ from its archive
 * and stop, so a drift cannot pass unseen.
 */
export function readSiteLinks(root: string, origin: string): SiteLinks {
  const pages = LOCALES.flatMap((locale) =>
    Object.values(PAGE_KEYS).map((key) => {
      const file = [`content/pages/${locale}/${key}.mdx`, `content/pages/${locale}/${key}.md`].find((f) =>
        existsSync(join(root, f)),
      );
      if (!file) throw new InputError(`content/pages/${locale}/${key}.mdx: missing (the declaration links to it)`);
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, file), 'utf8'));
      const front = (match ? parseYaml(match[1] ?? '') : {}) as { slug?: unknown } | null;
      const slug = typeof front?.slug === 'string' ? front.slug : key;
      return { locale, key, path: localePath(locale, slug) };
    }),
  );
  return createSiteLinks(origin, pages);
}
