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
  error?: { message: Bilingual; line: number; column: number };
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
  const file = input.file;
  // the XML parser is loaded when XML is read, not when Passerelle starts
  const { SaxesParser } = await import('saxes');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: SourceRecord[] = [];
  let record: Pending | undefined;
  let stack: Frame[] = [];
  let tagLine = 1;
  let tagColumn = 1;
  let found = 0;
  let fileError: { message: Bilingual; line: number; column: number } | undefined;
  // a broken record makes the parser close the elements around it (CSW wrappers): their closing
  // tags, later in the file, are then unmatched; that is the same error, already reported
  let wrappersLost = false;

  const position = (): { line: number; column: number } => ({ line: parser.line, column: parser.column + 1 });

  parser.on('error', (e) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(e.message);
    const at = m ? { line: Number(m[1]), column: Number(m[2]) } : position();
    const message = m ? m[3] : e.message;
    if (TOLERATED.some((re) => re.test(message))) return;
    const err = { message: READ_ERRORS.malformedXml(xmlErrorReason(message)), ...at };
    if (record) record.error ??= err;
    else if (!(wrappersLost && /close tag|closing tag/.test(message))) fileError ??= err;
  });

  parser.on('opentagstart', (t) => {
    // the parser stands one character past the name: the tag's `<` is just before the name
    tagLine = parser.line;
    tagColumn = Math.max(1, parser.column - t.name.length - 1);
  });

  parser.on('opentag', (t: SaxesTagNS) => {
    const name = qualified(t);
    if (!record) {
      if (!XML_RECORD_ELEMENTS.has(name)) return;
      const root: Frame = { name, node: {}, attributes: 0, children: 0, text: '', pointer: '', counts: new Map(), list: false };
      record = { line: tagLine, column: tagColumn, root, positions: new Map([['', { line: tagLine, column: tagColumn }]]) };
      addAttributes(root, t.attributes as Record<string, SaxesAttributeNS>, record);
      stack = [root];
      return;
    }
    const parent = stack[stack.length - 1];
    const list = isList(name);
    const n = parent.counts.get(name) ?? 0;
    parent.counts.set(name, n + 1);
    parent.children++;
    const pointer = parent.pointer + toPointer(list ? [name, n] : [name]);
    const frame: Frame = { name, node: {}, attributes: 0, children: 0, text: '', pointer, counts: new Map(), parent, list };
    record.positions.set(pointer, { line: tagLine, column: tagColumn });
    addAttributes(frame, t.attributes as Record<string, SaxesAttributeNS>, record);
    stack.push(frame);
  });

  const onText = (text: string): void => {
    if (record && stack.length) stack[stack.length - 1].text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    if (!record) return;
    const frame = stack.pop() as Frame;
    const text = normaliseSpace(frame.text);
    if (text) frame.node['#text'] = text;
    const value: Json = frame.attributes === 0 && frame.children === 0 && (text || !isClass(frame.name)) ? text : frame.node;
    if (frame.parent) {
      // element names are data (`<__proto__>` is an element like any other)
      const into = frame.parent.node;
      const prev = getOwn(into, frame.name) as Json | Json[] | undefined;
      // siblings of one name are appended to the list made for them (copying it for each of
      // 50,000 keywords grew with their square)
      if (Array.isArray(prev)) prev.push(value);
      else if (frame.list) setOwn(into, frame.name, [value]);
      // an object element given twice (not valid ISO 19139) keeps both values rather than lose one
      else if (prev !== undefined) setOwn(into, frame.name, [prev, value]);
      else setOwn(into, frame.name, value);
      return;
    }
    if (record.error) wrappersLost = true;
    out.push(finish(record, file));
    record = undefined;
    stack = [];
  });

  const bytes = input.open();
  const decoder = new TextDecoder(detectEncoding(input.head, false));
  try {
    for await (const chunk of bytes) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      found += out.length;
      yield* out.splice(0);
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    // saxes reports through the handler; what reaches here is a read error (truncated gzip…)
    if (record) record.error ??= { message: READ_ERRORS.restUnreadable(e as Error), ...position() };
    else fileError ??= { message: READ_ERRORS.restUnreadable(e as Error), ...position() };
  }
  if (record) {
    record.error ??= { message: READ_ERRORS.xmlCutShort(record.root.name), ...position() };
    out.push(finish(record, file));
  }
  found += out.length;
  yield* out.splice(0);
  if (fileError) {
    yield { data: undefined, source: { file, line: fileError.line }, shape: 'xml', error: fileError };
  } else if (found === 0) {
    yield {
      data: undefined,
      source: { file, line: 1 },
      shape: 'xml',
      error: { message: READ_ERRORS.noXmlRecords([...XML_RECORD_ELEMENTS]), line: 1, column: 1 },
    };
  }
}

function addAttributes(frame: Frame, attributes: Record<string, SaxesAttributeNS>, record: Pending): void {
  for (const a of Object.values(attributes)) {
    if (a.prefix === 'xmlns' || a.name === 'xmlns') continue; // namespace declarations are not data
    const key = `@${a.uri || a.prefix ? qualified(a) : a.local}`;
    setOwn(frame.node, key, a.value);
    frame.attributes++;
    record.positions.set(`${frame.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, record.positions.get(frame.pointer) as Position);
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
