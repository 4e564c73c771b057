/** What readers yield and how they plug in: a source record, its locator, an input file, a format reader. */
import type { SourceRef } from '../core/source.js';
import type { Bilingual } from '../core/lang.js';
import type { Position } from '../util/locate.js';
import type { Readable } from 'node:stream';

/** Finds where a field of the record is in its file, from the field's JSON Pointer in the record. */
export interface Locator {
  locate(pointer: string): Position | undefined;
  /** Several fields at once (one pass over the record where the format allows), in the pointers' order. */
  locateAll?(pointers: readonly string[]): (Position | undefined)[];
}

/** Where each field is: in one go when the locator can, else one by one. */
export function locateAll(locator: Locator, pointers: readonly string[]): (Position | undefined)[] {
  return locator.locateAll ? locator.locateAll(pointers) : pointers.map((p) => locator.locate(p));
}

/** One record as read from an export, remembering where it came from. */
export interface SourceRecord {
  data: unknown;
  source: SourceRef;
  /** Input shape it was read as (`ckan-package-search`, `jsonl`, `xml`, `csv`…). */
  shape: string;
  /** To give a finding the line and column of its field in the file. */
  locator?: Locator;
  /** Set when the record could not be read: it is reported as rejected, never dropped. The reason is
   * given in both languages (the report's language is chosen later). */
  error?: {
    message: Bilingual;
    line?: number;
    column?: number;
    /** The input rule that rejects it: `input/parse-error` unless said (`input/too-large`). */
    rule?: 'input/too-large';
  };
}

/** An input file as readers see it: its bytes (decompressed) and its first bytes for sniffing. */
export interface InputFile {
  /** The file as shown in reports (relative to the working directory). */
  file: string;
  /** A new stream of the file's bytes, gzip already undone. */
  open(): Readable;
  /** The first bytes (up to 64 KiB), to detect the format and the encoding. */
  head: Buffer;
  /** Those bytes as text (byte order mark dropped, encoding detected), to detect the format. */
  text: string;
}

/**
 * Readers of other formats (XML, CSV, RDF…). A reader claims a file from its content (`sniff`)
 * and yields its records, each with its file and line; a record it cannot read is yielded with
 * `error` (rejected), never dropped. JSON (documents and JSON Lines) is read when no reader
 * claims the file.
 */
export interface FormatReader {
  id: string;
  /** File extensions a directory listing picks up for this reader (`.xml`). */
  extensions: string[];
  sniff(input: InputFile): boolean;
  /** For JSON-based formats (JSON-LD): true when a JSON file is this format rather than plain records. */
  claimsJson?(input: InputFile): boolean;
  /** A format found by its content in files named for another reader's (RDF/XML in `.xml`). */
  refines?: { extensions: string[]; sniff(input: InputFile): boolean };
  read(input: InputFile): AsyncIterable<SourceRecord>;
}
