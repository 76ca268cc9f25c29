import type { Severity } from '../report/severity.ts';

export interface Rule {
  id: string;
  severity: Severity;
  /** `page`: checked on every audited response; `site`: once per audited origin. */
  scope: 'page' | 'site';
  title: string;
  /** What the rule wants and how to fix it (plain text, may contain `code`). */
  help: string;
  reference: string;
}
