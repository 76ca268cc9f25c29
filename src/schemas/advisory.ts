import { z } from 'zod';
import { isoDate, localized, semverString } from './common.ts';

/** Advisory ids, as release notes list them in `fixes`. @example CPSA-2026-001 */
export const advisoryId = z.string().regex(/^[A-Z]+-\d{4}-\d{3,}$/, 'expected an id such as CPSA-2026-001');

/** A CVSS v3.1 base vector; the score and severity are computed from it, never typed by hand. */
export const cvss31Vector = z
  .string()
  .regex(
    /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[HLN]\/I:[HLN]\/A:[HLN]$/,
    'expected a CVSS v3.1 base vector such as CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N',
  );

/**
 * `content/advisories/<id>.yaml`: one security advisory, published as a CSAF 2.0
 * `csaf_security_advisory` (English) and as a page in every locale.
 */
export const advisorySchema = z
  .object({
    /** Must match the file name. @example CPSA-2026-001 */
    id: advisoryId,
    /** CSAF `tracking.status`. */
    status: z.enum(['draft', 'interim', 'final']),
    /** Sample data used to exercise the site: the page and the CSAF document say so. */
    sample: z.boolean().default(false),
    /** Revisions, oldest first; the first is the initial release, the last the current one. */
    revisions: z
      .array(
        z
          .object({
            date: isoDate,
            /** What changed; the English text goes into the CSAF revision history. @example { en: Initial publication., fr: Publication initiale. } */
            summary: localized,
          })
          .strict(),
      )
      .min(1, 'an advisory needs at least its initial revision'),
    title: localized,
    /** One or two sentences for listings and the CSAF summary note. */
    summary: localized,
    /** What is wrong and under which conditions (CSAF vulnerability description). */
    details: localized,
    /** What to do: upgrade, then any clean-up (CSAF vendor_fix remediation). */
    remediation: localized,
    /** A weakness from the CWE list; the name must match the catalogue exactly. */
    cwe: z
      .object({
        id: z.string().regex(/^CWE-[1-9]\d*$/, 'expected CWE-<number>'),
        name: z.string().trim().min(1),
      })
      .strict(),
    cvss: cvss31Vector,
    /** Which component versions are affected and which versions fix it. Versions must have release notes. */
    products: z
      .array(
        z
          .object({
            /** A component id from `content/site.yaml` product.components. @example desktop-client */
            component: z.string().min(1),
            affected: z.array(semverString).min(1),
            fixed: z.array(semverString).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    data.revisions.forEach((revision, index) => {
      const previous = data.revisions[index - 1];
      if (previous && revision.date < previous.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', index, 'date'],
          message: 'revisions must be in date order',
        });
      }
    });
    data.products.forEach((product, index) => {
      for (const version of product.fixed) {
        if (product.affected.includes(version)) {
          ctx.addIssue({
            code: 'custom',
            path: ['products', index, 'fixed'],
            message: `${version} cannot be both affected and fixed`,
          });
        }
      }
    });
  });

export type AdvisoryData = z.infer<typeof advisorySchema>;
