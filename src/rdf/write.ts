/**
 * RDF writers, one chunk (a record) at a time, so that a catalogue streams out as it is read:
 * N-Triples and N-Quads line by line, Turtle with the project's prefixes, JSON-LD as one document
 * whose `@graph` receives each record's compacted nodes. Only JSON-LD loads the jsonld library.
 */
import N3 from 'n3';
import { jsonldContext } from '../model/context.js';
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

/** N-Triples or N-Quads text of quads (canonical escaping, full IRIs). */
export function lineText(quads: readonly Quad[], withGraphs = false): string {
  return new N3.Writer({ format: withGraphs ? 'N-Quads' : 'N-Triples' }).quadsToString(quads as Quad[]);
}

function lineWriter(format: 'ntriples' | 'nquads'): RdfWriter {
  const withGraphs = format === 'nquads';
  return { format, quads: withGraphs, start: () => '', write: async (q) => lineText(q, withGraphs), end: () => '' };
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
        out += (first ? '\n' : ',\n') + JSON.stringify(n);
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
