import { z } from 'zod';
import { isoDate } from './common.ts';

/**
 * Front matter of `content/pages/<locale>/<key>.md(x)`. The file's path below the locale folder is
 * the page key shared by its translations; `slug` lets a translation use its own URL words.
 */
export const pageSchema = z
  .object({
    /** Shown in `<title>` and as the page's single `<h1>`. @example Threat model */
    title: z.string().trim().min(1, 'a page needs a title'),
    /** Meta description, 50–170 characters. */
    description: z.string().trim().min(50).max(170),
    /** URL path below the locale prefix; defaults to the page key. @example modele-de-menace */
    slug: z
      .string()
      .regex(/^([a-z0-9]+(-[a-z0-9]+)*)(\/[a-z0-9]+(-[a-z0-9]+)*)*$/, 'lowercase words joined by - and /')
      .optional(),
    /** One sentence for cards and listings. */
    summary: z.string().trim().min(1),
    /** Where the page is linked from: the header, the compliance hub, the footer, or nowhere. */
    nav: z.enum(['primary', 'compliance', 'footer', 'none']).default('none'),
    /** Shorter label for navigation links; defaults to the title. @example Compliance */
    navLabel: z.string().trim().min(1).optional(),
    /** Sort order inside its navigation group. */
    order: z.number().int().default(100),
    /** Template: the home page has its own. (Not `layout`: MDX reserves that key.) */
    template: z.enum(['page', 'home', 'search']).default('page'),
    /** Date of the last review of the text. @example 2026-11-20 */
    updated: isoDate,
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
