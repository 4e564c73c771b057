/**
 * The two engines' update formats, one object each over the same flat document (`flatten.ts`):
 *
 * - OpenSearch / Elasticsearch: bulk NDJSON, an action line then the document. The action names no
 *   `_index`: the request's path does (`POST /passerelle/_bulk`), so the files load into any index
 *   or behind an alias. Partial updates (`update` + `doc`) change "also published by" alone.
 * - Solr: the JSON update format CKAN's client (pysolr) sends, an array of documents posted to
 *   `/update`; "also published by" alone changes with atomic updates (`{"set": …}`), which the
 *   shipped schema allows by storing every field that is not a copyField target; deletions by id
 *   are a command of their own (`{"delete": [ids]}`).
 */
import { jsonText } from '../../util/escape.js';
import type { Links } from '../federate.js';
import type { EngineDocument } from './flatten.js';

/** How the pieces of one file are put together: text before, between and after them. */
export interface Framing {
  open: string;
  separator: string;
  close: string;
}

export interface Engine {
  name: EngineName;
  /** Extension of the files written (`.ndjson`, `.json`). */
  ext: string;
  /** Framing of the files of documents and updates. */
  documents: Framing;
  /** Framing of the files of deletions. */
  deletions: Framing;
  index(d: EngineDocument): string;
  /** A partial update: the document's links alone. */
  links(id: string, links: Links): string;
  delete(id: string): string;
}

export const ENGINE_NAMES = ['opensearch', 'solr'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

const NDJSON: Framing = { open: '', separator: '', close: '' };

const opensearch: Engine = {
  name: 'opensearch',
  ext: '.ndjson',
  documents: NDJSON,
  deletions: NDJSON,
  index: (d) => `${jsonText({ index: { _id: d.id } })}\n${jsonText(d)}\n`,
  links: (id, l) =>
    `${jsonText({ update: { _id: id } })}\n${jsonText({
      doc: { duplicates: l.duplicates, duplicate_of: l.duplicateOf ?? null },
    })}\n`,
  delete: (id) => `${jsonText({ delete: { _id: id } })}\n`,
};

const solr: Engine = {
  name: 'solr',
  ext: '.json',
  documents: { open: '[\n', separator: ',\n', close: '\n]\n' },
  deletions: { open: '{"delete": [\n', separator: ',\n', close: '\n]}\n' },
  index: (d) => jsonText(d),
  links: (id, l) =>
    jsonText({
      id,
      duplicates: { set: l.duplicates.length ? l.duplicates : null },
      duplicate_of: { set: l.duplicateOf ?? null },
    }),
  delete: (id) => jsonText(id),
};

export const ENGINES: Record<EngineName, Engine> = { opensearch, solr };
