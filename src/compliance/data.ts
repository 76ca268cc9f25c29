import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { advisorySchema, type AdvisoryData } from '../schemas/advisory.ts';
import { declarationSchema, type DeclarationData } from '../schemas/declaration.ts';
import { InputError } from '../schemas/parse.ts';
import { productInformationSchema, type ProductInformationData } from '../schemas/product-information.ts';
import { securitySchema, type SecurityData } from '../schemas/security.ts';
import { siteSchema, type SiteData } from '../schemas/site.ts';
import { assertConsistent } from './consistency.ts';
import { readReleaseFacts, type ReleaseFacts } from './releases.ts';
import { readYaml } from './yaml.ts';
import { typesetFrenchIn } from '../typography/typeset-values.ts';

export interface Sourced<T> {
  /** Path relative to the project root. @example content/advisories/CPSA-2026-001.yaml */
  file: string;
  data: T;
}

export interface SbomSource {
  file: string;
  /** Product version the SBOM describes, from its file name. */
  version: string;
  /** Published as supplied, byte for byte. */
  bytes: Buffer;
}

/** Every compliance input, validated one file at a time and then across files. */
export interface ComplianceData {
  site: SiteData;
  security: Sourced<SecurityData>;
  productInformation: Sourced<ProductInformationData>;
  /** Oldest product version first. */
  declarations: Sourced<DeclarationData>[];
  /** By id. */
  advisories: Sourced<AdvisoryData>[];
  releases: ReleaseFacts[];
  /** Oldest product version first. */
  sboms: SbomSource[];
}

const list = (root: string, dir: string, suffix: string): string[] => {
  try {
    return readdirSync(join(root, dir))
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => `${dir}/${name}`);
  } catch {
    return [];
  }
};

/** Reads and cross-checks `content/`: any bad input throws an InputError naming the file and the field. */
export function loadComplianceData(root = process.cwd()): ComplianceData {
  const site = readYaml(root, 'content/site.yaml', siteSchema);
  const securityFile = 'content/security.yaml';
  const infoFile = 'content/product-information.yaml';
  const declarations = list(root, 'content/declarations', '.yaml').map((file) => ({
    file,
    data: readYaml(root, file, declarationSchema),
  }));
  const advisories = list(root, 'content/advisories', '.yaml').map((file) => ({
    file,
    data: readYaml(root, file, advisorySchema),
  }));
  const sboms = list(root, 'content/sbom', '.cdx.json').map((file) => {
    const match = /\/[a-z0-9-]+-(\d+\.\d+\.\d+)\.cdx\.json$/.exec(file);
    if (!match?.[1]) throw new InputError(`${file}: file name: expected <product>-<version>.cdx.json`);
    return { file, version: match[1], bytes: readFileSync(join(root, file)) };
  });
  const data: ComplianceData = {
    site,
    security: { file: securityFile, data: readYaml(root, securityFile, securitySchema) },
    productInformation: { file: infoFile, data: readYaml(root, infoFile, productInformationSchema) },
    declarations: declarations.sort((a, b) => semver.compare(a.data.version, b.data.version)),
    advisories,
    releases: readReleaseFacts(root),
    sboms: sboms.sort((a, b) => semver.compare(a.version, b.version)),
  };
  assertConsistent(data);
  // Checked as written; returned as French readers see it (no-break spaces in every `fr` text),
  // so the HTML, PDF and JSON made from it agree.
  return typesetFrenchIn(data);
}

let cached: ComplianceData | undefined;

/** The project's own data, loaded once per process (the build renders many routes from it). */
export function getComplianceData(): ComplianceData {
  cached ??= loadComplianceData();
  return cached;
}
