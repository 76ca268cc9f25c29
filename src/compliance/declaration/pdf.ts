import { renderPdf, type PdfBlock } from '../pdf/render.ts';
import type { PadesFields } from './archive.ts';
import { formatDocumentDate } from './format.ts';
import type { DeclarationModel, SimplifiedDeclarationModel } from './model.ts';
import { declarationText, type DeclarationText } from './text.ts';

export interface PdfAttachment {
  name: string;
  bytes: Uint8Array;
}

/** Drafts carry the English warning on every page, plus its translation in other languages. */
function watermark(model: { status: string; lang: 'en' | 'fr' }): string[] | undefined {
  if (model.status !== 'draft') return undefined;
  const lines = [declarationText(model.lang).draftWatermark];
  if (model.lang !== 'en') lines.push(declarationText('en').draftWatermark);
  return lines;
}

function header(
  model: DeclarationModel | SimplifiedDeclarationModel,
  text: DeclarationText,
  annex: string,
): PdfBlock[] {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: model.title },
    { kind: 'subtitle', text: `${text.number}${model.id} · ${annex}` },
  ];
  if (model.status === 'draft') {
    blocks.push({ kind: 'notice', text: model.sample ? `${text.draftBanner} ${text.sampleNote}` : text.draftBanner });
  }
  return blocks;
}

/** The full declaration as the numbered Annex V items, in the order of the Annex. */
export function declarationBlocks(model: DeclarationModel, signedElectronically = false): PdfBlock[] {
  const text = declarationText(model.lang);
  const value = (v: string | null): PdfBlock =>
    v === null ? { kind: 'missing', text: text.missing } : { kind: 'paragraph', text: v };
  const field = (name: string, v: string | null): PdfBlock => {
    const label = `${name}${text.colon}`;
    return v === null
      ? { kind: 'field', label, value: text.missing, missing: true }
      : { kind: 'field', label, value: v };
  };
  const { product, manufacturer, conformityAssessment: assessment, signature } = model;
  const blocks: PdfBlock[] = [
    ...header(model, text, text.annexV),
    { kind: 'heading', text: text.items.product },
    field(text.name, product.name),
    field(text.type, product.type),
    field(text.version, product.version),
    field(text.identification, product.identification),
    { kind: 'heading', text: text.items.manufacturer },
    field(text.manufacturer, manufacturer.name),
    { kind: 'paragraph', text: manufacturer.address.join(', ') },
    field(text.website, manufacturer.website),
  ];
  if (model.authorisedRepresentative) {
    blocks.push(field(text.representative, model.authorisedRepresentative.name), {
      kind: 'paragraph',
      text: model.authorisedRepresentative.address.join(', '),
    });
  }
  blocks.push(
    { kind: 'heading', text: text.items.responsibility },
    { kind: 'paragraph', text: model.soleResponsibility },
    { kind: 'heading', text: text.items.object },
    value(model.object),
    { kind: 'heading', text: text.items.conformity },
    { kind: 'paragraph', text: model.conformity.statement },
    { kind: 'list', items: model.conformity.legislation.map((l) => l.title) },
    { kind: 'heading', text: text.items.standards },
    model.standards === null
      ? { kind: 'missing', text: text.missing }
      : {
          kind: 'list',
          items: model.standards.map(
            (s) =>
              `${text.kinds[s.kind as keyof typeof text.kinds]}${text.colon}${s.reference}${s.title ? ` – ${s.title}` : ''}`,
          ),
        },
    { kind: 'heading', text: text.items.assessment },
    field(text.procedure, assessment.procedure),
  );
  const body = assessment.notifiedBody;
  if (body === null) blocks.push(field(text.notifiedBody, null));
  else if (body === 'none') blocks.push({ kind: 'paragraph', text: text.notifiedBodyNone });
  else {
    blocks.push(
      field(text.notifiedBody, `${body.name} (${text.notifiedBodyNumber} ${body.number})`),
      field(text.certificate, body.certificate),
    );
  }
  blocks.push(
    { kind: 'heading', text: text.items.additional },
    value(model.additionalInformation),
    field(text.signedFor, signature.signedForAndOnBehalfOf),
    field(
      text.placeDate,
      `${signature.place ?? `[${text.missing}]`}, ${formatDocumentDate(model.lang, signature.date)}`,
    ),
    field(
      text.signatory,
      signature.name === null || signature.function === null ? null : `${signature.name}, ${signature.function}`,
    ),
    field(
      text.signature,
      model.status !== 'issued' ? null : signedElectronically ? text.signedElectronically : text.signatureLine,
    ),
  );
  return blocks;
}

export function simplifiedBlocks(model: SimplifiedDeclarationModel): PdfBlock[] {
  const text = declarationText(model.lang);
  return [
    ...header(model, text, text.annexVI),
    { kind: 'paragraph', text: model.statement },
    { kind: 'paragraph', text: text.fullTextAt },
    { kind: 'paragraph', text: model.fullTextUrl },
  ];
}

/**
 * The PDF of one document. With `pades`, the PDF carries an empty PAdES signature field with those
 * values (signing fills it in); the same values always give the same bytes, which is how a rebuild
 * proves an archived signed PDF is still what the code produces.
 */
export function renderDeclarationPdf(
  model: DeclarationModel | SimplifiedDeclarationModel,
  json: PdfAttachment,
  pades?: PadesFields,
): Promise<Buffer> {
  const text = declarationText(model.lang);
  const full = model.documentType === 'eu-declaration-of-conformity';
  const draft = model.status === 'draft' ? ` (${text.draftWatermark})` : '';
  return renderPdf({
    lang: model.lang,
    title: `${model.title} – ${model.product.name} ${model.product.version}${draft}`,
    author: full ? model.manufacturer.name : model.manufacturer,
    subject: `${model.regulation} – ${full ? text.annexV : text.annexVI}`,
    keywords: `${model.regulation}, CRA, ${model.product.name} ${model.product.version}, ${model.id}`,
    creator: `${model.product.name} website build`,
    date: model.date,
    blocks: full ? declarationBlocks(model, pades !== undefined) : simplifiedBlocks(model),
    ...(pades ? { signature: { ...pades, date: new Date(pades.date) } } : {}),
    ...(model.status === 'draft' ? { watermark: watermark(model) ?? [] } : {}),
    footer: (n, total) => `${model.id} · ${text.page(n, total)}`,
    attachment: { name: json.name, bytes: json.bytes, description: text.attachment, mime: 'application/json' },
  });
}
