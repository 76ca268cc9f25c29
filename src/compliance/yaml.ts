import { join } from 'node:path';
import type { z } from 'zod';
import { loadYaml } from '../data/load-yaml.ts';

/**
 * Reads `root/<file>` as YAML 1.2 (unique keys) and validates it. Errors name the file relative to
 * the project root given, not to the working directory, so a fixture project in a temp folder
 * reports `content/advisories/X.yaml: field: …` exactly as the real one does.
 */
export function readYaml<S extends z.ZodType>(root: string, file: string, schema: S): z.output<S> {
  return loadYaml(join(root, file), schema, file);
}
