import type { AuditReport, Finding } from '../../../../src/audit/report/types.ts';

export const NASTY = 'style-src allows \'unsafe-inline\' <script>&"x"</script> \u0001 line\nbreak';

const f = (ruleId: string, severity: Finding['severity'], url: string, message: string): Finding => ({
  ruleId,
  severity,
  message,
  url,
});

/** A small report: one clean page, one page with findings (one message full of markup and a control character). */
export function sampleReport(overrides: Partial<AuditReport> = {}): AuditReport {
  const bad = 'http://127.0.0.1:9/weak?a=1&b=2';
  const findings = [
    f('csp-unsafe-inline', 'high', bad, NASTY),
    f('server-version', 'low', bad, 'Server "nginx/1.22.1" discloses a version'),
    {
      ...f('manifest-drift', 'high', bad, 'X-Frame-Options is absent; the manifest expects "DENY"'),
      header: 'X-Frame-Options',
      expected: 'DENY',
      actual: null,
    },
  ];
  return {
    tool: { name: 'cryptpeer-audit', version: '0.1.0' },
    targets: ['http://127.0.0.1:9/'],
    mode: 'urls',
    startedAt: '2026-01-02T03:04:05.678Z',
    durationMs: 1234,
    peakRssBytes: 104_857_600,
    failOn: 'medium',
    notes: ['HTTP→HTTPS redirect not checked for http://127.0.0.1:9: 127.0.0.1 is a loopback host'],
    site: { score: 55, grade: 'C', findings: [], rulesChecked: [] },
    pages: [
      {
        url: 'http://127.0.0.1:9/',
        status: 200,
        contentType: 'text/html',
        score: 100,
        grade: 'A+',
        findings: [],
        rulesChecked: ['csp-missing', 'hsts-missing'],
        durationMs: 12,
      },
      {
        url: bad,
        status: 200,
        contentType: 'text/html',
        score: 55,
        grade: 'C',
        findings,
        rulesChecked: ['csp-missing', 'csp-unsafe-inline', 'server-version', 'manifest-drift'],
        durationMs: 34,
      },
    ],
    summary: {
      pages: 2,
      subresources: 1,
      findings: 3,
      bySeverity: { info: 0, low: 1, medium: 0, high: 2, critical: 0 },
      failing: 2,
      passed: false,
    },
    ...overrides,
  };
}
