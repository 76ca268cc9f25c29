import { createRequire } from 'node:module';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { startOfDay } from '../dates.ts';
import { addSignaturePlaceholder, type PdfSignatureFields, withoutFinalEol } from '../signing/placeholder.ts';

/** A piece of the document, in reading order; each becomes one tagged structure element. */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A value the data does not supply yet: shown in italics so nobody mistakes it for content. */
  | { kind: 'missing'; text: string }
  /** `label` already ends with its locale's colon (`Name: ` / `Nom : `). */
  | { kind: 'field'; label: string; value: string; missing?: boolean }
  | { kind: 'list'; items: string[] };

export interface PdfInput {
  /** BCP 47 language of the whole document. @example fr */
  lang: string;
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** The software that made the file (the info dictionary's Creator). @example CryptPeer website build */
  creator: string;
  /** ISO date used for CreationDate, ModDate and (through them) the file ID: no clock involved. */
  date: string;
  blocks: readonly PdfBlock[];
  /** Lines drawn diagonally across every page, under the text (drafts). */
  watermark?: readonly string[];
  /** Footer of page n of total. */
  footer: (n: number, total: number) => string;
  attachment: { name: string; bytes: Uint8Array; description: string; mime: string };
  /**
   * An empty signature field to be filled by `signPdf` (signing/pades.ts). Its values, `date`
   * included, are written as given, so the same input still gives the same bytes.
   */
  signature?: PdfSignatureFields;
}

// Resolved through the package, never a system path, so every machine embeds the same font bytes.
const fontFile = (name: string): string =>
  createRequire(join(process.cwd(), 'package.json')).resolve(`dejavu-fonts-ttf/ttf/${name}`);

const PAGE = { size: 'A4', margins: { top: 64, bottom: 72, left: 64, right: 64 } } as const;
const INK = '#111111';
const SOFT = '#555555';
const WATERMARK = '#d4d4d4';

/** XMP is written by pdfkit without escaping: refuse text that would break it rather than emit bad XML. */
function assertXmpSafe(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    if (/[<>&]/.test(value))
      throw new Error(`[pdf] ${name}: the characters < > & are not allowed in PDF metadata (${value})`);
  }
}

/**
 * A tagged PDF/A-3a file: DejaVu Sans embedded (subset), document language, title shown in the
 * viewer's title bar, XMP metadata, and the given file attached as an associated file. Every date
 * comes from `input.date`, and pdfkit derives the file ID from the info dictionary, so the same
 * input always gives the same bytes. With `input.signature`, the file also holds an invisible
 * signature field on its last page, ready for `signPdf`.
 */
