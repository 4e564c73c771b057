/**
 * CSV inventories (a spreadsheet of datasets, one row each), as provinces without a catalogue
 * API publish them. The first row names the columns; each following row is a record whose
 * fields are the columns (empty cells are absent fields), and whose line is its line in the file.
 * Column headers are matched to the profile's fields later (src/profiles/conform.ts).
 *
 * Detected from the bytes: the encoding (byte order mark, UTF-8, else Windows-1252 as Excel
 * writes it), the delimiter (comma, semicolon, tab or bar: the one the header row uses most).
 * A row with more or fewer fields than the header, or a quoted field never closed, is a rejected
 * record with its line; the other rows are still read. Inventories are small: the file is
 * decoded whole (to know its encoding), then parsed as a stream.
 */
import type { CsvError } from 'csv-parse';
import { READ_ERRORS, csvErrorReason } from '../i18n/read-errors.js';
import { Readable } from 'node:stream';
import type { Position } from '../util/locate.js';
import { toPointer } from '../util/paths.js';
import { setOwn } from '../util/own.js';
import { decode, detectEncoding } from './decode.js';
import type { FormatReader, InputFile } from './types.js';
import type { Locator, SourceRecord } from './types.js';

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the header row uses most (outside quotes); a comma when it uses none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS)
    if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

/** Where each field of a row starts, from the row's raw text (quotes respected). */
function fieldPositions(raw: string, delimiter: string, line: number): Position[] {
  const out: Position[] = [{ line, column: 1 }];
  let quoted = false;
  let l = line;
  let col = 1;
  for (const c of raw) {
    if (c === '"') quoted = !quoted;
    if (c === '\n') {
      if (!quoted) break;
      l++;
      col = 1;
      continue;
    }
    col++;
    if (!quoted && c === delimiter) out.push({ line: l, column: col });
  }
  return out;
}

class CsvLocator implements Locator {
  constructor(
    private readonly fields: Map<string, Position>,
    private readonly row: Position,
  ) {}

  locate(pointer: string): Position {
    return this.fields.get(pointer.split('/').slice(0, 2).join('/')) ?? this.row;
  }
}

/** Header cells as field names: trimmed, unique (a repeated header gets ` (2)`), never empty. */
function headerNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export async function* readCsv(input: InputFile): AsyncGenerator<SourceRecord> {
  const file = input.file;
  // the CSV parser is loaded when CSV is read, not when Passerelle starts
  const { parse } = await import('csv-parse');
  const text = await decodedText(input);
  const delimiter = detectDelimiter(text);
  const rejected: SourceRecord[] = [];
  const tooMany = (line: number): void =>
    byLine(rejected, {
      data: undefined,
      source: { file, line },
      shape: 'csv',
      error: { message: READ_ERRORS.csvTooManyFields(MAX_CSV_FIELDS), line, column: 1 },
    });
  const parser = Readable.from(rows(text, delimiter, tooMany)).pipe(
    parse({
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      raw: true,
      on_skip: (err: CsvError | undefined, raw?: string) => {
        if (!err) return;
        const line = startLine(Number(err.lines ?? 1), raw ?? '');
        const message =
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? READ_ERRORS.csvQuoteNotClosed(line, Number(err.lines))
            : READ_ERRORS.invalidCsv(csvErrorReason(err));
        byLine(rejected, {
          data: undefined,
          source: { file, line },
          shape: 'csv',
          error: { message, line, column: 1 },
        });
      },
    }),
  );
  let header: string[] | undefined;
  try {
    for await (const row of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
      raw: string;
    }>) {
      const line = startLine(row.info.lines, row.raw);
      // the parser may report a bad row before handing over the good rows above it: keep file order
      while (rejected.length && (rejected[0].source.line ?? 0) < line)
        yield rejected.shift() as SourceRecord;
      if (!header) {
        header = headerNames(row.record);
        continue;
      }
      const source = { file, line };
      if (row.record.length !== header.length) {
        yield {
          data: undefined,
          source,
          shape: 'csv',
          error: {
            message: READ_ERRORS.csvFieldCount(row.record.length, header.length),
            line,
            column: 1,
          },
        };
        continue;
      }
      const data: Record<string, string> = {};
      const positions = fieldPositions(row.raw.replace(/^\n+/, ''), delimiter, line);
      const fields = new Map<string, Position>();
      row.record.forEach((cell, i) => {
        const value = cell.trim();
        if (value === '') return; // an empty cell is an absent field
        setOwn(data, header![i], value); // a header is data, whatever its name (`__proto__`)
        fields.set(toPointer([header![i]]), positions[i] ?? { line, column: 1 });
      });
      yield { data, source, shape: 'csv', locator: new CsvLocator(fields, { line, column: 1 }) };
    }
  } catch (e) {
    yield {
      data: undefined,
      source: { file },
      shape: 'csv',
      error: { message: READ_ERRORS.invalidCsv(csvErrorReason(e as CsvError)) },
    };
  }
  yield* rejected.splice(0);
  if (!header) {
    yield {
      data: undefined,
      source: { file, line: 1 },
      shape: 'csv',
      error: { message: READ_ERRORS.csvNoHeader, line: 1 },
    };
  }
}

