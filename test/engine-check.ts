/**
 * Checks of engine documents against the shipped mapping (OpenSearch / Elasticsearch) and schema
 * (Solr), with no engine running: each field a document carries is declared, with a type its value
 * fits; and the mapping or schema itself is whole (analyzers, filters, field types, copy targets).
 * Returns the problems found, each naming the document and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const OPENSEARCH_MAPPING = JSON.parse(
  readFileSync(join(ROOT, 'search', 'opensearch', 'index.json'), 'utf8'),
);
export const SOLR_SCHEMA = JSON.parse(
  readFileSync(join(ROOT, 'search', 'solr', 'schema.json'), 'utf8'),
);

/** A timestamp both engines' date types take (`strict_date_optional_time`, Solr's `DatePointField`). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const INT32 = (v: unknown) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31;
/** Lucene refuses an indexed term longer than this many bytes. */
const MAX_TERM = 32766;

type Value = unknown;

function fitsOpenSearch(type: string, v: Value): boolean {
  const one = (x: Value): boolean => {
    if (type === 'keyword' || type === 'text') return typeof x === 'string';
    if (type === 'integer') return INT32(x);
    if (type === 'date')
      return typeof x === 'string' && TIMESTAMP.test(x) && !Number.isNaN(Date.parse(x));
    return false;
  };
  return Array.isArray(v) ? v.length > 0 && v.every(one) : one(v);
}

/** Built-in token filters the shipped analyzers may name without defining them. */
const OPENSEARCH_BUILTIN_FILTERS = new Set(['lowercase', 'asciifolding']);

export function checkOpenSearchMapping(m = OPENSEARCH_MAPPING): string[] {
  const problems: string[] = [];
  const analysis = m.settings.analysis;
  if (m.mappings.dynamic !== 'strict') problems.push('mappings.dynamic is not strict');
  for (const [name, a] of Object.entries<{ filter: string[]; tokenizer: string }>(
    analysis.analyzer,
  ))
    for (const f of a.filter)
      if (!analysis.filter[f] && !OPENSEARCH_BUILTIN_FILTERS.has(f))
        problems.push(`analyzer ${name}: filter ${f} is not defined`);
  const props = m.mappings.properties as Record<string, Record<string, unknown>>;
  for (const [name, p] of Object.entries(props)) {
    if (!['keyword', 'text', 'integer', 'date'].includes(p.type as string))
      problems.push(`${name}: type ${p.type} not checked here`);
    if (p.analyzer && !analysis.analyzer[p.analyzer as string])
      problems.push(`${name}: analyzer ${p.analyzer} is not defined`);
    if (p.copy_to && !props[p.copy_to as string])
      problems.push(`${name}: copy_to ${p.copy_to} is not a field`);
  }
  return problems;
}

export function checkOpenSearchDocument(
  doc: Record<string, Value>,
  m = OPENSEARCH_MAPPING,
): string[] {
  const props = m.mappings.properties as Record<string, { type: string; index?: boolean }>;
  const problems: string[] = [];
  for (const [field, v] of Object.entries(doc)) {
    const p = props[field];
    if (!p) problems.push(`${doc.id}: ${field} is not in the mapping`);
    else if (!fitsOpenSearch(p.type, v))
      problems.push(`${doc.id}: ${field} = ${JSON.stringify(v)} is no ${p.type}`);
    else if (p.type === 'keyword' && p.index !== false)
      for (const x of [v].flat())
        if (Buffer.byteLength(String(x)) > MAX_TERM)
          problems.push(`${doc.id}: ${field} is too long a term`);
  }
  return problems;
}

interface SolrField {
  name: string;
  type: string;
  indexed: boolean;
  stored: boolean;
  multiValued: boolean;
  docValues?: boolean;
}

/** The `_default` configset's uniqueKey, which the shipped schema keeps. */
const SOLR_DEFAULT_FIELDS: Record<string, { class: string; multiValued: boolean }> = {
  id: { class: 'solr.StrField', multiValued: false },
};

const SOLR_FILTERS = new Set([
  'solr.LowerCaseFilterFactory',
  'solr.ASCIIFoldingFilterFactory',
  'solr.EnglishPossessiveFilterFactory',
  'solr.PorterStemFilterFactory',
  'solr.StopFilterFactory',
  'solr.ElisionFilterFactory',
  'solr.FrenchLightStemFilterFactory',
]);

