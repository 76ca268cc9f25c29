import { OPTIONS, USAGE } from '../cli/args.ts';
import { EXIT } from '../cli/exit.ts';
import { MAX_OPEN_SITEMAP_ELEMENTS } from '../net/crawl.ts';
import { RULES } from './registry.ts';
import { DEDUCTIONS, GRADE_BANDS } from '../report/score.ts';
import { SEVERITIES } from '../report/severity.ts';

/**
 * docs/audit-rules.md, generated from the rule table, the options and the scoring constants
 * (`npm run audit -- --print-rules > docs/audit-rules.md`). A unit test fails when the file is stale.
 */
export function renderRulesDoc(): string {
  const options = Object.entries(OPTIONS).map(([name, o]) => `- \`--${`${name} ${o.value}`.trimEnd()}\`: ${o.help}.`);
  const severities = [...SEVERITIES].reverse().map((s) => `- \`${s}\`: −${DEDUCTIONS[s]} points`);
  const bands = GRADE_BANDS.map(([min, grade], i) => {
    const max = i === 0 ? 100 : (GRADE_BANDS[i - 1]?.[0] ?? 100) - 1;
    return `${grade} ${min === max ? `${min}` : `${min}–${max}`}`;
  }).join(', ');
  const rules = RULES.flatMap((r) => [
    `### \`${r.id}\``,
    '',
    `**${r.title}** — severity \`${r.severity}\`, checked per ${r.scope}.`,
    '',
    r.help,
    '',
    `Reference: <${r.reference}>`,
    '',
  ]);
  return `${[
    '# Header audit rules',
    '',
    '<!-- Generated from src/audit/ by `npm run audit -- --print-rules > docs/audit-rules.md`; do not edit by hand. -->',
    '',
    'The header audit checks a deployed site the way the [MDN HTTP Observatory](https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring)',
    'and the [OWASP Secure Headers Project](https://owasp.org/www-project-secure-headers/) would, and is strict enough',
    'for a CI gate: our own build, served by `npm start`, nginx or Caddy, audits clean.',
    '',
    '## Usage',
    '',
    '```sh',
    USAGE,
    'npm run audit -- http://127.0.0.1:4321/ --expect deploy/headers-manifest.json',
    'npx cryptpeer-audit https://cryptpeer.com/ --format sarif --output audit.sarif',
    '```',
    '',
    'The `cryptpeer-audit` command (`bin/cryptpeer-audit.mjs`, the `bin` of package.json) runs the same CLI',
    'with any Node ≥ 22.6: it re-runs itself with `--experimental-strip-types` where type stripping is not on by',
    'default. Node refuses to strip types under `node_modules/`, so run it from a checkout (`npx cryptpeer-audit`',
    'inside the repository, or after `npm link`), not as an installed dependency.',
    '',
    '- **One URL**: its sitemap (`<url>/sitemap.xml`, or a sitemap index one level deep) is crawled. Our sitemap lists',
    '  production URLs (`https://cryptpeer.com/…`): each entry keeps its path and query and is fetched from the',
    '  audited URL’s origin, so a staging or loopback server is audited page for page.',
    '- **Several URLs, or `--no-crawl`**: exactly the URLs given are audited.',
    '- Every request has a deadline (`--timeout`), at most `--concurrency` pages are fetched at once, and each',
    '  same-origin script and stylesheet is fetched once (at most 500 per audit) and hashed as it streams in.',
    '- A response is a page when browsers render it as one: by its Content-Type as Fetch reads it (the last valid',
    '  of several values), or sniffed when it has none. HTML pages are decoded as browsers decode them (byte order',
    '  mark, `charset`, `<meta charset>`) and parsed as they stream in, keeping only their script, link, base,',
    '  frame and embed elements (and those of `<iframe srcdoc>` documents); each URL is resolved against the',
    '  `<base href>` in force where its element stands. A page the audit cannot read whole (over 10 MiB, absurdly',
    '  nested) is the finding `page-unjudged` and one browsers parse as XML is `page-xml`, never a pass. Other',
    '  bodies over 10 MiB are refused,',
    `  and so is a sitemap nesting more than ${MAX_OPEN_SITEMAP_ELEMENTS} \`<url>\` and \`<sitemap>\` elements (read as it streams in too).`,
    '',
    '### What a static audit cannot see',
    '',
    'The audit judges the markup and headers a site serves, not what its scripts do once they run. A URL a script',
    'builds at run time (`new Worker(url)`, `import(url)`, `fetch()`, an element it creates, `importScripts()` in a',
    'worker) is not seen, nor are the imports inside script files, images, media, fonts, `url()` in stylesheets,',
    '`<a ping>` and form targets, `@import` in a stylesheet the audit does not fetch (one without `integrity` or on',
    'another origin: already a finding), nor same-origin pages a frame loads that are not audited themselves.',
    'The page’s CSP is what bounds those in browsers, which is why the `csp-*` rules are strict. A',
    '`<link rel="modulepreload">` (a worker’s module included) is judged as a script. A CSP `base-uri` that makes',
    'a browser ignore a `<base>` is not modelled: the audit resolves against the base as written.',
    '',
    '### Options',
    '',
    ...options,
    '',
    '## Exit status',
    '',
    `- \`${EXIT.clean}\`: no finding at or above \`--fail-on\` (default \`medium\`).`,
    `- \`${EXIT.findings}\`: at least one finding at or above \`--fail-on\`.`,
    `- \`${EXIT.error}\`: usage error (unknown option, bad URL or severity, unreadable or invalid manifest, unwritable`,
    '  output) or network error (server down, timeout, sitemap missing); one line on stderr names the argument or URL,',
    '  and no report is written.',
    '',
    '## Scoring',
    '',
    'Each page starts at 100 and loses the points of each distinct rule that fired on it (a rule firing on three',
    'scripts costs once), never going below 0:',
    '',
    ...severities,
    '',
    'The site scores as its weakest page, minus the site-wide rules (`https-redirect-missing`). Grades use the',
    `Observatory bands: ${bands}.`,
    '',
    'Notes (a loopback host whose HTTP→HTTPS redirect is not checked, a sitemap cut at `--max-pages`) are reported',
    'but cost nothing.',
    '',
    '## Formats',
    '',
    '- `text` (default): one line per page with its grade and score, its findings under it, then the rules that fired.',
    '- `json`: the report object — `targets`, `mode`, `notes`, `site` (`score`, `grade`, `findings`), `pages[]` (`url`,',
    '  `status`, `score`, `grade`, `findings[]`, `rulesChecked`), `summary` (`findings`, `bySeverity`, `failing`,',
    '  `passed`). A finding has `ruleId`, `severity`, `message`, `url`, and for drift `header`, `expected`, `actual`.',
    '- `junit`: one `<testsuite>` per page (and one for the site-wide checks), one `<testcase>` per rule checked, a',
    '  `<failure>` for findings at or above `--fail-on`; findings below it are the test case’s `<system-out>`.',
    '- `sarif`: SARIF 2.1.0, one run; `tool.driver.rules` lists every rule below (with `helpUri`, default level and',
    '  `security-severity`); each finding is a result located at its page URL. Levels: critical and high → `error`,',
    '  medium → `warning`, low and info → `note`.',
    '',
    `## Rules (${RULES.length})`,
    '',
    ...rules,
  ]
    .join('\n')
    .trimEnd()}\n`;
}
