/**
 * `convert`: every record of the inputs through its profile's crosswalk, then out as RDF, one
 * record at a time. Records are mapped, not checked (`validate` checks them). Records that cannot
 * be read are yielded too (without text), so that the caller accounts for every record.
 * N-Triples and N-Quads of large JSON Lines inputs are written by worker threads (`workers`);
 * Turtle and JSON-LD writers carry state from one record to the next and stay in this thread.
 */
import type { Mapping } from './pipeline.js';
import { prepareRun, unitsOf, workerOptions, workersFor, type Input, type Unit } from './run.js';
import type { ValidateOptions } from './options.js';
import { throughWorkers } from './parallel.js';
import type { Dataset } from '../model/types.js';
import type { SourceRecord } from '../sources/types.js';
import type { RecordResult } from '../core/record.js';
import type { SourceRef } from '../core/source.js';
import { SeenRecords } from './unique.js';
import { recordToRdf, type RecordGraph } from '../rdf/from-record.js';
import { factory, safeIri, type Quad } from '../rdf/terms.js';
import { lineText, OnceWritten, rdfWriter, type RdfFormat, type RdfWriter } from '../rdf/write.js';

export interface ConvertOptions extends Partial<ValidateOptions> {
  to: RdfFormat;
}

export interface Converted {
  source: SourceRef;
  /** A record that could not be read: its `input/parse-error` finding says why and where. */
  rejected?: RecordResult;
  /** The record's RDF text; empty for a record that could not be read. */
  text: string;
  /**
   * N-Triples or N-Quads lines about nodes other records may describe too (a publisher's IRI), kept
   * out of `text` by workers: convertRecords writes each once per document.
   */
  shared?: string;
  /** The dataset node's IRI, when the record has one (else the dataset is a blank node of its own). */
  iri?: string;
  /**
   * Where an earlier record of the run has the same dataset IRI (`file:line`): RDF merges the two
   * records' statements into one node, and the run says so.
   */
  merged?: string;
}

/**
 * A record's quads. Its blank nodes are named after its number in the run (`_:r12b0`; `_:r12_1b0`
 * for a second object written on the same line), so that they are unique in the output and the
 * same with or without workers; N-Quads put each record in the named graph of its dataset IRI, so
 * that a store can replace one record.
 */
function graphOf(dataset: Dataset, seq: number, part: number, withGraph: boolean): RecordGraph {
  const graph = withGraph && dataset.id ? factory.namedNode(safeIri(dataset.id)) : undefined;
  return recordToRdf(dataset, { blankPrefix: part ? `r${seq}_${part}` : `r${seq}`, graph });
}

/** One mapped record as N-Triples or N-Quads (what convert's workers send back), its shared statements apart. */
export function lineRecord(
  m: Mapping,
  seq: number,
  part: number,
  format: 'ntriples' | 'nquads',
): Converted {
  if (!m.mapped) return { source: m.source, rejected: m.rejected, text: '' };
  const withGraphs = format === 'nquads';
  const { quads, shared } = graphOf(m.mapped.dataset, seq, part, withGraphs);
  const isShared = (q: Quad): boolean =>
    q.subject.termType === 'NamedNode' && shared.has(q.subject.value);
  return {
    source: m.source,
    text: lineText(
      quads.filter((q) => !isShared(q)),
      withGraphs,
    ),
    shared: lineText(quads.filter(isShared), withGraphs),
    ...iriOf(m.mapped.dataset),
  };
}

/** The dataset node's IRI as written (`recordToRdf`), when it is not a blank node. */
function iriOf(d: Dataset): { iri?: string } {
  return typeof d.id === 'string' && d.id.trim() ? { iri: safeIri(d.id) } : {};
}

/** The writer of a conversion and its records' text, in input order. */
export function convertRecords(
  paths: readonly (string | Input)[],
  options: ConvertOptions,
): { writer: RdfWriter; records: AsyncGenerator<Converted> } {
  const writer = rdfWriter(options.to);
  const format = options.to;
  // a shared publisher's (or contact point's, or place's) statements once in the document
  const once = new OnceWritten();
  const withShared = (c: Converted): Converted => {
    if (c.shared === undefined) return c;
    const { shared, ...rest } = c;
    return { ...rest, text: c.text + once.lines(shared) };
  };
  async function* all(): AsyncGenerator<Converted> {
    const { inputs, pipelines } = await prepareRun(paths, options);
    const workers = format === 'ntriples' || format === 'nquads' ? workersFor(options) : 1;
    if (workers > 1 && (format === 'ntriples' || format === 'nquads')) {
      const task = {
        workers,
        init: { options: workerOptions(options) },
        task: { kind: 'rdf', format },
      } as const;
      const inWorker = (converted: Converted[]): Converted[] => converted;
      for await (const c of throughWorkers(
        unitsOf(inputs, pipelines, true),
        task,
        inWorker,
        (u) => lineRecord(u.pipeline.map(u.src), u.seq, u.part, format),
        (u, src, seq, part) => lineRecord(u.pipeline.map(src), seq, part, format),
      ))
        yield withShared(c);
      return;
    }
    for await (const u of unitsOf(inputs, pipelines, false) as AsyncGenerator<
      Unit & { src: SourceRecord }
    >) {
      const m = u.pipeline.map(u.src);
      const { source, mapped, rejected } = m;
      if (!mapped) {
        yield { source, rejected, text: '' };
        continue;
      }
      // line formats as the workers write them (the record's own statements, then the shared ones
      // not yet written), so that the output is the same with or without workers
      if (format === 'ntriples' || format === 'nquads') {
        yield withShared(lineRecord(m, u.seq, u.part, format));
        continue;
      }
      const { quads, shared } = graphOf(mapped.dataset, u.seq, u.part, writer.quads);
      yield {
        source,
        text: await writer.write(once.filter(quads, shared)),
        ...iriOf(mapped.dataset),
      };
    }
  }
  // records whose dataset IRI an earlier record has: one node in RDF, said in input order
  async function* records(): AsyncGenerator<Converted> {
    const seen = new SeenRecords();
    for await (const c of all()) {
      const merged = c.iri !== undefined ? seen.seenUri(c.iri, c.source) : undefined;
      yield merged ? { ...c, merged } : c;
    }
  }
  return { writer, records: records() };
}
