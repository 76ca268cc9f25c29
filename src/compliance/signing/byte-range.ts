/**
 * Reading the one signature of a PDF this build signed: which bytes its `/ByteRange` covers and
 * where its `/Contents` sits. Only the layout @signpdf writes into a pdfkit document is accepted,
 * on purpose: the point is to prove that a file is exactly ours, not to read arbitrary PDFs.
 */

/** What @signpdf writes before signing; the signed file has the real numbers, padded with spaces. */
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 /********** /********** /**********]';

export interface Span {
  /** First byte. */
  start: number;
  /** One past the last byte. */
  end: number;
}

export interface SignatureLayout {
  /** `[0, contents.start, contents.end, length - contents.end]`, as the file states it. */
  byteRange: readonly [number, number, number, number];
  /** The `/ByteRange [...]` token with its padding: the only other bytes signing rewrites. */
  byteRangeSpan: Span;
  /** The `<hex>` string of the signature, brackets included: the bytes the signature does not cover. */
  contents: Span;
}

const latin1 = (bytes: Buffer, span: Span): string => bytes.subarray(span.start, span.end).toString('latin1');

function only(bytes: Buffer, token: string): number {
  const first = bytes.indexOf(token, 0, 'latin1');
  if (first < 0) throw new Error(`[pades] no ${token} in the PDF: it is not signed`);
  // A second signature, or one added by an incremental update, is not a document this build made.
  if (bytes.indexOf(token, first + 1, 'latin1') >= 0) throw new Error(`[pades] more than one ${token} in the PDF`);
  return first;
}

/**
 * The layout of the signature of `signed`, after checking that its ByteRange covers the whole file
 * except the signature value itself. Refuses anything else: bytes appended after signing (an
 * incremental update can change what a viewer shows while the old signature still verifies over
 * its own range), a range that leaves a gap, or a gap that is not the `/Contents` of the signature.
 */
export function readSignatureLayout(signed: Buffer): SignatureLayout {
  const start = only(signed, '/ByteRange');
  const span = { start, end: start + BYTE_RANGE_PLACEHOLDER.length };
  const token = latin1(signed, span);
  const match = /^\/ByteRange \[0 (\d+) (\d+) (\d+)\] *$/.exec(token);
  if (!match) throw new Error(`[pades] not a signed ByteRange: ${JSON.stringify(token.trimEnd())}`);
  const [b, c, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const problem = (what: string) => new Error(`[pades] /ByteRange [0 ${b} ${c} ${d}] ${what}`);
  if (c + d !== signed.length)
    throw problem(
      `ends at ${c + d}, but the file has ${signed.length} bytes: bytes were added or removed after signing`,
    );
  if (!(span.end < b && b < c)) throw problem('does not leave one gap after the ByteRange itself');
  const contents = { start: b, end: c };
  if (!/^<[0-9a-fA-F]*>$/.test(latin1(signed, contents)))
    throw problem('leaves a gap that is not a hexadecimal string');
  // The gap must be the value of this signature dictionary's /Contents, nothing else.
  if (!/^\s*\/Contents\s*$/.test(latin1(signed, { start: span.end, end: b })))
    throw problem('leaves a gap that is not the /Contents following the ByteRange');
  return { byteRange: [0, b, c, d], byteRangeSpan: span, contents };
}

/** The bytes the signature of `signed` covers (the whole file minus `/Contents`), once the layout is checked. */
export function signedContent(signed: Buffer): Buffer {
  const { contents } = readSignatureLayout(signed);
  return Buffer.concat([signed.subarray(0, contents.start), signed.subarray(contents.end)]);
}

/**
 * True when `signed` is `placeholderPdf` with a signature filled in: same length, and the same bytes
 * everywhere except the `/ByteRange [...]` token and the `/Contents <...>` value, which signing is
 * the only step to write. This is how a later build proves that an archived signed PDF is exactly
 * the document today's code generates, without the key and without re-signing. Says nothing about
 * whether the signature verifies (pdfsig or a PAdES validator does that).
 */
export function sameSignedContent(signed: Buffer, placeholderPdf: Buffer): boolean {
  if (signed.length !== placeholderPdf.length) return false;
  let layout: SignatureLayout;
  try {
    layout = readSignatureLayout(signed);
  } catch {
    return false;
  }
  const { byteRangeSpan: range, contents } = layout;
  if (latin1(placeholderPdf, range) !== BYTE_RANGE_PLACEHOLDER) return false;
  // An unsigned placeholder is all zeros: anything else means the placeholder was signed already.
  if (!/^<0*>$/.test(latin1(placeholderPdf, contents))) return false;
  const kept: Span[] = [
    { start: 0, end: range.start },
    { start: range.end, end: contents.start },
    { start: contents.end, end: signed.length },
  ];
  return kept.every(({ start, end }) => signed.subarray(start, end).equals(placeholderPdf.subarray(start, end)));
}
