/**
 * Reads exports in every shape their users have: JSON Lines (streamed, never held whole),
 * JSON documents (CKAN package_show / package_search responses, arrays, bare packages), `.gz` of
 * each, and directories of such files; other formats (XML, CSV) through their `FormatReader`.
 * A file's format is the one its extension names, when it names one Passerelle reads; its content
 * decides otherwise, and within a format (JSON-LD in `.json`, RDF/XML in `.xml`): `formatOf`.
 */
import {
  constants,
  createReadStream,
  statSync,
  readdirSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { open as openFd } from 'node:fs/promises';
import { join, extname, isAbsolute, relative } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { InputError, UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import { JsonLocator, LineIndex } from '../util/locate.js';
import { bomOf, decode, decodeStream, detectEncoding } from './decode.js';
import { jsonLineTexts, MAX_LINE_CHARS, readLines, utf8Lines, type Line } from './lines.js';
import { csvReader } from './csv.js';
import { xmlReader } from './xml.js';
import { getAll, parsePath } from '../util/paths.js';
import { ENVELOPES, apiError, recordOffsets } from './envelopes.js';
import { ENTRY_ERRORS, READ_ERRORS, jsonErrorReason } from '../i18n/read-errors.js';
import { looksLikeJsonLd, RDF_EXTENSIONS, syntaxOf } from '../rdf/syntax.js';
import type { Bilingual } from '../core/lang.js';
import type { FormatReader, InputFile, SourceRecord } from './types.js';
import { isSnapshot, RECORDS_DIR } from './snapshot.js';
import { metered } from './meter.js';

/** File kinds a directory listing picks up; others (README, images…) are not inputs. */
export const INPUT_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson', '.geojson']);
const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const JSON_EXTENSIONS = new Set(['.json', '.geojson']);

const READERS: FormatReader[] = [];
export function registerReader(r: FormatReader): void {
  if (!READERS.some((x) => x.id === r.id)) READERS.push(r);
  for (const e of r.extensions) INPUT_EXTENSIONS.add(e);
}
/** DCAT-AP RDF; its parsers (N3.js, RDF/XML, JSON-LD) are loaded only when an RDF file is read. */
const rdfReader: FormatReader = {
  id: 'rdf',
  extensions: RDF_EXTENSIONS,
  sniff: (input) => syntaxOf(input.file, input.text) !== undefined,
  claimsJson: (input) => looksLikeJsonLd(input.text.trimStart(), input.file),
  refines: {
    extensions: ['.xml'],
    sniff: (input) => syntaxOf(input.file, input.text) === 'rdfxml',
  },
  read: async function* (input) {
    const { readRdfInput } = await import('./rdf.js');
    yield* readRdfInput(input);
  },
};
// RDF/XML is XML too: the RDF reader looks first
registerReader(rdfReader);
registerReader(xmlReader);
registerReader(csvReader);

/** A path named on the command line that cannot be read: an input error, `why` its error code. */
const NO_SUCH_FILE_FR = 'fichier ou dossier introuvable';

function cannotRead(file: string, why: string | undefined, whyFr = why): InputError {
  return new InputError(ENTRY_ERRORS.unreadable(why).en, file, ENTRY_ERRORS.unreadable(whyFr).fr);
}

function stat(path: string): Stats {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw cannotRead(relativeToCwd(path), code);
    throw new InputError('no such file or directory', relativeToCwd(path), NO_SUCH_FILE_FR);
  }
}

function baseExtension(file: string): string {
  const name = file.toLowerCase().endsWith('.gz') ? file.slice(0, -3) : file;
  return extname(name).toLowerCase();
}

/**
 * A file to read. `listed`: found in a directory rather than named on the command line, so opened
 * without ever blocking, and a problem with it rejects it (one rejected record) instead of stopping
 * the run; `rejected`: why such an entry is not read at all.
 */
export interface InputEntry {
  path: string;
  listed?: boolean;
  rejected?: Bilingual;
}

export interface WalkOptions {
  /** Follow links leading outside the folder given (`--follow-links`); else they are rejected entries. */
  followLinks?: boolean;
}

/**
 * The files a path stands for, in a stable order (directories: their input files, recursively, and
 * their entries that cannot be read as rejected entries). A path named on the command line that
 * cannot be read is an input error.
 */
export function expandPaths(paths: readonly string[], o: WalkOptions = {}): InputEntry[] {
  const out: InputEntry[] = [];
  for (const p of paths) {
    if (!stat(p).isDirectory()) {
      out.push({ path: p });
      continue;
    }
    // a harvest snapshot: its records, not its manifest
    const found = walkDirectory(isSnapshot(p) ? join(p, RECORDS_DIR) : p, o);
    if (found.length === 0)
      throw new InputError(
        'no input files in this directory',
        relativeToCwd(p),
        'aucun fichier d’entrée dans ce dossier',
      );
    out.push(...found);
  }
  return out;
}

const isInside = (root: string, real: string): boolean => {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * The entries of a directory, recursively. Nothing here opens a file: links are resolved, a link that
 * dangles or loops, a link outside the folder (unless followed), a folder that leads back to one
 * being read, and anything not a regular file (a FIFO would block) are rejected entries.
 */
function walkDirectory(root: string, o: WalkOptions): InputEntry[] {
  const top = realpathSync(root);
  const found: InputEntry[] = [];
  const reject = (path: string, why: Bilingual): void =>
    void found.push({ path, listed: true, rejected: why });
  const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;
  // the real paths of the folders being read: a link back to one of them is a loop
  const reading = new Set<string>();
  const walk = (dir: string, real: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      // the folder named on the command line stops the run; one found in it is a rejected entry
      if (dir === root) throw cannotRead(relativeToCwd(root), code(e));
      return reject(dir, ENTRY_ERRORS.unreadable(code(e)));
    }
    reading.add(real);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      let st: Stats;
      let target: string;
      try {
        st = statSync(full);
        target = realpathSync(full);
      } catch (e) {
        const c = code(e);
        reject(
          full,
          c === 'ELOOP'
            ? ENTRY_ERRORS.loop
            : c === 'ENOENT'
              ? ENTRY_ERRORS.dangling
              : ENTRY_ERRORS.unreadable(c),
        );
        continue;
      }
      const input = INPUT_EXTENSIONS.has(baseExtension(name));
      if (!st.isDirectory() && !input) continue; // README, images…: not inputs
      if (!o.followLinks && !isInside(top, target)) reject(full, ENTRY_ERRORS.outside);
      else if (st.isDirectory()) {
        if (reading.has(target)) reject(full, ENTRY_ERRORS.loop);
        else walk(full, target);
      } else if (!st.isFile()) reject(full, ENTRY_ERRORS.notAFile);
      else found.push({ path: full, listed: true });
    }
    reading.delete(real);
  };
  walk(root, top);
  return found;
}

