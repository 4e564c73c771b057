/**
 * Streaming XML reader: one record per ISO 19139 metadata element (`gmd:MD_Metadata`,
 * `gmi:MI_Metadata`) wherever it sits: a bare record, a CSW GetRecords or GetRecordById
 * response, or several records concatenated in one file. The file is never held whole.
 *
 * Each record becomes a JSON tree (docs/inputs.md), decided once so that profiles can describe it
 * and crosswalks map it:
 * - element names are qualified with a fixed prefix per namespace (`gmd:`, `gco:`, `gml:`…),
 *   whatever prefixes the file declares (a default namespace included);
 * - an element with neither attributes nor child elements is its text; otherwise an object with
 *   its attributes as `@name`, its child elements by name, and its text as `#text`; an empty ISO
 *   class element (a package prefix: `<gmd:MD_LegalConstraints/>`, valid since all its properties
 *   are optional) is an empty object, not an empty text;
 * - ISO 19139 property elements (lower-case local name: `gmd:keyword`) may repeat: they are always
 *   lists; object and value elements (upper-case: `gmd:MD_Keywords`, `gco:CharacterString`) are
 *   single values;
 * - text is whitespace-normalised (runs of spaces and line breaks become one space, trimmed), as
 *   pretty-printed exports break long text across lines.
 *
 * Safety: no external entity, DTD or schema is ever loaded (saxes does not resolve them).
 * A well-formedness error inside a record rejects that record with its line; the next ones are
 * still read. Namespace slips seen in real exports (an `xsi:` prefix never declared) and
 * concatenated documents are tolerated.
 */
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import { toPointer } from '../util/paths.js';
import { linearNamespaces } from '../util/saxes.js';
import { getOwn, setOwn } from '../util/own.js';
import type { Position } from '../util/locate.js';
import { detectEncoding } from './decode.js';
import type { FormatReader, InputFile } from './types.js';
import type { Locator, SourceRecord } from './types.js';
import { READ_ERRORS, xmlErrorReason } from '../i18n/read-errors.js';
import type { Bilingual } from '../core/lang.js';

/** Canonical prefixes: the same element has the same name in every record, whatever the file declares. */
export const XML_PREFIXES: Record<string, string> = {
  'http://www.isotc211.org/2005/gmd': 'gmd',
  'http://www.isotc211.org/2005/gco': 'gco',
  'http://www.isotc211.org/2005/gmx': 'gmx',
  'http://www.isotc211.org/2005/gmi': 'gmi',
  'http://www.isotc211.org/2005/srv': 'srv',
  'http://www.isotc211.org/2005/gts': 'gts',
  'http://www.isotc211.org/2005/gsr': 'gsr',
  'http://www.isotc211.org/2005/gss': 'gss',
  'http://www.isotc211.org/2005/gfc': 'gfc',
  'http://www.opengis.net/gml/3.2': 'gml',
  'http://www.opengis.net/gml': 'gml',
  'http://www.w3.org/1999/xlink': 'xlink',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://www.opengis.net/cat/csw/2.0.2': 'csw',
  'http://www.fao.org/geonetwork': 'geonet',
};

/** Elements that are one record each (qualified by canonical prefix). */
export const XML_RECORD_ELEMENTS = new Set(['gmd:MD_Metadata', 'gmi:MI_Metadata']);

/** Slips tolerated because real exports have them and nothing is lost: not a reason to reject. */
const TOLERATED = [
  /unbound namespace prefix/,
  /documents may contain only one root/,
  /text data outside of root node/,
  /XML declaration must (be|appear) at the start/,
  /processing instructions are not allowed before root/,
];

type Json = string | JsonObject;
interface JsonObject {
  [k: string]: Json | Json[];
}

interface Frame {
  name: string;
  node: JsonObject;
  attributes: number;
  children: number;
  text: string;
  pointer: string;
  /** Same-name child counts, for list indices. */
  counts: Map<string, number>;
  /** Where the element sits in its parent, to put its value in place when it closes. */
  parent?: Frame;
  list: boolean;
}

interface Pending {
  line: number;
  column: number;
  root: Frame;
  positions: Map<string, Position>;
  error?: ReadError;
}

