import { z } from 'zod';
import { contactUri, httpsUrl, isoDate } from './common.ts';

/**
 * `content/security.yaml`: how researchers reach us and how our advisories are published —
 * the input of `/.well-known/security.txt` (RFC 9116), the disclosure page and the CSAF provider metadata.
 */
export const securitySchema = z
  .object({
    securityTxt: z
      .object({
        /**
         * `Contact:` lines, most preferred first; `content/site.yaml` contacts.security must be one of them.
         * @example [mailto:security@cryptpeer.com]
         */
        contacts: z.array(contactUri).min(1, 'security.txt needs at least one Contact'),
        /**
         * `Expires:` is the build date plus this many days. RFC 9116 advises less than a year, so more
         * than 365 is refused. @example 180
         */
        expiresAfterDays: z
          .number()
          .int()
          .min(1)
          .max(365, 'RFC 9116: Expires must be less than a year ahead')
          .optional(),
        /**
         * A fixed `Expires:` date instead (00:00 UTC that day). The build refuses one in the past or more
         * than a year after the build date. @example 2027-05-31
         */
        expiresOn: isoDate.optional(),
        /** `Preferred-Languages:` as BCP 47 tags, in order of preference. @example [en, fr] */
        preferredLanguages: z
          .array(
            z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as en or fr'),
          )
          .min(1),
      })
      .strict()
      .refine((s) => (s.expiresAfterDays === undefined) !== (s.expiresOn === undefined), {
        message: 'set exactly one of expiresAfterDays and expiresOn',
        path: ['expiresAfterDays'],
      }),
    csaf: z
      .object({
        /** CSAF `publisher.namespace`: the publisher's own web origin. @example https://cryptpeer.com */
        namespace: httpsUrl,
        /** CSAF `publisher.contact_details`. @example Email security@cryptpeer.com */
        contactDetails: z.string().trim().min(1),
        /** CSAF `publisher.issuing_authority`: on whose behalf advisories are issued. */
        issuingAuthority: z.string().trim().min(1),
        /** `provider-metadata.json`: may aggregators list and mirror our advisories? */
        listOnAggregators: z.boolean().default(true),
        mirrorOnAggregators: z.boolean().default(true),
      })
      .strict(),
  })
  .strict();

export type SecurityData = z.infer<typeof securitySchema>;
