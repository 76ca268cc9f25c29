import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { parseDocument } from 'yaml';
import { InputError } from '../../schemas/parse.ts';
import { loadComplianceData, type ComplianceData, type DeclarationSource } from '../inputs/index.ts';
import { loadSigningKey, signDetached, type SigningKey } from '../openpgp.ts';
import { readSiteLinks } from '../page-links.ts';
import { productSlug } from '../paths.ts';
import { loadPadesSigner, signPdf, type PadesSigner } from '../signing/pades.ts';
import { archiveDir, OPENPGP_KEY_NAME, writeArchive, type ArchiveEntry, type PadesFields } from './archive.ts';
import { generateDeclaration, versionSums } from './generate.ts';

/**
 * The compliance officer's steps (`npm run declaration -- …`): start a draft for a new version,
 * issue it (archive and sign the documents), supersede or withdraw an issued one. Each step
 * validates the whole of `content/` as it will be after the change, writes nothing when anything is
 * wrong, and then writes atomically (temp file + rename), so the build never sees half a step.
 */
export interface WorkflowOptions {
  root: string;
  /** Environment holding the signing keys (never files in the repository). */
  env?: NodeJS.ProcessEnv;
  /** Date of the step, YYYY-MM-DD; today (UTC) by default. */
  date?: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

function dateOf(options: WorkflowOptions, flag = '--date'): string {
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime()))
    throw new InputError(`${flag}: expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return date;
}

function requireVersion(version: string | undefined): string {
  if (!version || semver.valid(version) !== version)
    throw new InputError(`version: expected a semantic version such as 2.5.0, got ${JSON.stringify(version ?? '')}`);
  return version;
}

const declarationFile = (data: { site: { product: { name: string } } }, version: string): string =>
  `content/declarations/${productSlug(data.site.product.name)}-${version}.yaml`;

function findDeclaration(data: ComplianceData, version: string): DeclarationSource {
  const found = data.declarations.find((d) => d.data.version === version);
  if (!found)
    throw new InputError(
      `${declarationFile(data, version)}: no declaration for ${version} (start one with npm run declaration -- new ${version})`,
    );
  return found;
}

/** Writes `text` to `file` through a temp file in the same folder, so a reader sees the old or the new file. */
function writeAtomically(root: string, file: string, text: string): void {
  const path = join(root, file);
  const temp = join(root, `${file}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Applies `edit` to the YAML of `file` (comments kept), then validates all of content/ as it would be. */
function editDeclaration(
  root: string,
  file: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
  issuing?: string,
): { text: string; data: ComplianceData } {
  const doc = parseDocument(readFileSync(join(root, file), 'utf8'), { uniqueKeys: true });
  if (doc.errors.length > 0) throw new InputError(`${file}: invalid YAML: ${doc.errors[0]?.message ?? ''}`);
  edit(doc);
  const text = doc.toString({ lineWidth: 0 });
  const data = loadComplianceData(root, { overrides: new Map([[file, text]]), ...(issuing ? { issuing } : {}) });
  return { text, data };
}

export interface NewOptions extends WorkflowOptions {
  /** The declaration to copy the assessment facts from; the latest earlier one by default. */
  from?: string;
}

/**
 * Starts the draft for `version`. What stays true from one version to the next (other legislation,
 * standards, assessment, additional information, signatory, authorised representative) is copied
 * from the previous declaration; what identifies the version (items 1 and 4) is left to be written,
 * so no sentence about an older version is carried over unread.
 */
export function newDeclaration(version: string, options: NewOptions): string {
  requireVersion(version);
  const date = dateOf(options);
  const current = loadComplianceData(options.root);
  const file = declarationFile(current, version);
  if (existsSync(join(options.root, file))) throw new InputError(`${file}: already exists`);
  if (!current.releases.some((r) => r.version === version))
    throw new InputError(
      `content/releases/en/${version}.md: missing: publish the release notes of ${version} (EN and FR) before drafting its declaration`,
    );
  const previous = options.from
    ? findDeclaration(current, requireVersion(options.from))
    : current.declarations.filter((d) => semver.lt(d.data.version, version)).at(-1);
  const source = previous ? parseDocument(readFileSync(join(options.root, previous.file), 'utf8')) : undefined;
  const doc = parseDocument('status: draft\n');
  doc.commentBefore = [
    ` EU declaration of conformity (Regulation (EU) 2024/2847, Annex V) for version ${version}: DRAFT.`,
    previous ? ` Assessment facts copied from ${previous.file}: check each one still holds for ${version}.` : '',
    ' Write product.identification and object (Annex V items 1 and 4), then: npm run declaration -- issue ' + version,
  ]
    .filter(Boolean)
    .join('\n');
  doc.set('version', version);
  doc.set('date', date);
  for (const key of [
    'authorisedRepresentative',
    'otherLegislation',
    'standards',
    'conformityAssessment',
    'additionalInformation',
    'signature',
  ]) {
    const value = source?.get(key, true);
    if (value !== undefined) doc.set(key, value);
  }
  const text = doc.toString({ lineWidth: 0 });
  loadComplianceData(options.root, { overrides: new Map([[file, text]]) });
  writeAtomically(options.root, file, text);
  return file;
}

export interface IssueOptions extends WorkflowOptions {
  /** Semver range of the versions the declaration covers; exactly the version by default. */
  covers?: string;
}

export interface IssueResult {
  file: string;
  archive: string;
  padesSigner: string | undefined;
  openpgpFingerprint: string | undefined;
}

function padesFieldsFor(data: ComplianceData, source: DeclarationSource, signer: PadesSigner): PadesFields {
  const d = source.data;
  return {
    name: d.signature.name ?? signer.commonName,
    reason: `EU declaration of conformity, ${data.site.product.name} ${d.version} (Regulation (EU) 2024/2847)`,
    location: d.signature.place ?? '',
    contactInfo: data.site.contacts.general,
    // Midday UTC of the date of issue: the same calendar day in every European time zone.
    date: `${d.date}T12:00:00.000Z`,
  };
}

/**
 * Issues the draft of `version`: checks every Annex V field and every cross-check as if it were
 * issued, renders the documents, signs them with the configured PAdES certificate and OpenPGP key,
 * writes the archive, then marks the YAML issued. Refuses sample data and incomplete declarations,
 * naming each missing field.
 */
export async function issueDeclaration(version: string, options: IssueOptions): Promise<IssueResult> {
  requireVersion(version);
  const date = dateOf(options);
  const env = options.env ?? process.env;
  const before = loadComplianceData(options.root);
  const source = findDeclaration(before, version);
  if (source.data.status !== 'draft')
    throw new InputError(`${source.file}: status: ${source.data.status}; only a draft can be issued`);
  const { text, data } = editDeclaration(
    options.root,
    source.file,
    (doc) => {
      doc.set('status', 'issued');
      doc.set('date', date);
      if (options.covers !== undefined) doc.set('covers', options.covers);
      doc.commentBefore = ` EU declaration of conformity (Regulation (EU) 2024/2847, Annex V) for version ${version}, issued on ${date}.\n Its documents are frozen in ${archiveDir(version)}/: never edit this file's facts; supersede or withdraw it instead.`;
    },
    version,
  );
  const issued = findDeclaration(data, version);
  const pades = loadPadesSigner(env);
  const key = await loadSigningKey(env);
  const links = readSiteLinks(options.root, data.site.site.url);
  const padesFields = pades ? padesFieldsFor(data, issued, pades) : undefined;
  const generated = await generateDeclaration(data, issued.data, links, { pades: padesFields });

  const entries: ArchiveEntry[] = [];
  for (const g of generated) {
    const pdf = pades ? await signPdf(g.pdf.bytes, pades) : g.pdf.bytes;
    entries.push(
      { name: g.pdf.name, bytes: pdf, kind: pades ? 'pades' : 'exact', published: true },
      { name: g.json.name, bytes: g.json.bytes, kind: 'exact', published: true },
      { name: g.snapshot.name, bytes: g.snapshot.bytes, kind: 'exact', published: false },
    );
  }
  const sums = versionSums(entries.filter((e) => e.published));
  entries.push(
    { name: 'SHA256SUMS', bytes: sums.sha256, kind: 'exact', published: true },
    { name: 'SHA512SUMS', bytes: sums.sha512, kind: 'exact', published: true },
  );
  // Signed now: an OpenPGP signature dated before its key existed would not verify.
  if (key) {
    entries.push(...(await signatures(entries, key, new Date())), {
      name: OPENPGP_KEY_NAME,
      bytes: Buffer.from(key.publicKeyArmored),
      kind: 'openpgp-key',
      published: true,
    });
  }

  const archive = writeArchive(
    options.root,
    version,
    {
      issued: date,
      ...(pades && padesFields ? { padesSigner: pades.commonName, pades: padesFields } : {}),
      ...(key ? { openpgpFingerprint: key.fingerprint } : {}),
    },
    entries,
  );
  try {
    writeAtomically(options.root, source.file, text);
  } catch (error) {
    rmSync(join(options.root, archive), { recursive: true, force: true });
    throw error;
  }
  return { file: source.file, archive, padesSigner: pades?.commonName, openpgpFingerprint: key?.fingerprint };
}

async function signatures(entries: readonly ArchiveEntry[], key: SigningKey, date: Date): Promise<ArchiveEntry[]> {
  const signed: ArchiveEntry[] = [];
  for (const entry of entries.filter((e) => e.published)) {
    const armored = await signDetached(entry.bytes, key, date);
    signed.push({ name: `${entry.name}.asc`, bytes: Buffer.from(armored), kind: 'openpgp', published: true });
  }
  return signed;
}

/** Marks the issued declaration of `version` as superseded by the (issued) declaration of `by`. */
export function supersedeDeclaration(version: string, by: string, options: WorkflowOptions): string {
  requireVersion(version);
  requireVersion(by);
  const date = dateOf(options);
  const source = findDeclaration(loadComplianceData(options.root), version);
  if (source.data.status !== 'issued')
    throw new InputError(`${source.file}: status: ${source.data.status}; only an issued declaration can be superseded`);
  const { text } = editDeclaration(options.root, source.file, (doc) => {
    doc.set('status', 'superseded');
    doc.set('supersededBy', { version: by, date });
  });
  writeAtomically(options.root, source.file, text);
  return source.file;
}

export interface WithdrawOptions extends WorkflowOptions {
  reason: { en: string; fr: string };
}

/** Marks the issued declaration of `version` as withdrawn, with the reason shown on its pages. */
export function withdrawDeclaration(version: string, options: WithdrawOptions): string {
  requireVersion(version);
  const date = dateOf(options);
  const source = findDeclaration(loadComplianceData(options.root), version);
  if (source.data.status !== 'issued' && source.data.status !== 'superseded')
    throw new InputError(`${source.file}: status: ${source.data.status}; only an issued declaration can be withdrawn`);
  const { text } = editDeclaration(options.root, source.file, (doc) => {
    doc.set('status', 'withdrawn');
    doc.delete('supersededBy');
    doc.set('withdrawn', { date, reason: options.reason });
  });
  writeAtomically(options.root, source.file, text);
  return source.file;
}

/** One line per declaration, for `npm run declaration -- list`. */
export function listDeclarations(root: string): string[] {
  const data = loadComplianceData(root);
  return data.declarations.map(({ file, data: d, archive }) => {
    const extra = [
      `covers ${d.covers ?? d.version}`,
      d.supersededBy ? `superseded by ${d.supersededBy.version} on ${d.supersededBy.date}` : '',
      d.withdrawn ? `withdrawn on ${d.withdrawn.date}` : '',
      archive ? `archive ${archive.dir}` : '',
      archive?.manifest.padesSigner ? `PAdES ${archive.manifest.padesSigner}` : '',
      archive?.manifest.openpgpFingerprint ? `OpenPGP ${archive.manifest.openpgpFingerprint}` : '',
    ].filter(Boolean);
    return `${d.version}\t${d.status}\t${d.date}\t${file}\t${extra.join('; ')}`;
  });
}
