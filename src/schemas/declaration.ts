import { z } from 'zod';
import semver from 'semver';
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
 * The conformity assessment procedures of CRA Article 32(1), each with the Annex VIII part that
 * sets it out. Whether a notified body takes part follows from the procedure, which is what the
 * cross-check below relies on.
 */
export const PROCEDURES = {
  /** Art. 32(1)(a): internal control (module A), Annex VIII Part I. No notified body. */
  'internal-control': { notifiedBody: 'never' },
  /** Art. 32(1)(b): EU-type examination (module B, Annex VIII Part II) followed by conformity to type based on internal production control (module C, Part III). */
  'eu-type-examination': { notifiedBody: 'always' },
  /** Art. 32(1)(c): conformity based on full quality assurance (module H), Annex VIII Part IV. */
  'full-quality-assurance': { notifiedBody: 'always' },
  /** Art. 32(1)(d): a European cybersecurity certification scheme (Art. 27(9)); the certificate is named in item 6. */
  'cybersecurity-certification': { notifiedBody: 'either' },
} as const;
export type Procedure = keyof typeof PROCEDURES;

/** A declaration's life: written, issued (then frozen in the archive), superseded by a later one, or withdrawn. */
export const DECLARATION_STATUSES = ['draft', 'issued', 'superseded', 'withdrawn'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** Every status after issue: the documents are the archived bytes, never regenerated ones. */
export const isIssued = (status: DeclarationStatus): boolean => status !== 'draft';

/**
 * `content/declarations/<product>-<version>.yaml`: the data of one EU declaration of conformity
 * (Regulation (EU) 2024/2847, Annex V). Manufacturer, product name and type come from
 * `content/site.yaml`, so they cannot differ between documents.
 *
 * A `draft` may leave any Annex V field out (documents then show it as "to be completed"); an
 * `issued` declaration must carry every one, and each missing field is reported on its own line.
 */
const baseShape = z
  .object({
    /**
     * `draft` watermarks every document; `issued` requires every Annex V field and an archive
     * (`npm run declaration -- issue`); `superseded` and `withdrawn` stay published with that status.
     */
    status: z.enum(DECLARATION_STATUSES),
    /** Sample data used to exercise the site: every document says so. Refused on an issued declaration. */
    sample: z.boolean().default(false),
    /** Product version declared; a release note must exist for it. @example 2.4.0 */
    version: semverString,
    /** Date of this text: the date of issue once issued. @example 2026-11-20 */
    date: isoDate,
    /**
     * The product versions this declaration covers, as a semver range (later updates that the
     * manufacturer's assessment still covers). Defaults to exactly `version`. @example >=2.4.0 <2.5.0
     */
    covers: z
      .string()
      .trim()
      .refine((range) => semver.validRange(range) !== null, 'expected a semver range such as ">=2.4.0 <2.5.0"')
      .optional(),
    /** Set by `npm run declaration -- supersede`: the declaration that replaces this one, and when. */
    supersededBy: z.object({ version: semverString, date: isoDate }).strict().optional(),
    /** Set by `npm run declaration -- withdraw`: when and why the declaration no longer applies. */
    withdrawn: z.object({ date: isoDate, reason: localized }).strict().optional(),
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
        /** The conformity assessment procedure performed (CRA Art. 32(1)). @example internal-control */
        procedure: z.enum(Object.keys(PROCEDURES) as [Procedure, ...Procedure[]]).optional(),
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
  .strict();

export const declarationSchema = baseShape.superRefine((data, ctx) => {
  const lifecycle = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (data.supersededBy && data.status !== 'superseded') lifecycle('supersededBy', 'only for status superseded');
  if (data.status === 'superseded' && !data.supersededBy)
    lifecycle('supersededBy', 'required when status is superseded');
  if (data.withdrawn && data.status !== 'withdrawn') lifecycle('withdrawn', 'only for status withdrawn');
  if (data.status === 'withdrawn' && !data.withdrawn) lifecycle('withdrawn', 'required when status is withdrawn');
  if (data.supersededBy && !semver.gt(data.supersededBy.version, data.version))
    lifecycle('supersededBy', `must name a later version than ${data.version}`);
  if (data.covers && !semver.satisfies(data.version, data.covers))
    lifecycle('covers', `must include the declared version ${data.version}`);
  const { procedure, notifiedBody } = data.conformityAssessment;
  if (procedure && notifiedBody) {
    const rule = PROCEDURES[procedure].notifiedBody;
    if (rule === 'never' && notifiedBody !== 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['conformityAssessment', 'notifiedBody'],
        message: 'must be none: internal control (Art. 32(1)(a), module A) involves no notified body',
      });
    if (rule === 'always' && notifiedBody === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['conformityAssessment', 'notifiedBody'],
        message: `required: the ${procedure} procedure (Art. 32(1)(b) or (c)) is carried out with a notified body`,
      });
  }
  if (!isIssued(data.status)) return;
  checkAnnexV(data, ctx);
});

export type DeclarationData = z.infer<typeof declarationSchema>;
export type NotifiedBody = z.infer<typeof notifiedBody>;

/**
 * The Annex V fields an issued declaration must carry, each reported on its own line. Exported so
 * the CLI can run it before issuing a draft.
 */
export function checkAnnexV(data: z.output<typeof baseShape>, ctx: z.core.$RefinementCtx): void {
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
}
