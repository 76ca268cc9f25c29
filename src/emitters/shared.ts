import type { HeadersManifest } from '../manifest/index.ts';

/** Extensions grouped by Content-Type. */
export function extensionsByType(manifest: HeadersManifest): { type: string; extensions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(manifest.assets.contentTypes)) {
    if (ext === '.html') continue;
    groups.set(type, [...(groups.get(type) ?? []), ext]);
  }
  return [...groups]
    .map(([type, extensions]) => ({ type, extensions: extensions.sort() }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A header value inside double quotes, for nginx, Caddy and Apache. Values never contain `"`. */
export function quoted(value: string): string {
  if (/["\\\n\r]/.test(value)) throw new Error(`emitter: header value cannot be quoted safely: ${value}`);
  return `"${value}"`;
}

/**
 * A regex key inside double quotes, for nginx and Caddy: both keep `\.` as written, but would read
 * `\"`, `\\`, `\t`, `\n` or `\r` as escapes, so those (and `"`) are refused.
 */
export function quotedPattern(pattern: string): string {
  if (/["\n\r]|\\["'\\tnr]/.test(pattern)) throw new Error(`emitter: pattern cannot be quoted safely: ${pattern}`);
  return `"${pattern}"`;
}

export const GENERATED_NOTICE =
  'Generated from the headers manifest by the CryptPeer build. Do not edit: change src/security/ and rebuild.';

/**
 * A regex matching precompressed siblings asked for by name (`/index.html.br`): servers find them
 * by Accept-Encoding for the original path, and refuse them as resources of their own.
 */
export function siblingPattern(manifest: HeadersManifest): string {
  const extensions = manifest.precompressed.extensions.map((e) => escapeRegex(e.slice(1))).join('|');
  const suffixes = manifest.precompressed.encodings.map((e) => escapeRegex(e.suffix.slice(1))).join('|');
  return `\\.(${extensions})\\.(${suffixes})$`;
}
