import { readFileSync } from 'node:fs';
import * as openpgp from 'openpgp';

/** A private key the build signs with, and what the site publishes about it. */
export interface SigningKey {
  privateKey: openpgp.PrivateKey;
  /** ASCII-armored public key, published next to the provider metadata. */
  publicKeyArmored: string;
  /** Upper-case hex, as CSAF `public_openpgp_keys[].fingerprint` and OpenPGP tools show it. */
  fingerprint: string;
}

// Signatures must be reproducible: no random salt notation (OpenPGP.js adds one by default).
const CONFIG: Partial<openpgp.Config> = { nonDeterministicSignaturesViaNotation: false };

export const KEY_FILE_VARIABLE = 'CRYPTPEER_OPENPGP_KEY_FILE';
export const PASSPHRASE_VARIABLE = 'CRYPTPEER_OPENPGP_PASSPHRASE';

/**
 * The signing key named by `CRYPTPEER_OPENPGP_KEY_FILE` (an armored private key, never in the
 * repository), unlocked with `CRYPTPEER_OPENPGP_PASSPHRASE` when it is protected. No variable, no
 * signing: security.txt stays unsigned and the CSAF role stays `csaf_provider`.
 */
export async function loadSigningKey(env: NodeJS.ProcessEnv = process.env): Promise<SigningKey | undefined> {
  const file = env[KEY_FILE_VARIABLE];
  if (file === undefined || file === '') return undefined;
  let armored: string;
  try {
    armored = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`[openpgp] ${KEY_FILE_VARIABLE}: cannot read ${file}`, { cause });
  }
  let privateKey = await openpgp.readPrivateKey({ armoredKey: armored });
  if (!privateKey.isDecrypted()) {
    const passphrase = env[PASSPHRASE_VARIABLE];
    if (!passphrase) throw new Error(`[openpgp] ${file} is protected: set ${PASSPHRASE_VARIABLE}`);
    privateKey = await openpgp.decryptKey({ privateKey, passphrase });
  }
  return {
    privateKey,
    publicKeyArmored: privateKey.toPublic().armor(),
    fingerprint: privateKey.getFingerprint().toUpperCase(),
  };
}

/** An OpenPGP cleartext signature around `text` (RFC 9116 §2.3), dated `date` rather than now. */
export async function signCleartext(text: string, key: SigningKey, date: Date): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text });
  return openpgp.sign({ message, signingKeys: key.privateKey, date, config: CONFIG });
}

/** A detached, armored signature of `bytes` (CSAF requirement 19: `<file>.asc`). */
export async function signDetached(bytes: Uint8Array, key: SigningKey, date: Date): Promise<string> {
  const message = await openpgp.createMessage({ binary: bytes });
  // The typings widen to `any` for stream inputs; a byte array always yields an armored string.
  const signature: unknown = await openpgp.sign({
    message,
    signingKeys: key.privateKey,
    detached: true,
    date,
    config: CONFIG,
  });
  if (typeof signature !== 'string') throw new Error('[openpgp] expected an armored signature');
  return signature;
}

/**
 * Checks a detached armored signature of `bytes` against `publicKey`; rejects when it does not
 * verify. Used on archived `.asc` files, which sit in untrusted `content/`: the pages
 * name the key that signed only after every signature verifies with it.
 */
export async function verifyDetached(bytes: Uint8Array, armoredSignature: string, publicKey: openpgp.PublicKey) {
  const verification = await openpgp.verify({
    message: await openpgp.createMessage({ binary: bytes }),
    signature: await openpgp.readSignature({ armoredSignature }),
    verificationKeys: publicKey,
    format: 'binary',
  });
  const [first, ...others] = verification.signatures;
  if (!first || others.length > 0) throw new Error('[openpgp] expected exactly one signature');
  // Rejects when the signature does not verify with this key.
  await first.verified;
}

/** The public key in `armoredKey` and its upper-case fingerprint. */
export async function readPublicKey(armoredKey: string) {
  const key = await openpgp.readKey({ armoredKey });
  if (key.isPrivate()) throw new Error('[openpgp] a private key where a public key was expected');
  return { key: key.toPublic(), fingerprint: key.getFingerprint().toUpperCase() };
}
