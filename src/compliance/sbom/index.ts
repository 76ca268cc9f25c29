// The SBOM part of the compliance build: reading content/sbom/, validating, publishing, and the
// reports pages and compliance:check show. One import path for the rest of the code base.
export { matchAdvisoriesToSboms, type AdvisorySbomMatch } from './advisories.ts';
export {
  BSI_COMPONENT_FIELDS,
  BSI_FIELD_NAMES,
  BSI_GUIDELINE,
  BSI_SBOM_FIELDS,
  reportBsiFields,
  type BsiComponentEntry,
  type BsiComponentField,
  type BsiFieldReport,
  type BsiSbomField,
} from './bsi.ts';
export { buildSboms, validateSbom, type PublishedSbom, type SbomBuild } from './build.ts';
export { CDX_SPEC_VERSIONS, SAMPLE_PROPERTY, type CdxSpecVersion } from './cyclonedx.ts';
export { sbomFindings, type SbomFinding } from './findings.ts';
export { sbomPath, WEBSITE_SBOM_PATH } from './paths.ts';
export { deliverablePurl, readSbomSources, SBOM_CONTENT_DIR, type SbomSource } from './source.ts';
export { buildWebsiteSbom, type WebsiteSbom } from './website.ts';
