/**
 * `convert`: every record of the inputs through its profile's crosswalk, then out as RDF, one
 * record at a time. Records are mapped, not checked (`validate` checks them). Records that cannot
 * be read are yielded too (without text), so that the caller accounts for every record.
 */
import { mapRecords, type Input, type ValidateOptions } from '../engine/pipeline.js';
import type { RecordResult, SourceRef } from '../report/model.js';
import { recordToRdf } from './from-record.js';
import { factory, safeIri } from './terms.js';
import { rdfWriter, type RdfFormat, type RdfWriter } from './write.js';

export interface ConvertOptions extends Partial<ValidateOptions> {
  to: RdfFormat;
}

export interface Converted {
  source: SourceRef;
  /** A record that could not be read: its `input/parse-error` finding says why and where. */
  rejected?: RecordResult;
  /** The record's RDF text; empty for a record that could not be read. */
  text: string;
}

/** The writer of a conversion and its records' text, in input order. */
export function convertRecords(paths: readonly (string | Input)[], options: ConvertOptions): { writer: RdfWriter; records: AsyncGenerator<Converted> } {
  const writer = rdfWriter(options.to);
  async function* records(): AsyncGenerator<Converted> {
    let n = 0;
    for await (const { source, mapped, rejected } of mapRecords(paths, options)) {
      if (!mapped) {
        yield { source, rejected, text: '' };
        continue;
      }
      const dataset = mapped.dataset;
      // N-Quads: each record in the named graph of its dataset IRI, so that a store can replace one record
      const graph = writer.quads && dataset.id ? factory.namedNode(safeIri(dataset.id)) : undefined;
      const { quads } = recordToRdf(dataset, { blankPrefix: `r${n++}`, graph });
      yield { source, text: await writer.write(quads) };
    }
  }
  return { writer, records: records() };
}
