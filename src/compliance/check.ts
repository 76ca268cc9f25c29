import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkClaims } from './claims-check.ts';
import type { Finding } from './finding.ts';
import { loadComplianceData, type ComplianceData } from './inputs/index.ts';
import { DAY_MS, startOfDay, toRfc3339 } from './dates.ts';
import { SECURITY_TXT_PATH } from './paths.ts';
import { getSecurityTxtExpiry } from './security-txt/build.ts';
import semver from 'semver';
import { sbomFindings } from './sbom/findings.ts';

export type { Finding } from './finding.ts';

export interface CheckOptions {
  root?: string;
  /** The moment judged: today in CI, any date in tests. */
  now: Date;
  /** Built site to inspect (security.txt as published); skipped when absent. */
  dist?: string;
  /** Warn when the published security.txt expires within this many days. */
  expiryWarningDays?: number;
  /** Warn when the support period ends within this many days. */
  supportWarningDays?: number;
}

const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/** The `Expires` of a built security.txt, read leniently (signed or not) so an expired file still reports. */
function publishedExpiry(text: string): Date | undefined {
  const match = /^Expires:[ \t]*(\S+)[ \t]*$/im.exec(text);
  const date = match?.[1] ? new Date(match[1]) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function checkSecurityTxt(
  data: ComplianceData,
  options: Required<Omit<CheckOptions, 'dist'>> & { dist?: string },
  out: Finding[],
) {
  try {
    getSecurityTxtExpiry(data.security, options.now);
  } catch (error) {
    out.push({
      level: 'error',
      file: data.security.file,
      message: `a build now would fail: ${(error as Error).message}`,
    });
  }
  const built = options.dist ? join(options.dist, SECURITY_TXT_PATH) : undefined;
  if (!built || !existsSync(built)) {
    out.push({
      level: 'notice',
      file: `dist${SECURITY_TXT_PATH}`,
      message: 'no built security.txt to inspect (run npm run build first)',
    });
    return;
  }
  const file = `dist${SECURITY_TXT_PATH}`;
  const expires = publishedExpiry(readFileSync(built, 'utf8'));
  if (!expires) out.push({ level: 'error', file, message: 'no valid Expires field' });
  else if (expires <= options.now)
    out.push({ level: 'error', file, message: `expired on ${toRfc3339(expires)}: rebuild and deploy the site` });
  else if (days(options.now, expires) < options.expiryWarningDays) {
    out.push({
      level: 'warning',
      file,
      message: `expires in ${days(options.now, expires)} day(s), on ${toRfc3339(expires)}: rebuild and deploy before then`,
    });
  } else out.push({ level: 'notice', file, message: `valid until ${toRfc3339(expires)}` });
}

/**
 * What will go wrong soon, for CI (`npm run compliance:check`): a published security.txt expiring
 * within 30 days or already expired, a support period that has ended or ends within a year,
 * declarations still in draft, missing declarations or SBOMs for the current version, advisories
 * not final, claims awaiting the vendor's confirmation, and claims shown on other pages than they
 * list (claims-check.ts). Invalid data is an error, with the message the build would give.
 */
export function checkCompliance(options: CheckOptions): Finding[] {
  const settings = { root: process.cwd(), expiryWarningDays: 30, supportWarningDays: 365, ...options };
  // Claims do not depend on the compliance data: reported even when that data is invalid.
  const out: Finding[] = checkClaims(settings.root);
  let data: ComplianceData;
  try {
    data = loadComplianceData(settings.root);
  } catch (error) {
    return [...out, { level: 'error', file: 'content/', message: (error as Error).message }];
  }
  checkSecurityTxt(data, settings, out);

  const site = 'content/site.yaml';
  const end = new Date(startOfDay(data.site.support.endDate).getTime() + DAY_MS);
  if (end <= settings.now)
    out.push({
      level: 'error',
      file: site,
      message: `support.endDate: the support period ended on ${data.site.support.endDate}`,
    });
  else if (days(settings.now, end) < settings.supportWarningDays) {
    out.push({
      level: 'warning',
      file: site,
      message: `support.endDate: the support period ends in ${days(settings.now, end)} day(s), on ${data.site.support.endDate}`,
    });
  }

  for (const { version, endDate } of data.site.support.versions) {
    const last = new Date(startOfDay(endDate).getTime() + DAY_MS);
    if (last <= settings.now)
      out.push({
        level: 'notice',
        file: site,
        message: `support.versions: support for ${version} ended on ${endDate}`,
      });
    else if (days(settings.now, last) < settings.supportWarningDays)
      out.push({
        level: 'warning',
        file: site,
        message: `support.versions: support for ${version} ends in ${days(settings.now, last)} day(s), on ${endDate}`,
      });
  }

  checkDeclarations(data, out);
  checkSamples(data, out);
  out.push(...sbomFindings(data));
  for (const { file, data: advisory } of data.advisories) {
    if (advisory.status !== 'final')
      out.push({ level: 'warning', file, message: `status: ${advisory.status} – not yet a final advisory` });
  }
  return out;
}

/** Drafts, superseded and withdrawn declarations, and whether one in force covers the current version. */
function checkDeclarations(data: ComplianceData, out: Finding[]): void {
  const current = data.site.product.currentVersion;
  const inForce = data.declarations.filter(
    (d) => d.data.status === 'issued' && semver.satisfies(current, d.data.covers ?? d.data.version),
  );
  if (inForce.length === 0) {
    const draft = data.declarations.find((d) => d.data.version === current);
    out.push({
      level: 'warning',
      file: draft?.file ?? 'content/declarations/',
      message: draft
        ? `no issued declaration covers the current version ${current} (its declaration is a ${draft.data.status}: npm run declaration -- issue ${current})`
        : `no declaration of conformity covers the current version ${current} (npm run declaration -- new ${current})`,
    });
  }
  for (const { file, data: declaration, archive } of data.declarations) {
    if (declaration.status === 'draft') {
      out.push({
        level: 'warning',
        file,
        message: `status: draft – the ${declaration.version} documents are watermarked "not a declaration of conformity"`,
      });
    } else if (declaration.status === 'superseded' && declaration.supersededBy) {
      out.push({
        level: 'notice',
        file,
        message: `superseded by ${declaration.supersededBy.version} on ${declaration.supersededBy.date}; still published as archived`,
      });
    } else if (declaration.status === 'withdrawn' && declaration.withdrawn) {
      out.push({
        level: 'notice',
        file,
        message: `withdrawn on ${declaration.withdrawn.date}; still published as archived`,
      });
    } else if (archive) {
      const signed = [
        archive.manifest.padesSigner ? `PAdES (${archive.manifest.padesSigner})` : '',
        archive.manifest.openpgpFingerprint ? `OpenPGP (${archive.manifest.openpgpFingerprint})` : '',
      ].filter(Boolean);
      out.push({
        level: signed.length > 0 ? 'notice' : 'warning',
        file: archive.dir,
        message: `issued on ${archive.manifest.issued}, ${signed.length > 0 ? `signed: ${signed.join(', ')}` : 'not electronically signed'}`,
      });
    }
  }
}

/** Everything still marked as sample data: none of it may stay once the site states real facts. */
function checkSamples(data: ComplianceData, out: Finding[]): void {
  if (data.site.sample)
    out.push({
      level: 'warning',
      file: 'content/site.yaml',
      message: 'sample: the organisation facts are sample values',
    });
  for (const { file, data: declaration } of data.declarations) {
    if (declaration.sample) out.push({ level: 'warning', file, message: 'sample: this declaration is sample data' });
  }
  for (const { file, data: advisory } of data.advisories) {
    if (advisory.sample) out.push({ level: 'warning', file, message: 'sample: this advisory is sample data' });
  }
}
