import type { ComplianceData } from '../inputs/index.ts';
import { matchAdvisoriesToSboms } from './advisories.ts';
import { BSI_FIELD_NAMES, BSI_GUIDELINE, reportBsiFields } from './bsi.ts';
import { parseBom } from './cyclonedx.ts';
import { SBOM_CONTENT_DIR } from './source.ts';

export interface SbomFinding {
  level: 'warning' | 'notice';
  file: string;
  message: string;
}

/**
 * What `compliance:check` reports about SBOMs: a warning per SBOM missing TR-03183-2 minimum
 * fields (which field, in how many components), a warning per deliverable without an SBOM for
 * the current version, and a notice per advisory product whose version has no SBOM.
 */
export function sbomFindings(data: ComplianceData): SbomFinding[] {
  const out: SbomFinding[] = [];
  for (const source of data.sboms) {
    const report = reportBsiFields(parseBom(source.file, source.bytes));
    const missing = [
      ...report.sbom.filter((f) => !f.present).map((f) => `SBOM ${BSI_FIELD_NAMES[f.field]}`),
      ...report.components
        .filter((f) => f.present < report.componentCount)
        .map(
          (f) =>
            `${BSI_FIELD_NAMES[f.field]} in ${report.componentCount - f.present} of ${report.componentCount} components`,
        ),
    ];
    if (missing.length > 0)
      out.push({
        level: 'warning',
        file: source.file,
        message: `${BSI_GUIDELINE} fields missing: ${missing.join(', ')}`,
      });
  }
  const current = data.site.product.currentVersion;
  for (const { id } of data.site.product.components) {
    if (!data.sboms.some((s) => s.version === current && s.component === id)) {
      out.push({
        level: 'warning',
        file: `${SBOM_CONTENT_DIR}/${current}/${id}.cdx.json`,
        message: `no SBOM of ${id} for the current version ${current}`,
      });
    }
  }
  for (const match of matchAdvisoriesToSboms(data)) {
    if (!match.sbom) {
      out.push({
        level: 'notice',
        file: match.file,
        message: `${match.field}: no SBOM for ${match.purl} (${match.status}), so the advisory cannot point to one`,
      });
    }
  }
  return out;
}