export function checkSolrSchema(s = SOLR_SCHEMA): string[] {
  const problems: string[] = [];
  const types = new Map<string, Record<string, unknown>>(
    s['add-field-type'].map((t: { name: string }) => [t.name, t]),
  );
  for (const t of types.values()) {
    const analyzer = t.analyzer as
      | { tokenizer: { class: string }; filters: { class: string }[] }
      | undefined;
    if (t.class === 'solr.TextField' && !analyzer)
      problems.push(`${t.name}: a text type without analyzer`);
    for (const f of analyzer?.filters ?? [])
      if (!SOLR_FILTERS.has(f.class)) problems.push(`${t.name}: unknown filter ${f.class}`);
  }
  const dests = new Set(s['add-copy-field'].map((c: { dest: string }) => c.dest));
  const fields = new Map<string, SolrField>(s['add-field'].map((f: SolrField) => [f.name, f]));
  for (const f of fields.values()) {
    if (!types.has(f.type)) problems.push(`${f.name}: type ${f.type} is not defined`);
    // atomic updates rebuild a document from its stored fields: all of them but copy targets
    if (dests.has(f.name) ? f.stored : !f.stored && !f.docValues)
      problems.push(`${f.name}: stored=${f.stored} breaks atomic updates`);
    if (SOLR_DEFAULT_FIELDS[f.name]) problems.push(`${f.name}: already in the _default configset`);
  }
  for (const c of s['add-copy-field'])
    if (!fields.has(c.source) || !fields.has(c.dest))
      problems.push(`copyField ${c.source} → ${c.dest}`);
  return problems;
}

function fitsSolr(cls: string, x: Value): boolean {
  if (cls === 'solr.StrField' || cls === 'solr.TextField') return typeof x === 'string';
  if (cls === 'solr.IntPointField') return INT32(x);
  if (cls === 'solr.DatePointField') return typeof x === 'string' && TIMESTAMP.test(x);
  return false;
}

/** A Solr document; `atomic`: an atomic update, its fields `{set: value}` (null removes). */
export function checkSolrDocument(
  doc: Record<string, Value>,
  s = SOLR_SCHEMA,
  atomic = false,
): string[] {
  const types = new Map<string, { class: string }>(
    s['add-field-type'].map((t: { name: string; class: string }) => [t.name, t]),
  );
  const fields = new Map<string, { class: string; multiValued: boolean; indexed?: boolean }>(
    Object.entries(SOLR_DEFAULT_FIELDS),
  );
  for (const f of s['add-field'] as SolrField[])
    fields.set(f.name, {
      class: types.get(f.type)?.class ?? '?',
      multiValued: f.multiValued,
      indexed: f.indexed,
    });
  const problems: string[] = [];
  for (const [field, raw] of Object.entries(doc)) {
    const f = fields.get(field);
    if (!f) {
      problems.push(`${doc.id}: ${field} is not in the schema`);
      continue;
    }
    if (atomic && field !== 'id') {
      const set = (raw as { set?: Value })?.set;
      if (!raw || typeof raw !== 'object' || !('set' in (raw as object)))
        problems.push(`${doc.id}: ${field} is no atomic update`);
      else if (
        set !== null &&
        !(Array.isArray(set)
          ? f.multiValued && set.every((x) => fitsSolr(f.class, x))
          : fitsSolr(f.class, set))
      )
        problems.push(`${doc.id}: ${field} = ${JSON.stringify(set)} does not fit ${f.class}`);
      continue;
    }
    if (Array.isArray(raw) && !f.multiValued) problems.push(`${doc.id}: ${field} is single-valued`);
    else if (![raw].flat().every((x) => fitsSolr(f.class, x)))
      problems.push(`${doc.id}: ${field} = ${JSON.stringify(raw)} does not fit ${f.class}`);
    else if (f.class === 'solr.StrField' && f.indexed !== false)
      for (const x of [raw].flat())
        if (Buffer.byteLength(String(x)) > MAX_TERM)
          problems.push(`${doc.id}: ${field} is too long a term`);
  }
  return problems;
}

/** The bulk actions and documents of NDJSON files: pairs (index, update) or lone lines (delete). */
export function bulkActions(
  text: string,
): { action: string; id: string; body?: Record<string, Value> }[] {
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  const out: { action: string; id: string; body?: Record<string, Value> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = JSON.parse(lines[i]);
    const [action] = Object.keys(head);
    expect(Object.keys(head[action])).toEqual(['_id']);
    if (action === 'delete') out.push({ action, id: head[action]._id });
    else out.push({ action, id: head[action]._id, body: JSON.parse(lines[++i]) });
  }
  return out;
}

/** The files of a folder, sorted, with their text. */
export function filesOf(dir: string): Record<string, string> {
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return {};
  }
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}
