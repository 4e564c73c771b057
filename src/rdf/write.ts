/**
 * RDF writers, one chunk (a record) at a time, so that a catalogue streams out as it is read:
 * N-Triples and N-Quads line by line, Turtle with the project's prefixes, JSON-LD as one document
 * whose `@graph` receives each record's compacted nodes. Only JSON-LD loads the jsonld library.
 */
import N3 from 'n3';
import { jsonldContext } from '../model/context.js';
import { jsonText } from '../util/escape.js';
import { PREFIXES, type Quad } from './terms.js';
import type { RdfFormat } from './syntax.js';

export { RDF_FORMATS, type RdfFormat } from './syntax.js';

export interface RdfWriter {
  readonly format: RdfFormat;
  /** Whether quads keep their named graph (N-Quads). */
  readonly quads: boolean;
  start(): string;
  /** The text of one chunk of quads. */
  write(quads: readonly Quad[]): Promise<string>;
  end(): string;
}

/*
 * N-Triples and N-Quads lines, written here rather than by N3.js's writer, byte for byte as it
 * writes them (canonical escaping, full IRIs): the same few predicate, class and datatype IRIs
 * come back in every record, and are escaped once; literals are read once each. On a catalogue
 * this halves the time spent writing RDF.
 */

/** What canonical N-Triples escapes: U+0000–U+001F, `"`, `\`, U+007F, U+FFFE and U+FFFF. */
const ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
const ESCAPED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
};
const escapeChar = (c: string): string =>
  ESCAPED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const escaped = (s: string): string => (ESCAPE.test(s) ? s.replace(ESCAPE_ALL, escapeChar) : s);

/** IRIs already written (`<…>`); emptied when full, since records' own IRIs (datasets, URLs) do not repeat. */
const IRI_TEXT = new Map<string, string>();
const IRIS_KEPT = 10000;
function iriText(iri: string): string {
  let text = IRI_TEXT.get(iri);
  if (text === undefined) {
    text = `<${escaped(iri)}>`;
    if (IRI_TEXT.size >= IRIS_KEPT) IRI_TEXT.clear();
    IRI_TEXT.set(iri, text);
  }
  return text;
}

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

function termText(t: Quad['object'] | Quad['graph']): string | undefined {
  switch (t.termType) {
    case 'NamedNode':
      return iriText(t.value);
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const value = escaped(t.value);
      const language = t.language;
      if (language) {
        const direction = (t as { direction?: string }).direction;
        return `"${value}"@${language}${direction ? `--${direction}` : ''}`;
      }
      const datatype = t.datatype.value;
      return datatype === XSD_STRING ? `"${value}"` : `"${value}"^^${iriText(datatype)}`;
    }
    default:
      return undefined; // quoted triples, variables: N3.js writes them
  }
}

/** N-Triples or N-Quads text of quads (canonical escaping, full IRIs); a quad's graph is written when it has one. */
export function lineText(quads: readonly Quad[], withGraphs = false): string {
  let out = '';
  let other: InstanceType<typeof N3.Writer> | undefined;
  for (const q of quads) {
    const s = termText(q.subject);
    const p = termText(q.predicate);
    const o = termText(q.object);
    const g = q.graph.termType === 'DefaultGraph' ? '' : termText(q.graph);
    if (s === undefined || p === undefined || o === undefined || g === undefined) {
      other ??= new N3.Writer({ format: withGraphs ? 'N-Quads' : 'N-Triples' });
      out += other.quadToString(
        q.subject as never,
        q.predicate as never,
        q.object as never,
        q.graph as never,
      );
    } else out += g ? `${s} ${p} ${o} ${g} .\n` : `${s} ${p} ${o} .\n`;
  }
  return out;
}

/**
 * Statements written once per document: those about nodes records share (a publisher's IRI, a
 * contact point's, a place's), which each record that names them describes again. A statement is
 * known by its N-Quads line (its graph included: in N-Quads a record's named graph keeps its own
 * copy). Bounded: past `kept` statements remembered it starts again, and may repeat one (which RDF
 * merges) rather than grow without limit.
 */
export class OnceWritten {
  private readonly seen = new Set<string>();
  constructor(private readonly kept = 100000) {}

  /** Whether this line (N-Triples or N-Quads, one statement) is new to the document. */
  first(line: string): boolean {
    if (this.seen.has(line)) return false;
    if (this.seen.size >= this.kept) this.seen.clear();
    this.seen.add(line);
    return true;
  }

  /** A record's quads without the shared statements already written (`shared`: subjects' term keys). */
  filter(quads: readonly Quad[], shared: ReadonlySet<string>): Quad[] {
    if (shared.size === 0) return quads as Quad[];
    return quads.filter(
      (q) =>
        q.subject.termType !== 'NamedNode' ||
        !shared.has(q.subject.value) ||
        this.first(lineText([q], true)),
    );
  }

  /** Lines of shared statements (a worker's text) without those already written. */
  lines(text: string): string {
    let out = '';
    for (const line of text.split('\n')) if (line && this.first(line)) out += `${line}\n`;
    return out;
  }
}

function lineWriter(format: 'ntriples' | 'nquads'): RdfWriter {
  const withGraphs = format === 'nquads';
  return {
    format,
    quads: withGraphs,
    start: () => '',
    write: async (q) => lineText(q, withGraphs),
    end: () => '',
  };
}

function turtleWriter(): RdfWriter {
  // One writer for the whole document, writing into a buffer drained after each chunk: the
  // prefixes are declared once and each subject's statements are grouped.
  let buffer = '';
  const take = (): string => {
    const s = buffer;
    buffer = '';
    return s;
  };
  const sink = {
    write: (chunk: string, _enc?: unknown, done?: () => void) => {
      buffer += chunk;
      done?.();
      return true;
    },
    end: (done?: () => void) => done?.(),
  };
  const writer = new N3.Writer(sink as never, { prefixes: PREFIXES, end: false });
  return {
    format: 'turtle',
    quads: false,
    start: take,
    write: async (quads) => {
      for (const q of quads) writer.addQuad(q as never);
      return take();
    },
    end: () => {
      writer.end();
      return take();
    },
  };
}

function jsonldWriter(): RdfWriter {
  let first = true;
  return {
    format: 'jsonld',
    quads: false,
    start: () => `{"@context":${JSON.stringify(jsonldContext()['@context'])},\n"@graph":[`,
    write: async (quads) => {
      const { compactChunk } = await import('./jsonld.js');
      const nodes = await compactChunk(lineText(quads));
      let out = '';
      for (const n of nodes) {
        out += (first ? '\n' : ',\n') + jsonText(n);
        first = false;
      }
      return out;
    },
    end: () => `${first ? '' : '\n'}]}\n`,
  };
}

export function rdfWriter(format: RdfFormat): RdfWriter {
  switch (format) {
    case 'ntriples':
    case 'nquads':
      return lineWriter(format);
    case 'turtle':
      return turtleWriter();
    case 'jsonld':
      return jsonldWriter();
  }
}
