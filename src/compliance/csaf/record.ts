import { loadComplianceData } from '../inputs/index.ts';
import { readSiteLinks } from '../page-links.ts';
import { CSAF_LOCK_FILE, checkCsafLock, readCsafLock, recordInCsafLock, writeCsafLock } from './lock.ts';
import { createCsafDocuments, type CsafAdvisoryDocuments } from './publish.ts';

/** A command-line mistake (unknown advisory id): the CLI exits 2, not 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The CSAF documents of the project at `root`, computed by the same function as the build
 * (createCsafDocuments) from the same data, with page paths read from content/pages front matter
 * (the build reads them from Astro's collection: were they to disagree, the lock check fails).
 * `ids` narrows the advisories; an unknown id is a UsageError, raised before any validation.
 */
async function currentDocuments(
  root: string,
  ids: readonly string[] | 'all' = 'all',
): Promise<CsafAdvisoryDocuments[]> {
  const data = loadComplianceData(root);
  const known = data.advisories.map((a) => a.data.id);
  const unknown = ids === 'all' ? [] : ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `no advisory ${unknown.join(', ')} (expected content/advisories/<ID>.yaml; known: ${known.join(', ') || 'none'})`,
    );
  }
  const advisories = ids === 'all' ? data.advisories : data.advisories.filter((a) => ids.includes(a.data.id));
  return (await createCsafDocuments({ ...data, advisories }, readSiteLinks(root, data.site.site.url))).advisories;
}

/**
 * `npm run advisory -- record <ID>… | --all`: records the current revision of each selected
 * advisory's two CSAF documents in the lock and writes it atomically. Throws an InputError (lock
 * untouched) for invalid content or an attempt to overwrite a recorded revision, a UsageError for
 * an unknown id. Returns one line per document for the terminal.
 */
export async function recordAdvisories(root: string, ids: readonly string[] | 'all'): Promise<string[]> {
  const selected = await currentDocuments(root, ids);
  const { lock, recorded, unchanged } = recordInCsafLock(readCsafLock(root), selected);
  if (recorded.length > 0) writeCsafLock(root, lock);
  return [
    ...recorded.map((d) => `recorded ${d} in ${CSAF_LOCK_FILE}`),
    ...unchanged.map((d) => `already recorded: ${d}`),
  ];
}

/** `npm run advisory -- check`: the build's lock check, without building. Empty when all is well. */
export async function checkAdvisories(root: string): Promise<{ documents: number; problems: string[] }> {
  const advisories = await currentDocuments(root);
  return { documents: advisories.length * 2, problems: checkCsafLock(readCsafLock(root), advisories) };
}
