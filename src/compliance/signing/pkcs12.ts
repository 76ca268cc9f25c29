import { createRequire } from 'node:module';

/**
 * The few node-forge calls used to open a PKCS#12 file, typed by hand: the package ships no
 * typings, and an untyped import would let `any` leak into code that handles a private key.
 * It is the same node-forge that @signpdf/signer-p12 signs with, so a file that opens here
 * opens there too.
 */
interface ForgeBigInteger {
  compareTo(other: ForgeBigInteger): number;
}
interface ForgeRsaKey {
  n: ForgeBigInteger;
  e: ForgeBigInteger;
}
export interface ForgeCertificate {
  subject: { getField(name: string): { value: string } | null };
  validity: { notBefore: Date; notAfter: Date };
  publicKey: Partial<ForgeRsaKey>;
}
interface ForgeBag {
  key?: Partial<ForgeRsaKey> | null;
  cert?: ForgeCertificate | null;
}
interface ForgePkcs12 {
  getBags(filter: { bagType: string }): Record<string, ForgeBag[] | undefined>;
}
interface Forge {
  util: { createBuffer(bytes: string): unknown };
  asn1: { fromDer(buffer: unknown): unknown };
  pkcs12: { pkcs12FromAsn1(asn1: unknown, strict: boolean, passphrase: string): ForgePkcs12 };
  pki: { oids: Record<'certBag' | 'pkcs8ShroudedKeyBag' | 'keyBag', string> };
}

const forge = createRequire(import.meta.url)('node-forge') as Forge;

/** Why a PKCS#12 file could not be used; the caller turns it into a message naming its variable. */
export class Pkcs12Error extends Error {
  readonly reason: 'format' | 'passphrase' | 'content';
  constructor(reason: Pkcs12Error['reason'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * The signing certificate of a PKCS#12 file: the one whose public key matches the private key.
 * Checks what P12Signer will need at signing time (a shrouded RSA key and its certificate), so a
 * wrong passphrase or an unusable file fails when the build starts, not halfway through it.
 */
export function openPkcs12(bytes: Buffer, passphrase: string): ForgeCertificate {
  let asn1: unknown;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch (cause) {
    throw new Pkcs12Error('format', 'not a DER-encoded PKCS#12 file', { cause });
  }
  let p12: ForgePkcs12;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (cause) {
    // node-forge reports a failed MAC check ("Invalid password?") and a failed decryption alike.
    const text = cause instanceof Error ? cause.message : '';
    const reason = /password|MAC|decrypt/i.test(text) ? 'passphrase' : 'format';
    throw new Pkcs12Error(reason, `cannot open the PKCS#12 file (${text})`, { cause });
  }
  const { certBag, pkcs8ShroudedKeyBag, keyBag } = forge.pki.oids;
  const keys = p12.getBags({ bagType: pkcs8ShroudedKeyBag })[pkcs8ShroudedKeyBag] ?? [];
  // P12Signer reads only shrouded (encrypted) key bags: a plain key bag would fail at signing time.
  if (keys.length === 0) {
    const plain = (p12.getBags({ bagType: keyBag })[keyBag] ?? []).length > 0;
    throw new Pkcs12Error(
      'content',
      plain ? 'the private key is not encrypted (export it with a passphrase)' : 'no private key found',
    );
  }
  if (keys.length > 1) throw new Pkcs12Error('content', 'more than one private key: keep only the signing key');
  // node-forge decrypts the bag (a wrong passphrase has thrown by now) but leaves `key` empty when
  // it cannot read the key: an EC or EdDSA key, which neither it nor P12Signer can sign with.
  const key = keys[0]?.key;
  const n = key?.n;
  const e = key?.e;
  if (!n || !e) throw new Pkcs12Error('content', 'the private key is not an RSA key (node-forge signs with RSA only)');
  const certificate = (p12.getBags({ bagType: certBag })[certBag] ?? [])
    .map((bag) => bag.cert)
    .find((cert) => cert?.publicKey.n?.compareTo(n) === 0 && cert.publicKey.e?.compareTo(e) === 0);
  if (!certificate) throw new Pkcs12Error('content', 'no certificate matches the private key');
  return certificate;
}
