import { z } from 'zod';
import { contactUri, httpsUrl, isoDate, localized, semverString } from './common.ts';

/** `content/site.yaml`: the organisation facts every page and document reads. */
export const siteSchema = z
  .object({
    product: z
      .object({
        /** @example CryptPeer */
        name: z.string().min(1),
        /** Product type, as the declaration of conformity names it. */
        type: z.string().min(1),
        /** The version the site currently documents. @example 2.4.0 */
        currentVersion: semverString,
        intendedPurpose: localized,
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
