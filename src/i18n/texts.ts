import { getSiteData } from '../data/site.ts';
import { typesetFrenchIn } from '../typography/typeset-values.ts';
import { LOCALES, type Locale } from './locales.ts';

/** What one translation may be: a string, a list of strings, or a sentence built from arguments. */
export type TextValue = string | readonly string[] | ((...args: never[]) => string);
/** One text in every locale. A locale left out does not type-check. */
export type TextEntry = { readonly [L in Locale]: TextValue };
/** Texts by key; a key may also hold a group of texts (`items: { product: { en, fr } }`). */
export interface TextTable {
  readonly [key: string]: TextEntry | TextTable;
}

/** The site facts a text may name: `{product}` in a text becomes the product name of `content/site.yaml`. */
export interface TextNames {
  product: string;
}

// Every locale must give the same kind of value as English: a sentence function in English and a
// plain string in French would fail at run time, so it fails to type-check instead.
type Checked<T> = {
  readonly [K in keyof T]: T[K] extends TextEntry ? { readonly [L in Locale]: Widen<T[K]['en']> } : Checked<T[K]>;
};
type Widen<V> = V extends string ? string : V extends readonly string[] ? readonly string[] : V;

/** The texts of one locale, as the code reads them: `texts(locale).title`. */
export type Texts<T> = { readonly [K in keyof T]: T[K] extends TextEntry ? Widen<T[K]['en']> : Texts<T[K]> };
/** A defined table: call it with a locale. `names` replaces the site's facts (tests, other sites). */
export type TextLookup<T> = (locale: Locale, names?: TextNames) => Texts<T>;

const isEntry = (value: TextEntry | TextTable): value is TextEntry => LOCALES.every((l) => l in value);

/** The site's own names, read from `content/site.yaml` the first time a text needs them. */
export const siteNames = (): TextNames => ({ product: getSiteData().product.name });

// Only the names of `TextNames` are filled in: other braces are left as written, since some texts
// are templates a script completes in the browser (the search messages' `{q}` and `{n}`).
// `names` is called only when a text holds one, so a table without names never reads site.yaml.
const fill = (text: string, names: () => TextNames): string =>
  text.includes('{product}') ? text.replaceAll('{product}', names().product) : text;

function pick(value: TextValue, names: () => TextNames): TextValue {
  if (typeof value === 'string') return fill(value, names);
  if (typeof value === 'function') return (...args: never[]) => fill(value(...args), names);
  return value.map((text) => fill(text, names));
}

function resolve(table: TextTable, locale: Locale, names: () => TextNames): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [
      key,
      isEntry(value) ? pick(value[locale], names) : resolve(value, locale, names),
    ]),
  );
}

/**
 * The one way the code writes words a reader sees, in every locale, side by side:
 *
 *     const text = defineTexts({ title: { en: 'Downloads', fr: 'Téléchargements' } });
 *     text(locale).title
 *
 * A missing locale is a type error. `{product}` is filled in from `content/site.yaml`, then French
 * texts get their no-break spaces (a sentence function's output once its sentence is complete).
 * Each locale is resolved once per set of names and kept.
 */
export function defineTexts<const T extends TextTable>(table: T & Checked<T>): TextLookup<T> {
  const resolved = new Map<string, Texts<T>>();
  return (locale, names) => {
    const key = names ? `${locale}\u0000${names.product}` : locale;
    let texts = resolved.get(key);
    if (!texts) {
      const view = resolve(table, locale, names ? () => names : siteNames);
      // typesetFrenchIn typesets what is below a `fr` key, functions included.
      texts = (locale === 'fr' ? typesetFrenchIn({ fr: view }).fr : view) as Texts<T>;
      resolved.set(key, texts);
    }
    return texts;
  };
}
