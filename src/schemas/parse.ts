import type { z } from 'zod';
import { formatIssues } from './issues.ts';

/** Raised for any bad input file: the message always starts with the file, then the field. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Parses `data` with `schema`, or throws an InputError naming `file` and every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new InputError(formatIssues(file, result.error.issues));
  return result.data;
}
