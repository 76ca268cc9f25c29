import { createHash } from 'node:crypto';
import { RULES, type Rule } from '../rules/registry.ts';
import type { Severity } from './severity.ts';
import { TOOL } from '../cli/tool.ts';
import type { AuditReport, Finding } from './types.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';

/** SARIF has three levels; GitHub code scanning also reads the numeric `security-severity`. */
const LEVELS: Readonly<Record<Severity, Level>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function sarifRule(rule: Rule) {
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: `${rule.help}\n${rule.reference}`, markdown: `${rule.help}\n\n[Reference](${rule.reference})` },
    helpUri: rule.reference,
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: ['security', 'http-headers'], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

function sarifResult(f: Finding, ruleIndex: ReadonlyMap<string, number>) {
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: f.url } } }],
    // A stable identity per rule, URL and message lets code scanning track a finding across runs.
    partialFingerprints: {
      'cryptpeerAudit/v1': createHash('sha256').update(`${f.ruleId}\n${f.url}\n${f.message}`).digest('hex'),
    },
    properties: { severity: f.severity },
  };
}

/** SARIF 2.1.0 with one run: every rule in `tool.driver.rules`, every finding as a result on its page URL. */
export function formatSarif(report: AuditReport): string {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const findings = [...report.site.findings, ...report.pages.flatMap((p) => p.findings)];
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: TOOL.informationUri,
            rules: RULES.map(sarifRule),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: report.startedAt,
            endTimeUtc: new Date(Date.parse(report.startedAt) + report.durationMs).toISOString(),
            toolExecutionNotifications: report.notes.map((text) => ({ level: 'note', message: { text } })),
          },
        ],
        results: findings.map((f) => sarifResult(f, ruleIndex)),
        properties: {
          targets: report.targets,
          score: report.site.score,
          grade: report.site.grade,
          failOn: report.failOn,
          pages: report.pages.map((p) => ({ url: p.url, status: p.status, score: p.score, grade: p.grade })),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
