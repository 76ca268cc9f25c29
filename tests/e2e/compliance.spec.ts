import { test, expect, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isPrecompressedSibling, resolveHeaders } from '../../src/manifest/index.ts';
import { digestHex } from '../../src/compliance/checksums.ts';
import { assertMatchesSchema } from '../../src/compliance/declaration/json-schema.ts';
import { validateCsaf } from '../../src/compliance/csaf/validate.ts';
import { CDX_SPEC_VERSIONS, validateStrict, type CdxSpecVersion } from '../../src/compliance/sbom/cyclonedx.ts';
import { parseSecurityTxt } from '../../src/compliance/security-txt/parse.ts';
import { expectHeaders } from '../support/expect-headers.ts';
import { manifest, servers } from './support/env.ts';
import { watchPage } from './support/page-watch.ts';

/** Every file below a dist/ folder, as URL paths. */
function distFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const path = `/${relative('dist', full)}`;
      // Precompressed siblings are representations of these files, never served by name.
      if (entry.isDirectory()) walk(full);
      else if (!isPrecompressedSibling(manifest(), path)) out.push(path);
    }
  };
  walk(join('dist', folder));
  return out.sort();
}

const DECLARATION_FILES = distFiles('declarations');
const CSAF_FILES = distFiles('.well-known/csaf');
const SBOM_FILES = distFiles('sbom');
/** Generated compliance pages: declarations (per version, language and kind) and advisories. */
const COMPLIANCE_PAGES = [
  ...distFiles('compliance/declaration-of-conformity'),
  ...distFiles('fr/conformite/declaration-de-conformite'),
  ...distFiles('security/advisories'),
  ...distFiles('fr/securite/avis'),
  ...CSAF_FILES,
]
  .filter((p) => p.endsWith('/index.html'))
  .map((p) => p.slice(0, -'index.html'.length))
  // The content pages themselves are crawled by the site-wide suites (they are in the sitemap).
  .filter((p) => !/^\/(fr\/)?(compliance|conformite|security|securite)\/[a-z-]+\/$/.test(p));

async function get(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  return response;
}

