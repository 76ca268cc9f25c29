// EN/FR parity of facts on the structured data: every `{ en, fr }` text of content/*.yaml,
// content/declarations/, content/advisories/ and content/claims/, and the regulation the
// declarations cite, must carry the same numbers (articles, dates, amounts, versions), the same
// months and the same authorities and acronyms. (The page prose is not structured: the writers'
// parity review covers it.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { CRA } from '../../src/compliance/declaration/text.ts';
import { REPO } from '../support/temp-project.ts';

const MONTHS: Record<string, number> = Object.fromEntries(
  [
    ['january', 'janvier'],
    ['february', 'février'],
    ['march', 'mars'],
    ['april', 'avril'],
    ['may', 'mai'],
    ['june', 'juin'],
    ['july', 'juillet'],
    ['august', 'août'],
    ['september', 'septembre'],
    ['october', 'octobre'],
    ['november', 'novembre'],
    ['december', 'décembre'],
  ].flatMap(([en = '', fr = ''], i) => [
    [en, i + 1],
    [fr, i + 1],
  ]),
);
// The same body or act under its other language's acronym; every other acronym must match as written.
const ALIASES: Record<string, string> = { RGPD: 'GDPR', UE: 'EU', CEPD: 'EDPB' };

/** What must not differ between translations: numbers, months, acronyms (authorities, acts, standards). */
function factsOf(text: string): string[] {
  const numbers = text.match(/\d+/g) ?? [];
  const months = (text.toLowerCase().match(/\p{L}+/gu) ?? []).flatMap((w) => (MONTHS[w] ? [`month ${MONTHS[w]}`] : []));
  const acronyms = (text.match(/\b\p{Lu}{2,}\d*\b/gu) ?? []).map((a) => ALIASES[a] ?? a);
  return [...numbers, ...months, ...acronyms].sort();
}

type Pair = { where: string; en: unknown; fr: unknown };
function pairs(value: unknown, where: string): Pair[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pairs(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = 'en' in record && 'fr' in record ? [{ where, en: record['en'], fr: record['fr'] }] : [];
  return [
    ...own,
    ...Object.entries(record).flatMap(([k, v]) => (k === 'en' || k === 'fr' ? [] : pairs(v, `${where}.${k}`))),
  ];
}

const yamlFiles = ['content', 'content/declarations', 'content/advisories', 'content/claims'].flatMap((dir) =>
  readdirSync(join(REPO, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `${dir}/${name}`),
);

describe('EN and FR carry the same facts', () => {
  test('the fact extractor sees numbers, dates and authorities', () => {
    assert.deepEqual(
      factsOf('Article 14 since 11 September 2026, to ANSSI and the CNIL (GDPR)'),
      factsOf('l’article 14 depuis le 11 septembre 2026, auprès de l’ANSSI et de la CNIL (RGPD)'),
    );
    assert.notDeepEqual(factsOf('11 September 2026'), factsOf('11 octobre 2026'));
    assert.notDeepEqual(factsOf('notify ENISA'), factsOf('notifier le CSIRT'));
  });

  test('the regulation cited by the declarations', () => {
    assert.deepEqual(factsOf(CRA.title.en), factsOf(CRA.title.fr));
  });

  for (const file of yamlFiles) {
    test(file, () => {
      const data: unknown = parse(readFileSync(join(REPO, file), 'utf8'));
      const problems: string[] = [];
      for (const { where, en, fr } of pairs(data, '')) {
        const ens = Array.isArray(en) ? en : [en];
        const frs = Array.isArray(fr) ? fr : [fr];
        if (ens.length !== frs.length) problems.push(`${where}: ${ens.length} item(s) in en, ${frs.length} in fr`);
        ens.forEach((e, i) => {
          const [a, b] = [String(e), String(frs[i] ?? '')];
          if (a.trim() === '' || b.trim() === '') problems.push(`${where}[${i}]: empty text`);
          const [fa, fb] = [factsOf(a), factsOf(b)];
          if (fa.join() !== fb.join())
            problems.push(`${where}${ens.length > 1 ? `[${i}]` : ''}: en ${fa.join(' ')} ≠ fr ${fb.join(' ')}`);
        });
      }
      assert.deepEqual(problems, []);
    });
  }
});
