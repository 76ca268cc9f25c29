import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gradeOf, scoreFindings, siteScore } from '../../../src/audit/report/score.ts';
import type { Finding, Severity } from '../../../src/audit/report/types.ts';

const f = (ruleId: string, severity: Severity): Finding => ({
  ruleId,
  severity,
  message: '',
  url: 'http://127.0.0.1/',
});

describe('scoring', () => {
  test('a clean page scores 100 (A+); info costs nothing', () => {
    assert.equal(scoreFindings([]), 100);
    assert.equal(scoreFindings([f('sri-unverified', 'info')]), 100);
    assert.equal(gradeOf(100), 'A+');
  });

  test('each distinct rule costs its severity once', () => {
    assert.equal(scoreFindings([f('csp-missing', 'high')]), 80);
    assert.equal(scoreFindings([f('sri-missing', 'high'), f('sri-missing', 'high'), f('sri-missing', 'high')]), 80);
    assert.equal(scoreFindings([f('a', 'critical'), f('b', 'high'), f('c', 'medium'), f('d', 'low')]), 15);
  });

  test('never below 0', () => {
    assert.equal(scoreFindings([f('a', 'critical'), f('b', 'critical'), f('c', 'critical')]), 0);
  });

  test('Observatory grade bands', () => {
    const cases: [number, string][] = [
      [99, 'A'],
      [90, 'A'],
      [89, 'A-'],
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
      [24, 'F'],
      [0, 'F'],
    ];
    for (const [score, grade] of cases) assert.equal(gradeOf(score), grade, String(score));
  });

  test('the site scores as its weakest page minus site-wide rules', () => {
    assert.equal(siteScore([100, 80, 95], []), 80);
    assert.equal(siteScore([100, 80], [f('https-redirect-missing', 'high')]), 60);
    assert.equal(siteScore([], []), 100);
  });
});
