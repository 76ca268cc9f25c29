import type { Locale } from '../../i18n/locales.ts';
import type { DeclarationData } from '../../schemas/declaration.ts';
import type { SiteData } from '../../schemas/site.ts';
import { absolute, declarationPagePath, type SiteLinks } from '../links.ts';
import { CRA, declarationText } from './text.ts';

type Address = SiteData['manufacturer']['address'];

/** What the full and the simplified declaration share. */
interface DocumentHeader {
  /** @example CryptPeer-2.4.0-EU-DoC */
  id: string;
  /** What the document says of itself: `issued` is frozen at issue, later statuses live on the pages. */
  status: 'draft' | 'issued';
  /** True for the sample data that exercises the site: documents say so. */
  sample: boolean;
  lang: Locale;
  /** ISO date of the text (the date of issue once issued). */
  date: string;
  title: string;
  regulation: string;
}

/**
 * One declaration in one language, every value resolved to text: the JSON, the HTML page and the
 * PDF are three renderings of this object, so they cannot say different things. `null` marks an
 * Annex V field a draft has not supplied yet (the schema refuses it on an issued declaration).
 */
export interface DeclarationModel extends DocumentHeader {
  documentType: 'eu-declaration-of-conformity';
  product: { name: string; type: string; version: string; identification: string | null };
  manufacturer: { name: string; address: string[]; website: string };
  authorisedRepresentative: { name: string; address: string[] } | null;
  soleResponsibility: string;
  object: string | null;
  conformity: { statement: string; legislation: { reference: string; title: string }[] };
  standards: { kind: string; reference: string; title: string | null }[] | null;
  conformityAssessment: {
    procedure: string | null;
    notifiedBody: { name: string; number: string; certificate: string } | 'none' | null;
  };
  additionalInformation: string | null;
  signature: {
    signedForAndOnBehalfOf: string;
    place: string | null;
    date: string;
    name: string | null;
    function: string | null;
  };
  /** Where the full text is published (the page in this language). */
  fullTextUrl: string;
}

/** The Annex VI text in one language, pointing at the full declaration. */
export interface SimplifiedDeclarationModel extends DocumentHeader {
  documentType: 'simplified-eu-declaration-of-conformity';
  product: { name: string; type: string; version: string };
  manufacturer: string;
  statement: string;
  fullTextUrl: string;
}

const addressLines = (a: Address): string[] => [a.street, `${a.postalCode} ${a.city}`, a.country];

export const declarationId = (site: SiteData, version: string): string => `${site.product.name}-${version}-EU-DoC`;

export function createDeclarationModel(
  site: SiteData,
  data: DeclarationData,
  locale: Locale,
  links: SiteLinks,
): DeclarationModel {
  const text = declarationText(locale);
  const { manufacturer } = site;
  return {
    documentType: 'eu-declaration-of-conformity',
    id: declarationId(site, data.version),
    // A superseded or withdrawn declaration was issued: its documents stay the issued ones.
    status: data.status === 'draft' ? 'draft' : 'issued',
    sample: data.sample,
    lang: locale,
    date: data.date,
    title: text.title,
    regulation: CRA.reference,
    product: {
      name: site.product.name,
      type: site.product.type[locale],
      version: data.version,
      identification: data.product.identification?.[locale] ?? null,
    },
    manufacturer: {
      name: manufacturer.name,
      address: addressLines(manufacturer.address),
      website: manufacturer.website,
    },
    authorisedRepresentative: data.authorisedRepresentative
      ? { name: data.authorisedRepresentative.name, address: addressLines(data.authorisedRepresentative.address) }
      : null,
    soleResponsibility: text.responsibility(manufacturer.name),
    object: data.object?.[locale] ?? null,
    conformity: {
      statement: text.conformity,
      legislation: [
        { reference: CRA.reference, title: CRA.title[locale] },
        ...data.otherLegislation.map((l) => ({ reference: l.reference, title: l.title[locale] })),
      ],
    },
    standards:
      data.standards.length === 0
        ? null
        : data.standards.map((s) => ({ kind: s.kind, reference: s.reference, title: s.title?.[locale] ?? null })),
    conformityAssessment: {
      procedure: data.conformityAssessment.procedure ? text.procedures[data.conformityAssessment.procedure] : null,
      notifiedBody: data.conformityAssessment.notifiedBody ?? null,
    },
    additionalInformation: data.additionalInformation?.[locale] ?? null,
    signature: {
      signedForAndOnBehalfOf: data.authorisedRepresentative?.name ?? manufacturer.name,
      place: data.signature.place ?? null,
      date: data.date,
      name: data.signature.name ?? null,
      function: data.signature.function?.[locale] ?? null,
    },
    fullTextUrl: absolute(links, declarationPagePath(links, locale, data.version)),
  };
}

export function createSimplifiedModel(full: DeclarationModel): SimplifiedDeclarationModel {
  const text = declarationText(full.lang);
  return {
    documentType: 'simplified-eu-declaration-of-conformity',
    id: `${full.id}-S`,
    status: full.status,
    sample: full.sample,
    lang: full.lang,
    date: full.date,
    title: text.simplifiedTitle,
    regulation: full.regulation,
    product: { name: full.product.name, type: full.product.type, version: full.product.version },
    manufacturer: full.manufacturer.name,
    statement: text.simplified(
      full.manufacturer.name,
      `${full.product.name} ${full.product.version} (${full.product.type})`,
    ),
    fullTextUrl: full.fullTextUrl,
  };
}
