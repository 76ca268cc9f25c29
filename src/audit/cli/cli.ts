import { helpText, parseCommandLine } from './args.ts';
import { EXIT } from './exit.ts';
import { NetworkError, UsageError } from '../net/errors.ts';
import { formatReport } from '../report/index.ts';
import { count } from '../report/text.ts';
import { loadExpectedHeaders } from './load-manifest.ts';
import { assertWritableTarget, writeAtomically } from './output.ts';
import { renderRulesDoc } from '../rules/doc.ts';
import { runAudit } from '../run.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The whole CLI: arguments in, exit status out; the report goes to stdout or `--output`, errors to stderr. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.command === 'help') {
      io.stdout(helpText());
      return EXIT.clean;
    }
    if (parsed.command === 'print-rules') {
      io.stdout(renderRulesDoc());
      return EXIT.clean;
    }
    const { options } = parsed;
    const expect = options.expectPath === undefined ? undefined : await loadExpectedHeaders(options.expectPath);
    if (options.output !== undefined) await assertWritableTarget(options.output);
    const report = await runAudit({ ...options, expect });
    const text = formatReport(report, options.format);
    if (options.output === undefined) {
      io.stdout(text);
    } else {
      await writeAtomically(options.output, text);
      const { summary, site } = report;
      io.stdout(
        `audit: ${options.format} report written to ${options.output}: ${count(summary.pages, 'page')}, site grade ${site.grade} (${site.score}/100), ${count(summary.findings, 'finding')}, ${summary.failing} at or above ${options.failOn}\n`,
      );
    }
    return report.summary.passed ? EXIT.clean : EXIT.findings;
  } catch (error) {
    if (error instanceof UsageError || error instanceof NetworkError) {
      io.stderr(`audit: ${error.message}\n`);
      return EXIT.error;
    }
    throw error;
  }
}
