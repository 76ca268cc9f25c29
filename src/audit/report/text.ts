import { getRule, RULES, type RuleId } from '../rules/registry.ts';
import type { AuditReport, Finding, PageResult } from './types.ts';

/** `1 finding`, `2 findings`. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function findingLines(findings: readonly Finding[], indent: string): string[] {
  return findings.map((f) => `${indent}${f.severity.toUpperCase().padEnd(8)} ${f.ruleId.padEnd(30)} ${f.message}`);
}

function pageLines(page: PageResult): string[] {
  const redirected = page.finalUrl ? ` → ${page.finalUrl}` : '';
  return [
    `${page.grade.padEnd(3)} ${String(page.score).padStart(3)}  ${page.url}${redirected}`,
    ...findingLines(page.findings, '         '),
  ];
}

/** The human report: one line per page, its findings under it, then the rules that fired and the verdict. */
export function formatText(report: AuditReport): string {
  const { summary } = report;
  const source = report.sitemap ? `sitemap ${report.sitemap}` : 'URLs given';
  const lines = [
    `${report.tool.name} ${report.tool.version}: ${report.targets.join(' ')}`,
    `${source}: ${count(summary.pages, 'page')}, ${count(summary.subresources, 'subresource')} verified, ${(report.durationMs / 1000).toFixed(2)} s`,
    ...report.notes.map((n) => `note: ${n}`),
    '',
  ];
  if (report.site.findings.length > 0) lines.push('site', ...findingLines(report.site.findings, '         '), '');
  for (const page of report.pages) lines.push(...pageLines(page));
  const fired = [
    ...new Set([...report.site.findings, ...report.pages.flatMap((p) => p.findings)].map((f) => f.ruleId)),
  ];
  const known = new Set<string>(RULES.map((r) => r.id));
  if (fired.length > 0) {
    lines.push('', 'rules that fired (docs/audit-rules.md):');
    for (const id of fired.filter((i) => known.has(i)).sort()) {
      const rule = getRule(id as RuleId);
      lines.push(`  ${rule.id}: ${rule.title} — ${rule.reference}`);
    }
  }
  const counts = Object.entries(summary.bySeverity)
    .filter(([, n]) => n > 0)
    .reverse()
    .map(([s, n]) => `${n} ${s}`);
  const verdict = summary.passed
    ? `PASS (nothing at or above ${report.failOn})`
    : `FAIL (${summary.failing} at or above ${report.failOn})`;
  lines.push(
    '',
    `site grade ${report.site.grade} (${report.site.score}/100): ${count(summary.findings, 'finding')}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}; ${verdict}`,
  );
  return `${lines.join('\n')}\n`;
}
