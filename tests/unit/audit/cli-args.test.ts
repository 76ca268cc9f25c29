import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { helpText, parseCommandLine, type CliOptions } from '../../../src/audit/cli/args.ts';
import { UsageError } from '../../../src/audit/net/errors.ts';

function options(argv: string[]): CliOptions {
  const parsed = parseCommandLine(argv);
  assert.equal(parsed.command, 'audit');
  return (parsed as { options: CliOptions }).options;
}

describe('command line', () => {
  test('defaults: crawl the one URL, 200 pages, 10 s, 4 at once, fail on medium, text to stdout', () => {
    const o = options(['http://127.0.0.1:4321']);
    assert.deepEqual(
      { ...o, targets: o.targets.map(String) },
      {
        targets: ['http://127.0.0.1:4321/'],
        crawl: true,
        sitemap: undefined,
        maxPages: 200,
        timeoutMs: 10_000,
        concurrency: 4,
        failOn: 'medium',
        expectPath: undefined,
        format: 'text',
        output: undefined,
      },
    );
  });

  test('several URLs or --no-crawl audit exactly the URLs given', () => {
    assert.equal(options(['http://a.example/', 'http://a.example/b']).crawl, false);
    assert.equal(options(['http://a.example/', '--no-crawl']).crawl, false);
  });

  test('every option is read', () => {
    const o = options([
      'https://a.example/#frag',
      '--sitemap=https://a.example/s.xml',
      '--max-pages',
      '5',
      '--timeout',
      '250',
      '--concurrency',
      '1',
      '--fail-on',
      'low',
      '--expect',
      'm.json',
      '--format',
      'sarif',
      '--output',
      'out.sarif',
    ]);
    assert.equal(o.targets[0]?.href, 'https://a.example/');
    assert.equal(o.sitemap?.href, 'https://a.example/s.xml');
    assert.deepEqual(
      [o.maxPages, o.timeoutMs, o.concurrency, o.failOn, o.expectPath, o.format, o.output],
      [5, 250, 1, 'low', 'm.json', 'sarif', 'out.sarif'],
    );
  });

  test('help and the rule reference', () => {
    assert.deepEqual(parseCommandLine(['--help']), { command: 'help' });
    assert.deepEqual(parseCommandLine(['--print-rules']), { command: 'print-rules' });
    assert.match(helpText(), /--fail-on <severity> +exit 1 on a finding/);
  });

  const errors: [string[], RegExp][] = [
    [[], /^no URL to audit/],
    [['--bogus', 'http://a.example/'], /^unknown option --bogus/],
    [['http://a.example/', '--format'], /--format/],
    [['not a url'], /^URL "not a url" is not a URL/],
    [['ftp://a.example/'], /^URL "ftp:\/\/a.example\/" is not an http\(s\) URL/],
    [['http://user:pw@a.example/'], /must not carry credentials/],
    [
      ['http://a.example/', '--fail-on', 'severe'],
      /^--fail-on "severe": expected one of info, low, medium, high, critical$/,
    ],
    [['http://a.example/', '--format', 'xml'], /^--format "xml": expected one of text, json, junit, sarif$/],
    [['http://a.example/', '--max-pages', '0'], /^--max-pages "0": expected a whole number from 1 to 10000$/],
    [['http://a.example/', '--timeout', '1.5'], /^--timeout "1.5"/],
    [['http://a.example/', '--concurrency', '99'], /^--concurrency "99"/],
    [
      ['http://a.example/', 'http://b.example/', '--sitemap', 'http://a.example/s.xml'],
      /^--sitemap needs exactly one URL/,
    ],
    [
      ['http://a.example/', '--sitemap', 'file:///etc/passwd'],
      /^--sitemap "file:\/\/\/etc\/passwd" is not an http\(s\) URL/,
    ],
  ];
  for (const [argv, message] of errors) {
    test(`refuses ${JSON.stringify(argv)}`, () => {
      assert.throws(
        () => parseCommandLine(argv),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }
});
