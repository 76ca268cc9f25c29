import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCsafProvider, type CsafProvider } from './csaf/provider.ts';
import type { ComplianceData } from './data.ts';
import { getBuildDate, toRfc3339 } from './dates.ts';
import { buildDeclarations, type DeclarationSet } from './declaration/files.ts';
import type { SiteLinks } from './links.ts';
import { loadSigningKey, signCleartext, type SigningKey } from './openpgp.ts';
import { SECURITY_TXT_PATH } from './paths.ts';
import type { PublishedFile } from './published.ts';
import { buildSboms, type PublishedSbom } from './sbom.ts';
import { createSecurityTxt, getSecurityTxtExpiry } from './security-txt/build.ts';

export interface ComplianceBuild {
  buildDate: Date;
  declarations: DeclarationSet;
  csaf: CsafProvider;
  sboms: PublishedSbom[];
  securityTxt: { expires: Date; signed: boolean; fingerprint: string | undefined };
  /** Every generated file, by URL path. */
  files: Map<string, PublishedFile>;
  /** One line per step for the build log. */
  log: string[];
}

export interface ComplianceBuildOptions {
  buildDate?: Date;
  /** `undefined` loads the key named by the environment; `null` forces unsigned output. */
  signingKey?: SigningKey | null;
  generatorVersion?: string;
  /** Run the CSAF optional tests too (unit tests do; the build keeps to the mandatory ones). */
  csafOptionalTests?: boolean;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Everything the compliance routes publish, computed once from validated data: declarations (PDF,
 * JSON, checksums), the CSAF provider tree, SBOMs and security.txt. Throws (failing the build)
 * on any invalid input, naming the file and the field.
 */
export async function buildCompliance(
  data: ComplianceData,
  links: SiteLinks,
  options: ComplianceBuildOptions = {},
): Promise<ComplianceBuild> {
  const log: string[] = [];
  const buildDate = options.buildDate ?? getBuildDate();
  const key = options.signingKey === undefined ? await loadSigningKey() : (options.signingKey ?? undefined);
  const generatorVersion = options.generatorVersion ?? packageVersion();
  const expires = getSecurityTxtExpiry(data.security, buildDate);

  let t = performance.now();
  const declarations = await buildDeclarations(data, links);
  const pdfBytes = declarations.documents.reduce((sum, d) => sum + d.pdf.size, 0);
  log.push(
    `[declarations] ${declarations.documents.length} documents (${data.declarations.length} version(s) × EN/FR × full/simplified), ${(pdfBytes / 1000).toFixed(1)} kB of PDF, ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  t = performance.now();
  const csaf = await buildCsafProvider(data, links, {
    signingKey: key,
    buildDate,
    generatorVersion,
    optionalTests: options.csafOptionalTests ?? false,
  });
  log.push(
    `[csaf] ${csaf.entries.length} advisories valid (strict schema + mandatory tests${options.csafOptionalTests ? ' + optional tests' : ''}), ${csaf.warnings.length} warning(s), role ${csaf.role}, ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
  for (const warning of csaf.warnings) log.push(`[csaf] warning: ${warning}`);

  t = performance.now();
  const { sboms, files: sbomFiles } = await buildSboms(data);
  log.push(
    `[sbom] ${sboms.length} CycloneDX 1.6 SBOM(s) valid (strict), ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  const text = createSecurityTxt(data.security, links, buildDate);
  const securityTxt: PublishedFile = {
    path: SECURITY_TXT_PATH,
    bytes: Buffer.from(key ? await signCleartext(text, key, buildDate) : text),
  };
  log.push(
    `[security.txt] expires ${toRfc3339(expires)}${key ? `, signed by ${key.fingerprint}` : ', unsigned (no key configured)'}`,
  );

  const files = new Map<string, PublishedFile>();
  for (const file of [...declarations.files, ...csaf.files, ...sbomFiles, securityTxt]) {
    if (files.has(file.path)) throw new Error(`[compliance] two generated files claim ${file.path}`);
    files.set(file.path, file);
  }
  return {
    buildDate,
    declarations,
    csaf,
    sboms,
    securityTxt: { expires, signed: key !== undefined, fingerprint: key?.fingerprint },
    files,
    log,
  };
}
