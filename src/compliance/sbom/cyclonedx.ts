import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { InputError } from '../../schemas/parse.ts';

/**
 * The CycloneDX versions accepted: those cdxgen and syft write today. Since 1.4 the official JSON
 * schema itself forbids unknown properties everywhere, so the library's "strict" validator for
 * these versions is the official schema as published (it ships separate strict files only for 1.2/1.3).
 */
export const CDX_SPEC_VERSIONS = ['1.4', '1.5', '1.6'] as const;
export type CdxSpecVersion = (typeof CDX_SPEC_VERSIONS)[number];

/** The property that marks an SBOM as sample data (in `metadata.properties`). */
export const SAMPLE_PROPERTY = 'cryptpeer:sample-data';

// The parts of a CycloneDX document this site reads. Every member is optional and every list is
// read through `list()`: compliance:check reads files that have not been through the schema.
export interface CdxOrganization {
  name?: string;
  url?: string[];
  contact?: { name?: string; email?: string }[];
}
export interface CdxHash {
  alg?: string;
  content?: string;
}
export interface CdxProperty {
  name?: string;
  value?: string;
}
export interface CdxComponent {
  type?: string;
  'bom-ref'?: string;
  group?: string;
  name?: string;
  version?: string;
  supplier?: CdxOrganization;
  manufacturer?: CdxOrganization;
  authors?: { name?: string; email?: string }[];
  hashes?: CdxHash[];
  licenses?: unknown[];
  purl?: string;
  cpe?: string;
  swid?: unknown;
  externalReferences?: { type?: string; url?: string; hashes?: CdxHash[] }[];
  properties?: CdxProperty[];
  components?: CdxComponent[];
}
export interface CdxBom {
  bomFormat?: string;
  specVersion?: string;
  serialNumber?: string;
  version?: number;
  metadata?: {
    timestamp?: string;
    authors?: { name?: string; email?: string }[];
    manufacturer?: CdxOrganization;
    supplier?: CdxOrganization;
    component?: CdxComponent;
    properties?: CdxProperty[];
  };
  components?: CdxComponent[];
  dependencies?: { ref?: string; dependsOn?: string[] }[];
}

export const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

/** Whether the file says it is sample data (`metadata.properties` entry `cryptpeer:sample-data` = `true`). */
export const isSample = (bom: CdxBom): boolean =>
  list(bom.metadata?.properties).some((p) => p.name === SAMPLE_PROPERTY && p.value === 'true');

/** Parses an SBOM's bytes as JSON, or throws an InputError naming the file. */
export function parseBom(file: string, bytes: Buffer): CdxBom {
  let bom: unknown;
  try {
    bom = JSON.parse(bytes.toString('utf8'));
  } catch (cause) {
    throw new InputError(`${file}: (root): not JSON: ${(cause as Error).message}`, { cause });
  }
  if (bom === null || typeof bom !== 'object' || Array.isArray(bom))
    throw new InputError(`${file}: (root): expected a CycloneDX JSON object`);
  // Narrowed to an object; its members are checked where read (see CdxBom).
  return bom;
}

/**
 * The checks that need no schema: CycloneDX JSON of an accepted version whose `metadata.component`
 * is the deliverable the file name and folder say (purl `<site component purl>@<version>`, same
 * version). Advisories find SBOMs by that purl, so a wrong one would silently match nothing.
 */
export function inspectSbom(
  file: string,
  bytes: Buffer,
  expected: { purl: string; version: string },
): { specVersion: CdxSpecVersion; bom: CdxBom } {
  const bom = parseBom(file, bytes);
  const problems: string[] = [];
  if (bom.bomFormat !== 'CycloneDX') {
    const spdx = 'spdxVersion' in bom ? ' (SPDX is not accepted)' : '';
    problems.push(`${file}: bomFormat: expected "CycloneDX", got ${JSON.stringify(bom.bomFormat)}${spdx}`);
  }
  const specVersion = CDX_SPEC_VERSIONS.find((v) => v === bom.specVersion);
  if (!specVersion) {
    problems.push(
      `${file}: specVersion: expected one of ${CDX_SPEC_VERSIONS.join(', ')}, got ${JSON.stringify(bom.specVersion)}`,
    );
  }
  const component = bom.metadata?.component;
  if (component?.purl !== expected.purl) {
    problems.push(
      `${file}: metadata.component.purl: expected ${expected.purl} (the purl of the deliverable in content/site.yaml, @ the version folder), got ${JSON.stringify(component?.purl)}`,
    );
  }
  if (component?.version !== expected.version) {
    problems.push(
      `${file}: metadata.component.version: expected ${expected.version} (from the folder name), got ${JSON.stringify(component?.version)}`,
    );
  }
  if (problems.length > 0 || !specVersion) throw new InputError(problems.join('\n'));
  return { specVersion, bom };
}

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const SPEC: Record<CdxSpecVersion, Spec.Version> = {
  '1.4': Spec.Version.v1dot4,
  '1.5': Spec.Version.v1dot5,
  '1.6': Spec.Version.v1dot6,
};
// One validator per version: each compiles its schema once, on first use.
const validators = new Map<CdxSpecVersion, Validation.JsonStrictValidator>();

/** `/components/3/licenses` → `components.3.licenses`, as the zod errors of other inputs read. */
const jsonPath = (pointer: string): string =>
  pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');

/**
 * Validates `bytes` against the strict JSON schema of `specVersion` from `@cyclonedx/cyclonedx-library`.
 * Throws an InputError naming the file and the JSON path of the (first) failure; an unknown
 * property is named as such, since it is the mistake a hand edit most often makes.
 */
export async function validateStrict(file: string, bytes: Buffer, specVersion: CdxSpecVersion): Promise<void> {
  let validator = validators.get(specVersion);
  if (!validator) {
    validator = new Validation.JsonStrictValidator(SPEC[specVersion]);
    validators.set(specVersion, validator);
  }
  const errors = (await validator.validate(bytes.toString('utf8'))) as AjvError[] | null;
  if (!errors) return;
  const lines = errors.map((e) => {
    const at = jsonPath(e.instancePath ?? '');
    const extra = e.params?.['additionalProperty'];
    if (typeof extra === 'string') return `${file}: ${at ? `${at}.` : ''}${extra}: unknown property`;
    return `${file}: ${at || '(root)'}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`;
  });
  throw new InputError([`${file}: (root): fails the strict CycloneDX ${specVersion} JSON schema`, ...lines].join('\n'));
}
