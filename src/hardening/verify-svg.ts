import { Parser } from 'htmlparser2';
import type { SecurityOptions } from '../security/options.ts';
import { getReferrerPolicy } from '../security/headers/simple.ts';
import type { DistFiles } from './dist-files.ts';
import { markupProblems } from './markup-rules.ts';
import { sourceOf, type BuildTrust } from './trust.ts';

/** Elements an SVG document must not hold: code, and HTML islands that could carry it. */
const REFUSED = new Set(['script', 'foreignobject', 'style']);

/**
 * An SVG file opened on its own is a document: its scripts and handlers run with our origin. It is
 * parsed as XML, as browsers parse `image/svg+xml`; a DOCTYPE (entity declarations would expand into
 * markup this reading cannot see) and `<?xml-stylesheet?>` (a load) are refused outright.
 */
export function verifySvg(file: string, dist: DistFiles, options: SecurityOptions, trust: BuildTrust): string[] {
  const source = sourceOf(file, trust);
  const text = dist.read(`/${file}`)?.toString('utf8') ?? '';
  const problems: string[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line += 1;
    return line;
  };
  const context = { origin: options.origin, pagePath: `/${file}`, referrerPolicy: getReferrerPolicy() };
  const parser: Parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        const at = lineAt(parser.startIndex);
        if (/^!doctype/i.test(name)) problems.push(`${source}:${at}: SVG with a DOCTYPE (entities could hide markup)`);
        if (/^\?xml-stylesheet/i.test(data)) problems.push(`${source}:${at}: <?xml-stylesheet?> in an SVG file`);
      },
      onopentag(name, attribs) {
        const at = lineAt(parser.startIndex);
        const tag = name.toLowerCase();
        if (REFUSED.has(tag)) problems.push(`${source}:${at}: <${name}> in an SVG file`);
        const element = { tag, space: 'svg' as const, attrs: new Map(Object.entries(attribs)) };
        for (const problem of markupProblems(element, context)) problems.push(`${source}:${at}: ${problem}`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return problems;
}
