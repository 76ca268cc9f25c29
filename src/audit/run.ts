import { HEADER_RULES, checkHeaders } from './checks/headers.ts';
import { checkDrift, type ExpectedHeaders } from './checks/drift.ts';
import { judgeRedirect, planRedirectCheck, REDIRECT_RULES } from './checks/redirect.ts';
import { checkPageResponse, PAGE_RULES } from './checks/page.ts';
import { DRIFT_RULES } from './checks/drift.ts';
import { SRI_RULES, subresourceOf, type Subresource } from './checks/subresources.ts';
import { BODY_RULES, PageScan } from './checks/page-scan.ts';
import { BASE_RULES, placeElements } from './checks/base-url.ts';
import { documentKind } from './checks/content-type.ts';
import type { ScannedElement } from './checks/html-scan.ts';
import { checkThirdPartyLoads, THIRD_PARTY_RULES } from './checks/third-party.ts';
import { checkMetaRefresh, checkRefreshHeader, REFRESH_RULES } from './checks/refresh.ts';
import { CSS_IMPORT_RULES } from './checks/css-imports.ts';
import { discoverPages, mapPool, sitemapUrlFor } from './net/crawl.ts';
import { NetworkError } from './net/errors.ts';
import { request } from './net/http.ts';
import { atLeast, SEVERITIES, severityRank, type Severity } from './report/severity.ts';
import { gradeOf, scoreFindings, siteScore } from './report/score.ts';
import { Subresources } from './net/subresource-cache.ts';
import { TOOL } from './cli/tool.ts';
import type { AuditReport, Finding, PageResult } from './report/types.ts';

export interface AuditOptions {
  /** The URLs given: one base URL to crawl, or the pages to audit. */
  targets: URL[];
  /** Crawl the sitemap of the single target (otherwise audit exactly the targets). */
  crawl: boolean;
  /** Sitemap to read instead of `<target>/sitemap.xml`. */
  sitemap?: URL | undefined;
  maxPages: number;
  timeoutMs: number;
  concurrency: number;
  failOn: Severity;
  /** `--expect`: compare every response with the headers manifest. */
  expect?: ExpectedHeaders | undefined;
}

/** Worst first, then by rule id and message: the same site always gives the same report. */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
}