for (const server of servers()) {
  test.describe(`compliance outputs on ${server.name}`, () => {
    test('security.txt is a valid RFC 9116 file served as text/plain with the manifest headers', async ({
      request,
    }) => {
      const path = '/.well-known/security.txt';
      const response = await get(request, server.url + path);
      expectHeaders(response.headers(), resolveHeaders(manifest(), path));
      expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
      const parsed = parseSecurityTxt(await response.text(), {
        now: new Date(),
        canonical: `${manifest().origin}${path}`,
      });
      expect(parsed.fields.get('csaf')).toEqual([`${manifest().origin}/.well-known/csaf/provider-metadata.json`]);
      // The Policy it names exists on this site, in both languages.
      for (const policy of parsed.fields.get('policy') ?? []) {
        await get(request, server.url + policy.replace(manifest().origin, ''));
      }
    });

    test('every declaration file is served with the manifest headers and matches its checksums', async ({
      request,
    }) => {
      const m = manifest();
      expect(DECLARATION_FILES.filter((p) => p.endsWith('.pdf'))).toHaveLength(4);
      for (const path of DECLARATION_FILES) {
        const response = await get(request, server.url + path);
        expectHeaders(response.headers(), resolveHeaders(m, path), { context: `${server.name} ${path}: ` });
      }
      for (const path of DECLARATION_FILES.filter((p) => /\.(pdf|json)$/.test(p) && !p.endsWith('.schema.json'))) {
        const bytes = await (await get(request, server.url + path)).body();
        const name = path.slice(path.lastIndexOf('/') + 1);
        const dir = path.slice(0, path.lastIndexOf('/'));
        expect(await (await get(request, `${server.url + path}.sha256`)).text()).toBe(
          `${digestHex('sha256', bytes)}  ${name}\n`,
        );
        expect(await (await get(request, `${server.url + path}.sha512`)).text()).toBe(
          `${digestHex('sha512', bytes)}  ${name}\n`,
        );
        expect(await (await get(request, `${server.url}${dir}/SHA256SUMS`)).text()).toContain(
          `${digestHex('sha256', bytes)}  ${name}\n`,
        );
      }
    });

    test('each served PDF carries the served JSON as its attachment, and the JSON matches its published schema', async ({
      request,
    }) => {
      const origin = manifest().origin;
      const work = mkdtempSync(join(tmpdir(), 'cryptpeer-e2e-pdf-'));
      try {
        for (const pdfPath of DECLARATION_FILES.filter((p) => p.endsWith('.pdf'))) {
          const jsonPath = pdfPath.replace(/\.pdf$/, '.json');
          const json = await (await get(request, server.url + jsonPath)).body();
          const file = join(work, 'doc.pdf');
          writeFileSync(file, await (await get(request, server.url + pdfPath)).body());
          const out = mkdtempSync(join(work, 'out-'));
          execFileSync('pdfdetach', ['-saveall', '-o', out, file]);
          const [attached] = readdirSync(out);
          expect(attached).toBe(jsonPath.slice(jsonPath.lastIndexOf('/') + 1));
          expect(readFileSync(join(out, attached ?? ''))).toEqual(json);
          expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
          const document = JSON.parse(json.toString('utf8')) as { documentType: string };
          const kind = document.documentType === 'eu-declaration-of-conformity' ? 'full' : 'simplified';
          expect(() => {
            assertMatchesSchema(kind, origin, document, jsonPath);
          }).not.toThrow();
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    test('the CSAF provider tree is complete, served with the manifest headers, and every document validates', async ({
      request,
    }) => {
      const m = manifest();
      const metadata = (await (await get(request, `${server.url}/.well-known/csaf/provider-metadata.json`)).json()) as {
        role: string;
        distributions: { directory_url: string }[];
      };
      expect(metadata.role).toMatch(/^csaf_(trusted_)?provider$/);
      const base = (metadata.distributions[0]?.directory_url ?? '').replace(m.origin, '');
      expect(base).toBe('/.well-known/csaf/white/');
      const index = (await (await get(request, `${server.url}${base}index.txt`)).text()).trim().split('\n');
      expect(index.length).toBeGreaterThanOrEqual(2);
      const changes = await (await get(request, `${server.url}${base}changes.csv`)).text();
      for (const entry of index) {
        expect(entry).toMatch(/^\d{4}\/[+\-a-z0-9_]+\.json$/);
        expect(changes).toContain(`"${entry}",`);
        const path = `${base}${entry}`;
        const response = await get(request, server.url + path);
        expectHeaders(response.headers(), resolveHeaders(m, path), { context: `${server.name} ${path}: ` });
        const bytes = await response.body();
        expect((await validateCsaf(JSON.parse(bytes.toString('utf8')))).errors).toEqual([]);
        expect(await (await get(request, `${server.url + path}.sha256`)).text()).toMatch(
          new RegExp(`^${digestHex('sha256', bytes)} `),
        );
        expect(await (await get(request, `${server.url + path}.sha512`)).text()).toMatch(
          new RegExp(`^${digestHex('sha512', bytes)} `),
        );
      }
      for (const path of CSAF_FILES) {
        const response = await get(request, server.url + (path.endsWith('/index.html') ? path.slice(0, -10) : path));
        expectHeaders(response.headers(), resolveHeaders(m, path), { context: `${server.name} ${path}: ` });
      }
    });

    for (const path of SBOM_FILES.filter((p) => p.endsWith('.cdx.json'))) {
      test(`${path} is served as JSON and passes the strict validator of its CycloneDX version`, async ({
        request,
      }) => {
        const response = await get(request, server.url + path);
        expectHeaders(response.headers(), resolveHeaders(manifest(), path));
        const text = await response.text();
        expect(text).toBe(readFileSync(join('dist', path), 'utf8'));
        const { specVersion } = JSON.parse(text) as { specVersion: string };
        expect(CDX_SPEC_VERSIONS).toContain(specVersion);
        await validateStrict(path, Buffer.from(text), specVersion as CdxSpecVersion);
      });
    }

    test('compliance pages list every download with its true size and SHA-256', async ({ request }) => {
      for (const page of ['/compliance/declaration-of-conformity/', '/fr/conformite/declaration-de-conformite/']) {
        // Digests carry <wbr> break points so they wrap; the text itself is the full digest.
        const html = (await (await get(request, server.url + page)).text()).replaceAll('<wbr>', '');
        for (const path of DECLARATION_FILES.filter((p) => /\.(pdf|json)$/.test(p) && !p.endsWith('.schema.json'))) {
          expect(html, `${page} links ${path}`).toContain(`href="${path}"`);
          const bytes = readFileSync(join('dist', path));
          expect(html, `${page} shows the digest of ${path}`).toContain(digestHex('sha256', bytes));
        }
        expect(html).toContain('SHA256SUMS');
      }
      const product = await (await get(request, `${server.url}/compliance/product-information/`)).text();
      expect(product).toMatch(
        /Security support for CryptPeer ends in <time datetime="\d{4}-\d{2}-\d{2}">[A-Z][a-z]+ \d{4}<\/time>/,
      );
      // One SBOM per deliverable of the current version, as listed in site.yaml.
      expect(product).toContain('href="/sbom/2.4.0/client.cdx.json"');
      expect(product).toContain('href="/sbom/2.4.0/relay-server.cdx.json"');
      const website = await (await get(request, `${server.url}/website-security/`)).text();
      expect(website).toContain('href="/sbom/website.cdx.json"');
      const release = await (await get(request, `${server.url}/fr/versions/2.3.0/`)).text();
      expect(release).toContain('href="/fr/securite/avis/cpsa-2026-001/"');
      expect(release).toContain('href="/.well-known/csaf/white/2026/cpsa-2026-001.json"');
    });
  });
}

const first = servers()[0];
test.describe('generated compliance pages in Chromium', () => {
  test.skip(!first, 'no server');
  const base = first?.url ?? '';

  test('load with the manifest headers, no script, no CSP violation and no foreign request', async ({
    page,
    request,
  }) => {
    // 4 declaration pages, 4 advisory pages, 3 CSAF folders (4 with a signing key: openpgp/).
    expect(COMPLIANCE_PAGES.length).toBeGreaterThanOrEqual(11);
    const report = await watchPage(page, base);
    for (const path of COMPLIANCE_PAGES) {
      const response = await request.get(base + path);
      expectHeaders(response.headers(), resolveHeaders(manifest(), path), { context: `${path}: ` });
      await page.goto(base + path);
      expect(await page.locator('script').count(), path).toBe(0);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.locator('[style]').count(), path).toBe(0);
    }
    const { violations, consoleErrors, foreignRequests } = await report();
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('a draft declaration shows its banner, and prints without the site navigation', async ({ page }) => {
    await page.goto(`${base}/fr/conformite/declaration-de-conformite/2.4.0/`);
    await expect(page.locator('.draft-banner')).toContainText('PROJET – pas une déclaration de conformité');
    await expect(page.locator('h2', { hasText: '8. Informations complémentaires' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.declaration-downloads')).toBeHidden();
    await expect(page.locator('.draft-banner')).toBeVisible();
  });

  test.describe('axe', () => {
    test.use({ bypassCSP: true });
    for (const path of COMPLIANCE_PAGES) {
      test(`finds no violation on ${path}`, async ({ page }) => {
        await page.goto(base + path);
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.help}`),
          path,
        ).toEqual([]);
      });
    }
  });
});
