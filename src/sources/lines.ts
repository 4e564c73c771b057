/**
 * Lines of text streams, as they arrive: numbered lines (`readLines`), lines of UTF-8 decoded one by
 * one so that a bad byte costs its line (`utf8Lines`), and the records' texts of JSON Lines, one a
 * line or pretty-printed objects one after another (`jsonLineTexts`).
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { InputError } from '../util/errors.js';
import { utf8ErrorAt } from './decode.js';

/**
 * The longest record text of JSON Lines kept, in characters (bytes of UTF-8). A longer line (or
 * pretty-printed object) is dropped as it is read, never held whole: it is a rejected record
 * (`input/too-large`). Parsing takes up to ~32 bytes a character: 32 Mi characters stay within
 * 1 GB, half of Node's default heap on a machine of 8 GB.
 */
export const MAX_LINE_CHARS = 32 * 1024 * 1024;

/** One line of a text file, numbered from 1; or one record's text, numbered from its first line. */
export interface Line {
  line: number;
  text: string;
  /** Where a byte that is not UTF-8 is (`utf8Lines`): the record is rejected there. */
  bad?: { line: number; column: number; byte: number };
  /** Longer than `MAX_LINE_CHARS`: its text was dropped (`text` is empty), the record is rejected. */
  tooLong?: true;
}

/**
 * The lines of a text stream, as they arrive (a slow reader slows the stream down: nothing is
 * read ahead beyond the stream's own buffer). Line breaks are `\n`, `\r\n` and `\r`, as Node's
 * readline has them, also when a `\r\n` is cut between two chunks.
 */
export async function* readLines(file: string, stream: Readable): AsyncGenerator<Line> {
  let line = 0;
  let rest = ''; // the start of a line cut by the end of a chunk
  let pendingCr = false; // the last chunk ended with \r: a \n starting the next one belongs to it
  let tooLong = false; // the current line is past MAX_LINE_CHARS: its text is dropped as it comes
  try {
    for await (const chunk of stream) {
      const text = chunk as string;
      let from = 0;
      if (pendingCr && text.charCodeAt(0) === 0x0a) from = 1;
      pendingCr = false;
      let cr = text.indexOf('\r'); // \r is rare: found once per chunk, again only when passed
      for (;;) {
        const nl = text.indexOf('\n', from);
        if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
        const end = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
        if (end < 0) break;
        if (tooLong || rest.length + end - from > MAX_LINE_CHARS)
          yield { line: ++line, text: '', tooLong: true };
        else yield { line: ++line, text: rest + text.slice(from, end) };
        rest = '';
        tooLong = false;
        from = end + 1;
        if (end === cr) {
          if (from === text.length) pendingCr = true;
          else if (text.charCodeAt(from) === 0x0a) from++;
        }
      }
      if (!tooLong) rest += text.slice(from);
      if (rest.length > MAX_LINE_CHARS) {
        tooLong = true;
        rest = '';
      }
    }
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(
      `cannot read after line ${line} (${(e as Error).message})`,
      file,
      `lecture impossible après la ligne ${line} (${why})`,
    );
  } finally {
    // a reader that stops early (the first record of a file, to recognise its profile) closes the file
    stream.destroy();
  }
  if (tooLong) yield { line: ++line, text: '', tooLong: true };
  else if (rest) yield { line: ++line, text: rest };
}

/** Net depth of `{`/`[` over a line, outside strings (`inString` carries over a line break). */
function depthOf(text: string, state: { depth: number; inString: boolean }): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) state.inString = false;
    } else if (c === 0x22) state.inString = true;
    else if (c === 0x7b || c === 0x5b) state.depth++;
    else if (c === 0x7d || c === 0x5d) state.depth--;
  }
}

/**
 * The records' texts of JSON Lines: one per line, blank lines left out. Also pretty-printed objects
 * written one after another (a line holding only `{` opens one, read until its closing brace, its
 * lines joined): some portals' exports are made that way, and the two shapes are met in the same
 * file. Cheap (only the lines of a pretty-printed object are scanned): the records are parsed
 * where they are checked, which may be a worker thread.
 */
export async function* jsonLineTexts(lines: AsyncIterable<Line>): AsyncGenerator<Line> {
  let doc:
    | {
        start: number;
        lines: string[];
        chars: number;
        state: { depth: number; inString: boolean };
        bad?: Line['bad'];
        tooLong?: true;
      }
    | undefined;
  const whole = (d: NonNullable<typeof doc>): Line =>
    d.tooLong
      ? { line: d.start, text: '', tooLong: true }
      : { line: d.start, text: d.lines.join('\n'), ...(d.bad ? { bad: d.bad } : {}) };
  for await (let { line, text, bad, tooLong } of lines) {
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (doc) {
      // an object's lines past the limit are dropped: only its depth is followed, to find its end
      doc.chars += text.length + 1;
      if (tooLong || doc.chars > MAX_LINE_CHARS) {
        doc.tooLong = true;
        doc.lines = [];
      } else if (!doc.tooLong) doc.lines.push(text);
      doc.bad ??= bad;
      depthOf(text, doc.state);
      if (doc.state.depth > 0) continue;
      yield whole(doc);
      doc = undefined;
      continue;
    }
    if (bad || tooLong) {
      yield tooLong ? { line, text, tooLong } : { line, text, bad };
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (trimmed === '{') {
      doc = {
        start: line,
        lines: [text],
        chars: text.length,
        state: { depth: 1, inString: false },
      };
      continue;
    }
    yield { line, text };
  }
  // a document cut short at the end of the file is reported where it starts
  if (doc) yield whole(doc);
}

/**
 * Lines of UTF-8 split before they are decoded, then decoded each on its own: a line that is not
 * UTF-8 is marked `bad` where its first bad byte is (and rejected as a record), the others read
 * whole. Read as Latin-1 (one character per byte), the line breaks are where the UTF-8 text has
 * them: every byte of a multi-byte UTF-8 character is 0x80 or more.
 */
export async function* utf8Lines(lines: AsyncIterable<Line>): AsyncGenerator<Line> {
  for await (const l of lines) {
    if (!/[\x80-\xff]/.test(l.text)) {
      yield l; // ASCII reads the same either way
      continue;
    }
    const bytes = Buffer.from(l.text, 'latin1');
    const text = bytes.toString('utf8');
    if (isUtf8(bytes)) {
      yield { line: l.line, text };
      continue;
    }
    const at = utf8ErrorAt(bytes);
    yield {
      line: l.line,
      text,
      bad: {
        line: l.line,
        column: bytes.subarray(0, at).toString('utf8').length + 1,
        byte: bytes[at],
      },
    };
  }
}
