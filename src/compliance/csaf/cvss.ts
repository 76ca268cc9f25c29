/**
 * CVSS v3.1 base score from a base vector (FIRST specification, section 7), so an advisory states
 * only the vector and can never carry a score that disagrees with it. The CSAF validator's
 * mandatory test 6.1.9 recomputes it independently.
 */
const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

export type Severity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** The specification's Roundup: the smallest one-decimal number ≥ x, free of float noise. */
export function roundUp(value: number): number {
  const scaled = Math.round(value * 100_000);
  return scaled % 10_000 === 0 ? scaled / 100_000 : (Math.floor(scaled / 10_000) + 1) / 10;
}

export function severityOf(score: number): Severity {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

export function cvss31BaseScore(vector: string): { baseScore: number; baseSeverity: Severity } {
  const metrics = new Map(
    vector
      .split('/')
      .slice(1)
      .map((part) => part.split(':') as [string, string]),
  );
  const get = (name: string, table: Readonly<Record<string, number>>): number => {
    const value = table[metrics.get(name) ?? ''];
    if (value === undefined) throw new Error(`[cvss] ${vector}: missing or invalid metric ${name}`);
    return value;
  };
  const changed = metrics.get('S') === 'C';
  const pr = get('PR', changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 });
  const iss = 1 - (1 - get('C', WEIGHTS.CIA)) * (1 - get('I', WEIGHTS.CIA)) * (1 - get('A', WEIGHTS.CIA));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const exploitability = 8.22 * get('AV', WEIGHTS.AV) * get('AC', WEIGHTS.AC) * pr * get('UI', WEIGHTS.UI);
  const baseScore = impact <= 0 ? 0 : roundUp(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
  return { baseScore, baseSeverity: severityOf(baseScore) };
}
