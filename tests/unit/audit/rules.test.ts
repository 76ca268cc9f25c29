import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { HEADER_RULES } from '../../../src/audit/checks/headers.ts';
import { renderRulesDoc } from '../../../src/audit/rules/doc.ts';
import { RULES } from '../../../src/audit/rules/registry.ts';
import { SEVERITIES } from '../../../src/audit/report/severity.ts';
import { SRI_RULES } from '../../../src/audit/checks/subresources.ts';
import { BASE_RULES } from '../../../src/audit/checks/base-url.ts';
import { CSS_IMPORT_RULES } from '../../../src/audit/checks/css-imports.ts';
import { THIRD_PARTY_RULES } from '../../../src/audit/checks/third-party.ts';
import { REFRESH_RULES } from '../../../src/audit/checks/refresh.ts';

describe('rule table', () => {
  test('ids are unique kebab-case; each rule has a severity, a title, help and an https reference', () => {
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok((SEVERITIES as readonly string[]).includes(rule.severity), rule.id);
      assert.ok(rule.title.length > 10 && rule.help.length > 40, rule.id);
      assert.match(rule.reference, /^https:\/\/[^\s]+$/, rule.id);
    }
  });

  test('every rule is checked somewhere, and no check uses a rule outside the table', () => {
    const checked = new Set([
      ...HEADER_RULES,
      ...SRI_RULES.ids,
      ...BASE_RULES.ids,
      ...THIRD_PARTY_RULES.ids,
      ...CSS_IMPORT_RULES.ids,
      ...REFRESH_RULES.ids,
      'page-unjudged',
      'page-xml',
      'page-status',
      'redirect-off-origin',
      'manifest-drift',
      'https-redirect-missing',
    ]);
    assert.deepEqual([...checked].sort(), RULES.map((r) => r.id).sort());
  });

  test('docs/audit-rules.md is up to date (regenerate: npm run audit -- --print-rules > docs/audit-rules.md)', () => {
    assert.equal(readFileSync('docs/audit-rules.md', 'utf8'), renderRulesDoc());
  });
});
