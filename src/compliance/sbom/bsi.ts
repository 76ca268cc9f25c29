import { list, type CdxBom, type CdxComponent, type CdxOrganization } from './cyclonedx.ts';

/**
 * The data fields BSI TR-03183-2 v2.1.0 (2025) makes mandatory (§5.2) that a CycloneDX file can
 * carry, read the way the CycloneDX mapping of the guideline and the `bsi:` property taxonomy
 * place them. The report says only whether the file carries a field, never whether its value is
 * right: it is a completeness check, not a conformance claim. Not checked: the split of licences
 * into "original" and "distribution" ones (only CycloneDX 1.6 can express it, through
 * `acknowledgement`), and the recursive depth rule of §5.1, which no single file can prove.
 */
export const BSI_GUIDELINE = 'BSI TR-03183-2 v2.1.0';

export const BSI_SBOM_FIELDS = ['creator', 'timestamp', 'sbomUri'] as const;
export type BsiSbomField = (typeof BSI_SBOM_FIELDS)[number];

export const BSI_COMPONENT_FIELDS = [
  'creator',
  'name',
  'version',
  'filename',
  'dependencies',
  'licences',
  'hash',
  'executable',
  'archive',
  'structured',
  'sourceUri',
  'deployableUri',
  'identifiers',
] as const;
export type BsiComponentField = (typeof BSI_COMPONENT_FIELDS)[number];

/** English names of the fields, for compliance:check (pages carry their own EN/FR labels). */
export const BSI_FIELD_NAMES: Record<BsiSbomField | BsiComponentField, string> = {
  creator: 'creator (e-mail or URL)',
  timestamp: 'timestamp',
  sbomUri: 'SBOM URI (serialNumber)',
  name: 'name',
  version: 'version',
  filename: 'filename (bsi:component:filename)',
  dependencies: 'dependencies',
  licences: 'licences',
  hash: 'SHA-512 hash',
  executable: 'executable property',
  archive: 'archive property',
  structured: 'structured property',
  sourceUri: 'source code URI',
  deployableUri: 'URI of the deployable form',
  identifiers: 'unique identifier (purl, CPE or SWID)',
};

export interface BsiComponentEntry {
  /** Where the component sits in the file. @example components.3 */
  path: string;
  name: string;
  version: string | undefined;
  missing: BsiComponentField[];
}

export interface BsiFieldReport {
  guideline: typeof BSI_GUIDELINE;
  /** SBOM-level fields, in BSI_SBOM_FIELDS order. */
  sbom: { field: BsiSbomField; present: boolean }[];
  /** `metadata.component` (the deliverable itself) and every entry of `components`, nested ones included. */
  componentCount: number;
  /** Per component field, in BSI_COMPONENT_FIELDS order: how many components carry it. */
  components: { field: BsiComponentField; present: number }[];
  /** Components missing at least one field, in file order. */
  incomplete: BsiComponentEntry[];
}

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

// TR-03183-2 wants a creator reachable by e-mail or URL, not a bare name.
const reachable = (org: CdxOrganization | undefined): boolean =>
  list(org?.url).some(nonEmpty) || list(org?.contact).some((c) => nonEmpty(c.email));

const property = (component: CdxComponent, name: string): boolean =>
  list(component.properties).some((p) => p.name === name && nonEmpty(p.value));

const references = (component: CdxComponent, ...types: string[]) =>
  list(component.externalReferences).filter((r) => types.includes(r.type ?? '') && nonEmpty(r.url));

const sha512 = (hashes: { alg?: string; content?: string }[] | undefined): boolean =>
  list(hashes).some((h) => h.alg === 'SHA-512' && nonEmpty(h.content));

type Check = (component: CdxComponent, refs: ReadonlySet<string>) => boolean;

const COMPONENT_CHECKS: Record<BsiComponentField, Check> = {
  creator: (c) => reachable(c.supplier) || reachable(c.manufacturer) || list(c.authors).some((a) => nonEmpty(a.email)),
  name: (c) => nonEmpty(c.name),
  version: (c) => nonEmpty(c.version),
  filename: (c) => property(c, 'bsi:component:filename'),
  // A component listed in `dependencies` states its direct dependencies, an empty list included.
  dependencies: (c, refs) => nonEmpty(c['bom-ref']) && refs.has(c['bom-ref'] ?? ''),
  licences: (c) => list(c.licenses).length > 0,
  // The guideline asks for SHA-512 of the deployable form: on the component or its distribution reference.
  hash: (c) => sha512(c.hashes) || references(c, 'distribution').some((r) => sha512(r.hashes)),
  executable: (c) => property(c, 'bsi:component:executable'),
  archive: (c) => property(c, 'bsi:component:archive'),
  structured: (c) => property(c, 'bsi:component:structured'),
  sourceUri: (c) => references(c, 'source-distribution', 'vcs').length > 0,
  deployableUri: (c) => references(c, 'distribution').length > 0,
  identifiers: (c) => nonEmpty(c.purl) || nonEmpty(c.cpe) || c.swid !== undefined,
};

function* walk(components: CdxComponent[] | undefined, prefix: string): Generator<[string, CdxComponent]> {
  for (const [index, component] of list(components).entries()) {
    const path = `${prefix}.${index}`;
    yield [path, component];
    yield* walk(component.components, `${path}.components`);
  }
}

/** Which TR-03183-2 minimum fields `bom` carries, for the SBOM and for each of its components. */
export function reportBsiFields(bom: CdxBom): BsiFieldReport {
  const metadata = bom.metadata;
  const sbomPresent: Record<BsiSbomField, boolean> = {
    creator: list(metadata?.authors).some((a) => nonEmpty(a.email)) || reachable(metadata?.manufacturer),
    timestamp: nonEmpty(metadata?.timestamp),
    // The serial number plus `version` is the BOM-Link URN (urn:cdx:<serial>/<version>) that names this SBOM.
    sbomUri: nonEmpty(bom.serialNumber),
  };
  const refs = new Set(list(bom.dependencies).map((d) => d.ref ?? ''));
  const all: [string, CdxComponent][] = [
    ...(metadata?.component ? [['metadata.component', metadata.component] as [string, CdxComponent]] : []),
    ...walk(bom.components, 'components'),
  ];
  const counts = new Map<BsiComponentField, number>(BSI_COMPONENT_FIELDS.map((f) => [f, 0]));
  const incomplete: BsiComponentEntry[] = [];
  for (const [path, component] of all) {
    const missing = BSI_COMPONENT_FIELDS.filter((field) => !COMPONENT_CHECKS[field](component, refs));
    for (const field of BSI_COMPONENT_FIELDS)
      if (!missing.includes(field)) counts.set(field, (counts.get(field) ?? 0) + 1);
    if (missing.length > 0) {
      const version = nonEmpty(component.version) ? component.version : undefined;
      // `group` is the namespace (an npm scope, a Maven group): part of how a reader knows the component.
      const name = nonEmpty(component.group)
        ? `${component.group ?? ''}/${component.name ?? ''}`
        : (component.name ?? '');
      incomplete.push({ path, name, version, missing });
    }
  }
  return {
    guideline: BSI_GUIDELINE,
    sbom: BSI_SBOM_FIELDS.map((field) => ({ field, present: sbomPresent[field] })),
    componentCount: all.length,
    components: BSI_COMPONENT_FIELDS.map((field) => ({ field, present: counts.get(field) ?? 0 })),
    incomplete,
  };
}
