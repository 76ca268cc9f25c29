import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HSTS_RULES } from '../../../src/audit/checks/hsts.ts';
import { defineRules } from '../../../src/audit/rules/rule.ts';
import { RULES } from '../../../src/audit/rules/registry.ts';

const OWN = defineRules([
  {
    id: 'own-rule',
    severity: 'medium',
    scope: 'page',
    title: 'A rule of this test module',
    help: 'Only this module can raise it.',
    reference: 'https://example.test/',
  },
] as const);

describe('defineRules: each check module raises only the rules it declares', () => {
  test('a finding takes its severity from the declaring module', () => {
    assert.deepEqual(OWN.finding('own-rule', 'http://127.0.0.1/', 'seen'), {
      ruleId: 'own-rule',
      severity: 'medium',
      message: 'seen',
      url: 'http://127.0.0.1/',
    });
  });

  test("another module's rule id does not compile, and throws if forced through a cast", () => {
    // @ts-expect-error -- hsts-missing belongs to checks/hsts.ts (tsc fails if this line compiles)
    assert.throws(() => OWN.finding('hsts-missing', 'http://127.0.0.1/', 'x'), /hsts-missing is not declared/);
  });

  test('the registry collects every module’s rules, in declaration order', () => {
    const ids = RULES.map((r) => r.id);
    const start = ids.indexOf('hsts-missing');
    assert.deepEqual(ids.slice(start, start + HSTS_RULES.ids.length), HSTS_RULES.ids);
  });
});
