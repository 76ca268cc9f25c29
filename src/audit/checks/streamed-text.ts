import type { Tokenizer } from 'parse5';

/**
 * Bytes decoded, and characters parse5 keeps once parsed, at a time. parse5 keeps parsed text until
 * 64 KiB pile up and copies what it keeps on each write, and a 64 KiB network chunk decoded whole
 * lives while its 20,000 tags are parsed: both outlive V8's 1 MiB young generation
 * (`--max-semi-space-size=1`) and filled the old one, about 45 MB per 10 MiB page between full
 * collections. In pieces of 4 KiB they die young.
 */
export const PIECE = 4096;

/** Decodes `bytes` a piece at a time (a character split across pieces is kept by the decoder). */
export function decodeInPieces(decoder: TextDecoder, bytes: Uint8Array, feed: (text: string) => boolean): boolean {
  for (let at = 0; at < bytes.byteLength; at += PIECE) {
    if (!feed(decoder.decode(bytes.subarray(at, at + PIECE), { stream: true }))) return false;
  }
  return true;
}

/** Makes parse5 drop the text it has parsed every piece instead of every 64 KiB (see PIECE). */
export function keepLittleParsedText(tokenizer: Tokenizer): void {
  // Only the buffer's trimming point moves: parse5 still keeps what an unfinished token needs.
  tokenizer.preprocessor.bufferWaterline = PIECE;
}
