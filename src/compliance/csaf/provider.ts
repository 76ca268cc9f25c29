import { z } from 'zod';
import type { AdvisoryData } from '../../schemas/advisory.ts';
import { InputError } from '../../schemas/parse.ts';
import type { ComplianceData, Sourced } from '../inputs/index.ts';
import { stableJson } from '../json.ts';
import { absolute, type SiteLinks } from '../links.ts';
import { signDetached, type SigningKey } from '../openpgp.ts';
import { CSAF_PROVIDER_METADATA_PATH, CSAF_ROOT, CSAF_WHITE_DIR, openpgpKeyPath } from '../paths.ts';
import { factsOf, fileName, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { dateTime } from './common.ts';
import { cvss31BaseScore, type Severity } from './cvss.ts';
import { checkCsafLock, type CsafLock } from './lock.ts';
import { createCsafDocuments, type CsafDocumentFile } from './publish.ts';
import { CSAF_ROLIE_FEED_PATH, createRolieFeed } from './rolie.ts';

export { sourceField } from './publish.ts';

/** A published CSAF document, as pages link it. */
export interface CsafDocumentFacts {
  /** `tracking.id`. @example CPSA-2026-001-VEX */
  trackingId: string;
  /** URL path of the CSAF JSON. */
  path: string;
  json: FileFacts;
  /** `tracking.version`. */
  revision: number;
}

export interface CsafEntry {
  advisory: Sourced<AdvisoryData>;
  /** URL path of the advisory's `csaf_security_advisory` JSON. */
  path: string;
  json: FileFacts;
  /** Its `csaf_vex` document: the status of every component version the advisory names. */
  vex: CsafDocumentFacts;
  /** Whether both documents have a detached `.asc` signature next to them. */
  signed: boolean;
  initialReleaseDate: string;
  currentReleaseDate: string;
  /** `tracking.version` of both documents (they share the advisory's revisions). */
  revision: number;
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
  /** URL path of the TLP:WHITE ROLIE feed. */
  feedPath: string;
  /** Optional-test findings (§6.2), for the build log. */
  warnings: string[];
}

export interface CsafOptions {
  signingKey: SigningKey | undefined;
  /** Signature date: the build date, so a key created after an advisory's date can still sign it. */
  buildDate: Date;
  /** The committed revision lock (`readCsafLock(root)`): published bytes must match it. */
  lock: CsafLock;
  /** Also run the optional tests (§6.2) and report their findings as warnings (slower: tests do it). */
  optionalTests?: boolean;
}

/** Provider metadata as CSAF 2.0 §7.2.1 / the provider JSON schema define it, checked before it ships. */
const providerMetadataSchema = z
  .object({
    canonical_url: z.url().regex(/\/provider-metadata\.json$/),
    // One distribution may carry both the directory and the ROLIE feed (the schema allows either or both).
    distributions: z
      .array(
        z
          .object({
            directory_url: z.url(),
            rolie: z
              .object({
                feeds: z
                  .array(
                    z
                      .object({
                        summary: z.string().min(1).optional(),
                        tlp_label: z.enum(['UNLABELED', 'WHITE', 'GREEN', 'AMBER', 'RED']),
                        url: z.url().regex(/\.json$/),
                      })
                      .strict(),
                  )
                  .min(1),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1),
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
 * The CSAF 2.0 provider tree under `/.well-known/csaf/`: for each advisory a validated
 * `csaf_security_advisory` and its `csaf_vex` document in `white/<year>/`, each with `.sha256`,
 * `.sha512` (and `.asc` when a signing key is configured); `index.txt`, `changes.csv`, the ROLIE
 * feed, `provider-metadata.json` and folder listings. Fails the build (InputError naming the file
 * and field) on a document the validator rejects and on any disagreement with the revision lock.
 */
export async function buildCsafProvider(
  data: ComplianceData,
  links: SiteLinks,
  options: CsafOptions,
): Promise<CsafProvider> {
  const { advisories, warnings } = await createCsafDocuments(data, links, {
    optionalTests: options.optionalTests ?? false,
  });
  // Before anything is signed or written: a document that changed under an old revision number
  // must not reach consumers, who would keep the first copy they fetched as that revision.
  const problems = checkCsafLock(options.lock, advisories);
  if (problems.length > 0) throw new InputError(problems.join('\n'));

  const files: PublishedFile[] = [];
  const key = options.signingKey;
  const publish = async (file: CsafDocumentFile): Promise<FileFacts> => {
    const json: PublishedFile = { path: file.path, bytes: file.bytes };
    files.push(...withChecksums(json));
    if (key)
      files.push({
        path: `${file.path}.asc`,
        bytes: Buffer.from(await signDetached(file.bytes, key, options.buildDate)),
      });
    return factsOf(json);
  };
  const entries: CsafEntry[] = [];
  for (const { advisory, document, vex } of advisories) {
    const json = await publish(document);
    const vexJson = await publish(vex);
    const { baseScore, baseSeverity } = cvss31BaseScore(advisory.data.cvss);
    entries.push({
      advisory,
      path: document.path,
      json,
      vex: { trackingId: vex.trackingId, path: vex.path, json: vexJson, revision: vex.revision },
      signed: key !== undefined,
      initialReleaseDate: document.initialReleaseDate,
      currentReleaseDate: document.currentReleaseDate,
      revision: document.revision,
      baseScore,
      severity: baseSeverity,
    });
  }

  const documents = advisories.flatMap((a) => [
    { file: a.document, summary: a.advisory.data.summary.en },
    { file: a.vex, summary: a.advisory.data.summary.en },
  ]);
  // CSAF 2.0 requirements 12 and 13 list every document, newest current release first.
  const newestFirst = [...documents].sort(
    (a, b) =>
      b.file.currentReleaseDate.localeCompare(a.file.currentReleaseDate) || b.file.path.localeCompare(a.file.path),
  );
  const relative = (path: string) => path.slice(CSAF_WHITE_DIR.length + 1);
  const index: PublishedFile = {
    path: `${CSAF_WHITE_DIR}/index.txt`,
    bytes: Buffer.from(newestFirst.map((d) => `${relative(d.file.path)}\n`).join('')),
  };
  // Requirement 13: quoted file name and current_release_date, latest first, no heading.
  const changes: PublishedFile = {
    path: `${CSAF_WHITE_DIR}/changes.csv`,
    bytes: Buffer.from(
      newestFirst.map((d) => `"${relative(d.file.path)}","${dateTime(d.file.currentReleaseDate)}"\n`).join(''),
    ),
  };
  const feed: PublishedFile = {
    path: CSAF_ROLIE_FEED_PATH,
    bytes: Buffer.from(
      stableJson(
        createRolieFeed(
          links,
          data.site.product.name,
          newestFirst.map((d) => ({ ...d, signed: key !== undefined })),
        ),
      ),
    ),
  };
  const keyFile: PublishedFile | undefined = key
    ? { path: openpgpKeyPath(key.fingerprint), bytes: Buffer.from(key.publicKeyArmored) }
    : undefined;
  const role = key ? 'csaf_trusted_provider' : 'csaf_provider';
  const csaf = data.security.data.csaf;
  const metadata = providerMetadataSchema.parse({
    canonical_url: absolute(links, CSAF_PROVIDER_METADATA_PATH),
    distributions: [
      {
        directory_url: absolute(links, `${CSAF_WHITE_DIR}/`),
        rolie: {
          feeds: [
            {
              summary: `All TLP:WHITE CSAF documents of ${data.site.manufacturer.name}.`,
              tlp_label: 'WHITE',
              url: absolute(links, CSAF_ROLIE_FEED_PATH),
            },
          ],
        },
      },
    ],
    last_updated: dateTime(newestFirst[0]?.file.currentReleaseDate ?? '1970-01-01'),
    list_on_CSAF_aggregators: csaf.listOnAggregators,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: csaf.mirrorOnAggregators,
    ...(key && keyFile
      ? { public_openpgp_keys: [{ fingerprint: key.fingerprint, url: absolute(links, keyFile.path) }] }
      : {}),
    publisher: {
      category: 'vendor',
      contact_details: csaf.contactDetails,
      issuing_authority: csaf.issuingAuthority,
      name: data.site.manufacturer.name,
      namespace: csaf.namespace,
    },
    role,
  });
  const provider: PublishedFile = { path: CSAF_PROVIDER_METADATA_PATH, bytes: Buffer.from(stableJson(metadata)) };
  files.push(index, changes, feed, provider, ...(keyFile ? [keyFile] : []));
  return { role, entries, listings: createListings(files), files, feedPath: CSAF_ROLIE_FEED_PATH, warnings };
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
