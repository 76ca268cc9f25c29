import type { ComplianceDocument } from '../document.ts';
import { seconds } from '../document.ts';
import { buildSboms, type SbomBuild } from './build.ts';

export type SbomResult = Omit<SbomBuild, 'files'>;

/** The deliverables' SBOMs as their authors wrote them, and the website's own from its lockfile. */
export const sbomDocument: ComplianceDocument<SbomResult> = {
  async build({ data, buildDate }) {
    const t = performance.now();
    const { files, ...result } = await buildSboms(data, { root: data.root, buildDate });
    const { sboms, website } = result;
    const versions = [...new Set(sboms.map((s) => s.specVersion))].sort().join('/') || '-';
    const missing = sboms.filter((s) => s.fields.incomplete.length > 0 || s.fields.sbom.some((f) => !f.present));
    const log = [
      `[sbom] ${sboms.length} deliverable SBOM(s) valid (strict CycloneDX ${versions}), ${missing.length} missing BSI TR-03183-2 fields; website SBOM ${website.componentCount} npm packages; ${seconds(t)}`,
    ];
    return { result, files, log };
  },
};
