import { z } from 'zod';
import { isoDate, semverString } from './common.ts';

/** Front matter of `content/releases/<locale>/<version>.md`. */
export const releaseSchema = z
  .object({
    /** Semantic version; must match the file name. @example 2.4.0 */
    version: semverString,
    /** Release date. @example 2026-10-02 */
    date: isoDate,
    /** One-line summary for the list and the feed. */
    summary: z.string().trim().min(1),
    /** CSAF advisory ids fixed by this release. @example [CPSA-2026-001] */
    fixes: z.array(z.string().regex(/^[A-Z]+-\d{4}-\d{3,}$/)).default([]),
  })
  .strict();

export type ReleaseData = z.infer<typeof releaseSchema>;
