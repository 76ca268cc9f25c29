import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaims, type SourcedClaim } from '../data/claims.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import type { Finding } from './finding.ts';

// The content gate only lets literal props through, so the ids a page shows can be read from its
// source; a page documenting the component in a code block would count too (none does).
const USE = /<ToConfirm\b[^>]*?\bid=(["'])(.*?)\1/g;

interface PageSource {
  locale: Locale;
  /** @example compliance/nis2 */
  key: string;
  /** @example content/pages/fr/compliance/nis2.mdx */
  file: string;
  /** Claim ids the page shows with <ToConfirm id="…" />. */
  uses: Set<string>;
}

function readPages(root: string): PageSource[] {
  return LOCALES.flatMap((locale) => {
    const dir = `content/pages/${locale}`;
    let names: string[];
    try {
      names = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return names
      .filter((name) => /\.mdx?$/.test(name))
      .sort()
      .map((name) => {
        const file = `${dir}/${name.split('\\').join('/')}`;
        const uses = new Set([...readFileSync(join(root, file), 'utf8').matchAll(USE)].map((m) => m[2] ?? ''));
        return { locale, key: name.replace(/\.mdx?$/, ''), file, uses };
      });
  });
}

/**
 * The claims awaiting the vendor's confirmation, one warning each, for the editor; and, as errors,
 * any difference between where a claim says it is shown (`pages`) and where pages show it, in
 * each language: an unknown id, a page not listed, a listed page that does not show it.
 */
export function checkClaims(root: string): Finding[] {
  let claims: SourcedClaim[];
  try {
    claims = loadClaims(root);
  } catch (error) {
    return [{ level: 'error', file: 'content/claims/', message: (error as Error).message }];
  }
  const out: Finding[] = [];
  const pages = readPages(root);
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const page of pages) {
    for (const id of page.uses) {
      const claim = byId.get(id);
      const use = `<ToConfirm id="${id}" />`;
      if (!claim) out.push({ level: 'error', file: page.file, message: `${use}: no such claim in content/claims/` });
      else if (!claim.pages.includes(page.key)) {
        out.push({
          level: 'error',
          file: page.file,
          message: `${use}: ${claim.file} does not list this page: add ${page.key} to the claim's pages`,
        });
      }
    }
  }
  for (const claim of claims) {
    for (const key of claim.pages) {
      for (const locale of LOCALES) {
        const page = pages.find((p) => p.locale === locale && p.key === key);
        const message = !page
          ? `${claim.id}: pages: no page ${key} in content/pages/${locale}/`
          : !page.uses.has(claim.id)
            ? `${claim.id}: pages lists ${key}, but ${page.file} does not show it (<ToConfirm id="${claim.id}" />)`
            : undefined;
        if (message) out.push({ level: 'error', file: claim.file, message });
      }
    }
    if (claim.status === 'awaiting-confirmation') {
      const where = claim.pages.length > 0 ? `shown on ${claim.pages.join(', ')}` : 'shown on no page';
      out.push({
        level: 'warning',
        file: claim.file,
        message: `${claim.id}: awaiting the vendor's confirmation, ${where}: "${claim.en}"`,
      });
    }
  }
  return out;
}
