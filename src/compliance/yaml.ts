import { join } from 'node:path';
import type { z } from 'zod';
import { loadYaml, parseYamlText } from '../data/load-yaml.ts';

/**
 * Reads `root/<file>` as YAML 1.2 (unique keys) and validates it. Errors name the file relative to
 * the project root given, not to the working directory, so a fixture project in a temp folder
 * reports `content/advisories/X.yaml: field: …` exactly as the real one does.
 */
export function readYaml<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  overrides?: ReadonlyMap<string, string>,
): z.output<S> {
  const text = overrides?.get(file);
  return text === undefined ? loadYaml(join(root, file), schema, file) : parseYamlText(text, schema, file);
}
