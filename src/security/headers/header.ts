import type { Locale } from '../../i18n/locales.ts';
import type { SecurityOptions } from '../options.ts';

/** Why a header is sent, in every locale, for the website-security page. */
export type Reason = Readonly<Record<Locale, string>>;

/**
 * One header of the policy, with its value and its reason side by side, so a header cannot be
 * added without saying why (the type requires both) and the reason cannot restate a value that the
 * options decide (it is computed from the same options).
 */
export interface HeaderDefinition {
  readonly name: string;
  /** The value served, or undefined when the options switch the header off. */
  readonly value: (options: SecurityOptions) => string | undefined;
  readonly reason: (options: SecurityOptions) => Reason;
}

/** A definition whose value and reason do not depend on the options. */
export function fixedHeader(name: string, value: string, reason: Reason): HeaderDefinition {
  return { name, value: () => value, reason: () => reason };
}