const HEAD_BYTES = 65536;

/** Why a directory entry is not read, found when it is opened. */
class EntryRejected extends Error {
  constructor(readonly why: Bilingual) {
    super(why.en);
  }
}

/**
 * A directory entry is opened without blocking (a FIFO put in its place after the walk returns at
 * once) and read only when it is a regular file; a path named on the command line is opened as
 * given (`<(zcat export.gz)` is a pipe).
 */
const LISTED_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Opens a file as bytes, decompressing gzip (detected from its first bytes). */
async function openInput(entry: InputEntry, shown: string): Promise<InputFile> {
  const file = entry.path;
  const flags = entry.listed ? LISTED_FLAGS : 'r';
  const fd = await openFd(file, flags);
  const buf = Buffer.alloc(2);
  try {
    if (entry.listed && !(await fd.stat()).isFile()) throw new EntryRejected(ENTRY_ERRORS.notAFile);
    await fd.read(buf, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const gz = buf[0] === 0x1f && buf[1] === 0x8b;
  // the head read to recognise the file is not counted by the progress meter, the reading proper is
  const opener = (meter: boolean) => (): Readable => {
    // Node opens streams with numeric flags too; its types only say string
    const stream = createReadStream(file, { flags: flags as string });
    const raw = meter ? metered(stream) : stream;
    if (!gz) return raw;
    const out = raw.pipe(createGunzip());
    raw.on('error', (e) => out.destroy(e));
    return out;
  };
  const chunks: Buffer[] = [];
  let size = 0;
  let whole = true;
  const s = opener(false)();
  try {
    for await (const chunk of s) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= HEAD_BYTES) {
        whole = false;
        break;
      }
    }
  } finally {
    s.destroy();
  }
  const head = Buffer.concat(chunks).subarray(0, HEAD_BYTES);
  const encoding = detectEncoding(head, whole);
  // a byte order mark not believed (decode.ts) is left out of the text the format is recognised by
  const mark = bomOf(head);
  return {
    file: shown,
    open: opener(true),
    head,
    text: decode(mark && mark.encoding !== encoding ? head.subarray(mark.length) : head, encoding),
  };
}

