import semver from 'semver';
import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { SiteData } from '../../schemas/site.ts';
import type { SecurityData } from '../../schemas/security.ts';
import { absolute, advisoryPagePath, releaseNotePath, type SiteLinks } from '../links.ts';
import { csafDocumentPath, SBOM_DIR, productSlug } from '../paths.ts';
import { cvss31BaseScore } from './cvss.ts';

/** CSAF dates are full date-times; our data has days, published at 00:00 UTC. */
const dateTime = (isoDate: string): string => `${isoDate}T00:00:00.000Z`;

export interface CsafContext {
  site: SiteData;
  security: SecurityData;
  links: SiteLinks;
  /** Versions that have an SBOM, so product entries can point to it. */
  sbomVersions: readonly string[];
  /** This generator's version, for `tracking.generator`. */
  generatorVersion: string;
}

export const productId = (component: string, version: string): string => `CSAFPID-${component}-${version}`;

/**
 * A CSAF 2.0 `csaf_security_advisory` (English) from one advisory: product tree of the component
 * versions named, status per product, CVSS v3.1 computed from the vector, references to the
 * advisory page, the fixing release notes and the document's own canonical URL. Contains no
 * clock time, so the same data always gives the same document.
 */
export function createCsafDocument(advisory: AdvisoryData, context: CsafContext): Record<string, unknown> {
  const { site, security, links } = context;
  const first = advisory.revisions[0];
  const last = advisory.revisions.at(-1);
  if (!first || !last) throw new Error(`[csaf] ${advisory.id}: no revision`);
  const slug = productSlug(site.product.name);
  const componentName = (id: string): string => site.product.components.find((c) => c.id === id)?.name.en ?? id;
  const affected = advisory.products.flatMap((p) => p.affected.map((v) => productId(p.component, v)));
  const fixed = advisory.products.flatMap((p) => p.fixed.map((v) => productId(p.component, v)));
  const firstFix = [...new Set(advisory.products.flatMap((p) => p.fixed))].sort(semver.compare)[0] ?? '';
  const { baseScore, baseSeverity } = cvss31BaseScore(advisory.cvss);
  const canonical = absolute(links, csafDocumentPath(advisory.id, first.date));

  const branches = advisory.products.map((product) => ({
    category: 'product_name',
    name: componentName(product.component),
    branches: [...product.affected, ...product.fixed].sort(semver.compare).map((version) => ({
      category: 'product_version',
      name: version,
      product: {
        name: `${componentName(product.component)} ${version}`,
        product_id: productId(product.component, version),
        product_identification_helper: {
          purl: `pkg:generic/${slug}-${product.component}@${version}`,
          ...(context.sbomVersions.includes(version)
            ? { sbom_urls: [absolute(links, `${SBOM_DIR}/${slug}-${version}.cdx.json`)] }
            : {}),
        },
      },
    })),
  }));

  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      lang: 'en',
      notes: [
        { category: 'summary', title: 'Summary', text: advisory.summary.en },
        ...(advisory.sample
          ? [
              {
                category: 'general',
                title: 'Sample data',
                text: 'This advisory is sample data published to exercise the CryptPeer website and its CSAF provider. It describes no real vulnerability.',
              },
            ]
          : []),
      ],
      publisher: {
        category: 'vendor',
        name: site.manufacturer.name,
        namespace: security.csaf.namespace,
        contact_details: security.csaf.contactDetails,
        issuing_authority: security.csaf.issuingAuthority,
      },
      references: [
        { category: 'self', summary: 'Canonical URL of this CSAF document', url: canonical },
        {
          category: 'self',
          summary: 'This advisory as a web page',
          url: absolute(links, advisoryPagePath(links, 'en', advisory.id)),
        },
        {
          category: 'external',
          summary: `Release notes of ${site.product.name} ${firstFix}, which fixes this vulnerability`,
          url: absolute(links, releaseNotePath(links, 'en', firstFix)),
        },
      ],
      title: advisory.title.en,
      tracking: {
        current_release_date: dateTime(last.date),
        generator: { engine: { name: 'CryptPeer website build', version: context.generatorVersion } },
        id: advisory.id,
        initial_release_date: dateTime(first.date),
        revision_history: advisory.revisions.map((r, i) => ({
          date: dateTime(r.date),
          number: String(i + 1),
          summary: r.summary.en,
        })),
        status: advisory.status,
        version: String(advisory.revisions.length),
      },
    },
    product_tree: {
      branches: [{ category: 'vendor', name: site.manufacturer.name, branches }],
    },
    vulnerabilities: [
      {
        cwe: advisory.cwe,
        notes: [{ category: 'description', title: 'Vulnerability description', text: advisory.details.en }],
        product_status: { fixed, known_affected: affected },
        release_date: dateTime(first.date),
        remediations: [
          {
            category: 'vendor_fix',
            details: advisory.remediation.en,
            product_ids: affected,
            url: absolute(links, releaseNotePath(links, 'en', firstFix)),
          },
        ],
        scores: [
          {
            cvss_v3: { version: '3.1', vectorString: advisory.cvss, baseScore, baseSeverity },
            products: affected,
          },
        ],
        title: advisory.title.en,
      },
    ],
  };
}
