import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { claimsFileSchema, type Claim } from '../schemas/claims.ts';
import { InputError } from '../schemas/parse.ts';
import { loadYaml } from './load-yaml.ts';

export const CLAIMS_DIR = 'content/claims';

export interface SourcedClaim extends Claim {
  /** @example content/claims/key-management.yaml */
  file: string;
}

/**
 * Every claim of `root/content/claims/*.yaml`, validated file by file; an id used twice, in one
 * file or in two, is refused naming both places. No folder means no claims.
 */
export function loadClaims(root = process.cwd()): SourcedClaim[] {
  let names: string[];
  try {
    names = readdirSync(join(root, CLAIMS_DIR)).filter((name) => name.endsWith('.yaml'));
  } catch {
    return [];
  }
  const claims: SourcedClaim[] = [];
  const where = new Map<string, string>();
  for (const name of names.sort()) {
    const file = `${CLAIMS_DIR}/${name}`;
    loadYaml(join(root, file), claimsFileSchema, file).forEach((claim, index) => {
      const other = where.get(claim.id);
      if (other) throw new InputError(`${file}: [${index}].id: "${claim.id}" is already used in ${other}`);
      where.set(claim.id, `${file} [${index}]`);
      claims.push({ ...claim, file });
    });
  }
  return claims;
}

// Resolved from the working directory, not import.meta.url: Astro bundles this module into dist/.
let cached: SourcedClaim[] | undefined;

/** The claims of the site being built, read once per process. */
export function getClaims(): SourcedClaim[] {
  cached ??= loadClaims(resolve(process.cwd()));
  return cached;
}
