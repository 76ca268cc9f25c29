import type { ComplianceDocument } from '../document.ts';
import { seconds } from '../document.ts';
import { buildDeclarations, type DeclarationSet } from './files.ts';

/** The EU declarations of conformity: per version, EN/FR, full and simplified, PDF + JSON + checksums. */
export const declarationDocument: ComplianceDocument<DeclarationSet> = {
  async build({ data, links }) {
    const t = performance.now();
    const declarations = await buildDeclarations(data, links);
    const pdfBytes = declarations.documents.reduce((sum, d) => sum + d.pdf.size, 0);
    const log = [
      `[declarations] ${declarations.documents.length} documents (${data.declarations.length} version(s) × EN/FR × full/simplified), ${(pdfBytes / 1000).toFixed(1)} kB of PDF, ${seconds(t)}`,
    ];
    return { result: declarations, files: declarations.files, log };
  },
};