function qualified(t: { prefix: string; local: string; uri: string }): string {
  const prefix = XML_PREFIXES[t.uri] ?? t.prefix;
  return prefix ? `${prefix}:${t.local}` : t.local;
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** ISO 19139 classes are named with their package prefix (`MD_`, `CI_`, `EX_`…); value types are not (`gco:CharacterString`). */
function isClass(name: string): boolean {
  return /^[A-Z]{2}_/.test(name.slice(name.indexOf(':') + 1));
}

/** ISO 19139 property elements (lower-case local names) carry cardinality: always lists. */
function isList(name: string): boolean {
  const local = name.slice(name.indexOf(':') + 1);
  return /^[a-z]/.test(local);
}

class XmlLocator implements Locator {
  constructor(private readonly positions: Map<string, Position>) {}

  /** The field's element, or the nearest enclosing element the record has. */
  locate(pointer: string): Position | undefined {
    let p = pointer;
    for (;;) {
      const hit = this.positions.get(p);
      if (hit) return hit;
      if (p === '') return undefined;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
}

export async function* readXml(input: InputFile): AsyncGenerator<SourceRecord> {
  // the XML parser is loaded when XML is read, not when Passerelle starts
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const records = new XmlRecords(input.file, () => ({
    line: parser.line,
    column: parser.column + 1,
  }));
  parser.on('error', (e) => records.malformed(e.message));
  // the parser stands one character past the name: the tag's `<` is just before the name
  parser.on('opentagstart', (t) =>
    records.tagAt(parser.line, Math.max(1, parser.column - t.name.length - 1)),
  );
  linearNamespaces(parser);
  parser.on('opentag', (t: SaxesTagNS) => records.open(t));
  parser.on('text', (text) => records.text(text));
  parser.on('cdata', (text) => records.text(text));
  parser.on('closetag', () => records.close());

  let found = 0;
  const bytes = input.open();
  const decoder = new TextDecoder(detectEncoding(input.head, false));
  try {
    for await (const chunk of bytes) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      found += records.out.length;
      yield* records.out.splice(0);
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    // saxes reports through the handler; what reaches here is a read error (truncated gzip…)
    records.unreadable(e as Error);
  }
  records.end();
  found += records.out.length;
  yield* records.out.splice(0);
  if (records.fileError) {
    yield {
      data: undefined,
      source: { file: input.file, line: records.fileError.line },
      shape: 'xml',
      error: records.fileError,
    };
  } else if (found === 0) {
    yield {
      data: undefined,
      source: { file: input.file, line: 1 },
      shape: 'xml',
      error: { message: READ_ERRORS.noXmlRecords([...XML_RECORD_ELEMENTS]), line: 1, column: 1 },
    };
  }
}

type ReadError = { message: Bilingual; line: number; column: number };

/**
 * The records of one XML file, built as the parser meets their elements: each element a frame on
 * the stack until it closes; each record element, when it closes, a record in `out`.
 */
class XmlRecords {
  readonly out: SourceRecord[] = [];
  /** A problem of the file outside any record (reported after its records). */
  fileError: ReadError | undefined;
  private record: Pending | undefined;
  private stack: Frame[] = [];
  private tagLine = 1;
  private tagColumn = 1;
  // a broken record makes the parser close the elements around it (CSW wrappers): their closing
  // tags, later in the file, are then unmatched; that is the same error, already reported
  private wrappersLost = false;

  constructor(
    private readonly file: string,
    private readonly position: () => { line: number; column: number },
  ) {}

  malformed(reported: string): void {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(reported);
    const at = m ? { line: Number(m[1]), column: Number(m[2]) } : this.position();
    const message = m ? m[3] : reported;
    if (TOLERATED.some((re) => re.test(message))) return;
    const err = { message: READ_ERRORS.malformedXml(xmlErrorReason(message)), ...at };
    if (this.record) this.record.error ??= err;
    else if (!(this.wrappersLost && /close tag|closing tag/.test(message))) this.fileError ??= err;
  }

  /** Where the tag about to open starts (its `<`). */
  tagAt(line: number, column: number): void {
    this.tagLine = line;
    this.tagColumn = column;
  }

  open(t: SaxesTagNS): void {
    const name = qualified(t);
    const at = { line: this.tagLine, column: this.tagColumn };
    if (!this.record) {
      if (!XML_RECORD_ELEMENTS.has(name)) return;
      const root: Frame = {
        name,
        node: {},
        attributes: 0,
        children: 0,
        text: '',
        pointer: '',
        counts: new Map(),
        list: false,
      };
      this.record = { ...at, root, positions: new Map([['', at]]) };
      addAttributes(root, t.attributes as Record<string, SaxesAttributeNS>, this.record);
      this.stack = [root];
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    const list = isList(name);
    const n = parent.counts.get(name) ?? 0;
    parent.counts.set(name, n + 1);
    parent.children++;
    const pointer = parent.pointer + toPointer(list ? [name, n] : [name]);
    const frame: Frame = {
      name,
      node: {},
      attributes: 0,
      children: 0,
      text: '',
      pointer,
      counts: new Map(),
      parent,
      list,
    };
    this.record.positions.set(pointer, at);
    addAttributes(frame, t.attributes as Record<string, SaxesAttributeNS>, this.record);
    this.stack.push(frame);
  }

  text(text: string): void {
    if (this.record && this.stack.length) this.stack[this.stack.length - 1].text += text;
  }

  close(): void {
    if (!this.record) return;
    const frame = this.stack.pop() as Frame;
    const text = normaliseSpace(frame.text);
    if (text) frame.node['#text'] = text;
    const value: Json =
      frame.attributes === 0 && frame.children === 0 && (text || !isClass(frame.name))
        ? text
        : frame.node;
    if (frame.parent) return placeInParent(frame, value);
    if (this.record.error) this.wrappersLost = true;
    this.out.push(finish(this.record, this.file));
    this.record = undefined;
    this.stack = [];
  }

  /** The rest of the file could not be read. */
  unreadable(e: Error): void {
    const err = { message: READ_ERRORS.restUnreadable(e), ...this.position() };
    if (this.record) this.record.error ??= err;
    else this.fileError ??= err;
  }

  /** The end of the file: a record still open was cut short. */
  end(): void {
    if (!this.record) return;
    this.record.error ??= {
      message: READ_ERRORS.xmlCutShort(this.record.root.name),
      ...this.position(),
    };
    this.out.push(finish(this.record, this.file));
  }
}

/** A closed element's value, in its parent's object. */
function placeInParent(frame: Frame, value: Json): void {
  // element names are data (`<__proto__>` is an element like any other)
  const into = (frame.parent as Frame).node;
  const prev = getOwn(into, frame.name) as Json | Json[] | undefined;
  // siblings of one name are appended to the list made for them (copying it for each of
  // 50,000 keywords grew with their square)
  if (Array.isArray(prev)) prev.push(value);
  else if (frame.list) setOwn(into, frame.name, [value]);
  // an object element given twice (not valid ISO 19139) keeps both values rather than lose one
  else if (prev !== undefined) setOwn(into, frame.name, [prev, value]);
  else setOwn(into, frame.name, value);
}

function addAttributes(
  frame: Frame,
  attributes: Record<string, SaxesAttributeNS>,
  record: Pending,
): void {
  for (const a of Object.values(attributes)) {
    if (a.prefix === 'xmlns' || a.name === 'xmlns') continue; // namespace declarations are not data
    const key = `@${a.uri || a.prefix ? qualified(a) : a.local}`;
    setOwn(frame.node, key, a.value);
    frame.attributes++;
    record.positions.set(
      `${frame.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      record.positions.get(frame.pointer) as Position,
    );
  }
}

function finish(record: Pending, file: string): SourceRecord {
  const source = { file, line: record.line };
  if (record.error) return { data: undefined, source, shape: 'xml', error: record.error };
  const data = record.root.node;
  const text = normaliseSpace(record.root.text);
  if (text) data['#text'] = text;
  return { data, source, shape: 'xml', locator: new XmlLocator(record.positions) };
}

export const xmlReader: FormatReader = {
  id: 'xml',
  extensions: ['.xml'],
  sniff: (input) => input.text.trimStart().startsWith('<'),
  read: readXml,
};
