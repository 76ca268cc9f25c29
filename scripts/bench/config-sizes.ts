import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The emitted configs of a built project, file → bytes (the manifest itself is not a config).
 * Shared by `npm run bench` and `npm run bench:serve` so both print the same files.
 */
export function configSizes(root: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${name}/`);
      else if (entry.name !== 'headers-manifest.json') sizes[name] = statSync(join(dir, entry.name)).size;
    }
  };
  walk(join(root, 'deploy'), '');
  sizes['dist/_headers'] = statSync(join(root, 'dist', '_headers')).size;
  return sizes;
}
