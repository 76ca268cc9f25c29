/** One refusal: where (1-based line in the file on disk, when known) and what. */
export interface Problem {
  line: number | undefined;
  message: string;
}

/**
 * Thrown once per file, after the whole file was checked: every problem on its own line,
 * `content/pages/en/legal.mdx:42: <script> is not allowed in content`, in line order.
 */
export class ContentGateError extends Error {
  override name = 'ContentGateError';
  readonly problems: readonly Problem[];

  constructor(file: string, problems: readonly Problem[]) {
    const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    super(sorted.map(({ line, message }) => `${file}:${line === undefined ? '' : `${line}:`} ${message}`).join('\n'));
    this.problems = sorted;
  }
}