export function renderPdf(input: PdfInput): Promise<Buffer> {
  assertXmpSafe({
    title: input.title,
    author: input.author,
    subject: input.subject,
    keywords: input.keywords,
    creator: input.creator,
  });
  const date = startOfDay(input.date);
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    tagged: true,
    lang: input.lang,
    displayTitle: true,
    autoFirstPage: false,
    bufferPages: true,
    font: fontFile('DejaVuSans.ttf'),
    info: {
      Title: input.title,
      Author: input.author,
      Subject: input.subject,
      Keywords: input.keywords,
      Creator: input.creator,
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });
  // pdfkit writes xmp:CreateDate itself; the modification date must be in the XMP too for PDF/A.
  doc.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${date.toISOString().slice(0, 19)}Z</xmp:ModifyDate></rdf:Description>`,
  );
  doc.registerFont('regular', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  doc.registerFont('italic', fontFile('DejaVuSans-Oblique.ttf'));

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const pdf = Buffer.concat(chunks);
      resolve(input.signature ? withoutFinalEol(pdf) : pdf);
    });
    doc.on('error', reject);
  });

  if (input.watermark) {
    const lines = input.watermark;
    // Drawn first on every page, as an artifact (not read aloud), so the text stays on top of it.
    doc.on('pageAdded', () => drawWatermark(doc, lines));
  }
  doc.addPage(PAGE);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  for (const block of input.blocks) root.add(createBlock(doc, block, width));
  root.end();

  drawFooters(doc, input.footer);
  const attachmentOptions: PDFKit.Mixins.PDFAttachmentOptions & { relationship: string } = {
    name: input.attachment.name,
    type: input.attachment.mime,
    description: input.attachment.description,
    creationDate: date,
    modifiedDate: date,
    // PDF/A-3: every embedded file is an associated file with a declared relationship.
    relationship: 'Alternative',
  };
  doc.file(Buffer.from(input.attachment.bytes), attachmentOptions);
  if (input.signature) addSignaturePlaceholder(doc, input.signature);
  doc.end();
  return done;
}

function createBlock(doc: PDFKit.PDFDocument, block: PdfBlock, width: number): PDFKit.PDFStructureElement {
  const text = (font: string, size: number, color: string, value: string, options: PDFKit.Mixins.TextOptions = {}) => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(value, { width, ...options });
  };
  switch (block.kind) {
    case 'title':
      return doc.struct('H1', {}, () => {
        text('bold', 18, INK, block.text, { paragraphGap: 4 });
      });
    case 'subtitle':
      return doc.struct('P', {}, () => {
        text('regular', 9.5, SOFT, block.text, { paragraphGap: 10 });
      });
    case 'notice':
      return doc.struct('P', {}, () => {
        text('bold', 10, '#7a4a00', block.text, { paragraphGap: 10 });
      });
    case 'heading':
      return doc.struct('H2', {}, () => {
        doc.moveDown(0.6);
        text('bold', 11.5, INK, block.text, { paragraphGap: 4 });
      });
    case 'paragraph':
      return doc.struct('P', {}, () => {
        text('regular', 10, INK, block.text, { paragraphGap: 4 });
      });
    case 'missing':
      return doc.struct('P', {}, () => {
        text('italic', 10, SOFT, `[${block.text}]`, { paragraphGap: 4 });
      });
    case 'field':
      return doc.struct('P', {}, () => {
        doc.font('bold').fontSize(10).fillColor(INK).text(block.label, { width, continued: true });
        const value = block.missing ? `[${block.value}]` : block.value;
        doc
          .font(block.missing ? 'italic' : 'regular')
          .fillColor(block.missing ? SOFT : INK)
          .text(value, { paragraphGap: 3 });
      });
    case 'list': {
      const list = doc.struct('L');
      const left = doc.page.margins.left;
      for (const item of block.items) {
        list.add(
          doc.struct('LI', {}, [
            doc.struct('Lbl', {}, () => {
              const y = doc.y;
              doc
                .font('regular')
                .fontSize(10)
                .fillColor(INK)
                .text('•', left + 4, y, { lineBreak: false });
              doc.y = y;
            }),
            doc.struct('LBody', {}, () => {
              doc
                .font('regular')
                .fontSize(10)
                .fillColor(INK)
                .text(item, left + 16, doc.y, { width: width - 16, paragraphGap: 3 });
              doc.x = left;
            }),
          ]),
        );
      }
      list.end();
      return list;
    }
  }
}

function drawWatermark(doc: PDFKit.PDFDocument, lines: readonly string[]): void {
  const { x, y } = doc;
  const { width, height } = doc.page;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.save();
  doc.rotate(-45, { origin: [width / 2, height / 2] });
  // Sized so the longest line fits along the page diagonal with a margin; lines centred as a block.
  // Lines off the diagonal meet the page edge sooner: several lines get a smaller share of it.
  const fit = lines.length > 1 ? 0.6 : 0.75;
  const longest = Math.max(...lines.map((l) => doc.font('bold').fontSize(1).widthOfString(l)));
  const size = Math.min(34, (fit * Math.hypot(width, height)) / longest);
  doc.font('bold').fontSize(size).fillColor(WATERMARK);
  const lineHeight = size * 1.3;
  lines.forEach((line, index) => {
    const lineWidth = doc.widthOfString(line);
    const top = height / 2 - (lines.length * lineHeight) / 2 + index * lineHeight;
    doc.text(line, width / 2 - lineWidth / 2, top, { lineBreak: false });
  });
  doc.restore();
  doc.endMarkedContent();
  doc.x = x;
  doc.y = y;
}

function drawFooters(doc: PDFKit.PDFDocument, footer: (n: number, total: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('regular').fontSize(8).fillColor(SOFT);
    doc.text(footer(i + 1, range.count), PAGE.margins.left, doc.page.height - 44, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
