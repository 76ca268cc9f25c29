import { parseArgs } from 'node:util';
import { UsageError } from '../net/errors.ts';
import { FORMATS, isFormat, type Format } from '../report/index.ts';
import { isSeverity, SEVERITIES, type Severity } from '../report/severity.ts';

/** Every option, with the text `--help` and docs/audit-rules.md show. */
export const OPTIONS = {
  'no-crawl': { type: 'boolean', value: '', help: 'audit only the URL given, not the pages of its sitemap' },
  sitemap: { type: 'string', value: '<url>', help: 'sitemap to crawl instead of the sitemap.xml next to the URL' },
  'max-pages': { type: 'string', value: '<n>', help: 'crawl at most n pages (default 200, at most 10000)' },
  timeout: { type: 'string', value: '<ms>', help: 'deadline of each request in milliseconds (default 10000)' },
  concurrency: { type: 'string', value: '<n>', help: 'pages fetched at the same time (default 4, at most 16)' },
  'fail-on': {
    type: 'string',
    value: '<severity>',
    help: `exit 1 on a finding at or above this severity: ${SEVERITIES.join(', ')} (default medium)`,
  },
  expect: { type: 'string', value: '<manifest.json>', help: 'also compare each response with this headers manifest' },
  format: { type: 'string', value: '<format>', help: `report format: ${FORMATS.join(', ')} (default text)` },
  output: { type: 'string', value: '<file>', help: 'write the report to this file (atomically) instead of stdout' },
  'print-rules': { type: 'boolean', value: '', help: 'print the rule reference (docs/audit-rules.md) and exit' },
  help: { type: 'boolean', value: '', help: 'show this help and exit' },
} as const;

export const USAGE = 'npm run audit -- <url> [<url>…] [options]';

export function helpText(): string {
  const width = Math.max(...Object.entries(OPTIONS).map(([name, o]) => name.length + o.value.length));
  const lines = Object.entries(OPTIONS).map(
    ([name, o]) => `  --${`${name} ${o.value}`.trimEnd().padEnd(width + 1)}  ${o.help}`,
  );
  return [
    `Usage: ${USAGE}`,
    '',
    'Audits the security headers of a deployed site. One URL: its sitemap is crawled (each listed',
    "path is fetched from that URL's origin). Several URLs, or --no-crawl: exactly the URLs given.",
    '',
    'Options:',
    ...lines,
    '',
    'Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or network error.',
    'Rules, scoring and formats: docs/audit-rules.md',
    '',
  ].join('\n');
}

export interface CliOptions {
  targets: URL[];
  crawl: boolean;
  sitemap: URL | undefined;
  maxPages: number;
  timeoutMs: number;
  concurrency: number;
  failOn: Severity;
  expectPath: string | undefined;
  format: Format;
  output: string | undefined;
}

export type ParsedCommand =
  { command: 'help' } | { command: 'print-rules' } | { command: 'audit'; options: CliOptions };

function httpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} ${JSON.stringify(value)} is not a URL (expected http://host/ or https://host/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${what} ${JSON.stringify(value)} is not an http(s) URL`);
  }
  if (url.username || url.password) throw new UsageError(`${what} ${JSON.stringify(value)} must not carry credentials`);
  url.hash = '';
  return url;
}

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} ${JSON.stringify(value)}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** `Unknown option '--foo'. To specify…` → `unknown option --foo`: the one thing the user needs. */
function rephrase(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const name = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${name} (see --help)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(message.split('.')[0] ?? message);
  return new UsageError(message);
}

export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw rephrase(error);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const str = (name: keyof typeof OPTIONS) => values[name] as string | undefined;
  if (values['help']) return { command: 'help' };
  if (values['print-rules']) return { command: 'print-rules' };
  if (parsed.positionals.length === 0) throw new UsageError(`no URL to audit (usage: ${USAGE})`);
  const targets = parsed.positionals.map((p) => httpUrl(p, 'URL'));
  const failOn = str('fail-on') ?? 'medium';
  if (!isSeverity(failOn)) {
    throw new UsageError(`--fail-on ${JSON.stringify(failOn)}: expected one of ${SEVERITIES.join(', ')}`);
  }
  const format = str('format') ?? 'text';
  if (!isFormat(format))
    throw new UsageError(`--format ${JSON.stringify(format)}: expected one of ${FORMATS.join(', ')}`);
  const sitemapValue = str('sitemap');
  const crawl = targets.length === 1 && values['no-crawl'] !== true;
  if (sitemapValue !== undefined && !crawl) {
    throw new UsageError('--sitemap needs exactly one URL to crawl (and no --no-crawl)');
  }
  const output = str('output');
  if (output === '') throw new UsageError('--output: expected a file name');
  const expectPath = str('expect');
  if (expectPath === '') throw new UsageError('--expect: expected a manifest file name');
  return {
    command: 'audit',
    options: {
      targets,
      crawl,
      sitemap: sitemapValue === undefined ? undefined : httpUrl(sitemapValue, '--sitemap'),
      maxPages: integer(str('max-pages'), 'max-pages', 200, 1, 10_000),
      timeoutMs: integer(str('timeout'), 'timeout', 10_000, 1, 600_000),
      concurrency: integer(str('concurrency'), 'concurrency', 4, 1, 16),
      failOn,
      expectPath,
      format,
      output,
    },
  };
}
