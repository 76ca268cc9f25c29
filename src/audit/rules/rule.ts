import type { Severity } from '../report/severity.ts';
import type { Finding } from '../report/types.ts';

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

/** The rules one check module declares, and the only way that module can raise a finding. */
export interface RuleSet<R extends readonly Rule[]> {
  /** In declaration order, which is the order of docs/audit-rules.md and every report format. */
  readonly rules: R;
  readonly ids: readonly R[number]['id'][];
  /** A finding of one of these rules: an id the module did not declare is a type error. */
  readonly finding: (
    id: R[number]['id'],
    url: string,
    message: string,
    extra?: Pick<Finding, 'header' | 'expected' | 'actual'>,
  ) => Finding;
}

/** Declares a check module's rules next to its code; `src/audit/rules/registry.ts` only collects them. */
export function defineRules<const R extends readonly Rule[]>(rules: R): RuleSet<R> {
  const byId = new Map<string, Rule>(rules.map((rule) => [rule.id, rule]));
  return {
    rules,
    ids: rules.map((rule) => rule.id),
    finding: (id, url, message, extra = {}) => {
      const rule = byId.get(id);
      // Unreachable from typed code; a cast must not produce a finding with no rule behind it.
      if (!rule) throw new Error(`audit: rule ${id} is not declared by this check`);
      return { ruleId: rule.id, severity: rule.severity, message, url, ...extra };
    },
  };
}
