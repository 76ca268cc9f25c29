import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Seals a route declaration so that only the project's own code can make one. The key is random per
 * build process and lives only in memory (a global symbol, not the environment): Astro renders pages
 * in the process that loaded the config, so the `<RouteDeclaration>` component and the harden step
 * share it, while content cannot know it — Markdown runs no code, MDX code is refused by the content
 * gate, and files in public/ were written before the key existed. The harden step checks the seal
 * and removes the marker, so the output stays byte-identical between builds.
 */
const KEY = Symbol.for('cryptpeer.declaration-seal-key');

/** This process's key (created on first use). Worker threads receive it from the main thread. */
export function getSealKey(): Buffer {
  const holder = globalThis as { [KEY]?: Buffer };
  const key = holder[KEY] ?? randomBytes(32);
  holder[KEY] = key;
  return key;
}

/** The seal of a declaration name: hex HMAC-SHA256 under the build's key. */
export function sealDeclaration(name: string, key: Buffer = getSealKey()): string {
  return createHmac('sha256', key).update(`route-declaration\0${name}`).digest('hex');
}

/** True when `seal` was made by sealDeclaration(name) with this key (constant-time comparison). */
export function isSealed(name: string, seal: string | undefined, key: Buffer = getSealKey()): boolean {
  if (seal === undefined || !/^[0-9a-f]{64}$/.test(seal)) return false;
  return timingSafeEqual(Buffer.from(sealDeclaration(name, key), 'hex'), Buffer.from(seal, 'hex'));
}

/** The marker element's name attribute. */
export const DECLARATION_META = 'cryptpeer-route';
