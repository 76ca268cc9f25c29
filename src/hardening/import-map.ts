import type { DistFiles } from './dist-files.ts';
import { resolveUrl } from './references.ts';

interface ImportMap {
  imports?: Record<string, string>;
  scopes?: Record<string, Record<string, string>>;
  integrity?: Record<string, string>;
}

/** Same-origin module URLs an import map points to, as URL paths. */
export function importMapTargets(map: ImportMap, pagePath: string, origin: string): string[] {
  const values = [
    ...Object.values(map.imports ?? {}),
    ...Object.values(map.scopes ?? {}).flatMap((s) => Object.values(s)),
  ];
  const paths = new Set<string>();
  for (const value of values) {
    const target = resolveUrl(value, pagePath, origin);
    if ('local' in target && target.local) paths.add(target.path);
  }
  return [...paths].sort();
}

export function parseImportMap(text: string, file: string): ImportMap {
  try {
    return JSON.parse(text) as ImportMap;
  } catch (cause) {
    throw new Error(`${file}: importmap: invalid JSON (${(cause as Error).message})`, { cause });
  }
}

/**
 * Adds `"integrity": { "/path.js": "sha384-…" }` for every same-origin module the import map names,
 * computed from the bytes in dist/. Returns the new map text and the hashes for script-src.
 */
export function addImportMapIntegrity(
  text: string,
  pagePath: string,
  file: string,
  dist: DistFiles,
  origin: string,
): { text: string; hashes: string[] } {
  const map = parseImportMap(text, file);
  const integrity: Record<string, string> = {};
  for (const path of importMapTargets(map, pagePath, origin)) {
    const value = dist.integrity(path);
    if (!value) throw new Error(`${file}: importmap: ${path} is not a file this build emitted`);
    integrity[path] = value;
  }
  if (Object.keys(integrity).length === 0) return { text, hashes: [] };
  return { text: JSON.stringify({ ...map, integrity }), hashes: Object.values(integrity) };
}
