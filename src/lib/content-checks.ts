import { InputError } from '../schemas/parse.ts';
import { LOCALES, isLocale, type Locale } from '../i18n/locales.ts';

/** Splits `en/compliance/cra.mdx` into its locale and key, or throws naming the file. */
export function splitContentId(file: string, id: string): { locale: Locale; key: string } {
  const [folder = '', ...rest] = id.split('/');
  if (!isLocale(folder)) {
    throw new InputError(
      `${file}: locale: unknown locale "${folder}" (the first folder must be one of ${LOCALES.join(', ')})`,
    );
  }
  const key = rest.join('/').replace(/\.(md|mdx)$/, '');
  if (key === '') throw new InputError(`${file}: key: a content file must sit inside a locale folder`);
  return { locale: folder, key };
}

/** Throws when two files resolve to the same URL, naming both files. */
export function assertUniquePaths(items: readonly { file: string; path: string }[], field = 'slug'): void {
  const seen = new Map<string, string>();
  for (const { file, path } of items) {
    const other = seen.get(path);
    if (other !== undefined) {
      throw new InputError(`${file}: ${field}: ${path} is already claimed by ${other}`);
    }
    seen.set(path, file);
  }
}

/** Throws when a key exists in one locale but not in another: every page ships in both languages. */
export function assertTranslated(items: readonly { file: string; key: string; locale: Locale }[]): void {
  for (const { file, key, locale } of items) {
    for (const other of LOCALES) {
      if (other === locale) continue;
      if (!items.some((i) => i.key === key && i.locale === other)) {
        throw new InputError(
          `${file}: translation: no ${other} version of "${key}" (expected content/.../${other}/${key}.*)`,
        );
      }
    }
  }
}
