/**
 * A query's results as text: SELECT and ASK as an aligned table (for a terminal), or in the SPARQL
 * 1.1 results formats Oxigraph writes (CSV, TSV, JSON, XML); CONSTRUCT and DESCRIBE as Turtle or
 * N-Triples, through the project's RDF writers.
 */
import type { Lang } from '../core/lang.js';
import { pluralForm } from '../i18n/plural.js';
import { factory, curie, type Quad } from '../rdf/terms.js';
import { rdfWriter } from '../rdf/write.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError } from '../util/errors.js';
import { execute, type PreparedQuery } from './sparql.js';
import type { Store } from 'oxigraph';

import type { ResultFormat } from './formats.js';

export { RESULT_FORMATS, type ResultFormat } from './formats.js';
const GRAPH_FORMATS: readonly ResultFormat[] = ['turtle', 'ntriples'];

/** A term of the SPARQL 1.1 Query Results JSON format. */
interface JsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: unknown;
  'xml:lang'?: string;
  datatype?: string;
}
interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, JsonTerm>[] };
  boolean?: boolean;
}

/** The format a query's results take when none is asked for: a table on a terminal, CSV elsewhere; RDF queries: Turtle. */
export function defaultFormat(q: PreparedQuery, terminal: boolean): ResultFormat {
  if (q.form === 'construct' || q.form === 'describe') return 'turtle';
  return terminal ? 'table' : 'csv';
}

/** The query run and its results written in `format`. */
export async function queryText(
  store: Store,
  q: PreparedQuery,
  format: ResultFormat,
  lang: Lang = 'en',
): Promise<string> {
  const graph = q.form === 'construct' || q.form === 'describe';
  if (graph !== GRAPH_FORMATS.includes(format))
    throw new UsageError(
      graph
        ? `${q.file}: a ${q.form.toUpperCase()} query gives RDF: use --format turtle or ntriples`
        : `${q.file}: a ${q.form.toUpperCase()} query gives results, not RDF: use --format table, csv, tsv, json or xml`,
      graph
        ? `${q.file} : une requête ${q.form.toUpperCase()} donne du RDF : employez --format turtle ou ntriples`
        : `${q.file} : une requête ${q.form.toUpperCase()} donne des résultats, pas du RDF : employez --format table, csv, tsv, json ou xml`,
    );
  if (graph) return rdfText(execute(store, q) as Quad[], format as 'turtle' | 'ntriples');
  if (format === 'table') return table(JSON.parse(execute(store, q, 'json') as string), lang);
  const serialised = format as 'csv' | 'tsv' | 'json' | 'xml';
  if (q.form === 'ask' && (serialised === 'csv' || serialised === 'tsv'))
    return `${execute(store, q) as boolean}\n`;
  const text = execute(store, q, serialised) as string;
  return text.endsWith('\n') ? text : `${text}\n`;
}

async function rdfText(quads: readonly Quad[], format: 'turtle' | 'ntriples'): Promise<string> {
  const writer = rdfWriter(format);
  const ours = quads.map((q) => factory.fromQuad(q as never) as Quad);
  return writer.start() + (await writer.write(ours)) + writer.end();
}

/** A cell of the table: IRIs shortened with the project's prefixes, language tags kept. */
function cell(t: JsonTerm | undefined): string {
  if (!t) return '';
  const value = typeof t.value === 'string' ? t.value : JSON.stringify(t.value);
  switch (t.type) {
    case 'uri':
      return curie(value);
    case 'bnode':
      return `_:${value}`;
    case 'literal':
      return t['xml:lang'] ? `${value}@${t['xml:lang']}` : value;
    default:
      return value;
  }
}

const ROWS = {
  en: { one: 'row', other: 'rows' },
  fr: { one: 'ligne', other: 'lignes' },
};

const XSD_NUMBERS =
  /^http:\/\/www\.w3\.org\/2001\/XMLSchema#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;

function table(results: JsonResults, lang: Lang): string {
  if (results.boolean !== undefined) return `${results.boolean}\n`;
  const vars = results.head.vars ?? [];
  const bindings = results.results?.bindings ?? [];
  const rows = bindings.map((b) => vars.map((v) => escapeTerminal(cell(b[v]))));
  const widths = vars.map((v, i) => Math.max([...v].length, ...rows.map((r) => [...r[i]].length)));
  // counts and other numbers line up on the right
  const numeric = vars.map((v) =>
    bindings.every((b) => !b[v] || XSD_NUMBERS.test(b[v].datatype ?? '')),
  );
  const pad = (c: string, i: number): string => {
    const room = ' '.repeat(widths[i] - [...c].length);
    return numeric[i] ? room + c : c + room;
  };
  const line = (cells: string[]): string => cells.map(pad).join('  ').trimEnd();
  const out = [
    line(vars.map(escapeTerminal)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  out.push(`(${rows.length} ${pluralForm(rows.length, ROWS, lang)})`);
  return `${out.join('\n')}\n`;
}
