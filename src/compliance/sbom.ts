import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { InputError } from '../schemas/parse.ts';
import type { ComplianceData, SbomSource } from './data.ts';
import { SBOM_DIR } from './paths.ts';
import { factsOf, withChecksums, type FileFacts, type PublishedFile } from './published.ts';

export interface PublishedSbom {
  version: string;
  json: FileFacts;
  componentCount: number;
}

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * Checks one CycloneDX SBOM: JSON, specVersion 1.6, the strict 1.6 schema of
 * `@cyclonedx/cyclonedx-library` (no unknown properties), and a top-level component naming our
 * product at the version in the file name. Throws naming the file and each failing path.
 */
export async function validateSbom(sbom: SbomSource, productName: string): Promise<{ componentCount: number }> {
  const text = sbom.bytes.toString('utf8');
  let bom: {
    specVersion?: unknown;
    metadata?: { component?: { name?: unknown; version?: unknown } };
    components?: unknown[];
  };
  try {
    bom = JSON.parse(text) as typeof bom;
  } catch (cause) {
    throw new InputError(`${sbom.file}: (root): not JSON: ${(cause as Error).message}`, { cause });
  }
  if (bom.specVersion !== '1.6')
    throw new InputError(`${sbom.file}: specVersion: expected "1.6", got ${JSON.stringify(bom.specVersion)}`);
  const errors = (await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text)) as AjvError[] | null;
  if (errors) {
    const lines = errors.map((e) => {
      const field = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || '(root)';
      return `${sbom.file}: ${field}: ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`;
    });
    throw new InputError(`[sbom] CycloneDX 1.6 strict validation failed:\n${lines.join('\n')}`);
  }
  const component = bom.metadata?.component;
  if (component?.name !== productName) {
    throw new InputError(
      `${sbom.file}: metadata.component.name: expected ${productName}, got ${JSON.stringify(component?.name)}`,
    );
  }
  if (component.version !== sbom.version) {
    throw new InputError(
      `${sbom.file}: metadata.component.version: expected ${sbom.version} (from the file name), got ${JSON.stringify(component.version)}`,
    );
  }
  return { componentCount: bom.components?.length ?? 0 };
}

/** Every SBOM under content/sbom/, validated, published byte for byte with its checksum files. */
export async function buildSboms(data: ComplianceData): Promise<{ sboms: PublishedSbom[]; files: PublishedFile[] }> {
  const sboms: PublishedSbom[] = [];
  const files: PublishedFile[] = [];
  for (const sbom of data.sboms) {
    const { componentCount } = await validateSbom(sbom, data.site.product.name);
    const file: PublishedFile = {
      path: `${SBOM_DIR}/${sbom.file.slice(sbom.file.lastIndexOf('/') + 1)}`,
      bytes: sbom.bytes,
    };
    files.push(...withChecksums(file));
    sboms.push({ version: sbom.version, json: factsOf(file), componentCount });
  }
  return { sboms, files };
}
