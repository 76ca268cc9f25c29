import { csafDocument } from './csaf/entry.ts';
import { declarationDocument } from './declaration/entry.ts';
import type { ComplianceDocument } from './document.ts';
import { sbomDocument } from './sbom/entry.ts';
import { securityTxtDocument } from './security-txt/entry.ts';

/**
 * Every compliance document the site publishes, in build order: a document may refer to the
 * files of those before it (security.txt names the OpenPGP key file the CSAF provider publishes).
 * Each key names the document's result in `ComplianceBuild`.
 */
export const COMPLIANCE_DOCUMENTS = {
  declarations: declarationDocument,
  csaf: csafDocument,
  sbom: sbomDocument,
  securityTxt: securityTxtDocument,
} satisfies Record<string, ComplianceDocument<unknown>>;

type ResultOf<D> = D extends ComplianceDocument<infer R> ? R : never;

/** What each document's entry returned, by its key in `COMPLIANCE_DOCUMENTS`. */
export type DocumentResults = { [K in keyof typeof COMPLIANCE_DOCUMENTS]: ResultOf<(typeof COMPLIANCE_DOCUMENTS)[K]> };
