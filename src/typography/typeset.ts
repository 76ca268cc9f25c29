import Typograf from 'typograf';
import { BOUNDARY, FRENCH_RULES, OPAQUE } from './french-rules.ts';

// Rules are registered on the class, once per process (Astro, tests and CLIs share this module).
for (const rule of FRENCH_RULES) if (!Typograf.getRule(rule.name)) Typograf.addRule(rule);

// Every typograf rule is off but ours: its common rules would trim the text of each node (eating
// the space between two inline elements), delete French spaces, or rewrite quotes node by node.
const typograf = new Typograf({ locale: ['fr'], disableRule: '*', enableRule: FRENCH_RULES.map((r) => r.name) });

// typograf reads `&…;` and `\u00a0;` as entities and `<x` as a tag; text nodes hold decoded text,
// where `&nbsp;` is six characters an author wrote on purpose. Swap them for control characters.
const SHIELD: [string, string][] = [
  ['&', '\u0003'],
  ['<', '\u0004'],
  ['\\', '\u0005'],
];
// Left as written rather than corrupted: text holding our stand-ins, or private-use characters
// (icon fonts), which typograf deletes. (It also turns CR LF into LF, which HTML does anyway.)
const RESERVED = /[\u0001-\u0005\ue000-\uf8ff]/;

function execute(text: string): string {
  let shielded = text;
  for (const [char, stand] of SHIELD) shielded = shielded.replaceAll(char, stand);
  let out = typograf.execute(shielded);
  for (const [char, stand] of SHIELD) out = out.replaceAll(stand, char);
  return out;
}

/** French spacing for one string of plain text (UI words, data values): `Titre : x` → `Titre\u00a0: x`. */
export function typesetFrench(text: string): string {
  return RESERVED.test(text) ? text : execute(text);
}

/**
 * A run of adjacent text pieces typeset as one text, so a space and its sign in two nodes
 * (`<a>lien</a> :`) are seen together. `null` pieces stand for elements kept verbatim. Returns
 * the new value of each piece, or `undefined` when the run cannot be split back safely.
 */
export function typesetRun(pieces: readonly (string | null)[]): (string | null)[] | undefined {
  if (pieces.some((p) => p !== null && RESERVED.test(p))) return undefined;
  const out = execute(pieces.map((p) => p ?? OPAQUE).join(BOUNDARY)).split(BOUNDARY);
  if (out.length !== pieces.length) return undefined;
  const kept = out.every((value, i) => (pieces[i] === null) === (value === OPAQUE));
  return kept ? out.map((value, i) => (pieces[i] === null ? null : value)) : undefined;
}
