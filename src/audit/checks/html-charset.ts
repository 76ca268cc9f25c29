/**
 * The encoding a browser decodes an HTML response with (WHATWG HTML "determining the character
 * encoding", simplified): a byte order mark, else the Content-Type charset (`charset`, as Fetch
 * extracts it from the header: see content-type.ts), else a `<meta>` charset
 * in the first 1024 bytes, else UTF-8. Decoding every page as UTF-8 would let a UTF-16 or
 * ISO-2022-JP page hide its scripts from the audit while browsers load them.
 */
export function htmlEncoding(charset: string | undefined, head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  const header = known(charset);
  if (header) return header;
  const prescan = new TextDecoder('windows-1252').decode(head.subarray(0, 1024));
  const meta = known(/<meta[\s/][^>]*?charset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(prescan)?.[1]);
  // A <meta> cannot switch to UTF-16 (the bytes read so far were ASCII-compatible): UTF-8 instead.
  if (meta?.startsWith('utf-16')) return 'utf-8';
  if (meta === 'x-user-defined') return 'windows-1252';
  return meta ?? 'utf-8';
}

/** The canonical name of an encoding label TextDecoder knows (`latin1` → `windows-1252`). */
function known(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
