import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { advisorySchema } from '../../schemas/advisory.ts';
import { declarationSchema, isIssued } from '../../schemas/declaration.ts';
import { InputError } from '../../schemas/parse.ts';
import { productInformationSchema } from '../../schemas/product-information.ts';
import { securitySchema } from '../../schemas/security.ts';
import { siteSchema } from '../../schemas/site.ts';
import { assertConsistent } from './cross-checks.ts';
import type { ComplianceData, DeclarationSource } from './types.ts';
import { readCsafLock } from '../csaf/lock.ts';
import { findStaging, listArchivedVersions, readArchive } from '../declaration/archive.ts';
import { readReleaseFacts } from '../releases.ts';
import { readSbomSources } from '../sbom/source.ts';
import { readYaml } from '../yaml.ts';
import { typesetFrenchIn } from '../../typography/typeset-values.ts';

export type { Sourced } from '../sourced.ts';
export type { ComplianceData, DeclarationSource } from './types.ts';
export type { SbomSource } from '../sbom/source.ts';

export interface LoadOptions {
  /** Text to use instead of a file's (the declaration CLI validates an edit before writing it). */
  overrides?: ReadonlyMap<string, string>;
  /** A version whose archive is about to be written: issued without an archive yet. */
  issuing?: string;
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
export function loadComplianceData(root = process.cwd(), options: LoadOptions = {}): ComplianceData {
  const site = readYaml(root, 'content/site.yaml', siteSchema);
  const securityFile = 'content/security.yaml';
  const infoFile = 'content/product-information.yaml';
  const declarations = loadDeclarations(root, options);
  const advisories = list(root, 'content/advisories', '.yaml').map((file) => ({
    file,
    data: readYaml(root, file, advisorySchema),
  }));
  // content/sbom/<version>/<component-id>.cdx.json; anything else there is refused, naming the file.
  const sboms = readSbomSources(root, site);
  const data: ComplianceData = {
    root,
    csafLock: readCsafLock(root),
    site,
    security: { file: securityFile, data: readYaml(root, securityFile, securitySchema) },
    productInformation: { file: infoFile, data: readYaml(root, infoFile, productInformationSchema) },
    declarations: declarations.sort((a, b) => semver.compare(a.data.version, b.data.version)),
    advisories,
    releases: readReleaseFacts(root),
    sboms,
  };
  assertConsistent(data);
  // Checked as written; returned as French readers see it (no-break spaces in every `fr` text),
  // so the HTML, PDF and JSON made from it agree.
  return typesetFrenchIn(data);
}

function loadDeclarations(root: string, options: LoadOptions): DeclarationSource[] {
  const files = new Set(list(root, 'content/declarations', '.yaml'));
  for (const file of options.overrides?.keys() ?? []) if (file.startsWith('content/declarations/')) files.add(file);
  const declarations = [...files].sort().map((file): DeclarationSource => {
    const data = readYaml(root, file, declarationSchema, options.overrides);
    const archive = readArchive(root, data.version);
    if (isIssued(data.status) && !archive && options.issuing !== data.version) {
      throw new InputError(
        `${file}: status: ${data.status} but content/declarations/archive/${data.version}/ does not exist: ` +
          `issue a declaration with npm run declaration -- issue ${data.version}, never by editing status`,
      );
    }
    if (!isIssued(data.status) && archive) {
      throw new InputError(
        `${file}: status: draft but ${archive.dir}/ holds the issued ${data.version} documents: an issued declaration never returns to draft (supersede or withdraw it)`,
      );
    }
    return { file, data, archive };
  });
  const problems = findStaging(root).map((dir) => `${dir}: left by an interrupted issue; delete it and issue again`);
  const versions = new Set(declarations.map((d) => d.data.version));
  for (const version of listArchivedVersions(root)) {
    if (!versions.has(version))
      problems.push(
        `content/declarations/archive/${version}/: no declaration file for ${version}; archives are never orphaned`,
      );
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return declarations;
}

let cached: ComplianceData | undefined;

/** The project's own data, loaded once per process (the build renders many routes from it). */
export function getComplianceData(): ComplianceData {
  cached ??= loadComplianceData();
  return cached;
}
