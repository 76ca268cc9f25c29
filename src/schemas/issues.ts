import type { z } from 'zod';

// The one formatter of zod issues, for content files, the security options and the headers
// manifest alike. It imports nothing of the project (the manifest contract depends on it), so it
// stays a leaf (.dependency-cruiser.json).

export interface IssueFormat {
  /** Between `where` and the field: a step tag reads `[security] hsts.maxAge`. @default ': ' */
  separator?: string;
  /** What an empty path (the whole input) is called. @default '(root)' */
  root?: string;
  /** Quote the bad value from this input after each message: `(got "http://cdn.example/lib.js")`. */
  quoteFrom?: { input: unknown };
}

/**
 * Turns zod issues into `content/site.yaml: contacts.security: expected a mailto: or https: URI`,
 * one line per issue, so a bad input names where it came from (`where`: a file, `[security]`) and
 * the field to fix.
 */
export function formatIssues(where: string, issues: readonly z.core.$ZodIssue[], format: IssueFormat = {}): string {
  return issues
    .map((issue) => {
      const field = issue.path.length > 0 ? formatPath(issue.path) : (format.root ?? '(root)');
      const line = `${where}${format.separator ?? ': '}${field}: ${issue.message}`;
      return format.quoteFrom ? `${line} (got ${JSON.stringify(valueAt(format.quoteFrom.input, issue.path))})` : line;
    })
    .join('\n');
}

// A file that is a list names its items `[2].id`: a bare `2.id` would read as a key named 2.
function formatPath(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return typeof path[0] === 'number' ? [`[${head ?? ''}]`, ...rest].join('.') : [head, ...rest].join('.');
}

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
