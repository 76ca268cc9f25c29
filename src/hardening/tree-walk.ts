import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What an entry is, read with lstat semantics: a symbolic link is reported as one, never followed. */
export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface TreeEntry {
  /** Absolute path on disk. */
  abs: string;
  /** POSIX path relative to the walked root: `fr/index.html`. */
  rel: string;
  name: string;
  /** 0 for an entry directly inside the root. */
  depth: number;
  kind: EntryKind;
  /** For `other`: `a named pipe (FIFO)`, `a socket`, `a block device`, `a character device`. */
  otherKind: string;
}

interface TypeTests {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
}

function kindOf(d: TypeTests): [EntryKind, string] {
  if (d.isSymbolicLink()) return ['symlink', ''];
  if (d.isFile()) return ['file', ''];
  if (d.isDirectory()) return ['folder', ''];
  if (d.isFIFO()) return ['other', 'a named pipe (FIFO)'];
  if (d.isSocket()) return ['other', 'a socket'];
  return ['other', d.isBlockDevice() ? 'a block device' : 'a character device'];
}

/** The root itself, with lstat (so `public -> /etc` is seen as a link); undefined when it does not exist. */
export function rootKind(root: string): [EntryKind, string] | undefined {
  try {
    return kindOf(lstatSync(root));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Where a symbolic link points, as written in the link (a dangling link has a target too). */
export function linkTarget(abs: string): string {
  try {
    return readlinkSync(abs);
  } catch {
    return '?';
  }
}

/**
 * One walk below `root` without following links: readdir's file types (d_type; Node falls back to
 * lstat, not stat) cost no extra system call per file. `visit` returns true to enter a folder, so a
 * refused folder is reported once and not walked.
 */
export function walkTree(root: string, visit: (entry: TreeEntry) => boolean): void {
  const stack: { abs: string; rel: string; depth: number }[] = [{ abs: root, rel: '', depth: 0 }];
  for (let dir = stack.pop(); dir; dir = stack.pop()) {
    for (const dirent of readdirSync(dir.abs, { withFileTypes: true })) {
      const [kind, otherKind] = kindOf(dirent);
      const entry: TreeEntry = {
        abs: join(dir.abs, dirent.name),
        rel: dir.rel === '' ? dirent.name : `${dir.rel}/${dirent.name}`,
        name: dirent.name,
        depth: dir.depth,
        kind,
        otherKind,
      };
      if (visit(entry) && kind === 'folder') stack.push({ abs: entry.abs, rel: entry.rel, depth: dir.depth + 1 });
    }
  }
}
