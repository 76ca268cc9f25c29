import type { ComplianceData } from './inputs/index.ts';
import type { SiteLinks } from './links.ts';
import type { SigningKey } from './openpgp.ts';
import type { PublishedFile } from './published.ts';

/** What every compliance document is built from, the same for all of them. */
export interface DocumentContext {
  data: ComplianceData;
  links: SiteLinks;
  /** The build's "now" (`getBuildDate`): only security.txt's Expires and signature time use it. */
  buildDate: Date;
  /** The OpenPGP key of this build, if one is configured. */
  signingKey: SigningKey | undefined;
  /** Run the CSAF optional tests too (unit tests do; the build keeps to the mandatory ones). */
  csafOptionalTests: boolean;
  /** The files of the documents before this one in the registry (security.txt names the CSAF key file). */
  published: ReadonlyMap<string, PublishedFile>;
}

export interface BuiltDocument<R> {
  /** What pages show about the document (statuses, sizes, checksums): `ComplianceBuild[key]`. */
  result: R;
  /** Its published files, by URL path; two documents claiming one path fail the build. */
  files: readonly PublishedFile[];
  /** One line per step for the build log, `[tag] …`. */
  log: string[];
}

/**
 * One compliance document (declarations, CSAF, SBOM, security.txt): an entry of
 * `COMPLIANCE_DOCUMENTS` (`documents.ts`). Its files get checksums or signatures as it decides;
 * the detached OpenPGP signatures of the whole set are added by `buildCompliance` afterwards.
 */
export interface ComplianceDocument<R> {
  /**
   * Cheap checks run for every document before any is built, so a date that would fail does so
   * in milliseconds rather than after the PDFs.
   */
  precheck?(context: Omit<DocumentContext, 'published'>): void;
  build(context: DocumentContext): Promise<BuiltDocument<R>>;
}

/** `[declarations] … 0.41 s`: seconds since `start` (a `performance.now()`), two decimals. */
export const seconds = (start: number): string => `${((performance.now() - start) / 1000).toFixed(2)} s`;
