import type { z } from 'zod';

/** Raised for any bad input file: the message always starts with the file, then the field. */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Turns zod issues into `content/site.yaml: contacts.security: expected a mailto: or https: URI`,
 * one line per issue, so a bad input names the file and the field to fix.
 */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length > 0 ? formatPath(issue.path) : '(root)';
      return `${file}: ${field}: ${issue.message}`;
    })
    .join('\n');
}

// A file that is a list names its items `[2].id`: a bare `2.id` would read as a key named 2.
function formatPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return typeof path[0] === 'number' ? [`[${head ?? ''}]`, ...rest].join('.') : [head, ...rest].join('.');
}

/** Parses `data` with `schema`, or throws an InputError naming `file` and every bad field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, file: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new InputError(formatIssues(file, result.error.issues));
  return result.data;
}
