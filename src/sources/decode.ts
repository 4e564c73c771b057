/**
 * Text encodings of exports. Portals and spreadsheet programs write UTF-8 (with or without a byte
 * order mark), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "CSV" on a Canadian
 * Windows machine). The encoding is found from the bytes, conservatively: a UTF-16 byte order mark
 * is believed only when the text after it reads as UTF-16 (two stray bytes at the start of a UTF-8
 * file are a bad first line, not an encoding), else the encoding an XML declaration names, else
 * UTF-8 (RFC 8259) unless most of the non-ASCII bytes are not UTF-8: Windows-1252 (which decodes
 * any byte) is for files that are not UTF-8, not for a UTF-8 file with one stray byte.
 */
import { Transform, type Readable } from 'node:stream';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});

/** The encoding a byte order mark announces, and the mark's length. */
export function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * The length of the UTF-8 sequence that starts at `i` (1 for ASCII), 0 when the byte there starts
 * none (a stray byte, an overlong form, a surrogate), -1 when the bytes end inside it.
 */
function sequenceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const n =
    c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0) return 0;
  // the second byte's range rules out overlong forms, surrogates and code points past U+10FFFF
  const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
  const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < n; k++) {
    if (i + k >= b.length) return -1;
    const d = b[i + k];
    if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return 0;
  }
  return n;
}

/** Where the first byte that is not UTF-8 is (a sequence cut by the end included), or -1. */
export function utf8ErrorAt(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const n = sequenceAt(b, i);
    if (n <= 0) return i;
    i += n;
  }
  return -1;
}

/** Whether bytes are UTF-8 rather than Windows-1252: no more bytes that are not UTF-8 than characters that are (beyond ASCII). */
function mostlyUtf8(b: Uint8Array, whole: boolean): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    const n = sequenceAt(b, i);
    if (n < 0 && !whole) break; // a character cut by the end of the head is not evidence
    if (n <= 0) {
      invalid++;
      i++;
    } else {
      if (n > 1) valid++;
      i += n;
    }
  }
  return invalid <= valid;
}

/**
 * Whether the bytes after a UTF-16 byte order mark read as UTF-16 text: they decode, and the text
 * starts (after blanks) with an ASCII character, as every format Passerelle reads does (`{`, `<`,
 * `@`, a column name). UTF-8 read as UTF-16 pairs its bytes into CJK and other far characters.
 */
function plausibleUtf16(head: Uint8Array, encoding: Encoding, whole: boolean): boolean {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(head.subarray(2), { stream: !whole });
  } catch {
    return false;
  }
  const first = text.trimStart().charCodeAt(0);
  return text.trim() === '' || first < 0x80;
}

/** The encoding of a text file, from its first bytes (all of them for small files). */
export function detectEncoding(head: Uint8Array, whole: boolean): Encoding {
  const bom = bomOf(head);
  if (bom && (bom.encoding === 'utf-8' || plausibleUtf16(head, bom.encoding, whole)))
    return bom.encoding;
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    new TextDecoder('latin1').decode(head.subarray(0, 200)),
  );
  if (declared && isKnown(declared[1])) {
    const label = declared[1].toLowerCase();
    // ISO-8859-1 declarations are, in practice, Windows-1252 (as browsers and TextDecoder treat them)
    return label === 'iso-8859-1' || label === 'latin1' ? 'windows-1252' : label;
  }
  // a mark not believed is two bad bytes of the first line, not evidence about the others
  return mostlyUtf8(head.subarray(bom?.length ?? 0), whole) ? 'utf-8' : 'windows-1252';
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
