import { z } from 'zod';
import { contactUri, httpsUrl, isoDate, localized, semverString, type Localized } from './common.ts';

/** `content/site.yaml`: the organisation facts every page and document reads. */
export const siteSchema = z
  .object({
    /**
     * The organisation facts below are sample values, not yet the manufacturer's confirmed ones:
     * pages say so, and no declaration can be issued while it is true.
     */
    sample: z.boolean().default(false),
    product: z
      .object({
        /** @example CryptPeer */
        name: z.string().min(1),
        /**
         * Product type, as the declaration of conformity names it (CRA Annex V item 1), per locale.
         * A single string is accepted for a type that needs no translation and used in every locale.
         */
        type: z.union([
          z
            .string()
            .min(1)
            .transform((text): Localized => ({ en: text, fr: text })),
          localized,
        ]),
        /** The version the site currently documents. @example 2.4.0 */
        currentVersion: semverString,
        intendedPurpose: localized,
        /**
         * The deliverables that make up the product, as security advisories name them (CSAF product tree).
         * Optional so that a site without advisories needs none; an advisory naming an unknown one fails.
         * @example [{ id: relay-server, name: { en: CryptPeer relay server, fr: Serveur relais CryptPeer } }]
         */
        components: z
          .array(
            z
              .object({
                /** Stable key used by advisories and SBOM file names. @example relay-server */
                id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by -'),
                name: localized,
                /**
                 * Package URL of the deliverable without a version (`@version` is appended per release).
                 * CSAF product ids and each SBOM's `metadata.component.purl` use it, which is how
                 * advisories and SBOMs are matched. @example pkg:generic/cryptpeer/relay-server
                 */
                purl: z
                  .string()
                  .regex(
                    /^pkg:[a-z][a-z0-9.+-]*\/[^@?#\s]+$/,
                    'a package URL (pkg:type/namespace/name) without @version',
                  ),
              })
              .strict(),
          )
          .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'component ids must be unique')
          .default([]),
      })
      .strict(),
    manufacturer: z
      .object({
        name: z.string().min(1),
        address: z
          .object({
            street: z.string().min(1),
            postalCode: z.string().min(1),
            city: z.string().min(1),
            country: z.string().min(1),
          })
          .strict(),
        website: httpsUrl,
      })
      .strict(),
    contacts: z.object({ security: contactUri, general: contactUri, privacy: contactUri }).strict(),
    support: z
      .object({
        type: localized,
        /** Last day of the support period (CRA Annex II: at least month and year). @example 2031-12-31 */
        endDate: isoDate,
        /**
         * Versions whose support period differs from `endDate` (CRA Art. 13(8) sets it per product
         * placed on the market). A version not listed has `endDate`.
         * @example [{ version: 2.2.0, endDate: 2029-06-30 }]
         */
        versions: z
          .array(z.object({ version: semverString, endDate: isoDate }).strict())
          .refine((list) => new Set(list.map((v) => v.version)).size === list.length, 'each version once')
          .default([]),
      })
      .strict(),
    site: z
      .object({
        /** Canonical origin, without a trailing slash. @example https://cryptpeer.com */
        url: httpsUrl.refine((u) => !u.endsWith('/'), 'must not end with a slash'),
        defaultLocale: z.literal('en'),
        locales: z.tuple([z.literal('en'), z.literal('fr')]),
      })
      .strict(),
  })
  .strict();

export type SiteData = z.infer<typeof siteSchema>;

/** The last day of support of one product version. */
export const supportEndOf = (site: SiteData, version: string): string =>
  site.support.versions.find((v) => v.version === version)?.endDate ?? site.support.endDate;
