import type { ComplianceDocument } from '../document.ts';
import { seconds } from '../document.ts';
import { buildCsafProvider, type CsafProvider } from './provider.ts';

/** The CSAF 2.0 provider tree: advisories, VEX documents, listings, provider metadata, the key. */
export const csafDocument: ComplianceDocument<CsafProvider> = {
  async build({ data, links, signingKey, buildDate, csafOptionalTests }) {
    const t = performance.now();
    const csaf = await buildCsafProvider(data, links, {
      signingKey,
      buildDate,
      lock: data.csafLock,
      optionalTests: csafOptionalTests,
    });
    const log = [
      `[csaf] ${csaf.entries.length} advisories valid (strict schema + mandatory tests${csafOptionalTests ? ' + optional tests' : ''}), ${csaf.warnings.length} warning(s), role ${csaf.role}, ${seconds(t)}`,
      ...csaf.warnings.map((warning) => `[csaf] warning: ${warning}`),
    ];
    return { result: csaf, files: csaf.files, log };
  },
};
