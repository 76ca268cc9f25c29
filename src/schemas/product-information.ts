import { z } from 'zod';
import { localized } from './common.ts';

/** A heading with its paragraphs or list items, written once per locale. */
const localizedList = z
  .object({ en: z.array(z.string().min(1)).min(1), fr: z.array(z.string().min(1)).min(1) })
  .strict();

/**
 * `content/product-information.yaml`: the user information of CRA Annex II that is not already an
 * organisation fact in `content/site.yaml` (manufacturer, contacts, purpose, support period).
 * Every item is a product fact the manufacturer has published: nothing taken from sample data.
 * Both locales must list the same number of items, so a translation cannot silently drop one.
 */
export const productInformationSchema = z
  .object({
    /** Annex II item 4: the security properties the product is designed to provide. */
    securityProperties: localizedList,
    /** Annex II item 5: known or foreseeable circumstances that may lead to significant risks. */
    foreseeableRisks: localizedList,
    /** Annex II item 8(a): measures for secure commissioning and use. */
    secureUse: localizedList,
    /** Annex II item 8(b): how changes to the product with digital elements can affect the security of data. */
    changes: localizedList,
    /** Annex II item 8(c): how security-relevant updates can be installed. */
    updates: localizedList,
    /** Annex II item 8(d): how to decommission the product and remove user data securely. */
    decommissioning: localizedList,
    /**
     * Annex II item 8(e): how the default setting enabling the automatic installation of security
     * updates (Annex I, Part I, point (2)(c)) can be turned off. State only what the manufacturer has
     * published; what it has not yet confirmed belongs in content/claims/compliance.yaml.
     */
    automaticUpdates: localizedList,
    /** Annex II item 7: a sentence on what the support period covers. */
    supportNote: localized,
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const key of [
      'securityProperties',
      'foreseeableRisks',
      'secureUse',
      'changes',
      'updates',
      'decommissioning',
      'automaticUpdates',
    ] as const) {
      if (data[key].en.length !== data[key].fr.length) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'fr'],
          message: `has ${data[key].fr.length} items but en has ${data[key].en.length}: translate every item`,
        });
      }
    }
  });

export type ProductInformationData = z.infer<typeof productInformationSchema>;