/**
 * A stream of the file's text, for JSON documents: UTF-8 (RFC 8259), or what a byte order mark says
 * (UTF-16 from Windows tools), or Windows-1252 for a legacy export that is not UTF-8 (decode.ts).
 */
function openText(input: InputFile): Readable {
  return decodeStream(input.open(), detectEncoding(input.head, false));
}

/**
 * The lines of a JSON Lines file. UTF-8 lines are decoded one by one (`utf8Lines`): a byte that is
 * not UTF-8 costs its line, never the file's encoding.
 */
function jsonLinesOf(input: InputFile): AsyncIterable<Line> {
  const encoding = detectEncoding(input.head, false);
  if (encoding !== 'utf-8') return readLines(input.file, decodeStream(input.open(), encoding));
  return utf8Lines(readLines(input.file, input.open().setEncoding('latin1')));
}

/** JSON Lines by their content (a file named neither): the first line is a whole JSON value and more follows. */
function looksLikeJsonLines(head: string): boolean {
  const trimmed = head.trimStart();
  if (!trimmed.startsWith('{')) return false;
  const nl = trimmed.indexOf('\n');
  if (nl < 0) return false;
  try {
    JSON.parse(trimmed.slice(0, nl));
  } catch {
    return false;
  }
  return trimmed.slice(nl + 1).trim().length > 0;
}

/**
 * How a file is read. Its extension decides when it names a format Passerelle reads: a `.jsonl`
 * whose first line looks like CSV is JSON Lines with a bad first line, not a CSV file of bad rows.
 * Within that format the content refines (JSON-LD in a `.json`, RDF/XML in a `.xml`, JSON Lines in
 * a `.json`). A file whose name says nothing (standard input, `.txt`) is recognised by its content.
 */
function formatOf(input: InputFile): FormatReader | 'json' | 'jsonl' {
  const ext = baseExtension(input.file);
  if (JSONL_EXTENSIONS.has(ext)) return 'jsonl';
  const trimmed = input.text.trimStart();
  const named =
    READERS.find((r) => r.refines?.extensions.includes(ext) && r.refines.sniff(input)) ??
    READERS.find((r) => r.extensions.includes(ext));
  if (named) return named;
  const json = JSON_EXTENSIONS.has(ext) || trimmed.startsWith('{') || trimmed.startsWith('[');
  const reader = READERS.find((r) => (json ? r.claimsJson?.(input) : r.sniff(input)));
  if (reader) return reader;
  return looksLikeJsonLines(input.text) ? 'jsonl' : 'json';
}

/**
 * A file opened and recognised: JSON Lines are handed over as the records' texts (parsed where they
 * are processed, which may be a worker thread: `jsonLineRecords`), every other format as records.
 */
export type OpenedFile =
  | { kind: 'jsonl'; file: string; lines: AsyncIterable<Line> }
  | { kind: 'records'; records: AsyncIterable<SourceRecord> };

