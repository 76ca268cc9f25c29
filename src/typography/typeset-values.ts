import { typesetFrench } from './typeset.ts';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

// Everything below a `fr` key is French text: strings, lists of strings, and the functions of a
// dictionary (`responsibility(name)`), whose output is typeset once the sentence is complete.
function french(value: unknown): unknown {
  if (typeof value === 'string') return typesetFrench(value);
  if (typeof value === 'function')
    return (...args: unknown[]) => french((value as (...a: unknown[]) => unknown)(...args));
  if (Array.isArray(value)) return value.map(french);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, french(v)]));
  return value;
}

function search(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(search);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fr' ? french(v) : search(v)]));
  }
  return value;
}

/**
 * A copy of `value` with French spacing in every `fr` member, however deep: the `{ en, fr }`
 * entries of a UI dictionary, the per-locale blocks of the declaration text, the localized fields
 * of content data. Applied once where the dictionary or the data is defined, so every page, PDF
 * and JSON that uses it agrees. Only plain objects and arrays are entered (a Buffer or a Date is
 * kept as is). The type is unchanged: literal types of an `as const` dictionary name the text as
 * written, before its spaces became no-break ones.
 */
export function typesetFrenchIn<T>(value: T): T {
  return search(value) as T;
}

/** A copy of `data` with French spacing in the named string fields (front matter of a French page). */
export function typesetFields<T extends object>(data: T, keys: readonly (keyof T)[]): T {
  const copy = { ...data };
  for (const key of keys) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = typesetFrench(value) as T[keyof T];
  }
  return copy;
}