function urlPath(url: string): string {
  const { pathname } = new URL(url);
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

const isOk = (status: number) => status >= 200 && status <= 299;
/**
 * A body the browser renders as a document: HTML, XML (a `page-xml` finding), or no valid type at
 * all, which browsers sniff (and render as HTML when it looks like it, nosniff or not). Skipping
 * untyped bodies would let a server that leaves out Content-Type pass pages whose scripts were never
 * judged.
 */
const isDocument = (contentType: string) => documentKind(contentType).kind !== 'other';

/** The findings of a page's scanned elements: base URLs, frames and hints, then SRI (fetching files). */
async function judgeElements(
  url: string,
  finalUrl: string,
  elements: readonly ScannedElement[],
  subresources: Subresources,
): Promise<Finding[]> {
  const { placed, findings } = placeElements(elements, finalUrl);
  findings.push(...checkThirdPartyLoads(finalUrl, placed), ...checkMetaRefresh(finalUrl, placed));
  for (const f of findings) f.url = url;
  const found = placed.map(subresourceOf).filter((s): s is Subresource => s !== undefined);
  findings.push(...(await subresources.check(url, finalUrl, found)));
  return findings;
}

async function auditPage(url: string, options: AuditOptions, subresources: Subresources): Promise<PageResult> {
  const started = performance.now();
  let scan: PageScan | undefined;
  const response = await request(url, {
    timeoutMs: options.timeoutMs,
    // Only a 2xx HTML body is read, scanned as it streams in and never kept whole.
    sink: (fetched) => {
      const type = fetched.headers.get('content-type') ?? '';
      return isOk(fetched.status) && isDocument(type) ? (scan = new PageScan(type)) : undefined;
    },
  });
  const contentType = response.headers.get('content-type') ?? '';
  const ok = isOk(response.status);
  const rules: string[] = [...HEADER_RULES, ...PAGE_RULES.ids, ...REFRESH_RULES.ids];
  const findings = [
    ...checkHeaders({ url, headers: response.headers }),
    ...checkPageResponse(url, response),
    ...checkRefreshHeader(url, response.finalUrl, response.headers),
  ];
  if (options.expect && (ok || response.status === 404)) {
    rules.push(...DRIFT_RULES.ids);
    const path = ok ? urlPath(response.finalUrl) : options.expect.notFound;
    findings.push(...checkDrift(url, response.headers, options.expect.headersFor(path)));
  }
  if (scan) {
    rules.push(
      ...SRI_RULES.ids,
      ...BASE_RULES.ids,
      ...THIRD_PARTY_RULES.ids,
      ...CSS_IMPORT_RULES.ids,
      ...BODY_RULES.ids,
    );
    const elements = scan.finish(url, response.streamed);
    if (Array.isArray(elements)) {
      findings.push(...(await judgeElements(url, response.finalUrl, elements, subresources)));
    } else {
      findings.push(elements);
    }
  }
  const score = scoreFindings(findings);
  const page: PageResult = {
    url,
    status: response.status,
    contentType,
    score,
    grade: gradeOf(score),
    findings: sortFindings(findings),
    rulesChecked: rules,
    durationMs: Math.round(performance.now() - started),
  };
  if (response.finalUrl !== url) page.finalUrl = response.finalUrl;
  return page;
}

/** HTTP→HTTPS redirect, once per audited origin. */
async function auditRedirects(targets: readonly URL[], timeoutMs: number, notes: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.origin)) continue;
    seen.add(target.origin);
    const plan = planRedirectCheck(target);
    if ('note' in plan) {
      notes.push(plan.note);
      continue;
    }
    try {
      const response = await request(plan.probe, { timeoutMs, redirect: 'manual' });
      findings.push(...judgeRedirect(plan.probe, response.status, response.headers.get('location')));
    } catch (error) {
      // An http:// URL that was given must answer; plain HTTP next to an https:// site may simply be closed.
      if (target.protocol === 'http:' || !(error instanceof NetworkError)) throw error;
      notes.push(`HTTP→HTTPS redirect not checked: ${error.message} (no plain-HTTP service, nothing to redirect)`);
    }
  }
  return findings;
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const notes: string[] = [];
  const [first] = options.targets;
  if (!first) throw new Error('audit: no URL to audit');
  let pages: string[];
  let sitemap: string | undefined;
  if (options.crawl) {
    const discovered = await discoverPages(options.sitemap ?? sitemapUrlFor(first), first.origin, options);
    ({ pages, sitemap } = discovered);
    notes.push(...discovered.notes);
  } else {
    pages = [...new Set(options.targets.map((t) => t.href))];
  }
  const siteFindings = sortFindings(await auditRedirects(options.targets, options.timeoutMs, notes));
  const subresources = new Subresources(options);
  const results = await mapPool(pages, options.concurrency, (url) => auditPage(url, options, subresources));
  notes.push(...subresources.notes());
  const all = [...siteFindings, ...results.flatMap((p) => p.findings)];
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, all.filter((f) => f.severity === s).length]),
  ) as Record<Severity, number>;
  const failing = all.filter((f) => atLeast(f.severity, options.failOn)).length;
  const score = siteScore(
    results.map((p) => p.score),
    siteFindings,
  );
  const report: AuditReport = {
    tool: { name: TOOL.name, version: TOOL.version },
    targets: options.targets.map((t) => t.href),
    mode: options.crawl ? 'sitemap' : 'urls',
    startedAt,
    durationMs: Date.now() - started,
    // maxRSS is in KiB.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    failOn: options.failOn,
    notes,
    site: {
      score,
      grade: gradeOf(score),
      findings: siteFindings,
      rulesChecked: hasProbe(options.targets) ? [...REDIRECT_RULES.ids] : [],
    },
    pages: results,
    summary: {
      pages: results.length,
      subresources: subresources.size,
      findings: all.length,
      bySeverity,
      failing,
      passed: failing === 0,
    },
  };
  if (sitemap) report.sitemap = sitemap;
  return report;
}

function hasProbe(targets: readonly URL[]): boolean {
  return targets.some((t) => 'probe' in planRedirectCheck(t));
}
