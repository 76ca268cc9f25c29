// Standards-level helper (W3C SRI), shared by the build (src/hardening/) and the audit (src/audit/)
// so both judge integrity by the same code; it depends on nothing of the project.
import { createHash } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** A Subresource Integrity / CSP hash-source value: `sha384-<base64 digest>`. */
export function integrityOf(bytes: string | Uint8Array, algorithm: HashAlgorithm = 'sha384'): string {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

/** True when `bytes` match one of the hashes of an `integrity` attribute value. */
export function matchesIntegrity(bytes: Uint8Array, integrity: string): boolean {
  return integrity
    .trim()
    .split(/\s+/)
    .some((token) => {
      const [algorithm] = token.split('-', 1);
      if (algorithm !== 'sha256' && algorithm !== 'sha384' && algorithm !== 'sha512') return false;
      return integrityOf(bytes, algorithm) === token.replace(/\?.*$/, '');
    });
}
