/** Fields of the IANA "security.txt Fields" registry, lower-cased, and whether they may repeat. */
const FIELDS: Readonly<Record<string, { repeat: boolean; uri: boolean }>> = {
  acknowledgments: { repeat: true, uri: true },
  canonical: { repeat: true, uri: true },
  contact: { repeat: true, uri: true },
  csaf: { repeat: true, uri: true },
  encryption: { repeat: true, uri: true },
  expires: { repeat: false, uri: false },
  hiring: { repeat: true, uri: true },
  policy: { repeat: true, uri: true },
  'preferred-languages': { repeat: false, uri: false },
  'bug-bounty': { repeat: false, uri: false },
};

export interface ParsedSecurityTxt {
  /** Lower-cased field name → values in file order. */
  fields: Map<string, string[]>;
  expires: Date;
  /** True when the file is an OpenPGP cleartext-signed message (the signature itself is not checked here). */
  signed: boolean;
}

export interface ParseOptions {
  /** The moment the file is judged at: Expires must be after it and at most a year later. */
  now: Date;
  /** The URL the file is served from; RFC 9116 §2.5.2 wants it listed as a Canonical. */
  canonical?: string;
}

/** RFC 3339 date-time (§5.6), with a time zone; the form RFC 9116 §2.5.5 requires for Expires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const YEAR_MS = 365 * 86_400_000;

/** RFC 4880 §7: the text between the armor headers, with dash-escaping removed. */
function unwrapCleartext(text: string, problems: string[]): string {
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf('-----BEGIN PGP SIGNED MESSAGE-----');
  const sig = lines.indexOf('-----BEGIN PGP SIGNATURE-----');
  const end = lines.indexOf('-----END PGP SIGNATURE-----');
  if (start !== 0 || sig < 0 || end < sig) {
    problems.push('a signed security.txt must be one OpenPGP cleartext signed message (RFC 9116 §2.3)');
    return '';
  }
  let i = start + 1;
  while (i < sig && lines[i] !== '') {
    if (!/^Hash: /.test(lines[i] ?? ''))
      problems.push(`line ${i + 1}: unexpected armor header ${JSON.stringify(lines[i])}`);
    i++;
  }
  return lines
    .slice(i + 1, sig)
    .map((line) => (line.startsWith('- ') ? line.slice(2) : line))
    .join('\n');
}

/**
 * A strict RFC 9116 reader: every line must be a comment, blank, or `Field: value` with a registered
 * field; Contact at least once; Expires exactly once, RFC 3339, in the future and within a year;
 * Preferred-Languages at most once; every URI field a valid URI, web URIs in https only; and the
 * serving URL among the Canonical values when given. Throws one error listing every problem.
 */
export function parseSecurityTxt(text: string, options: ParseOptions): ParsedSecurityTxt {
  const problems: string[] = [];
  const signed = text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----');
  const body = signed ? unwrapCleartext(text, problems) : text;
  if (!signed && /-----BEGIN PGP/.test(text)) problems.push('OpenPGP armor found, but the file does not start with it');
  const fields = new Map<string, string[]>();
  body.split(/\r?\n/).forEach((line, index) => {
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9-]+):[ \t]*(\S.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) {
      problems.push(`line ${index + 1}: not a "Field: value" line: ${JSON.stringify(line)}`);
      return;
    }
    const name = match[1].toLowerCase();
    const value = match[2].trimEnd();
    const spec = FIELDS[name];
    if (!spec) {
      problems.push(`line ${index + 1}: ${match[1]} is not a registered security.txt field`);
      return;
    }
    if (spec.uri) {
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        problems.push(`line ${index + 1}: ${match[1]}: not a URI: ${value}`);
      }
      if (url && url.protocol === 'http:')
        problems.push(`line ${index + 1}: ${match[1]}: web URIs must use https (${value})`);
      if (url && name !== 'contact' && url.protocol !== 'https:')
        problems.push(`line ${index + 1}: ${match[1]}: expected an https URI`);
    }
    fields.set(name, [...(fields.get(name) ?? []), value]);
  });
  for (const [name, spec] of Object.entries(FIELDS)) {
    if (!spec.repeat && (fields.get(name)?.length ?? 0) > 1) problems.push(`${name}: must appear at most once`);
  }
  if (!fields.has('contact')) problems.push('Contact: at least one is required');
  const expiresValue = fields.get('expires')?.[0];
  let expires = new Date(Number.NaN);
  if (expiresValue === undefined) problems.push('Expires: required');
  else if (!RFC3339.test(expiresValue) || Number.isNaN(Date.parse(expiresValue))) {
    problems.push(`Expires: not an RFC 3339 date-time: ${expiresValue}`);
  } else {
    expires = new Date(expiresValue);
    if (expires.getTime() <= options.now.getTime()) problems.push(`Expires: ${expiresValue} is in the past`);
    if (expires.getTime() > options.now.getTime() + YEAR_MS)
      problems.push(`Expires: ${expiresValue} is more than a year ahead`);
  }
  for (const tag of (fields.get('preferred-languages')?.[0] ?? 'en').split(',')) {
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag.trim()))
      problems.push(`Preferred-Languages: ${tag.trim()} is not a language tag`);
  }
  if (options.canonical && !(fields.get('canonical') ?? []).includes(options.canonical)) {
    problems.push(`Canonical: ${options.canonical} is not listed`);
  }
  if (problems.length > 0) throw new Error(`[security.txt] not a valid RFC 9116 file:\n  ${problems.join('\n  ')}`);
  return { fields, expires, signed };
}
