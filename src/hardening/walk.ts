import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `root`, as sorted POSIX paths relative to it (sorted: output never depends on disk order). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}
