import { z } from 'zod';
import type { AdvisoryData } from '../../schemas/advisory.ts';
import { InputError } from '../../schemas/parse.ts';
import type { ComplianceData, Sourced } from '../data.ts';
import { stableJson } from '../json.ts';
import { absolute, type SiteLinks } from '../links.ts';
import { signDetached, type SigningKey } from '../openpgp.ts';
import { CSAF_PROVIDER_METADATA_PATH, CSAF_ROOT, CSAF_WHITE_DIR, csafDocumentPath, OPENPGP_DIR } from '../paths.ts';
import { factsOf, fileName, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { cvss31BaseScore, type Severity } from './cvss.ts';
import { createCsafDocument } from './document.ts';
import { validateCsaf, type CsafFinding } from './validate.ts';

export interface CsafEntry {
  advisory: Sourced<AdvisoryData>;
  /** URL path of the CSAF JSON. */
  path: string;
  json: FileFacts;
  signed: boolean;
  initialReleaseDate: string;
  currentReleaseDate: string;
  baseScore: number;
  severity: Severity;
}

/** A static directory listing (CSAF requirement 14), one per folder of the provider tree. */
export interface CsafListing {
  /** Folder URL path with trailing slash. @example /.well-known/csaf/white/2026/ */
  path: string;
  entries: { name: string; href: string; size?: number }[];
}

export interface CsafProvider {
  role: 'csaf_provider' | 'csaf_trusted_provider';
  entries: CsafEntry[];
  listings: CsafListing[];
  files: PublishedFile[];
  /** Optional-test findings (§6.2), for the build log. */
  warnings: string[];
}

export interface CsafOptions {
  signingKey: SigningKey | undefined;
  /** Signature date: the build date, so a key created after an advisory's date can still sign it. */
  buildDate: Date;
  generatorVersion: string;
  /** Also run the optional tests (§6.2) and report their findings as warnings (slower: tests do it). */
  optionalTests?: boolean;
}

/** Where a CSAF finding comes from in the advisory's YAML, so the error names the field to fix. */
const SOURCE_FIELDS: readonly [RegExp, string][] = [
  [/^\/vulnerabilities\/0\/cwe(?:\/(\w+))?/, 'cwe'],
  [/^\/vulnerabilities\/0\/scores/, 'cvss'],
  [/^\/vulnerabilities\/0\/notes/, 'details'],
  [/^\/vulnerabilities\/0\/remediations/, 'remediation'],
  [/^\/vulnerabilities\/0\/title|^\/document\/title/, 'title'],
  [/^\/vulnerabilities\/0\/(product_status|release_date)|^\/product_tree/, 'products'],
  [/^\/document\/tracking\/revision_history\/(\d+)/, 'revisions'],
  [/^\/document\/tracking\/status/, 'status'],
  [/^\/document\/tracking/, 'revisions'],
  [/^\/document\/notes\/0/, 'summary'],
  [/^\/document\/publisher/, 'csaf (content/security.yaml)'],
];

export function sourceField(instancePath: string): string {
  for (const [pattern, field] of SOURCE_FIELDS) {
    const match = pattern.exec(instancePath);
    if (match) return match[1] !== undefined ? `${field}.${match[1]}` : field;
  }
  return '(document)';
}

const describe = (file: string, f: CsafFinding): string =>
  `${file}: ${sourceField(f.instancePath)}: CSAF ${f.instancePath || '/'}: ${f.test}: ${f.message}`;

/** Provider metadata as CSAF 2.0 §7.2.1 / the provider JSON schema define it, checked before it ships. */
const providerMetadataSchema = z
  .object({
    canonical_url: z.url().regex(/\/provider-metadata\.json$/),
    distributions: z.array(z.object({ directory_url: z.url() }).strict()).min(1),
    last_updated: z.iso.datetime(),
    list_on_CSAF_aggregators: z.boolean(),
    metadata_version: z.literal('2.0'),
    mirror_on_CSAF_aggregators: z.boolean(),
    public_openpgp_keys: z
      .array(z.object({ fingerprint: z.string().regex(/^[0-9A-F]{40,}$/), url: z.url() }).strict())
      .optional(),
    publisher: z
      .object({
        category: z.literal('vendor'),
        contact_details: z.string().min(1),
        issuing_authority: z.string().min(1),
        name: z.string().min(1),
        namespace: z.url(),
      })
      .strict(),
    role: z.enum(['csaf_provider', 'csaf_trusted_provider']),
  })
  .strict();

/**
 * The CSAF 2.0 provider tree under `/.well-known/csaf/`: each advisory as a validated
 * `csaf_security_advisory` in `white/<year>/` with `.sha256`, `.sha512` (and `.asc` when a signing
 * key is configured), `index.txt`, `changes.csv`, `provider-metadata.json` and folder listings.
 * An advisory the validator rejects fails the build with the validator's own messages.
 */
export async function buildCsafProvider(
  data: ComplianceData,
  links: SiteLinks,
  options: CsafOptions,
): Promise<CsafProvider> {
  const files: PublishedFile[] = [];
  const entries: CsafEntry[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const key = options.signingKey;
  for (const advisory of data.advisories) {
    const document = createCsafDocument(advisory.data, {
      site: data.site,
      security: data.security.data,
      links,
      sbomVersions: data.sboms.map((s) => s.version),
      generatorVersion: options.generatorVersion,
    });
    const bytes = Buffer.from(stableJson(document));
    // Validate the bytes as published, not the object that produced them.
    const result = await validateCsaf(JSON.parse(bytes.toString('utf8')) as unknown, options.optionalTests ?? false);
    errors.push(...result.errors.map((f) => describe(advisory.file, f)));
    warnings.push(...result.warnings.map((f) => describe(advisory.file, f)));
    const first = advisory.data.revisions[0]?.date ?? '';
    const path = csafDocumentPath(advisory.data.id, first);
    const json: PublishedFile = { path, bytes };
    files.push(...withChecksums(json));
    if (key) files.push({ path: `${path}.asc`, bytes: Buffer.from(await signDetached(bytes, key, options.buildDate)) });
    const { baseScore, baseSeverity } = cvss31BaseScore(advisory.data.cvss);
    entries.push({
      advisory,
      path,
      json: factsOf(json),
      signed: key !== undefined,
      initialReleaseDate: first,
      currentReleaseDate: advisory.data.revisions.at(-1)?.date ?? first,
      baseScore,
      severity: baseSeverity,
    });
  }
  if (errors.length > 0)
    throw new InputError(`[csaf] the CSAF validator rejected ${errors.length} finding(s):\n${errors.join('\n')}`);

  const relative = (path: string) => path.slice(CSAF_WHITE_DIR.length + 1);
  const newestFirst = [...entries].sort(
    (a, b) => b.currentReleaseDate.localeCompare(a.currentReleaseDate) || b.path.localeCompare(a.path),
  );
  const index: PublishedFile = {
    path: `${CSAF_WHITE_DIR}/index.txt`,
    bytes: Buffer.from(newestFirst.map((e) => `${relative(e.path)}\n`).join('')),
  };
  // CSAF 2.0 requirement 13: quoted file name and current_release_date, latest first, no heading.
  const changes: PublishedFile = {
    path: `${CSAF_WHITE_DIR}/changes.csv`,
    bytes: Buffer.from(
      newestFirst.map((e) => `"${relative(e.path)}","${e.currentReleaseDate}T00:00:00.000Z"\n`).join(''),
    ),
  };
  const keyFile: PublishedFile | undefined = key
    ? { path: `${OPENPGP_DIR}/${key.fingerprint}.asc`, bytes: Buffer.from(key.publicKeyArmored) }
    : undefined;
  const role = key ? 'csaf_trusted_provider' : 'csaf_provider';
  const metadata = providerMetadataSchema.parse({
    canonical_url: absolute(links, CSAF_PROVIDER_METADATA_PATH),
    distributions: [{ directory_url: absolute(links, `${CSAF_WHITE_DIR}/`) }],
    last_updated: `${newestFirst[0]?.currentReleaseDate ?? '1970-01-01'}T00:00:00.000Z`,
    list_on_CSAF_aggregators: data.security.data.csaf.listOnAggregators,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: data.security.data.csaf.mirrorOnAggregators,
    ...(key && keyFile
      ? { public_openpgp_keys: [{ fingerprint: key.fingerprint, url: absolute(links, keyFile.path) }] }
      : {}),
    publisher: {
      category: 'vendor',
      contact_details: data.security.data.csaf.contactDetails,
      issuing_authority: data.security.data.csaf.issuingAuthority,
      name: data.site.manufacturer.name,
      namespace: data.security.data.csaf.namespace,
    },
    role,
  });
  const provider: PublishedFile = { path: CSAF_PROVIDER_METADATA_PATH, bytes: Buffer.from(stableJson(metadata)) };
  files.push(index, changes, provider, ...(keyFile ? [keyFile] : []));
  return { role, entries, listings: createListings(files), files, warnings };
}

/** One listing per folder below /.well-known/csaf/, built from the files themselves. */
function createListings(files: readonly PublishedFile[]): CsafListing[] {
  const folders = new Map<string, CsafListing>();
  const folder = (path: string) => {
    let listing = folders.get(path);
    if (!listing) {
      listing = { path, entries: [] };
      folders.set(path, listing);
    }
    return listing;
  };
  for (const file of files) {
    let dir = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    folder(dir).entries.push({ name: fileName(file.path), href: file.path, size: file.bytes.length });
    while (dir !== `${CSAF_ROOT}/`) {
      const parent = dir.slice(0, dir.slice(0, -1).lastIndexOf('/') + 1);
      const name = dir.slice(parent.length);
      const entries = folder(parent).entries;
      if (!entries.some((e) => e.href === dir)) entries.push({ name, href: dir });
      dir = parent;
    }
  }
  for (const listing of folders.values()) listing.entries.sort((a, b) => a.name.localeCompare(b.name));
  return [...folders.values()].sort((a, b) => a.path.localeCompare(b.path));
}
