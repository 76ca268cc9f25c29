import { buildCsafProvider, type CsafProvider } from './csaf/provider.ts';
import type { ComplianceData } from './inputs/index.ts';
import { getBuildDate, toRfc3339 } from './dates.ts';
import { buildDeclarations, type DeclarationSet } from './declaration/files.ts';
import type { SiteLinks } from './links.ts';
import { loadSigningKey, signCleartext, type SigningKey } from './openpgp.ts';
import { openpgpKeyPath, SECURITY_TXT_PATH } from './paths.ts';
import type { PublishedFile } from './published.ts';
import { buildSboms, type PublishedSbom } from './sbom/build.ts';
import type { AdvisorySbomMatch } from './sbom/advisories.ts';
import type { WebsiteSbom } from './sbom/website.ts';
import { signDetachedFiles } from './signing/detached.ts';
import { createSecurityTxt, getSecurityTxtExpiry } from './security-txt/build.ts';

export interface ComplianceBuild {
  buildDate: Date;
  declarations: DeclarationSet;
  csaf: CsafProvider;
  sboms: PublishedSbom[];
  /** The website's own SBOM (its npm dependencies, from package-lock.json). */
  website: WebsiteSbom;
  /** Each advisory product matched to the SBOM of that deliverable and version, if any. */
  advisoryMatches: AdvisorySbomMatch[];
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
  /** Run the CSAF optional tests too (unit tests do; the build keeps to the mandatory ones). */
  csafOptionalTests?: boolean;
}

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
    lock: data.csafLock,
    optionalTests: options.csafOptionalTests ?? false,
  });
  log.push(
    `[csaf] ${csaf.entries.length} advisories valid (strict schema + mandatory tests${options.csafOptionalTests ? ' + optional tests' : ''}), ${csaf.warnings.length} warning(s), role ${csaf.role}, ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
  for (const warning of csaf.warnings) log.push(`[csaf] warning: ${warning}`);

  t = performance.now();
  const { sboms, website, advisoryMatches, files: sbomFiles } = await buildSboms(data, { root: data.root, buildDate });
  log.push(
    `[sbom] ${sboms.length} deliverable SBOM(s) valid (strict CycloneDX ${[...new Set(sboms.map((s) => s.specVersion))].sort().join('/') || '-'}), ${sboms.filter((s) => s.fields.incomplete.length > 0 || s.fields.sbom.some((f) => !f.present)).length} missing BSI TR-03183-2 fields; website SBOM ${website.componentCount} npm packages; ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );

  // Encryption: names the key file the CSAF provider publishes; refuse to point at a missing one.
  if (key && !csaf.files.some((file) => file.path === openpgpKeyPath(key.fingerprint)))
    throw new Error(`[security.txt] Encryption: ${openpgpKeyPath(key.fingerprint)} is not published`);
  const text = createSecurityTxt(data.security, links, buildDate, { openpgpFingerprint: key?.fingerprint });
  const securityTxt: PublishedFile = {
    path: SECURITY_TXT_PATH,
    bytes: Buffer.from(key ? await signCleartext(text, key, buildDate) : text),
  };
  log.push(
    `[security.txt] expires ${toRfc3339(expires)}${key ? `, signed by ${key.fingerprint}` : ', unsigned (no key configured)'}`,
  );

  const files = new Map<string, PublishedFile>();
  const add = (file: PublishedFile) => {
    if (files.has(file.path)) throw new Error(`[compliance] two generated files claim ${file.path}`);
    files.set(file.path, file);
  };
  for (const file of [...declarations.files, ...csaf.files, ...sbomFiles, securityTxt]) add(file);
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
  return {
    buildDate,
    declarations,
    csaf,
    sboms,
    website,
    advisoryMatches,
    securityTxt: { expires, signed: key !== undefined, fingerprint: key?.fingerprint },
    files,
    log,
  };
}
