import { resolve } from 'node:path';
import { loadYaml } from './load-yaml.ts';
import { siteSchema, type SiteData } from '../schemas/site.ts';

// Resolved from the working directory, not import.meta.url: Astro bundles this module into
// dist/ chunks, where a path relative to the module would point nowhere.
export const SITE_FILE = resolve(process.cwd(), 'content/site.yaml');

let cached: SiteData | undefined;

/** The organisation facts from `content/site.yaml`, validated once per process. */
export function getSiteData(path = SITE_FILE): SiteData {
  if (path !== SITE_FILE) return loadYaml(path, siteSchema);
  cached ??= loadYaml(path, siteSchema);
  return cached;
}
