import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatReport } from '../../../src/audit/report/index.ts';
import { SARIF_SCHEMA } from '../../../src/audit/report/sarif.ts';
import { RULES } from '../../../src/audit/rules/registry.ts';
import { parseXmlStrict, type XmlElement } from './helpers/xml-wellformed.ts';
import { printable, printableDeep } from '../../../src/audit/report/printable.ts';
import { NASTY, sampleReport } from './helpers/report.ts';

const children = (element: XmlElement | undefined, name: string) =>
  element?.children.filter((c) => c.name === name) ?? [];

describe('report formats', () => {
  test('json parses back to the report, control characters spelled out', () => {
    const report = sampleReport();
    assert.deepEqual(JSON.parse(formatReport(report, 'json')), printableDeep(report));
  });

  // A hostile page can put escapes, carriage returns or bidi overrides in what a finding quotes.
  for (const format of ['text', 'json', 'junit', 'sarif'] as const) {
    test(`${format} never prints a control, format or bidi character from the audited site`, () => {
      const report = sampleReport();
      const hostile = 'x\u001b[2J\r\u202eevil\u2066\u0085\u200b';
      const [page] = report.pages;
      assert.ok(page);
      page.url = `http://127.0.0.1:9/${hostile}`;
      report.notes.push(`sitemap note ${hostile}`);
      const output = formatReport(report, format);
      assert.doesNotMatch(output, /[\u001b\r\u202e\u2066\u0085\u200b]/u);
      assert.ok(output.includes('\\u{1b}[2J') || output.includes('\\\\u{1b}[2J'), output.slice(0, 400));
    });
  }

  test('printable spells out C0, C1, bidi and zero-width characters and keeps the rest', () => {
    assert.equal(printable('a\u0007b\u009bc\u202ed\u200be é → ✓'), 'a\\u{7}b\\u{9b}c\\u{202e}d\\u{200b}e é → ✓');
  });

  test('text lists each page with grade and score, findings under it, fired rules and the verdict', () => {
    const text = formatReport(sampleReport(), 'text');
    assert.match(text, /^cryptpeer-audit 0\.1\.0: http:\/\/127\.0\.0\.1:9\/$/m);
    assert.match(text, /^note: HTTP→HTTPS redirect not checked/m);
    assert.match(text, /^A\+ {2}100 {2}http:\/\/127\.0\.0\.1:9\/$/m);
    assert.match(text, /^C {4}55 {2}http:\/\/127\.0\.0\.1:9\/weak/m);
    assert.match(text, /^ +HIGH +csp-unsafe-inline +style-src allows/m);
    assert.match(text, /^ {2}server-version: Server header discloses a version — https:\/\//m);
    assert.match(text, /site grade C \(55\/100\): 3 findings \(2 high, 1 low\); FAIL \(2 at or above medium\)\n$/);
    assert.match(
      formatReport(sampleReport({ summary: { ...sampleReport().summary, failing: 0, passed: true } }), 'text'),
      /PASS/,
    );
  });

  test('sarif has the shape code scanning requires', () => {
    const sarif = JSON.parse(formatReport(sampleReport(), 'sarif')) as {
      $schema: string;
      version: string;
      runs: {
        tool: { driver: { name: string; informationUri: string; rules: Record<string, unknown>[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
        invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
      }[];
    };
    assert.equal(sarif.$schema, SARIF_SCHEMA);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const [run] = sarif.runs;
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'cryptpeer-audit');
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      run.tool.driver.rules.map((r) => r['id']),
      RULES.map((r) => r.id),
    );
    for (const rule of run.tool.driver.rules) {
      assert.equal(typeof (rule['shortDescription'] as { text?: unknown }).text, 'string');
      assert.match(String(rule['helpUri']), /^https:\/\//);
      assert.ok(['error', 'warning', 'note'].includes((rule['defaultConfiguration'] as { level: string }).level));
    }
    assert.deepEqual(
      run.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri]),
      [
        ['csp-unsafe-inline', 'error', 'http://127.0.0.1:9/weak?a=1&b=2'],
        ['server-version', 'note', 'http://127.0.0.1:9/weak?a=1&b=2'],
        ['manifest-drift', 'error', 'http://127.0.0.1:9/weak?a=1&b=2'],
      ],
    );
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]?.['id'], r.ruleId);
    assert.equal(run.results[0]?.message.text, printable(NASTY));
    assert.equal(run.invocations[0]?.toolExecutionNotifications.length, 1);
  });

  test('junit is well-formed XML: a suite per page plus the site, a case per rule, failures at or above --fail-on', () => {
    const xml = formatReport(sampleReport(), 'junit');
    const root = parseXmlStrict(xml);
    assert.equal(root.name, 'testsuites');
    const suites = children(root, 'testsuite');
    assert.deepEqual(
      suites.map((s) => s.attrs['name']),
      ['site http://127.0.0.1:9/', 'http://127.0.0.1:9/', 'http://127.0.0.1:9/weak?a=1&b=2'],
    );
    const weak = suites[2];
    assert.equal(weak?.attrs['tests'], '4');
    assert.equal(weak.attrs['failures'], '2');
    const cases = children(weak, 'testcase');
    const failure = children(
      cases.find((c) => c.attrs['name']?.startsWith('csp-unsafe-inline')),
      'failure',
    )[0];
    assert.equal(failure?.attrs['type'], 'high');
    assert.equal(failure.attrs['message'], printable(NASTY));
    assert.match(failure.text, /<script>&"x"<\/script>/);
    const low = cases.find((c) => c.attrs['name']?.startsWith('server-version'));
    assert.equal(children(low, 'failure').length, 0);
    assert.match(children(low, 'system-out')[0]?.text ?? '', /below --fail-on medium/);
    assert.equal(root.attrs['tests'], '7');
    assert.equal(root.attrs['failures'], '2');
    assert.equal(root.attrs['skipped'], '1');
    assert.equal(children(suites[0], 'testcase')[0]?.children[0]?.name, 'skipped');
  });

  test('junit with --fail-on critical has no failure', () => {
    const root = parseXmlStrict(formatReport(sampleReport({ failOn: 'critical' }), 'junit'));
    assert.equal(root.attrs['failures'], '0');
  });

  test('the XML checker itself rejects what is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a>&nbsp;</a>',
      '<a>1 & 2</a>',
      '<a/><b/>',
      '<a>\u0001</a>',
      '<a x=1/>',
    ]) {
      assert.throws(() => parseXmlStrict(bad), /xml|attribute|text/, bad);
    }
  });
});
