import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError, parseWith } from '../schemas/parse.ts';

/**
 * Reads `root/<file>` as YAML 1.2 (unique keys) and validates it. Unlike `loadYaml`, errors name the
 * file relative to the project root given, not to the working directory, so a fixture project in a
 * temp folder reports `content/advisories/X.yaml: field: …` exactly as the real one does.
 */
export function readYaml<S extends z.ZodType>(root: string, file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot be read`, { cause });
  }
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (cause) {
    throw new InputError(`${file}: invalid YAML: ${(cause as Error).message}`, { cause });
  }
  return parseWith(schema, data, file);
}
