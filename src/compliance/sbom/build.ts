import type { ComplianceData } from '../inputs/index.ts';
import { factsOf, withChecksums, type FileFacts, type PublishedFile } from '../published.ts';
import { matchAdvisoriesToSboms, type AdvisorySbomMatch } from './advisories.ts';
import { reportBsiFields, type BsiFieldReport } from './bsi.ts';
import { inspectSbom, isSample, validateStrict, type CdxSpecVersion } from './cyclonedx.ts';
import { sbomPath } from './paths.ts';
import { deliverablePurl, type SbomSource } from './source.ts';
import { buildWebsiteSbom, type WebsiteSbom } from './website.ts';

/** A deliverable's SBOM as published, with what a page says about it. */
export interface PublishedSbom {
  version: string;
  /** Component id from content/site.yaml. @example relay-server */
  component: string;
  /** `metadata.component.purl`. @example pkg:generic/cryptpeer/relay-server@2.4.0 */
  purl: string;
  specVersion: CdxSpecVersion;
  /** The file marks itself as sample data (`metadata.properties` cryptpeer:sample-data = true). */
  sample: boolean;
  json: FileFacts;
  /** Entries of `components`, nested ones included (the deliverable itself not counted). */
  componentCount: number;
  /** BSI TR-03183-2 minimum fields the file carries. */
  fields: BsiFieldReport;
}

export interface SbomBuild {
  /** Oldest version first, then by component id. */
  sboms: PublishedSbom[];
  website: WebsiteSbom;
  advisoryMatches: AdvisorySbomMatch[];
  /** Every SBOM byte for byte, each with `.sha256` / `.sha512`. */
  files: PublishedFile[];
}

/**
 * Checks one SBOM as the build does: CycloneDX of an accepted version describing the deliverable
 * its path names, valid under the strict schema of its own spec version. Throws an InputError
 * naming the file and the field or JSON path.
 */
export async function validateSbom(
  source: SbomSource,
  data: Pick<ComplianceData, 'site'>,
): Promise<{
  specVersion: CdxSpecVersion;
  purl: string;
  report: BsiFieldReport;
  sample: boolean;
  componentCount: number;
}> {
  const purl = deliverablePurl(data.site, source.component, source.version) ?? '';
  const { specVersion, bom } = inspectSbom(source.file, source.bytes, { purl, version: source.version });
  await validateStrict(source.file, source.bytes, specVersion);
  const report = reportBsiFields(bom);
  // The report counts metadata.component too; "components in this SBOM" does not.
  const componentCount = report.componentCount - (bom.metadata?.component ? 1 : 0);
  return { specVersion, purl, report, sample: isSample(bom), componentCount };
}

/**
 * Every deliverable SBOM under content/sbom/, validated and published byte for byte at
 * `/sbom/<version>/<component-id>.cdx.json`, the website's own SBOM at `/sbom/website.cdx.json`,
 * and which advisory products have an SBOM. Nothing is returned unless every file is valid.
 */
export async function buildSboms(data: ComplianceData, options: { root: string; buildDate: Date }): Promise<SbomBuild> {
  const sboms: PublishedSbom[] = [];
  const files: PublishedFile[] = [];
  for (const source of data.sboms) {
    const { specVersion, purl, report, sample, componentCount } = await validateSbom(source, data);
    // The author's bytes, not a re-serialisation: the checksums must match the file they signed off.
    const file: PublishedFile = { path: sbomPath(source.version, source.component), bytes: source.bytes };
    files.push(...withChecksums(file));
    sboms.push({
      version: source.version,
      component: source.component,
      purl,
      specVersion,
      sample,
      json: factsOf(file),
      componentCount,
      fields: report,
    });
  }
  const website = await buildWebsiteSbom(options.root, options.buildDate);
  files.push(...website.files);
  return { sboms, website, advisoryMatches: matchAdvisoriesToSboms(data), files };
}