export async function openFile(entry: string | InputEntry): Promise<OpenedFile> {
  const e = typeof entry === 'string' ? { path: entry } : entry;
  const file = e.path;
  const shown = relativeToCwd(file);
  if (e.rejected) return rejectedEntry(shown, e.rejected);
  let input: InputFile;
  try {
    input = await openInput(e, shown);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (e.listed)
      return rejectedEntry(
        shown,
        err instanceof EntryRejected ? err.why : ENTRY_ERRORS.unreadable(code),
      );
    throw cannotRead(shown, code ?? (err as Error).message);
  }
  const format = formatOf(input);
  if (format === 'jsonl')
    return { kind: 'jsonl', file: shown, lines: jsonLineTexts(jsonLinesOf(input)) };
  if (format === 'json')
    return { kind: 'records', records: readJsonDocument(shown, openText(input)) };
  return { kind: 'records', records: format.read(input) };
}

/** A directory entry that is not read: one rejected record naming it, and the run goes on. */
function rejectedEntry(file: string, why: Bilingual): OpenedFile {
  const records = async function* (): AsyncGenerator<SourceRecord> {
    yield { data: undefined, source: { file }, shape: 'file', error: { message: why } };
  };
  return { kind: 'records', records: records() };
}

export async function* readFile(file: string | InputEntry): AsyncGenerator<SourceRecord> {
  const opened = await openFile(file);
  if (opened.kind === 'records') {
    yield* opened.records;
    return;
  }
  for await (const text of opened.lines) yield* jsonLineRecords(opened.file, text);
}

function parseErrorPosition(e: Error, text: string): number | undefined {
  const pos = /position (\d+)/.exec(e.message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc) return offsetFromLineCol(text, Number(lc[1]), Number(lc[2]));
  if (/end of JSON input/.test(e.message)) return text.length;
  return undefined;
}

/**
 * Where the first JSON value of a text ends, when more follows it (`{…}{…}`), from V8's message
 * ("Unexpected non-whitespace character after JSON at position N"); undefined otherwise.
 */
function endOfFirstValue(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return concatenatedEnd(e as Error, text);
  }
}

/** The same, from the error JSON.parse gave for `text`. */
function concatenatedEnd(e: Error, text: string): number | undefined {
  const m = /^Unexpected non-whitespace character after JSON at position (\d+)/.exec(e.message);
  const end = m ? Number(m[1]) : undefined;
  // only objects one after another: `{"a":1} x` is a broken line, not two records
  return end !== undefined && text.trimStart().startsWith('{') && text[end] === '{'
    ? end
    : undefined;
}

function offsetFromLineCol(text: string, line: number, col: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) off = text.indexOf('\n', off) + 1;
  return off + col - 1;
}

/** One record of a JSON Lines text; `start`: where it begins in `text` (values one after another on one line). */
function jsonLineRecord(
  file: string,
  text: string,
  at: number,
  start: number,
  parsed?: { data: unknown },
): SourceRecord {
  let data: unknown;
  if (parsed) data = parsed.data;
  else {
    try {
      data = JSON.parse(start ? text.slice(start) : text);
    } catch (e) {
      const rel = parseErrorPosition(e as Error, start ? text.slice(start) : text);
      const pos = rel === undefined ? undefined : rel + start;
      const where =
        pos === undefined
          ? undefined
          : new LineIndex(text, at).position(Math.min(pos, text.length));
      return {
        data: undefined,
        source: { file, line: at },
        shape: 'jsonl',
        error: {
          message: READ_ERRORS.invalidJson(jsonErrorReason(e as Error)),
          line: where?.line ?? at,
          column: where?.column,
        },
      };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: undefined,
      source: { file, line: at },
      shape: 'jsonl',
      error: {
        message: READ_ERRORS.notAnObjectLine(
          data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data,
        ),
        line: at,
        column: 1,
      },
    };
  }
  return {
    data,
    source: { file, line: at },
    shape: 'jsonl',
    locator: new JsonLocator(new LineIndex(text, at), start),
  };
}

/**
 * The records of one text of JSON Lines (see `jsonLineTexts`): one, parsed or rejected with the
 * reason, line and column; or several, for objects written one after another with no line break
 * between them (`{…}{…}`, as some tools write it), found where JSON.parse says the first one ends.
 * The same function reads records in the main thread and in workers.
 */
