import { readFileSync } from 'node:fs';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { BYTE_RANGE_PLACEHOLDER, readSignatureLayout, sameSignedContent } from './byte-range.ts';
import { openPkcs12, Pkcs12Error } from './pkcs12.ts';

export { readSignatureLayout, sameSignedContent, signedContent, type SignatureLayout } from './byte-range.ts';
export { PDF_SIGNATURE_SUBFILTER, type PdfSignatureFields } from './placeholder.ts';

export const P12_FILE_VARIABLE = 'CRYPTPEER_PADES_P12_FILE';
export const P12_PASSPHRASE_VARIABLE = 'CRYPTPEER_PADES_P12_PASSPHRASE';

/** A PKCS#12 key and certificate, opened and checked, ready to sign PDFs. */
export interface PadesSigner {
  /** Subject common name of the signing certificate, as viewers show the signer. */
  commonName: string;
  /** End of the certificate's validity: a signature made after it does not validate. */
  notAfter: Date;
  /**
   * A new @signpdf signer for each signature: P12Signer consumes its PKCS#12 buffer while parsing
   * it, so one instance signs once and then fails with "Too few bytes to parse DER".
   */
  signer: () => P12Signer;
}

/**
 * The PDF signing key named by `CRYPTPEER_PADES_P12_FILE` (a PKCS#12 file, never in the repository),
 * opened with `CRYPTPEER_PADES_P12_PASSPHRASE`. No variable, no signing. The file is opened now, so
 * that a wrong passphrase, an unusable key or an expired certificate stops the build before it
 * renders anything, with the variable to fix in the message.
 */
export function loadPadesSigner(env: NodeJS.ProcessEnv = process.env, now = new Date()): PadesSigner | undefined {
  const file = env[P12_FILE_VARIABLE];
  if (file === undefined || file === '') return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new Error(`[pades] ${P12_FILE_VARIABLE}: cannot read ${file}`, { cause });
  }
  const passphrase = env[P12_PASSPHRASE_VARIABLE] ?? '';
  let certificate;
  try {
    certificate = openPkcs12(bytes, passphrase);
  } catch (cause) {
    if (!(cause instanceof Pkcs12Error)) throw cause;
    if (cause.reason === 'passphrase') {
      const hint = passphrase === '' ? `the file is protected: set ${P12_PASSPHRASE_VARIABLE}` : 'wrong passphrase';
      throw new Error(`[pades] ${P12_PASSPHRASE_VARIABLE}: cannot open ${file}: ${hint}`, { cause });
    }
    throw new Error(`[pades] ${P12_FILE_VARIABLE}: ${file}: ${cause.message}`, { cause });
  }
  const commonName = certificate.subject.getField('CN')?.value;
  if (!commonName) throw new Error(`[pades] ${P12_FILE_VARIABLE}: ${file}: the certificate subject has no common name`);
  const { notBefore, notAfter } = certificate.validity;
  if (now < notBefore || now > notAfter) {
    throw new Error(
      `[pades] ${P12_FILE_VARIABLE}: ${file}: the certificate of ${commonName} is valid from ${notBefore.toISOString()} to ${notAfter.toISOString()}, not now`,
    );
  }
  return { commonName, notAfter, signer: () => new P12Signer(bytes, { passphrase }) };
}

/**
 * Signs a PDF that `renderPdf` made with the `signature` option: fills its ByteRange and writes the
 * CMS (RSA, SHA-256, the certificates of the PKCS#12 file) into its /Contents. `signingTime` is the
 * CMS signing-time attribute, the moment the signer claims to sign (the /M entry was fixed at
 * generation). The result is checked before it is returned: it covers the whole file and differs
 * from the input only inside the signature, or signing fails.
 */
export async function signPdf(
  pdfWithPlaceholder: Buffer,
  signer: PadesSigner,
  signingTime: Date = new Date(),
): Promise<Buffer> {
  if (pdfWithPlaceholder.indexOf(BYTE_RANGE_PLACEHOLDER, 0, 'latin1') < 0) {
    throw new Error('[pades] the PDF has no signature placeholder: render it with the signature option');
  }
  const signed = await new SignPdf().sign(pdfWithPlaceholder, signer.signer(), signingTime);
  readSignatureLayout(signed);
  if (!sameSignedContent(signed, pdfWithPlaceholder)) {
    throw new Error('[pades] the signed PDF differs from its placeholder outside the signature');
  }
  return signed;
}
