import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError, parseWith } from '../../schemas/parse.ts';
import { digestHex } from '../checksums.ts';
import { stableJson } from '../json.ts';
import type { CsafAdvisoryDocuments, CsafDocumentFile } from './document-files.ts';

/** Committed next to the advisories, so a content change and its recorded revision share a commit. */
export const CSAF_LOCK_FILE = 'content/advisories/csaf.lock.json';

const COMMENT =
  'Written by `npm run advisory -- record <ID>`: the SHA-256 of every published revision of every CSAF document. Do not edit by hand.';

const trackingIdKey = z.string().regex(/^[A-Z]+-\d{4}-\d{3,}(-VEX)?$/);
const revisionKey = z.string().regex(/^[1-9]\d*$/);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
// zod reports a bad record key as "Invalid key in record": say what a key must look like instead.
const keyError = (message: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_key' ? message : undefined;

/**
 * `content/advisories/csaf.lock.json`: for each CSAF document (by tracking id) and each revision
 * number (`tracking.version`), the SHA-256 of the bytes published for it. A CSAF consumer keys
 * on (publisher, tracking id, version): two different documents under one version would be two
 * truths with one name, so the build refuses them.
 * @example { "lockVersion": 1, "documents": { "CPSA-2026-001": { "revisions": { "1": { "sha256": "…" } } } } }
 */
export const csafLockSchema = z
  .object({
    comment: z.string().optional(),
    lockVersion: z.literal(1),
    documents: z.record(
      trackingIdKey,
      z
        .object({
          revisions: z.record(revisionKey, z.object({ sha256: sha256Hex }).strict(), {
            error: keyError('expected a revision number such as 1'),
          }),
        })
        .strict(),
      { error: keyError('expected a tracking id such as CPSA-2026-001 or CPSA-2026-001-VEX') },
    ),
  })
  .strict();

export type CsafLock = z.infer<typeof csafLockSchema>;

export const emptyCsafLock = (): CsafLock => ({ lockVersion: 1, documents: {} });

/**
 * Reads and validates the lock under `root`. A missing file is an empty lock: every current
 * revision is then unrecorded, and the build says how to record it.
 */
export function readCsafLock(root = process.cwd()): CsafLock {
  let text: string;
  try {
    text = readFileSync(join(root, CSAF_LOCK_FILE), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return emptyCsafLock();
    throw new InputError(`${CSAF_LOCK_FILE}: cannot be read: ${(cause as Error).message}`, { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${CSAF_LOCK_FILE}: (root): not JSON: ${(cause as Error).message}`, { cause });
  }
  return parseWith(csafLockSchema, data, CSAF_LOCK_FILE);
}

/** Writes the lock atomically: a temp file in the same folder, then a rename; never half a file. */
export function writeCsafLock(root: string, lock: CsafLock): void {
  const target = join(root, CSAF_LOCK_FILE);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, stableJson({ ...lock, comment: COMMENT }), { flag: 'wx' });
    renameSync(temp, target);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw new Error(`${CSAF_LOCK_FILE}: cannot be written: ${(cause as Error).message}`, { cause });
  }
}

const record = (file: CsafDocumentFile) => ({ sha256: digestHex('sha256', file.bytes) });

const recordCommand = (advisoryId: string) => `npm run advisory -- record ${advisoryId}`;

/** Both documents of each advisory, with what names them in messages. */
const documentsOf = (advisories: readonly CsafAdvisoryDocuments[]) =>
  advisories.flatMap(({ advisory, document, vex }) =>
    [document, vex].map((file) => ({ file, source: advisory.file, advisoryId: advisory.data.id })),
  );

type Problem = { kind: 'changed' | 'unrecorded' | 'removed' | 'orphan'; message: string };

function problemsOf(lock: CsafLock, advisories: readonly CsafAdvisoryDocuments[]): Problem[] {
  const problems: Problem[] = [];
  const produced = new Set<string>();
  for (const { file, source, advisoryId } of documentsOf(advisories)) {
    produced.add(file.trackingId);
    const revisions = lock.documents[file.trackingId]?.revisions ?? {};
    const recorded = revisions[String(file.revision)];
    const now = record(file).sha256;
    if (recorded && recorded.sha256 !== now) {
      problems.push({
        kind: 'changed',
        message: `${source}: revisions: CSAF document ${file.trackingId} changed (sha256 ${recorded.sha256} recorded for revision ${file.revision}, now ${now}) without a new revision: add an entry to revisions and run ${recordCommand(advisoryId)}`,
      });
    } else if (!recorded) {
      problems.push({
        kind: 'unrecorded',
        message: `${source}: revisions: revision ${file.revision} of CSAF document ${file.trackingId} (sha256 ${now}) is not recorded in ${CSAF_LOCK_FILE}: check the document, then run ${recordCommand(advisoryId)}`,
      });
    }
    const later = Object.keys(revisions)
      .map(Number)
      .filter((n) => n > file.revision)
      .sort((a, b) => a - b);
    if (later.length > 0) {
      problems.push({
        kind: 'removed',
        message: `${source}: revisions: ${CSAF_LOCK_FILE} records revision ${later.join(', ')} of CSAF document ${file.trackingId}, but the advisory now has ${file.revision} revision(s): a published revision is never removed; restore it`,
      });
    }
  }
  for (const trackingId of Object.keys(lock.documents).sort()) {
    if (produced.has(trackingId)) continue;
    const advisoryId = trackingId.replace(/-VEX$/, '');
    problems.push({
      kind: 'orphan',
      message: `${CSAF_LOCK_FILE}: documents.${trackingId}: CSAF document ${trackingId} was published, but no advisory produces it any more (expected content/advisories/${advisoryId}.yaml): a published document is never deleted; restore the advisory`,
    });
  }
  return problems;
}

/**
 * What the build refuses, one line each, every line starting with the file to fix: a document
 * whose bytes differ from those recorded for its revision, a current revision not recorded, a
 * recorded revision that no longer exists, a recorded document that no longer exists.
 */
export function checkCsafLock(lock: CsafLock, advisories: readonly CsafAdvisoryDocuments[]): string[] {
  return problemsOf(lock, advisories).map((p) => p.message);
}

/**
 * The lock with the current revision of each given advisory's documents recorded. Refuses (an
 * InputError, nothing recorded) to overwrite the hash of a revision already recorded or to
 * record over a removed revision: both mean a new revision is needed. Documents of other
 * advisories are left as they are.
 */
export function recordInCsafLock(
  lock: CsafLock,
  advisories: readonly CsafAdvisoryDocuments[],
): { lock: CsafLock; recorded: string[]; unchanged: string[] } {
  const refusals = problemsOf(lock, advisories).filter((p) => p.kind === 'changed' || p.kind === 'removed');
  if (refusals.length > 0) {
    throw new InputError(
      `${refusals.map((p) => p.message).join('\n')}\n(${CSAF_LOCK_FILE} left unchanged: a recorded revision is never overwritten)`,
    );
  }
  const documents = structuredClone(lock.documents);
  const recorded: string[] = [];
  const unchanged: string[] = [];
  for (const { file } of documentsOf(advisories)) {
    const entry = (documents[file.trackingId] ??= { revisions: {} });
    const label = `${file.trackingId} revision ${file.revision}`;
    if (entry.revisions[String(file.revision)]) unchanged.push(label);
    else {
      entry.revisions[String(file.revision)] = record(file);
      recorded.push(label);
    }
  }
  return { lock: { ...lock, documents }, recorded, unchanged };
}
