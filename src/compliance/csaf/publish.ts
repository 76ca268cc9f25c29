import type { AdvisoryData } from '../../schemas/advisory.ts';
import { InputError } from '../../schemas/parse.ts';
import type { ComplianceData } from '../inputs/index.ts';
import { stableJson } from '../json.ts';
import type { SiteLinks } from '../links.ts';
import { csafDocumentPath } from '../paths.ts';
import type { CsafContext } from './common.ts';
import { createCsafDocument } from './document.ts';
import { validateCsaf, type CsafFinding } from './validate.ts';
import { createVexDocument } from './vex.ts';
import type { CsafAdvisoryDocuments, CsafDocumentFile } from './document-files.ts';

export type { CsafAdvisoryDocuments, CsafDocumentFile } from './document-files.ts';

/** Where a CSAF finding comes from in the advisory's YAML, so the error names the field to fix. */
const SOURCE_FIELDS: readonly [RegExp, string][] = [
  [/^\/vulnerabilities\/0\/cwe(?:\/(\w+))?/, 'cwe'],
  [/^\/vulnerabilities\/0\/scores/, 'cvss'],
  [/^\/vulnerabilities\/0\/notes/, 'details'],
  [/^\/vulnerabilities\/0\/remediations/, 'remediation'],
  [/^\/vulnerabilities\/0\/ids/, 'id'],
  [/^\/vulnerabilities\/0\/title|^\/document\/title/, 'title'],
  [/^\/vulnerabilities\/0\/(?:flags|threats|product_status\/known_not_affected)/, 'notAffected'],
  [/^\/vulnerabilities\/0\/(?:product_status|release_date)|^\/product_tree/, 'products'],
  [/^\/document\/tracking\/revision_history\/(\d+)/, 'revisions'],
  [/^\/document\/tracking\/status/, 'status'],
  [/^\/document\/tracking/, 'revisions'],
  [/^\/document\/notes\/0/, 'summary'],
  [/^\/document\/publisher/, 'csaf (content/security.yaml)'],
];

export function sourceField(instancePath: string): string {
  for (const [pattern, field] of SOURCE_FIELDS) {
    const match = pattern.exec(instancePath);
    if (match) return match[1] !== undefined ? `${field}.${match[1]}` : field;
  }
  return '(document)';
}

/**
 * One line per finding; a finding both documents of an advisory share (same pointer, test and
 * message: a bad CWE name, say) is shown once, naming both, since it has one fix in the YAML.
 */
function describeAll(findings: readonly { file: string; trackingId: string; finding: CsafFinding }[]): string[] {
  const groups = new Map<string, { finding: CsafFinding; file: string; ids: string[] }>();
  for (const { file, trackingId, finding } of findings) {
    const key = JSON.stringify([file, finding.instancePath, finding.test, finding.message]);
    const group = groups.get(key) ?? { finding, file, ids: [] };
    group.ids.push(trackingId);
    groups.set(key, group);
  }
  return [...groups.values()].map(
    ({ file, finding: f, ids }) =>
      `${file}: ${sourceField(f.instancePath)}: CSAF ${f.instancePath || '/'} (${ids.join(', ')}): ${f.test}: ${f.message}`,
  );
}

async function publishDocument(
  document: Record<string, unknown>,
  advisory: AdvisoryData,
  optionalTests: boolean,
): Promise<{ file: CsafDocumentFile; errors: CsafFinding[]; warnings: CsafFinding[] }> {
  const bytes = Buffer.from(stableJson(document));
  // Validate the bytes as published, not the object that produced them.
  const parsed = JSON.parse(bytes.toString('utf8')) as {
    document: { category: CsafDocumentFile['category']; title: string; tracking: { id: string; version: string } };
  };
  const { errors, warnings } = await validateCsaf(parsed, optionalTests);
  const initial = advisory.revisions[0]?.date ?? '';
  const trackingId = parsed.document.tracking.id;
  return {
    file: {
      trackingId,
      category: parsed.document.category,
      title: parsed.document.title,
      path: csafDocumentPath(trackingId, initial),
      bytes,
      revision: Number(parsed.document.tracking.version),
      initialReleaseDate: initial,
      currentReleaseDate: advisory.revisions.at(-1)?.date ?? initial,
    },
    errors,
    warnings,
  };
}

/**
 * The CSAF documents of every advisory — a `csaf_security_advisory` and a `csaf_vex` each — as
 * the exact bytes to publish, validated (strict schema + mandatory tests, which include the
 * csaf_vex profile tests 6.1.27.x; `optionalTests` adds §6.2, as warnings). The build and
 * `npm run advisory` both call this, so the lock records what the site serves. Throws an
 * InputError naming the advisory file and field for every finding.
 */
export async function createCsafDocuments(
  data: ComplianceData,
  links: SiteLinks,
  options: { optionalTests?: boolean } = {},
): Promise<{ advisories: CsafAdvisoryDocuments[]; warnings: string[] }> {
  const context: CsafContext = { site: data.site, security: data.security.data, links };
  const errors: { file: string; trackingId: string; finding: CsafFinding }[] = [];
  const warnings: typeof errors = [];
  const advisories: CsafAdvisoryDocuments[] = [];
  for (const advisory of data.advisories) {
    const [document, vex] = await Promise.all([
      publishDocument(createCsafDocument(advisory.data, context), advisory.data, options.optionalTests ?? false),
      publishDocument(createVexDocument(advisory.data, context), advisory.data, options.optionalTests ?? false),
    ]);
    for (const published of [document, vex]) {
      const at = (finding: CsafFinding) => ({ file: advisory.file, trackingId: published.file.trackingId, finding });
      errors.push(...published.errors.map(at));
      warnings.push(...published.warnings.map(at));
    }
    advisories.push({ advisory, document: document.file, vex: vex.file });
  }
  if (errors.length > 0) {
    const lines = describeAll(errors);
    throw new InputError(`[csaf] the CSAF validator rejected ${lines.length} finding(s):\n${lines.join('\n')}`);
  }
  return { advisories, warnings: describeAll(warnings) };
}
