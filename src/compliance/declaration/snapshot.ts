import type { PdfBlock } from '../pdf/render.ts';
import type { DeclarationModel, SimplifiedDeclarationModel } from './model.ts';
import { declarationBlocks, simplifiedBlocks } from './pdf.ts';

// Text only ever lands in element content or a double-quoted attribute: these five cover both.
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function block(b: PdfBlock): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${escape(b.text)}</h1>`;
    case 'subtitle':
      return `<p><strong>${escape(b.text)}</strong></p>`;
    case 'notice':
      return `<p role="note"><strong>${escape(b.text)}</strong></p>`;
    case 'heading':
      return `<h2>${escape(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${escape(b.text)}</p>`;
    case 'missing':
      return `<p><em>${escape(b.text)}</em></p>`;
    case 'field':
      return `<p>${escape(b.label)}${b.missing ? `<em>${escape(b.value)}</em>` : escape(b.value)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
  }
}

/**
 * The text of a declaration as a self-contained HTML file, kept in the archive when it is issued:
 * a record of the wording readable without a PDF viewer. It is made from the same blocks as the PDF,
 * in the same order, so the two cannot say different things; no style, script or external resource.
 */
export function renderSnapshot(
  model: DeclarationModel | SimplifiedDeclarationModel,
  signedElectronically: boolean,
): Buffer {
  const blocks =
    model.documentType === 'eu-declaration-of-conformity'
      ? declarationBlocks(model, signedElectronically)
      : simplifiedBlocks(model);
  const title = `${model.title} – ${model.product.name} ${model.product.version}`;
  return Buffer.from(
    `<!doctype html>\n<html lang="${model.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escape(title)}</title>\n</head>\n<body>\n${blocks.map(block).join('\n')}\n</body>\n</html>\n`,
  );
}
