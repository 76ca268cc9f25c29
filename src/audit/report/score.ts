import type { Severity } from './severity.ts';
import type { Finding } from './types.ts';

/** Points a rule costs, once per page however many times it fires there. */
export const DEDUCTIONS: Readonly<Record<Severity, number>> = { critical: 50, high: 20, medium: 10, low: 5, info: 0 };

/** Grade bands of the MDN HTTP Observatory (lowest score of each band). */
export const GRADE_BANDS: readonly (readonly [number, string])[] = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
];

/**
 * 100 minus the deduction of each distinct rule that fired, never below 0. Counting a rule once
 * keeps a page with ten unpinned scripts from scoring below a page with no CSP at all.
 */
export function scoreFindings(findings: readonly Finding[], start = 100): number {
  const worst = new Map<string, number>();
  for (const f of findings) worst.set(f.ruleId, Math.max(worst.get(f.ruleId) ?? 0, DEDUCTIONS[f.severity]));
  let score = start;
  for (const points of worst.values()) score -= points;
  return Math.max(0, score);
}

export function gradeOf(score: number): string {
  return GRADE_BANDS.find(([min]) => score >= min)?.[1] ?? 'F';
}

/** The site scores as its weakest page, minus the site-wide rules (the HTTPS redirect). */
export function siteScore(pageScores: readonly number[], siteFindings: readonly Finding[]): number {
  const weakest = pageScores.reduce((min, s) => Math.min(min, s), 100);
  return scoreFindings(siteFindings, weakest);
}
