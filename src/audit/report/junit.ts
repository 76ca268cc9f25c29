import { getRule, type RuleId } from '../rules/registry.ts';
import { atLeast, type Severity } from './severity.ts';
import type { AuditReport, Finding } from './types.ts';
import { xmlText } from './xml.ts';

interface Suite {
  name: string;
  timestamp: string;
  seconds: number;
  properties: [string, string][];
  rules: readonly string[];
  /** Rules shown as skipped (not applicable), with the reason. */
  skipped: [string, string][];
  findings: readonly Finding[];
  systemOut: string[];
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(suite: string, ruleId: string, findings: readonly Finding[], failOn: Severity): string {
  const rule = getRule(ruleId as RuleId);
  const open = `    <testcase classname="${xmlText(suite)}" name="${xmlText(`${rule.id} [${rule.severity}]`)}" time="0"`;
  const failing = findings.filter((f) => atLeast(f.severity, failOn));
  const below = findings.filter((f) => !atLeast(f.severity, failOn));
  if (findings.length === 0) return `${open}/>`;
  const body: string[] = [];
  if (failing.length > 0) {
    const text = [...failing.map((f) => `${f.severity}: ${f.message}`), rule.help, rule.reference].join('\n');
    body.push(
      `      <failure message="${xmlText(failing[0]?.message ?? '')}" type="${failing[0]?.severity ?? ''}">${xmlText(text)}</failure>`,
    );
  }
  if (below.length > 0) {
    const text = below.map((f) => `${f.severity} (below --fail-on ${failOn}): ${f.message}`).join('\n');
    body.push(`      <system-out>${xmlText(text)}</system-out>`);
  }
  return [`${open}>`, ...body, '    </testcase>'].join('\n');
}

function suiteXml(suite: Suite, failOn: Severity): { xml: string; tests: number; failures: number; skipped: number } {
  const cases = suite.rules.map((id) =>
    testcase(
      suite.name,
      id,
      suite.findings.filter((f) => f.ruleId === id),
      failOn,
    ),
  );
  const skipped = suite.skipped.map(([id, why]) => {
    const rule = getRule(id as RuleId);
    return `    <testcase classname="${xmlText(suite.name)}" name="${xmlText(`${rule.id} [${rule.severity}]`)}" time="0">\n      <skipped message="${xmlText(why)}"/>\n    </testcase>`;
  });
  const failures = suite.rules.filter((id) =>
    suite.findings.some((f) => f.ruleId === id && atLeast(f.severity, failOn)),
  ).length;
  const tests = cases.length + skipped.length;
  const properties = suite.properties.map(
    ([name, value]) => `      <property name="${xmlText(name)}" value="${xmlText(value)}"/>`,
  );
  const xml = [
    `  <testsuite name="${xmlText(suite.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped.length}" time="${seconds(suite.seconds)}" timestamp="${xmlText(suite.timestamp)}">`,
    ...(properties.length > 0 ? ['    <properties>', ...properties, '    </properties>'] : []),
    ...cases,
    ...skipped,
    ...(suite.systemOut.length > 0 ? [`    <system-out>${xmlText(suite.systemOut.join('\n'))}</system-out>`] : []),
    '  </testsuite>',
  ].join('\n');
  return { xml, tests, failures, skipped: skipped.length };
}

/**
 * JUnit XML for CI test tabs: one `<testsuite>` per page (plus one for the site-wide checks), one
 * `<testcase>` per rule checked, a `<failure>` for findings at or above `--fail-on`. Findings below
 * the threshold appear as the test case's output, so they are visible without failing the build.
 */
export function formatJunit(report: AuditReport): string {
  const timestamp = report.startedAt.replace(/\.\d+Z$/, '');
  const redirectChecked = report.site.rulesChecked.includes('https-redirect-missing');
  const suites: Suite[] = [
    {
      name: `site ${report.targets.join(' ')}`,
      timestamp,
      seconds: 0,
      properties: [
        ['score', String(report.site.score)],
        ['grade', report.site.grade],
      ],
      rules: report.site.rulesChecked,
      skipped: redirectChecked ? [] : [['https-redirect-missing', 'not applicable (see the notes)']],
      findings: report.site.findings,
      systemOut: report.notes.map((n) => `note: ${n}`),
    },
    ...report.pages.map((page) => ({
      name: page.url,
      timestamp,
      seconds: page.durationMs,
      properties: [
        ['status', String(page.status)],
        ['score', String(page.score)],
        ['grade', page.grade],
      ] as [string, string][],
      rules: page.rulesChecked,
      skipped: [],
      findings: page.findings,
      systemOut: [],
    })),
  ];
  const rendered = suites.map((s) => suiteXml(s, report.failOn));
  const total = (key: 'tests' | 'failures' | 'skipped') => rendered.reduce((n, r) => n + r[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlText(report.tool.name)}" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}" time="${seconds(report.durationMs)}">`,
    ...rendered.map((r) => r.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
