import type { Severity } from './severity.ts';

export type { Severity } from './severity.ts';

/** One thing found wrong with one response (or, for site rules, with the site as a whole). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What was seen, quoting the bad value: `script-src allows 'unsafe-inline'`. */
  message: string;
  /** The audited page (or, for a site rule, the URL that was probed). */
  url: string;
  /** Drift findings name the header and both values (`null`: absent). */
  header?: string;
  expected?: string | null;
  actual?: string | null;
}

export interface PageResult {
  /** The URL audited (after mapping sitemap entries onto the audited origin). */
  url: string;
  /** Where redirects ended, when different from `url`. */
  finalUrl?: string;
  status: number;
  contentType: string;
  score: number;
  grade: string;
  findings: Finding[];
  /** Rule ids evaluated on this page (a rule that does not apply, e.g. SRI on a non-HTML response, is absent). */
  rulesChecked: string[];
  /** Time to fetch and check the page and its subresources. */
  durationMs: number;
}

export interface AuditReport {
  tool: { name: string; version: string };
  /** The URLs given on the command line. */
  targets: string[];
  mode: 'sitemap' | 'urls';
  sitemap?: string;
  startedAt: string;
  durationMs: number;
  /** Peak resident memory of the audit process (for CI runners with a memory limit). */
  peakRssBytes: number;
  failOn: Severity;
  /** What was skipped or bounded, and why (not findings: they do not count towards the score). */
  notes: string[];
  site: { score: number; grade: string; findings: Finding[]; rulesChecked: string[] };
  pages: PageResult[];
  summary: {
    pages: number;
    subresources: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    /** Findings at or above `failOn`: the exit status is 1 when this is not 0. */
    failing: number;
    passed: boolean;
  };
}
