import { z } from 'zod';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A page key as content/pages/<locale>/ names it: the file's path without locale or extension. */
const PAGE_KEY = /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/;

const text = (language: string) => z.string().trim().min(1, `the ${language} text is empty`);

/**
 * One product statement the vendor has not confirmed yet (or has confirmed), kept as data so that
 * every page showing it says so, and the editor gets the list (`npm run compliance:check`).
 */
export const claimSchema = z
  .object({
    /** Unique across content/claims/; pages show it with `<ToConfirm id="…" />`. @example forward-secrecy */
    id: z.string().regex(KEBAB, 'expected kebab-case: lowercase letters and digits joined by -'),
    /** The statement in English, as the page shows it. @example Each conversation key is erased after use. */
    en: text('English'),
    /** The same statement in French. @example Chaque clé de conversation est effacée après usage. */
    fr: text('French'),
    /** Keys of the pages that show it, in both languages. @example [threat-model, compliance/nis2] */
    pages: z.array(z.string().regex(PAGE_KEY, 'expected a page key such as threat-model or compliance/nis2')),
    /** Confirmed claims render without the marker. @example awaiting-confirmation */
    status: z.enum(['awaiting-confirmation', 'confirmed']),
    /** For the editor only, never rendered: whom to ask, what is unclear. @example Asked the vendor on 2026-11-30. */
    note: z.string().trim().min(1).optional(),
  })
  .strict();

export type Claim = z.infer<typeof claimSchema>;

/** A `content/claims/*.yaml` file: a list of claims, ids unique within it (and across files, see lib/claims.ts). */
export const claimsFileSchema = z.array(claimSchema).superRefine((claims, ctx) => {
  const first = new Map<string, number>();
  claims.forEach((claim, index) => {
    const earlier = first.get(claim.id);
    if (earlier === undefined) first.set(claim.id, index);
    else
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${claim.id}" is already used by [${earlier}]` });
  });
});
