import { z } from 'zod';
import { isoDate, localized, semverString } from './common.ts';

const address = z
  .object({
    street: z.string().min(1),
    postalCode: z.string().min(1),
    city: z.string().min(1),
    country: z.string().min(1),
  })
  .strict();

/** A notified body, as Annex V item 7 names it. */
const notifiedBody = z
  .object({
    /** @example Example Certification GmbH */
    name: z.string().trim().min(1),
    /** The four-digit identification number from NANDO. @example 1234 */
    number: z.string().regex(/^\d{4}$/, 'expected the four-digit notified body number'),
    /** Identification of the certificate it issued. @example EU-TC-2027-0042 */
    certificate: z.string().trim().min(1),
  })
  .strict();

/**
 * `content/declarations/<product>-<version>.yaml`: the data of one EU declaration of conformity
 * (Regulation (EU) 2024/2847, Annex V). Manufacturer, product name and type come from
 * `content/site.yaml`, so they cannot differ between documents.
 *
 * A `draft` may leave any Annex V field out (documents then show it as "to be completed"); an
 * `issued` declaration must carry every one, and each missing field is reported on its own line.
 */
export const declarationSchema = z
  .object({
    /** `draft` watermarks every document; `issued` requires every Annex V field. */
    status: z.enum(['draft', 'issued']),
    /** Sample data used to exercise the site: every document says so. Refused on an issued declaration. */
    sample: z.boolean().default(false),
    /** Product version declared; a release note must exist for it. @example 2.4.0 */
    version: semverString,
    /** Date of this text: the date of issue once issued. @example 2026-11-20 */
    date: isoDate,
    product: z
      .object({
        /** Annex V item 1: further information that identifies the product unambiguously. */
        identification: localized.optional(),
      })
      .strict()
      .default({}),
    /** Annex V item 2: when an authorised representative signs instead of the manufacturer. */
    authorisedRepresentative: z
      .object({ name: z.string().trim().min(1), address })
      .strict()
      .optional(),
    /** Annex V item 4: the object of the declaration, precise enough to be traced. */
    object: localized.optional(),
    /** Annex V item 5: Union harmonisation legislation besides the CRA (which is always declared). */
    otherLegislation: z.array(z.object({ reference: z.string().trim().min(1), title: localized }).strict()).default([]),
    /** Annex V item 6: harmonised standards, common specifications or certifications relied on. */
    standards: z
      .array(
        z
          .object({
            kind: z.enum(['harmonised-standard', 'common-specification', 'cybersecurity-certification']),
            /** @example EN 18031-1:2024 */
            reference: z.string().trim().min(1),
            title: localized.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Annex V item 7. */
    conformityAssessment: z
      .object({
        /** The conformity assessment procedure performed (module and Annex). */
        procedure: localized.optional(),
        /** The notified body that took part, or `none` when the procedure involves none. */
        notifiedBody: z.union([z.literal('none'), notifiedBody]).optional(),
      })
      .strict()
      .default({}),
    /** Annex V item 8: additional information (write "None." in each language if there is none). */
    additionalInformation: localized.optional(),
    /** Annex V item 8: place and date of issue, name and function of the signatory. */
    signature: z
      .object({
        /** @example Paris */
        place: z.string().trim().min(1).optional(),
        /** Full name of the person signing for the manufacturer. */
        name: z.string().trim().min(1).optional(),
        /** @example { en: Chief Executive Officer, fr: Président-directeur général } */
        function: localized.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((data, ctx) => {
    if (data.status !== 'issued') return;
    if (data.sample)
      ctx.addIssue({ code: 'custom', path: ['sample'], message: 'an issued declaration cannot be sample data' });
    const missing = (path: (string | number)[], item: string) => {
      ctx.addIssue({ code: 'custom', path, message: `required when status is issued (Annex V ${item})` });
    };
    if (!data.product.identification) missing(['product', 'identification'], 'item 1, unique identification');
    if (!data.object) missing(['object'], 'item 4, object of the declaration');
    if (data.standards.length === 0) missing(['standards'], 'item 6, standards or specifications used');
    if (!data.conformityAssessment.procedure) missing(['conformityAssessment', 'procedure'], 'item 7, procedure');
    if (!data.conformityAssessment.notifiedBody) {
      missing(['conformityAssessment', 'notifiedBody'], 'item 7, notified body or `none`');
    }
    if (!data.additionalInformation) missing(['additionalInformation'], 'item 8, additional information');
    if (!data.signature.place) missing(['signature', 'place'], 'item 8, place of issue');
    if (!data.signature.name) missing(['signature', 'name'], 'item 8, name of the signatory');
    if (!data.signature.function) missing(['signature', 'function'], 'item 8, function of the signatory');
  });

export type DeclarationData = z.infer<typeof declarationSchema>;
export type NotifiedBody = z.infer<typeof notifiedBody>;
