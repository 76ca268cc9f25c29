import { getBuildDate } from './dates.ts';
import type { DocumentContext } from './document.ts';
import { COMPLIANCE_DOCUMENTS, type DocumentResults } from './documents.ts';
import type { ComplianceData } from './inputs/index.ts';
import type { SiteLinks } from './links.ts';
import { loadSigningKey, type SigningKey } from './openpgp.ts';
import { SECURITY_TXT_PATH } from './paths.ts';
import type { PublishedFile } from './published.ts';
import { signDetachedFiles } from './signing/detached.ts';

/** Each document's result by its registry key (`declarations`, `csaf`, `sbom`, `securityTxt`), and every file. */
export interface ComplianceBuild extends DocumentResults {
  buildDate: Date;
  /** Every generated file, by URL path. */
  files: Map<string, PublishedFile>;
  /** One line per step for the build log. */
  log: string[];
}

export interface ComplianceBuildOptions {
  buildDate?: Date;
  /** `undefined` loads the key named by the environment; `null` forces unsigned output. */
  signingKey?: SigningKey | null;
  /** Run the CSAF optional tests too (unit tests do; the build keeps to the mandatory ones). */
  csafOptionalTests?: boolean;
}

type Entry = [keyof DocumentResults, (typeof COMPLIANCE_DOCUMENTS)[keyof DocumentResults]];

/**
 * Everything the compliance routes publish, computed once from validated data: each document of
 * `COMPLIANCE_DOCUMENTS` in turn, then a detached signature for every file that has none.
 * Throws (failing the build) on any invalid input, naming the file and the field.
 */
export async function buildCompliance(
  data: ComplianceData,
  links: SiteLinks,
  options: ComplianceBuildOptions = {},
): Promise<ComplianceBuild> {
  const log: string[] = [];
  const buildDate = options.buildDate ?? getBuildDate();
  const key = options.signingKey === undefined ? await loadSigningKey() : (options.signingKey ?? undefined);
  const files = new Map<string, PublishedFile>();
  const context: DocumentContext = {
    data,
    links,
    buildDate,
    signingKey: key,
    csafOptionalTests: options.csafOptionalTests ?? false,
    published: files,
  };
  const add = (file: PublishedFile) => {
    if (files.has(file.path)) throw new Error(`[compliance] two generated files claim ${file.path}`);
    files.set(file.path, file);
  };

  const entries = Object.entries(COMPLIANCE_DOCUMENTS) as Entry[];
  for (const [, document] of entries) document.precheck?.(context);
  const results: Partial<Record<keyof DocumentResults, unknown>> = {};
  for (const [name, document] of entries) {
    const built = await document.build(context);
    results[name] = built.result;
    log.push(...built.log);
    for (const file of built.files) add(file);
  }

  if (key) {
    // Every published document and listing gets a detached signature, unless it already has one
    // (CSAF documents, archived declarations) or is itself a signature, a checksum companion or
    // security.txt (signed inline, RFC 9116 §2.3).
    const unsigned = [...files.values()].filter(
      (f) => f.path !== SECURITY_TXT_PATH && !/\.(asc|sha256|sha512)$/.test(f.path) && !files.has(`${f.path}.asc`),
    );
    const signatures = await signDetachedFiles(unsigned, key, buildDate);
    for (const signature of signatures) add(signature);
    log.push(`[openpgp] ${signatures.length} detached signature(s) by ${key.fingerprint}`);
  }
  return { ...(results as DocumentResults), buildDate, files, log };
}
