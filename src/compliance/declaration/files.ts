import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { checksumList } from '../checksums.ts';
import type { ComplianceData } from '../data.ts';
import { declarationPagePath, type SiteLinks } from '../links.ts';
import {
  declarationBaseName,
  declarationDir,
  declarationSchemaPath,
  productSlug,
  type DeclarationKind,
} from '../paths.ts';
import { factsOf, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { getDeclarationJsonSchema } from './json-schema.ts';
import { serializeDeclaration } from './json.ts';
import {
  createDeclarationModel,
  createSimplifiedModel,
  type DeclarationModel,
  type SimplifiedDeclarationModel,
} from './model.ts';
import { renderDeclarationPdf } from './pdf.ts';

/** One declaration document (full or simplified, one language) and its published files. */
export interface DeclarationDocument {
  version: string;
  locale: Locale;
  kind: DeclarationKind;
  status: 'draft' | 'issued';
  model: DeclarationModel | SimplifiedDeclarationModel;
  /** URL path of its HTML page. */
  htmlPath: string;
  pdf: FileFacts;
  json: FileFacts;
}

export interface DeclarationSet {
  documents: DeclarationDocument[];
  /** Per version: the `SHA256SUMS` and `SHA512SUMS` listings. */
  sums: Map<string, { sha256: FileFacts; sha512: FileFacts }>;
  schemas: Record<DeclarationKind, FileFacts>;
  files: PublishedFile[];
}

/**
 * Every declaration document of every version, in every language, as HTML page models, PDF and
 * JSON (the JSON also travels inside the PDF), each with its checksum files, plus one SHA256SUMS
 * and SHA512SUMS per version and the two JSON Schemas.
 */
export async function buildDeclarations(data: ComplianceData, links: SiteLinks): Promise<DeclarationSet> {
  const slug = productSlug(data.site.product.name);
  const documents: DeclarationDocument[] = [];
  const files: PublishedFile[] = [];
  const sums = new Map<string, { sha256: FileFacts; sha512: FileFacts }>();
  for (const { data: declaration } of data.declarations) {
    const dir = declarationDir(declaration.version);
    const versionFiles: PublishedFile[] = [];
    for (const locale of LOCALES) {
      const full = createDeclarationModel(data.site, declaration, locale, links);
      for (const [kind, model] of [
        ['full', full],
        ['simplified', createSimplifiedModel(full)],
      ] as const) {
        const base = `${dir}/${declarationBaseName(slug, declaration.version, kind, locale)}`;
        const json: PublishedFile = {
          path: `${base}.json`,
          bytes: Buffer.from(serializeDeclaration(model, links.origin)),
        };
        const pdfBytes = await renderDeclarationPdf(model, {
          name: json.path.slice(dir.length + 1),
          bytes: json.bytes,
        });
        const pdf: PublishedFile = { path: `${base}.pdf`, bytes: pdfBytes };
        versionFiles.push(pdf, json);
        documents.push({
          version: declaration.version,
          locale,
          kind,
          status: declaration.status,
          model,
          htmlPath: declarationPagePath(links, locale, declaration.version, kind),
          pdf: factsOf(pdf),
          json: factsOf(json),
        });
      }
    }
    const listed = versionFiles.map((f) => ({ name: f.path.slice(dir.length + 1), bytes: f.bytes }));
    const sha256: PublishedFile = { path: `${dir}/SHA256SUMS`, bytes: Buffer.from(checksumList('sha256', listed)) };
    const sha512: PublishedFile = { path: `${dir}/SHA512SUMS`, bytes: Buffer.from(checksumList('sha512', listed)) };
    sums.set(declaration.version, { sha256: factsOf(sha256), sha512: factsOf(sha512) });
    files.push(...versionFiles.flatMap(withChecksums), sha256, sha512);
  }
  const schemaFile = (kind: DeclarationKind): PublishedFile => ({
    path: declarationSchemaPath(kind),
    bytes: Buffer.from(`${JSON.stringify(getDeclarationJsonSchema(kind, links.origin), null, 2)}\n`),
  });
  const schemas = { full: schemaFile('full'), simplified: schemaFile('simplified') };
  files.push(schemas.full, schemas.simplified);
  return { documents, sums, schemas: { full: factsOf(schemas.full), simplified: factsOf(schemas.simplified) }, files };
}