export function jsonLineRecords(
  file: string,
  { line: at, text, bad, tooLong }: Line,
): SourceRecord[] {
  if (tooLong)
    return [
      {
        data: undefined,
        source: { file, line: at },
        shape: 'jsonl',
        error: { message: READ_ERRORS.tooLong(MAX_LINE_CHARS), line: at, rule: 'input/too-large' },
      },
    ];
  if (bad)
    return [
      {
        data: undefined,
        source: { file, line: at },
        shape: 'jsonl',
        error: { message: READ_ERRORS.notUtf8(bad.byte), line: bad.line, column: bad.column },
      },
    ];
  const out: SourceRecord[] = [];
  let start = 0;
  for (;;) {
    const rest = start ? text.slice(start) : text;
    let data: unknown;
    try {
      data = JSON.parse(rest); // once: the common case costs one parse
    } catch (e) {
      const end = concatenatedEnd(e as Error, rest);
      if (end === undefined) {
        out.push(jsonLineRecord(file, text, at, start));
        return out;
      }
      out.push(jsonLineRecord(file, text.slice(0, start + end), at, start));
      start += end;
      while (start < text.length && /\s/.test(text[start])) start++;
      continue;
    }
    out.push(jsonLineRecord(file, text, at, start, { data }));
    return out;
  }
}

export async function* readJsonLines(file: string, stream: Readable): AsyncGenerator<SourceRecord> {
  for await (const text of jsonLineTexts(readLines(file, stream)))
    yield* jsonLineRecords(file, text);
}

async function readAll(stream: Readable, file: string): Promise<string> {
  let text = '';
  try {
    for await (const chunk of stream) text += chunk as string;
  } catch (e) {
    throw cannotRead(file, (e as Error).message, (e as NodeJS.ErrnoException).code);
  }
  return text.replace(/^\uFEFF/, '');
}

export async function* readJsonDocument(
  file: string,
  stream: Readable,
): AsyncGenerator<SourceRecord> {
  const text = await readAll(stream, file);
  const index = new LineIndex(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // objects one after another with no line break between them: records, as in JSON Lines
    if (endOfFirstValue(text) !== undefined) {
      yield* readJsonLines(file, Readable.from([text]));
      return;
    }
    const pos = parseErrorPosition(e as Error, text);
    const at = pos === undefined ? undefined : index.position(Math.min(pos, text.length));
    yield {
      data: undefined,
      source: { file, line: at?.line },
      shape: 'json',
      error: {
        message: READ_ERRORS.invalidJson(jsonErrorReason(e as Error)),
        line: at?.line,
        column: at?.column,
      },
    };
    return;
  }
  const err = apiError(doc);
  if (err !== undefined) {
    yield {
      data: undefined,
      source: { file, line: 1 },
      shape: 'ckan-error',
      error: { message: READ_ERRORS.portalError(err), line: 1 },
    };
    return;
  }
  for (const env of ENVELOPES) {
    const pointers = env.records(doc);
    if (!pointers) continue;
    const offsets = recordOffsets(text, pointers);
    for (const [k, pointer] of pointers.entries()) {
      const [hit] = getAll(doc, parsePath(pointer));
      const offset = offsets[k];
      const line = offset >= 0 ? index.position(offset).line : undefined;
      const source = pointer === '' ? { file, line } : { file, line, pointer };
      if (hit?.value === null || typeof hit?.value !== 'object' || Array.isArray(hit.value)) {
        yield {
          data: undefined,
          source,
          shape: env.shape,
          error: { message: READ_ERRORS.notAPackage, line },
        };
        continue;
      }
      yield {
        data: hit.value,
        source,
        shape: env.shape,
        locator: new JsonLocator(index, Math.max(offset, 0)),
      };
    }
    return;
  }
  yield {
    data: undefined,
    source: { file, line: 1 },
    shape: 'json',
    error: { message: READ_ERRORS.noRecords, line: 1 },
  };
}

/** Every record of every path, in order. */
export async function* readSources(paths: readonly string[]): AsyncGenerator<SourceRecord> {
  if (paths.length === 0)
    throw new UsageError('no input paths given', 'aucun chemin d’entrée donné');
  for (const entry of expandPaths(paths)) yield* readFile(entry);
}
