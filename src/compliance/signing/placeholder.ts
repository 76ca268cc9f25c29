import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';

/** The values of the signature dictionary, fixed when the document is generated. */
export interface PdfSignatureFields {
  /** `/Reason`. @example EU declaration of conformity, Regulation (EU) 2024/2847 */
  reason: string;
  /** `/Name`: who signs. @example Example SAS */
  name: string;
  /** `/Location`. @example Paris, France */
  location: string;
  /** `/ContactInfo`. @example security@cryptpeer.com */
  contactInfo: string;
  /** `/M`, the claimed signing time: given, never the clock, so the placeholder PDF is reproducible. */
  date: Date;
}

/**
 * `adbe.pkcs7.detached`, not `ETSI.CAdES.detached`: the CMS that @signpdf/signer-p12 writes carries
 * a signing-time signed attribute and no ESS signing-certificate-v2, and ETSI EN 319 142-1 (PAdES
 * baseline) forbids the first and requires the second. Declaring the ETSI SubFilter would claim a
 * PAdES profile the signature does not meet (and, in PDF 1.7, an extension the file does not declare).
 */
export const PDF_SIGNATURE_SUBFILTER = 'adbe.pkcs7.detached';
/** Bytes reserved for the CMS (hex-encoded, twice as many characters): an RSA signature and a short chain fit. */
export const PDF_SIGNATURE_LENGTH = 8192;
/** Annotation flag Print: PDF/A (ISO 19005-2/-3 §6.3.2) wants it set on every annotation, widgets included. */
const PRINT = 4;

/**
 * Adds an empty signature field to the last page of `doc` while pdfkit writes it, as
 * @signpdf/placeholder-pdfkit does, with one change for PDF/A: the widget gets `/F 4` (pdfkit
 * writes an object as soon as it is created, so the flag is added as the widget is made). The
 * widget is invisible (zero rectangle, no appearance, which PDF/A allows for a zero-size field).
 */
export function addSignaturePlaceholder(doc: PDFKit.PDFDocument, fields: PdfSignatureFields): void {
  const printable = new Proxy(doc, {
    get(target, property) {
      if (property !== 'ref') return Reflect.get(target, property, target) as unknown;
      return (data: Record<string, unknown>) =>
        target.ref(data.Subtype === 'Widget' ? { ...data, F: PRINT } : data) as unknown;
    },
  });
  pdfkitAddPlaceholder({
    pdf: printable,
    // Unused by the pdfkit variant (the document has no bytes yet); the typings require it.
    pdfBuffer: Buffer.alloc(0),
    reason: fields.reason,
    name: fields.name,
    location: fields.location,
    contactInfo: fields.contactInfo,
    signingTime: fields.date,
    subFilter: PDF_SIGNATURE_SUBFILTER,
    signatureLength: PDF_SIGNATURE_LENGTH,
  });
}

/**
 * @signpdf signs a PDF without its final end-of-line (it strips it before computing the ByteRange).
 * Writing the placeholder PDF without it too keeps the signed file exactly as long as the
 * placeholder, so the two can be compared byte for byte outside the signature.
 */
export function withoutFinalEol(pdf: Buffer): Buffer {
  let end = pdf.length;
  if (pdf[end - 1] === 0x0a) end--;
  if (pdf[end - 1] === 0x0d) end--;
  return pdf.subarray(0, end);
}
