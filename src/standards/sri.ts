// Standards-level helper (W3C SRI), shared by the build (src/hardening/) and the audit (src/audit/)
// so both judge integrity by the same code; it depends on nothing of the project.
import { createHash, type Hash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The algorithms SRI knows, weakest first (the order "get the strongest metadata" ranks them in). */
const ALGORITHMS: readonly HashAlgorithm[] = ['sha256', 'sha384', 'sha512'];

/** A Subresource Integrity / CSP hash-source value: `sha384-<base64 digest>`. */
export function integrityOf(bytes: string | Uint8Array, algorithm: HashAlgorithm = 'sha384'): string {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

/**
 * The tokens of an `integrity` value a browser actually checks: those of the strongest algorithm
 * present (SRI, "get the strongest metadata from set"); tokens of unknown algorithms are ignored.
 * `sha256-<right> sha512-<wrong>` is checked against sha512 only, so it fails in browsers.
 */
function strongestMetadata(integrity: string): { algorithm: HashAlgorithm; digests: string[] } | undefined {
  const parsed = integrity
    .trim()
    .split(/\s+/)
    .map((token) => {
      const dash = token.indexOf('-');
      const algorithm = ALGORITHMS.find((a) => a === token.slice(0, dash));
      return algorithm && { algorithm, digest: token.slice(dash + 1).replace(/\?.*$/, '') };
    })
    .filter((t) => t !== undefined);
  const strongest = ALGORITHMS.findLast((a) => parsed.some((t) => t.algorithm === a));
  if (!strongest) return undefined;
  return { algorithm: strongest, digests: parsed.filter((t) => t.algorithm === strongest).map((t) => t.digest) };
}

/** True when `bytes` match an `integrity` attribute value as a browser checks it. */
export function matchesIntegrity(bytes: Uint8Array, integrity: string): boolean {
  const metadata = strongestMetadata(integrity);
  if (!metadata) return false;
  return metadata.digests.includes(createHash(metadata.algorithm).update(bytes).digest('base64'));
}

/** Base64 digests of one body under every SRI algorithm. */
export type Digests = Readonly<Record<HashAlgorithm, string>>;

/**
 * The three SRI digests of a body fed chunk by chunk, so a large file is judged without being kept
 * in memory (the audit hashes a hostile server's scripts while they stream in).
 */
export class StreamingDigests {
  readonly #hashes: Record<HashAlgorithm, Hash> = {
    sha256: createHash('sha256'),
    sha384: createHash('sha384'),
    sha512: createHash('sha512'),
  };

  update(chunk: Uint8Array): void {
    for (const algorithm of ALGORITHMS) this.#hashes[algorithm].update(chunk);
  }

  digest(): Digests {
    return {
      sha256: this.#hashes.sha256.digest('base64'),
      sha384: this.#hashes.sha384.digest('base64'),
      sha512: this.#hashes.sha512.digest('base64'),
    };
  }
}

/** `matchesIntegrity` for a body already reduced to its digests. */
export function matchesDigests(digests: Digests, integrity: string): boolean {
  const metadata = strongestMetadata(integrity);
  return metadata !== undefined && metadata.digests.includes(digests[metadata.algorithm]);
}
