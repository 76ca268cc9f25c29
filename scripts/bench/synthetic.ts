import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EN_WORDS =
  'relay key derivation session conversation file display backup closed network operator policy audit trace metadata persistence client server update integrity authentication rotation archive'.split(
    ' ',
  );
const FR_WORDS =
  'relais clé dérivation session conversation fichier affichage sauvegarde réseau fermé opérateur politique audit trace métadonnées persistance client serveur mise à jour intégrité authentification rotation archive'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers (no Math.random: two runs build the same site). */
function* numbers(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x;
  }
}

function paragraph(words: string[], rand: Generator<number>, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[(rand.next().value as number) % words.length] ?? '');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * Version `i` of a long synthetic history: 10.0.0, 10.0.1, …, 10.0.9, 10.1.0, … — above the real
 * notes (2.x), which stay because advisories, declarations and the SBOM refer to them.
 */
export const versionOf = (i: number) => `${10 + Math.floor(i / 100)}.${Math.floor(i / 10) % 10}.${i % 10}`;

function note(locale: 'en' | 'fr', i: number): string {
  const rand = numbers(i * 7 + (locale === 'fr' ? 1 : 0));
  const words = locale === 'fr' ? FR_WORDS : EN_WORDS;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const year = 2010 + Math.floor(i / 336);
  const heading =
    locale === 'fr' ? ['Sécurité', 'Améliorations', 'Corrections'] : ['Security', 'Improvements', 'Fixes'];
  const sections = heading
    .map(
      (h) =>
        `## ${h}\n\n${paragraph(words, rand, 60)}\n\n- ${paragraph(words, rand, 14)}\n- ${paragraph(words, rand, 12)}\n`,
    )
    .join('\n');
  return `---
version: ${versionOf(i)}
date: ${year}-${month}-${day}
summary: "${paragraph(words, rand, 12)}"
---

${paragraph(words, rand, 40)}

${sections}
\`\`\`yaml
relay:
  version: ${versionOf(i)}
  persistence: reduced
  backup:
    encrypted: true
\`\`\`
`;
}

/** Adds `count` synthetic release notes per locale next to the project's real ones. */
export function writeSyntheticReleases(root: string, count: number): void {
  for (const locale of ['en', 'fr'] as const) {
    const dir = join(root, 'content', 'releases', locale);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `${versionOf(i)}.md`), note(locale, i));
  }
}
