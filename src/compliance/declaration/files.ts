import type { Locale } from '../../i18n/locales.ts';
import type { DeclarationData, DeclarationStatus } from '../../schemas/declaration.ts';
import type { ComplianceData } from '../inputs/index.ts';
import { declarationPagePath, type SiteLinks } from '../links.ts';
import { declarationDir, declarationSchemaPath, type DeclarationKind } from '../paths.ts';
import { factsOf, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { OPENPGP_KEY_NAME, type ArchivedDeclaration } from './archive.ts';
import { verifyArchive } from './freeze.ts';
import { generateDeclaration, versionSums } from './generate.ts';
import { getDeclarationJsonSchema } from './json-schema.ts';
import type { DeclarationModel, SimplifiedDeclarationModel } from './model.ts';

/** Where a declaration is in its life, as the pages show it (the documents themselves never change). */
export interface DeclarationLifecycle {
  status: DeclarationStatus;
  /** The semver range of versions covered. */
  covers: string;
  supersededBy?: { version: string; date: string };
  withdrawn?: { date: string; reason: string };
  /** Common name of the PAdES certificate that signed the PDFs, if they were signed. */
  padesSigner?: string;
  /** Fingerprint of the OpenPGP key of the `.asc` files, if any, and where that public key is published. */
  openpgpFingerprint?: string;
  openpgpKeyPath?: string;
}

/** One declaration document (full or simplified, one language) and its published files. */
export interface DeclarationDocument {
  version: string;
  locale: Locale;
  kind: DeclarationKind;
  /** The live status (`model.status` is what the frozen document says: draft or issued). */
  status: DeclarationStatus;
  lifecycle: DeclarationLifecycle;
  model: DeclarationModel | SimplifiedDeclarationModel;
  /** URL path of its HTML page. */
  htmlPath: string;
  pdf: FileFacts;
  json: FileFacts;
  /** Detached OpenPGP signatures, when the archive holds them. */
  pdfSignature?: FileFacts;
  jsonSignature?: FileFacts;
}

export interface DeclarationSet {
  documents: DeclarationDocument[];
  /** Per version: the `SHA256SUMS` and `SHA512SUMS` listings (and their `.asc`, when signed). */
  sums: Map<string, { sha256: FileFacts; sha512: FileFacts; sha256Signature?: FileFacts }>;
  schemas: Record<DeclarationKind, FileFacts>;
  files: PublishedFile[];
}

function lifecycleOf(declaration: DeclarationData, locale: Locale, archive: ArchivedDeclaration | undefined) {
  return {
    status: declaration.status,
    covers: declaration.covers ?? declaration.version,
    ...(declaration.supersededBy ? { supersededBy: declaration.supersededBy } : {}),
    ...(declaration.withdrawn
      ? { withdrawn: { date: declaration.withdrawn.date, reason: declaration.withdrawn.reason[locale] } }
      : {}),
    ...(archive?.manifest.padesSigner ? { padesSigner: archive.manifest.padesSigner } : {}),
    ...(archive?.manifest.openpgpFingerprint
      ? {
          openpgpFingerprint: archive.manifest.openpgpFingerprint,
          openpgpKeyPath: `${declarationDir(declaration.version)}/${OPENPGP_KEY_NAME}`,
        }
      : {}),
  } satisfies DeclarationLifecycle;
  // The signer names above were proven against the signatures themselves by verifyArchive().
}

/**
 * Every declaration of every version, in every language, as HTML page models, PDF and JSON (the
 * JSON also travels inside the PDF), each with its checksum files, plus one SHA256SUMS and
 * SHA512SUMS per version and the two JSON Schemas. Drafts are generated; issued declarations (and
 * superseded or withdrawn ones) are republished from their archive after proving that today's code
 * would still produce the same documents (freeze.ts).
 */
export async function buildDeclarations(data: ComplianceData, links: SiteLinks): Promise<DeclarationSet> {
  const documents: DeclarationDocument[] = [];
  const files: PublishedFile[] = [];
  const sums: DeclarationSet['sums'] = new Map();
  for (const { data: declaration, archive } of data.declarations) {
    const dir = declarationDir(declaration.version);
    const generated = await generateDeclaration(data, declaration, links, { pades: archive?.manifest.pades });
    // name → bytes as published: the archive's for an issued declaration, today's for a draft.
    const published = new Map<string, Buffer>();
    if (archive) {
      for (const [name, bytes] of await verifyArchive(archive, generated)) published.set(name, bytes);
    } else {
      for (const g of generated) published.set(g.pdf.name, g.pdf.bytes).set(g.json.name, g.json.bytes);
      const listed = generated.flatMap((g) => [g.pdf, g.json]);
      const { sha256, sha512 } = versionSums(listed);
      published.set('SHA256SUMS', sha256).set('SHA512SUMS', sha512);
    }
    const file = (name: string): PublishedFile | undefined => {
      const bytes = published.get(name);
      return bytes ? { path: `${dir}/${name}`, bytes } : undefined;
    };
    const facts = (name: string): FileFacts | undefined => {
      const f = file(name);
      return f ? factsOf(f) : undefined;
    };
    for (const g of generated) {
      const pdf = file(g.pdf.name);
      const json = file(g.json.name);
      if (!pdf || !json)
        throw new Error(`[declarations] ${declaration.version}: ${g.pdf.name} or its JSON not published`);
      const pdfSignature = facts(`${g.pdf.name}.asc`);
      const jsonSignature = facts(`${g.json.name}.asc`);
      documents.push({
        version: declaration.version,
        locale: g.locale,
        kind: g.kind,
        status: declaration.status,
        lifecycle: lifecycleOf(declaration, g.locale, archive),
        model: g.model,
        htmlPath: declarationPagePath(links, g.locale, declaration.version, g.kind),
        pdf: factsOf(pdf),
        json: factsOf(json),
        ...(pdfSignature ? { pdfSignature } : {}),
        ...(jsonSignature ? { jsonSignature } : {}),
      });
    }
    const sha256 = facts('SHA256SUMS');
    const sha512 = facts('SHA512SUMS');
    const sha256Signature = facts('SHA256SUMS.asc');
    if (sha256 && sha512)
      sums.set(declaration.version, { sha256, sha512, ...(sha256Signature ? { sha256Signature } : {}) });
    for (const [name, bytes] of [...published].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = `${dir}/${name}`;
      // Checksum listings and signatures are published as they are; documents get .sha256/.sha512.
      if (/^SHA(256|512)SUMS/.test(name) || name.endsWith('.asc')) files.push({ path, bytes });
      else files.push(...withChecksums({ path, bytes }));
    }
  }
  const schemaFile = (kind: DeclarationKind): PublishedFile => ({
    path: declarationSchemaPath(kind),
    bytes: Buffer.from(`${JSON.stringify(getDeclarationJsonSchema(kind, links.origin), null, 2)}\n`),
  });
  const schemas = { full: schemaFile('full'), simplified: schemaFile('simplified') };
  files.push(schemas.full, schemas.simplified);
  return { documents, sums, schemas: { full: factsOf(schemas.full), simplified: factsOf(schemas.simplified) }, files };
}
