import type { AuditReport } from './types.ts';

/** The report as is: the stable, documented shape other tools read (see docs/audit-rules.md). */
export function formatJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
