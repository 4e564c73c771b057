/**
 * The common record as DCAT-AP 3 RDF, read off the model's property table (the same table the
 * JSON-LD context comes from): one node per object (dcat:Dataset, dcat:Distribution, foaf:Agent,
 * vcard:Kind, dct:PeriodOfTime, dct:Location), language-tagged literals from language maps,
 * vocabulary values as IRIs, emails as `mailto:` IRIs, dates typed by their shape.
 *
 * Each node remembers the property path of the object it stands for (`distribution[1]`), so that
 * a SHACL result about a node is traced back to the common record, and from there to the source.
 */
import { CLASSES, type ClassName, type PropertyDef } from '../model/properties.js';
import type { Dataset } from '../model/types.js';
import {
  RDF_TYPE,
  XSD,
  dateLiteral,
  factory,
  iri,
  safeIri,
  termKey,
  type Literal,
  type Quad,
  type Term,
} from './terms.js';

export interface RecordNode {
  /** Property path of the object in the common record: '' for the dataset, `distribution[0]`, `publisher`. */
  path: string;
  cls: ClassName;
}

export interface RecordGraph {
  quads: Quad[];
  /** The dataset's node. */
  subject: Term;
  /** Every node of the record by `termKey`. */
  nodes: Map<string, RecordNode>;
  /**
   * Named nodes other records may describe too (agents, contact points, places: a publisher's IRI),
   * by `termKey`: a document writes their statements once (`OnceWritten`).
   */
  shared: Set<string>;
}

export interface ToRdfOptions {
  /** Prefix of blank node labels, unique per record within one output (`r12`). */
  blankPrefix?: string;
  /** Named graph of the quads (N-Quads); the default graph when absent. */
  graph?: Term;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Property definitions by predicate IRI, per class: for SHACL results, from a predicate back to a property. */
const BY_IRI = new Map<ClassName, Map<string, PropertyDef>>();
export function propertyByIri(cls: ClassName, predicate: string): PropertyDef | undefined {
  let m = BY_IRI.get(cls);
  if (!m) {
    m = new Map();
    for (const d of CLASSES[cls].properties) if (d.iri !== '@id') m.set(iri(d.iri).value, d);
    BY_IRI.set(cls, m);
  }
  return m.get(predicate);
}

/** Each property's predicate IRI, expanded once. */
const PREDICATES = new Map<PropertyDef, string>();
function predicateOf(def: PropertyDef): string {
  let p = PREDICATES.get(def);
  if (p === undefined) PREDICATES.set(def, (p = iri(def.iri).value));
  return p;
}

function mailto(email: string): string {
  return safeIri(/^mailto:/i.test(email) ? email : `mailto:${email}`);
}

/** One record's graph while it is built: what `describe` and `add` write to, passed along. */
interface Building {
  quads: Quad[];
  nodes: Map<string, RecordNode>;
  shared: Set<string>;
  /** Each statement's key: a statement once per record (an agent both publisher and creator is described once). */
  written: Set<string>;
  graph: Term;
  prefix: string;
  /** Blank nodes labelled so far. */
  blank: number;
}

export function recordToRdf(dataset: Dataset, options: ToRdfOptions = {}): RecordGraph {
  const b: Building = {
    quads: [],
    nodes: new Map(),
    shared: new Set(),
    written: new Set(),
    graph: options.graph ?? factory.defaultGraph(),
    prefix: options.blankPrefix ?? 'r',
    blank: 0,
  };
  const subject = describe(b, dataset as Record<string, unknown>, 'Dataset', '');
  return { quads: b.quads, subject, nodes: b.nodes, shared: b.shared };
}

/** A statement, unless the record has it already. */
function add(b: Building, s: Term, p: string, o: Term): void {
  const key = `${termKey(s)} ${p} ${o.termType === 'Literal' ? JSON.stringify([o.value, (o as Literal).language, (o as Literal).datatype.value]) : termKey(o)}`;
  if (b.written.has(key)) return;
  b.written.add(key);
  b.quads.push(factory.quad(s as never, factory.namedNode(p), o as never, b.graph as never));
}

/** An object of the common record as a node: its type and its properties, objects in it as nodes of their own. */
function describe(b: Building, value: Record<string, unknown>, cls: ClassName, path: string): Term {
  const id =
    typeof value.id === 'string' && value.id.trim()
      ? factory.namedNode(safeIri(value.id))
      : factory.blankNode(`${b.prefix}b${b.blank++}`);
  // the first path names a node met twice (SHACL results are traced to it)
  if (!b.nodes.has(termKey(id))) b.nodes.set(termKey(id), { path, cls });
  if (id.termType === 'NamedNode' && cls !== 'Dataset' && cls !== 'Distribution')
    b.shared.add(termKey(id));
  add(b, id, RDF_TYPE, iri(CLASSES[cls].iri));
  for (const def of CLASSES[cls].properties) {
    if (def.iri === '@id') continue;
    const v = value[def.name];
    if (v === undefined || v === null) continue;
    const p = predicateOf(def);
    if (def.kind === 'object' && def.class) {
      const items = Array.isArray(v) ? v : [v];
      items.forEach((item, i) => {
        if (isObj(item))
          add(
            b,
            id,
            p,
            describe(
              b,
              item,
              def.class as ClassName,
              `${path ? `${path}.` : ''}${def.name}${def.multiple ? `[${i}]` : ''}`,
            ),
          );
      });
      continue;
    }
    const values = literals(def, v);
    if (def.wrap && values.length) {
      const wrapper = factory.blankNode(`${b.prefix}b${b.blank++}`);
      add(b, id, p, wrapper);
      add(b, wrapper, RDF_TYPE, iri(def.wrap.class));
      for (const o of values) add(b, wrapper, iri(def.wrap.property).value, o);
      continue;
    }
    for (const o of values) add(b, id, p, o);
  }
  return id;
}

/** A property's value as RDF terms: language-tagged literals from a language map, else one term per value. */
function literals(def: PropertyDef, value: unknown): Term[] {
  switch (def.kind) {
    case 'text':
      if (!isObj(value)) return [];
      return Object.entries(value)
        .filter(([, t]) => typeof t === 'string' && t.trim() !== '')
        .map(([lang, t]) => factory.literal(t as string, lang === 'und' ? undefined : lang));
    case 'texts': {
      if (!isObj(value)) return [];
      const out: Term[] = [];
      for (const [lang, list] of Object.entries(value)) {
        for (const t of Array.isArray(list) ? list : [list])
          if (typeof t === 'string' && t.trim() !== '')
            out.push(factory.literal(t, lang === 'und' ? undefined : lang));
      }
      return out;
    }
    default: {
      const out: Term[] = [];
      for (const v of Array.isArray(value) ? value : [value])
        if (v !== undefined && v !== null && v !== '') out.push(scalar(def, v));
      return out;
    }
  }
}

/** One value as a term: vocabulary values and URLs as IRIs, emails as `mailto:` IRIs, dates typed by their shape. */
function scalar(def: PropertyDef, v: unknown): Term {
  const s = String(v);
  switch (def.kind) {
    case 'uri':
      return factory.namedNode(safeIri(s));
    case 'email':
      return factory.namedNode(mailto(s));
    case 'date':
      return dateLiteral(s);
    case 'integer':
      return factory.literal(s, factory.namedNode(`${XSD}nonNegativeInteger`));
    default:
      return def.datatype ? factory.literal(s, iri(def.datatype)) : factory.literal(s);
  }
}
