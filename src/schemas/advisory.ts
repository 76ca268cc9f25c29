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
 * Why a product is not affected: the five CSAF 2.0 VEX justification flag labels (§3.2.3.5).
 * @example vulnerable_code_not_present
 */
export const vexJustification = z.enum([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'vulnerable_code_not_in_execute_path',
  'inline_mitigations_already_exist',
]);
export type VexJustification = z.infer<typeof vexJustification>;

/**
 * `content/advisories/<id>.yaml`: one security advisory, published as a CSAF 2.0
 * `csaf_security_advisory` and a `csaf_vex` document (English) and as a page in every locale.
 * Every published revision's bytes are recorded in `content/advisories/csaf.lock.json`: a change
 * to what a document says needs a new entry in `revisions` (then `npm run advisory -- record <id>`).
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
            /** A component id from `content/site.yaml` product.components. @example client */
            component: z.string().min(1),
            affected: z.array(semverString).min(1),
            fixed: z.array(semverString).min(1),
          })
          .strict(),
      )
      .min(1),
    /**
     * Component versions known NOT to be affected, published in the advisory's CSAF VEX document
     * (`known_not_affected`, with the justification as a flag and the statement as an impact
     * threat). Versions must have release notes. Leave out what has not been checked: a version
     * named nowhere is simply not covered by the VEX document.
     * @example [{ component: relay-server, versions: [2.2.0, 2.3.0], justification: vulnerable_code_not_present }]
     */
    notAffected: z
      .array(
        z
          .object({
            /** A component id from `content/site.yaml` product.components. @example relay-server */
            component: z.string().min(1),
            versions: z.array(semverString).min(1),
            /** CSAF 2.0 flag label saying why these versions are not affected. */
            justification: vexJustification,
            /** Why the vulnerability cannot be exploited in these versions, for readers (CSAF impact threat). */
            statement: localized.optional(),
          })
          .strict(),
      )
      .optional(),
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
    const seen = new Map<string, string>();
    // Each component × version gets exactly one status: CSAF product ids must be unique, and a
    // product with two VEX justifications is refused by mandatory test 6.1.33 anyway.
    const claim = (component: string, version: string, where: string, path: PropertyKey[]) => {
      const key = `${component}@${version}`;
      const other = seen.get(key);
      if (other !== undefined) {
        ctx.addIssue({ code: 'custom', path, message: `${component} ${version} is already listed in ${other}` });
      } else seen.set(key, where);
    };
    data.products.forEach((product, index) => {
      if (data.products.findIndex((p) => p.component === product.component) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['products', index, 'component'],
          message: `${product.component} is listed twice: give it one entry with all its versions`,
        });
        return;
      }
      for (const kind of ['affected', 'fixed'] as const) {
        product[kind].forEach((version, i) => {
          if (kind === 'fixed' && product.affected.includes(version)) return;
          claim(product.component, version, `products.${index}.${kind}`, ['products', index, kind, i]);
        });
      }
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
    data.notAffected?.forEach((entry, index) => {
      entry.versions.forEach((version, i) => {
        claim(entry.component, version, `notAffected.${index}.versions`, ['notAffected', index, 'versions', i]);
      });
    });
  });

export type AdvisoryData = z.infer<typeof advisorySchema>;
