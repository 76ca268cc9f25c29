import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError, parseWith } from '../schemas/parse.ts';

/**
 * Reads a YAML file and validates it; every error names the file and the field. `file` is the name
 * shown in errors: by default the path relative to the working directory.
 */
export function loadYaml<S extends z.ZodType>(
  path: string,
  schema: S,
  file = relative(process.cwd(), path) || path,
): z.output<S> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(`${file}: cannot be read`, { cause });
  }
  return parseYamlText(text, schema, file);
}

/** The same, for text already read (the declaration CLI checks an edit before writing it). */
export function parseYamlText<S extends z.ZodType>(text: string, schema: S, file: string): z.output<S> {
  let data: unknown;
  try {
    // strict YAML 1.2 core schema: no surprise booleans ("no" → false) or sexagesimal numbers
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (cause) {
    throw new InputError(`${file}: invalid YAML: ${(cause as Error).message}`, { cause });
  }
  return parseWith(schema, data, file);
}
