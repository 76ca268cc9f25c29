import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { Sourced } from '../sourced.ts';

// Types shared by publish.ts (which makes the documents) and lock.ts (which records them), apart
// from both so that neither imports the other.

/** One CSAF document as published: its exact bytes and what the provider tree and lock need. */
export interface CsafDocumentFile {
  /** `tracking.id`. @example CPSA-2026-001-VEX */
  trackingId: string;
  category: 'csaf_security_advisory' | 'csaf_vex';
  /** `document.title`, for the ROLIE feed. */
  title: string;
  /** URL path. @example /.well-known/csaf/white/2026/cpsa-2026-001-vex.json */
  path: string;
  bytes: Buffer;
  /** `tracking.version`: the number of the current revision. */
  revision: number;
  /** ISO dates of the first and the last revision. */
  initialReleaseDate: string;
  currentReleaseDate: string;
}

/** An advisory and the two CSAF documents made from it. */
export interface CsafAdvisoryDocuments {
  advisory: Sourced<AdvisoryData>;
  document: CsafDocumentFile;
  vex: CsafDocumentFile;
}