/** The whole file as text, with one line ending, so that lines are counted the way editors count them. */
async function decodedText(input: InputFile): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input.open()) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  chunks.length = 0;
  return decode(bytes, detectEncoding(bytes, true)).replace(/\r\n?/g, '\n');
}

/**
 * Fields in one row at most. The parser builds a row's fields before handing it over, an entry
 * for each even when empty: a row of 50,000 empty fields cost 24 times its size.
 */
export const MAX_CSV_FIELDS = 10_000;
/** About this much text is given to the parser at a time. */
const SLICE = 64 * 1024;

/**
 * The text for the parser, in slices of about `SLICE` characters: given whole, the parser turned
 * every row into fields at once (a 204 MB file held 4.8 GB); in slices it goes at the pace its
 * rows are read. A line with more than `MAX_CSV_FIELDS` fields (delimiters outside quotes, as
 * `fieldPositions` counts them) is not given to it (only its line end, so that lines keep their
 * numbers): `tooMany` is told its line. A row over several lines is the parser's (its quotes).
 */
function* rows(
  text: string,
  delimiter: string,
  tooMany: (line: number) => void,
): Generator<string> {
  let line = 1;
  let start = 0; // of the slice not yet given
  let rowStart = 0;
  let rowLine = 1;
  let fields = 1;
  let quoted = false;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x22) quoted = !quoted;
    else if (c === d && !quoted) fields++;
    else if (c === 0x0a) {
      // a row on one line only: a quote in the middle of a field is text to the parser, so across
      // lines where rows end is the parser's to say
      const oneLine = line === rowLine;
      if (i < text.length) line++;
      if (quoted && i < text.length) continue;
      // the end of a row
      if (fields > MAX_CSV_FIELDS && oneLine) {
        if (rowStart > start) yield text.slice(start, rowStart);
        tooMany(rowLine);
        if (i < text.length) yield '\n';
        start = Math.min(i + 1, text.length);
      } else if (i + 1 - start >= SLICE) {
        yield text.slice(start, Math.min(i + 1, text.length));
        start = Math.min(i + 1, text.length);
      }
      rowStart = i + 1;
      rowLine = line;
      fields = 1;
      quoted = false;
    }
  }
  if (start < text.length) yield text.slice(start);
}

/** A rejected row among those already rejected, in line order (the parser and `rows` find them apart). */
function byLine(rejected: SourceRecord[], r: SourceRecord): void {
  let i = rejected.length;
  while (i > 0 && (rejected[i - 1].source.line ?? 0) > (r.source.line ?? 0)) i--;
  rejected.splice(i, 0, r);
}

/** The line a row starts on, from the line it ends on and its raw text (blank lines before it skipped). */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/** CSV is the format of last resort: text that is not JSON or XML and whose first line has a delimiter. */
function sniff(input: InputFile): boolean {
  if (/\.(csv|tsv)(\.gz)?$/i.test(input.file)) return true;
  const t = input.text.trimStart();
  if (t.startsWith('<') || t.startsWith('{') || t.startsWith('[')) return false;
  const first = t.split(/\r?\n/, 1)[0];
  return DELIMITERS.some((d) => first.includes(d));
}

export const csvReader: FormatReader = {
  id: 'csv',
  extensions: ['.csv', '.tsv'],
  sniff,
  read: readCsv,
};
