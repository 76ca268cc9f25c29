import { z } from 'zod';
import semver from 'semver';

/**
 * A calendar date written as ISO 8601 `YYYY-MM-DD`.
 * YAML parsers turn an unquoted `2026-01-15` into a Date: both forms are accepted and normalised
 * to the string, so the rest of the code never deals with time zones.
 * @example 2026-01-15
 */
export const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parsed = match ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!match || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: 'custom', message: `expected an ISO 8601 date YYYY-MM-DD, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return text;
});

/**
 * A semantic version (https://semver.org), without a leading `v`.
 * @example 2.1.0
 */
export const semverString = z
  .string()
  .refine((value) => semver.valid(value) === value, { message: 'expected a semantic version such as 2.1.0' });

/** An absolute https URL. @example https://cryptpeer.com/ */
export const httpsUrl = z.url({ protocol: /^https$/, message: 'expected an absolute https:// URL' });

/** A `mailto:` or `https:` contact URI, as RFC 9116 `Contact` expects. @example mailto:security@example.com */
export const contactUri = z
  .string()
  .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'expected a mailto: or https: URI');

/** Text written once per locale. @example { en: "Hello", fr: "Bonjour" } */
export const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localized>;
