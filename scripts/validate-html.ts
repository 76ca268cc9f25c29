// `npm run validate:html`: the W3C Nu checker (vnu.jar) over every HTML and SVG file of the built
// site, in one Java process. Exit 1 on any error, each listed as `dist/<file>:<line>:<col>: <message>`;
// warnings are listed (one line per distinct message) but do not fail. Exit 2 when the checker
// cannot run. Usage: node scripts/validate-html.ts [--dist dist]   (JAVA or JAVA_HOME picks the Java)
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateHtml, type HtmlValidation } from '../src/lib/validate-html.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
let result: HtmlValidation;
try {
  result = validateHtml(resolve(values.dist), { label: basename(resolve(values.dist)) });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
for (const line of result.errors) console.error(line);
for (const line of result.warnings) console.warn(line);
console.log(
  `[validate-html] ${result.html} HTML + ${result.svg} SVG file(s): ${result.errors.length} error(s), ${result.warnings.length} distinct warning(s), ${result.infos} info message(s), ${(result.ms / 1000).toFixed(2)} s`,
);
process.exit(result.errors.length > 0 ? 1 : 0);
