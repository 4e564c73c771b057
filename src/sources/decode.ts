/**
 * Text encodings of exports. Portals and spreadsheet programs write UTF-8 (with or without a byte
 * order mark), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "CSV" on a Canadian
 * Windows machine). The encoding is found from the bytes: a byte order mark, else the encoding an
 * XML declaration names, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (which
 * decodes any byte, and is what a file that is not UTF-8 almost always is here).
 */
import { Transform, type Readable } from 'node:stream';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

/** The encoding a byte order mark announces, and the mark's length. */
export function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function isUtf8(bytes: Uint8Array, partialEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partialEnd });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a text file, from its first bytes (all of them for small files). */
export function detectEncoding(head: Uint8Array, whole: boolean): Encoding {
  const bom = bomOf(head);
  if (bom) return bom.encoding;
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder('latin1').decode(head.subarray(0, 200)));
  if (declared && isKnown(declared[1])) {
    const label = declared[1].toLowerCase();
    // ISO-8859-1 declarations are, in practice, Windows-1252 (as browsers and TextDecoder treat them)
    return label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label;
  }
  return isUtf8(head, !whole) ? 'utf-8' : 'windows-1252';
}

function isKnown(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes, dropping a byte order mark. */
export function decode(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
}

/**
 * A stream of text from a stream of bytes in `encoding` (a byte order mark dropped): JSON exports
 * saved as UTF-16 by Windows tools are read as what they are, not as UTF-8 garbage.
 */
export function decodeStream(bytes: Readable, encoding: Encoding): Readable {
  if (encoding === 'utf-8') return bytes.setEncoding('utf8');
  const decoder = new TextDecoder(encoding);
  const out = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const text = decoder.decode(chunk, { stream: true });
      done(null, text || undefined);
    },
    flush(done) {
      const text = decoder.decode();
      done(null, text || undefined);
    },
  });
  bytes.on('error', (e) => out.destroy(e));
  return bytes.pipe(out);
}
