import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { createRequire } from 'node:module';
import { readSignatureLayout, signedContent } from './byte-range.ts';

/**
 * Who signed an archived PDF, read from the signature itself and checked, never taken from the
 * archive's own word (`issued.json` lives in untrusted `content/`). The CMS in `/Contents` must be
 * one SignerInfo over SHA-256 whose `messageDigest` is the digest of the bytes the ByteRange covers,
 * and whose signature over the signed attributes verifies with the certificate it carries (Node's
 * crypto does the RSA check). This proves the file was signed, unchanged since, by the holder of
 * that certificate's key; whether the certificate deserves trust is the reader's validator's call.
 */

interface Asn1 {
  tagClass: number;
  type: number;
  constructed: boolean;
  value: string | Asn1[];
}
interface ForgeCertificate {
  subject: { getField(name: string): { value: string } | null };
  publicKey: unknown;
}
interface SignedDataCapture {
  signerInfos?: Asn1[];
  digestAlgorithm?: string;
  authenticatedAttributes?: Asn1[];
  signature?: string;
}
/** The node-forge calls used here, typed by hand (the package ships no typings). */
interface Forge {
  util: { createBuffer(bytes: string): unknown };
  asn1: {
    Class: { UNIVERSAL: number };
    Type: { SET: number };
    fromDer(buffer: unknown, options: { parseAllBytes: boolean }): Asn1;
    toDer(obj: Asn1): { getBytes(): string };
    create(tagClass: number, type: number, constructed: boolean, value: Asn1[]): Asn1;
    derToOid(bytes: string): string;
  };
  pkcs7: { messageFromAsn1(obj: Asn1): { certificates: ForgeCertificate[]; rawCapture: SignedDataCapture } };
  pki: { publicKeyToPem(key: unknown): string };
}
const forge = createRequire(import.meta.url)('node-forge') as Forge;

const SHA256 = '2.16.840.1.101.3.4.2.1';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

const fail = (what: string): never => {
  throw new Error(`[pades] ${what}`);
};

function messageDigestOf(attributes: readonly Asn1[]): Buffer {
  for (const attribute of attributes) {
    const [oid, values] = Array.isArray(attribute.value) ? attribute.value : [];
    if (!oid || typeof oid.value !== 'string' || forge.asn1.derToOid(oid.value) !== MESSAGE_DIGEST) continue;
    const first = Array.isArray(values?.value) ? values.value[0] : undefined;
    if (typeof first?.value !== 'string') fail('the messageDigest attribute has no value');
    return Buffer.from(first?.value as string, 'binary');
  }
  return fail('the signature has no messageDigest attribute');
}

/** The common name of the certificate whose key signed `signed`, after checking the signature. */
export function verifiedPadesSigner(signed: Buffer): string {
  const { contents } = readSignatureLayout(signed);
  const hex = signed.subarray(contents.start + 1, contents.end - 1).toString('latin1');
  let message: ReturnType<Forge['pkcs7']['messageFromAsn1']>;
  try {
    // The placeholder is zero-padded after the DER, hence parseAllBytes: false.
    const der = Buffer.from(hex, 'hex').toString('binary');
    message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der), { parseAllBytes: false }));
  } catch (cause) {
    throw new Error(`[pades] the /Contents of the signature is not a CMS SignedData: ${(cause as Error).message}`, {
      cause,
    });
  }
  const capture = message.rawCapture;
  if (capture.signerInfos?.length !== 1) fail('the signature must have exactly one SignerInfo');
  if (!capture.digestAlgorithm || forge.asn1.derToOid(capture.digestAlgorithm) !== SHA256)
    fail('the signature does not digest with SHA-256');
  const attributes = capture.authenticatedAttributes ?? fail('the signature has no signed attributes');
  const expected = createHash('sha256').update(signedContent(signed)).digest();
  if (!messageDigestOf(attributes).equals(expected))
    fail('the signature does not cover these bytes (messageDigest differs): the PDF changed after signing');
  // The signature covers the DER of the signed attributes as a SET (RFC 5652 §5.4), not as stored ([0]).
  const signedAttributes = Buffer.from(
    forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes)).getBytes(),
    'binary',
  );
  const signature = Buffer.from(capture.signature ?? fail('the signature has no value'), 'binary');
  const signer = message.certificates.find((certificate) =>
    verifySignature(
      'sha256',
      signedAttributes,
      createPublicKey(forge.pki.publicKeyToPem(certificate.publicKey)),
      signature,
    ),
  );
  if (!signer) return fail('no certificate in the signature verifies it');
  return signer.subject.getField('CN')?.value ?? fail('the signing certificate has no common name');
}
