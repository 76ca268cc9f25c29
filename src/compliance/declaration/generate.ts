import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { DeclarationData } from '../../schemas/declaration.ts';
import { checksumList } from '../checksums.ts';
import type { ComplianceData } from '../inputs/index.ts';
import type { SiteLinks } from '../links.ts';
import { declarationBaseName, productSlug, type DeclarationKind } from '../paths.ts';
import type { PadesFields } from './archive.ts';
import { serializeDeclaration } from './json.ts';
import {
  createDeclarationModel,
  createSimplifiedModel,
  type DeclarationModel,
  type SimplifiedDeclarationModel,
} from './model.ts';
import { renderDeclarationPdf } from './pdf.ts';
import { renderSnapshot } from './snapshot.ts';

/** One document as today's code renders it: the page model, the JSON and the PDF. */
export interface GeneratedDocument {
  locale: Locale;
  kind: DeclarationKind;
  model: DeclarationModel | SimplifiedDeclarationModel;
  /** File names, relative to the version folder. */
  pdf: { name: string; bytes: Buffer };
  json: { name: string; bytes: Buffer };
  snapshot: { name: string; bytes: Buffer };
}

export interface GenerateOptions {
  /** Add a PAdES signature placeholder with these values (issue with a certificate, or a rebuild of such an issue). */
  pades?: PadesFields | undefined;
}

/**
 * Every document of one declaration, as issued documents are: a superseded or withdrawn
 * declaration is rendered as it was when issued, so it can be compared with its archive.
 */
export async function generateDeclaration(
  data: ComplianceData,
  declaration: DeclarationData,
  links: SiteLinks,
  options: GenerateOptions = {},
): Promise<GeneratedDocument[]> {
  const slug = productSlug(data.site.product.name);
  const asIssued: DeclarationData =
    declaration.status === 'draft'
      ? declaration
      : { ...declaration, status: 'issued', supersededBy: undefined, withdrawn: undefined };
  const documents: GeneratedDocument[] = [];
  for (const locale of LOCALES) {
    const full = createDeclarationModel(data.site, asIssued, locale, links);
    for (const [kind, model] of [
      ['full', full],
      ['simplified', createSimplifiedModel(full)],
    ] as const) {
      const base = declarationBaseName(slug, declaration.version, kind, locale);
      const json = { name: `${base}.json`, bytes: Buffer.from(serializeDeclaration(model, links.origin)) };
      const pdf = {
        name: `${base}.pdf`,
        bytes: await renderDeclarationPdf(model, json, options.pades),
      };
      documents.push({
        locale,
        kind,
        model,
        pdf,
        json,
        snapshot: { name: `${base}.html`, bytes: renderSnapshot(model, options.pades !== undefined) },
      });
    }
  }
  return documents;
}

/** `SHA256SUMS` and `SHA512SUMS` over the PDF and JSON files of a version. */
export function versionSums(files: readonly { name: string; bytes: Uint8Array }[]): {
  sha256: Buffer;
  sha512: Buffer;
} {
  return { sha256: Buffer.from(checksumList('sha256', files)), sha512: Buffer.from(checksumList('sha512', files)) };
}
