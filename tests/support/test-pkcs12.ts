import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface TestP12Options {
  /** File name stem inside `folder`. */
  name?: string;
  /** Subject of the self-signed certificate, e.g. `/CN=Test Signatory (fixture)`. */
  subject: string;
  passphrase: string;
  /** openssl key options; RSA 2048 unless told (node-forge, hence @signpdf, signs with RSA only). */
  newKey?: string[];
  days?: number;
}

/**
 * A throwaway key, self-signed certificate and PKCS#12 file made with openssl in `folder` (a temp
 * dir of the test): tests never use, and the repository never holds, a real signing key.
 * Returns the path of the `.p12` file.
 */
export function makeTestP12(folder: string, options: TestP12Options): string {
  const name = options.name ?? 'signer';
  const key = join(folder, `${name}-key.pem`);
  const cert = join(folder, `${name}-cert.pem`);
  const file = join(folder, `${name}.p12`);
  const newKey = options.newKey ?? ['-newkey', 'rsa:2048'];
  const days = String(options.days ?? 30);
  execFileSync(
    'openssl',
    ['req', '-x509', ...newKey, '-nodes', '-keyout', key, '-out', cert, '-days', days, '-subj', options.subject],
    { stdio: 'pipe' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', file, '-passout', `pass:${options.passphrase}`],
    { stdio: 'pipe' },
  );
  return file;
}
