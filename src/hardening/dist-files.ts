import { readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { integrityOf, matchesIntegrity } from '../standards/sri.ts';

/**
 * Read-only view of the files this build emitted, with a hash cache: a stylesheet linked from 5,000
 * pages is read and hashed once.
 */
export class DistFiles {
  readonly root: string;
  #bytes = new Map<string, Buffer | null>();
  #sri = new Map<string, string>();
  #matches = new Map<string, boolean>();
  /** Bytes hashed so far (for the harden step's MB/s figure). */
  hashedBytes = 0;

  constructor(root: string) {
    this.root = root;
  }

  /** Maps a URL path (`/_astro/a.css`) to a file inside dist, or undefined if it would escape it. */
  toFile(urlPath: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const file = normalize(join(this.root, decoded));
    return file === this.root || file.startsWith(this.root + sep) ? file : undefined;
  }

  /** The file's bytes, or undefined when this build did not emit it. */
  read(urlPath: string): Buffer | undefined {
    const cached = this.#bytes.get(urlPath);
    if (cached !== undefined) return cached ?? undefined;
    const file = this.toFile(urlPath);
    let bytes: Buffer | null = null;
    if (file) {
      try {
        if (statSync(file).isFile()) bytes = readFileSync(file);
      } catch {
        bytes = null;
      }
    }
    this.#bytes.set(urlPath, bytes);
    return bytes ?? undefined;
  }

  /** The bytes of a file the tree walk listed (`_astro/a.js`), read once and shared with read(). */
  readListed(file: string): Buffer {
    const urlPath = `/${file}`;
    // A name whose URL form decodes to another name (`a%41.js`) is read by its own name.
    const bytes = this.toFile(urlPath) === join(this.root, file) ? this.read(urlPath) : undefined;
    return bytes ?? readFileSync(join(this.root, file));
  }

  /** True when the file's bytes match an `integrity` value; computed once per (file, value). */
  matches(urlPath: string, integrity: string): boolean {
    const key = `${urlPath}\n${integrity}`;
    let result = this.#matches.get(key);
    if (result === undefined) {
      const bytes = this.read(urlPath);
      result = bytes !== undefined && matchesIntegrity(bytes, integrity);
      this.#matches.set(key, result);
    }
    return result;
  }

  /** sha384 SRI of an emitted file, computed from the bytes in dist/ (never from a source file). */
  integrity(urlPath: string): string | undefined {
    const cached = this.#sri.get(urlPath);
    if (cached) return cached;
    const bytes = this.read(urlPath);
    if (!bytes) return undefined;
    this.hashedBytes += bytes.length;
    const value = integrityOf(bytes, 'sha384');
    this.#sri.set(urlPath, value);
    return value;
  }
}
