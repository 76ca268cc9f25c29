import type { TypografRule } from 'typograf';

/** No-break space (U+00A0): before a colon, after n°. */
export const NBSP = '\u00a0';
/** Narrow no-break space (U+202F): before ; ! ? » and %, after «, as typograf's own fr quotes use. */
export const NNBSP = '\u202f';
// Control characters, which HTML text never holds (typograf deletes private-use ones).
/**
 * Where one text node ends and the next begins when a run of inline text is typeset in one piece
 * (see text-runs.ts). Rules look through it, so `« <em>mot</em> »` is spaced like `« mot »`.
 */
export const BOUNDARY = '\u0001';
/** Stands for an element kept verbatim inside a run (`<code>`, `<kbd>`): a non-space character. */
export const OPAQUE = '\u0002';

// Whitespace a browser may break at, existing no-break spaces, and node boundaries, in any order.
const GAP = `(?:[ \\t\\n\\r${NBSP}${NNBSP}]|${BOUNDARY})*`;
const SOLID = `[^\\s${BOUNDARY}]`;
const BREAKABLE = /[ \t\n\r]/;

const boundaries = (gap: string) => gap.replaceAll(/[^\u0001]/g, '');
// The no-break space goes next to its sign, the node boundaries keep their order: a space before
// `:` that was inside a link moves out of it, so the link's underline does not run under it.
const spaceBefore = (gap: string, space: string) => (BREAKABLE.test(gap) ? boundaries(gap) + space : gap);
const spaceAfter = (gap: string, space: string) => (BREAKABLE.test(gap) ? space + boundaries(gap) : gap);
const replace = (pattern: string, flags: string, by: (gap: string) => string) => (text: string) =>
  text.replace(new RegExp(pattern, flags), (_match, gap: string) => by(gap));

/**
 * typograf 7.8 knows French quotes but has no French spacing rules, and its common rules *delete*
 * the space before `: ; ! ? %` (delBeforePunctuation, delBeforePercent). These are the missing
 * rules, in typograf's rule format, run by typograf with its other rules off (see typeset.ts).
 * A gap with no breakable space is left as written (the author chose that space). Only « »
 * get a space where none was written: they always take one, whereas inserting one before `:` or
 * `?` could change a time (10:30), a ratio or a command quoted outside `code`.
 */
export const FRENCH_RULES: TypografRule[] = [
  {
    name: 'fr/nbsp/beforeColon',
    handler: replace(`(${GAP})(?=:)`, 'g', (gap) => spaceBefore(gap, NBSP)),
  },
  {
    name: 'fr/nbsp/beforeHighPunctuation',
    handler: replace(`(${GAP})(?=[;!?])`, 'g', (gap) => spaceBefore(gap, NNBSP)),
  },
  {
    name: 'fr/nbsp/afterOpeningGuillemet',
    handler: replace(`(?<=«)(${GAP})(?=${SOLID})`, 'g', (gap) => NNBSP + boundaries(gap)),
  },
  {
    name: 'fr/nbsp/beforeClosingGuillemet',
    handler: replace(`(?<=${SOLID})(${GAP})(?=»)`, 'g', (gap) => boundaries(gap) + NNBSP),
  },
  {
    name: 'fr/nbsp/beforePercent',
    handler: replace(`(?<=\\d)(${GAP})(?=%)`, 'g', (gap) => spaceBefore(gap, NNBSP)),
  },
  {
    name: 'fr/nbsp/afterNumero',
    handler: replace(`(?<=(?<![\\p{L}\\p{N}])[nN][°º])(${GAP})(?=${SOLID})`, 'gu', (gap) => spaceAfter(gap, NBSP)),
  },
];
