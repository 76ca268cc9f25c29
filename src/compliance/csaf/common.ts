import semver from 'semver';
import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { SecurityData } from '../../schemas/security.ts';
import type { SiteData } from '../../schemas/site.ts';
import { absolute, releaseNotePath, type SiteLinks } from '../links.ts';

/**
 * What every CSAF document of this provider is made from. Deliberately no build date, package
 * version or signing key: a published document's bytes must change only when its content does,
 * which is what the revision lock (lock.ts) holds the content to.
 */
export interface CsafContext {
  site: SiteData;
  security: SecurityData;
  links: SiteLinks;
}

/** CSAF dates are full date-times; our data has days, published at 00:00 UTC. */
export const dateTime = (isoDate: string): string => `${isoDate}T00:00:00.000Z`;

export const productId = (component: string, version: string): string => `CSAFPID-${component}-${version}`;

/** The tracking id of the VEX document that goes with an advisory. @example CPSA-2026-001-VEX */
export const vexTrackingId = (advisoryId: string): string => `${advisoryId}-VEX`;

/** Vendor's advisory id as the vulnerability's id: VEX documents need `cve` or `ids` (6.1.27.8). */
export const vulnerabilityIds = (advisory: AdvisoryData, site: SiteData) => [
  { system_name: `${site.product.name} security advisory`, text: advisory.id },
];

function component(site: SiteData, id: string): SiteData['product']['components'][number] {
  const found = site.product.components.find((c) => c.id === id);
  // inputs/cross-checks.ts refuses unknown component ids first, naming the advisory file.
  if (!found) throw new Error(`[csaf] unknown component ${id}`);
  return found;
}

/**
 * `product_tree` with one vendor branch, one `product_name` branch per component and one
 * `product_version` leaf per version, in the order given. The purl is the component's own
 * (content/site.yaml) plus `@version`: the identifier SBOMs use for the same deliverable.
 */
export function productTree(site: SiteData, products: readonly { component: string; versions: readonly string[] }[]) {
  const branches = products.map(({ component: id, versions }) => {
    const { name, purl } = component(site, id);
    return {
      category: 'product_name',
      name: name.en,
      branches: [...new Set(versions)].sort(semver.compare).map((version) => ({
        category: 'product_version',
        name: version,
        product: {
          name: `${name.en} ${version}`,
          product_id: productId(id, version),
          product_identification_helper: { purl: `${purl}@${version}` },
        },
      })),
    };
  });
  return { branches: [{ category: 'vendor', name: site.manufacturer.name, branches }] };
}

export function publisher({ site, security }: CsafContext) {
  return {
    category: 'vendor',
    name: site.manufacturer.name,
    namespace: security.csaf.namespace,
    contact_details: security.csaf.contactDetails,
    issuing_authority: security.csaf.issuingAuthority,
  };
}

/** Both documents of an advisory share its revision history: one edit, one new revision for each. */
export function tracking(advisory: AdvisoryData, id: string, site: SiteData) {
  const first = advisory.revisions[0];
  const last = advisory.revisions.at(-1);
  if (!first || !last) throw new Error(`[csaf] ${advisory.id}: no revision`);
  return {
    current_release_date: dateTime(last.date),
    // No engine version: it would change every published document with each website release.
    generator: { engine: { name: `${site.product.name} website build` } },
    id,
    initial_release_date: dateTime(first.date),
    revision_history: advisory.revisions.map((r, i) => ({
      date: dateTime(r.date),
      number: String(i + 1),
      summary: r.summary.en,
    })),
    status: advisory.status,
    version: String(advisory.revisions.length),
  };
}

export function sampleNote(advisory: AdvisoryData, what: string, site: SiteData) {
  return advisory.sample
    ? [
        {
          category: 'general',
          title: 'Sample data',
          text: `This ${what} is sample data published to exercise the ${site.product.name} website and its CSAF provider. It describes no real vulnerability.`,
        },
      ]
    : [];
}

export const firstFixOf = (versions: readonly string[]): string => [...new Set(versions)].sort(semver.compare)[0] ?? '';

/** One vendor_fix per component: its affected versions, pointing to the release that first fixes it. */
export function vendorFixes(advisory: AdvisoryData, links: SiteLinks) {
  return advisory.products.map((p) => ({
    category: 'vendor_fix',
    details: advisory.remediation.en,
    product_ids: p.affected.map((v) => productId(p.component, v)),
    url: absolute(links, releaseNotePath(links, 'en', firstFixOf(p.fixed))),
  }));
}
