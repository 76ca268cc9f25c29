import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatIssues } from '../schemas/issues.ts';

/** The part of Pagefind's entry file this reads: each language's index hash (it names its files). */
const entrySchema = z.object({
  languages: z.record(z.string(), z.object({ hash: z.string().regex(/^[A-Za-z0-9_-]+$/) })),
});

/**
 * The index metadata Pagefind's `init()` fetches for `language` once its entry file is read
 * (`/pagefind/pagefind.<hash>.pf_meta`). Its name is a content hash known only after the Pagefind
 * step, so the search layout cannot write it; the harden step preloads it from here, which takes one
 * round trip out of the chain before the first result.
 */
export function pagefindMetaUrl(distDir: string, language: string): string {
  const file = join(distDir, 'pagefind', 'pagefind-entry.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read Pagefind's entry file (${(error as Error).message})`);
  }
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) throw new Error(formatIssues(`${file} (Pagefind's entry file)`, parsed.error.issues));
  const entry = Object.hasOwn(parsed.data.languages, language) ? parsed.data.languages[language] : undefined;
  if (!entry) {
    throw new Error(
      `${file}: no index for language "${language}" (the search page's <html lang>); indexed: ${Object.keys(parsed.data.languages).join(', ')}`,
    );
  }
  return `/pagefind/pagefind.${entry.hash}.pf_meta`;
}
