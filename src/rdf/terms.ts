/**
 * RDF terms for the common record: the N3.js data factory (RDF/JS), the IRIs the writers need,
 * and the two value rules RDF adds to the model: IRIs that N-Triples can carry, and dates typed
 * by the shape of their value.
 */
import N3 from 'n3';
import type { Literal, NamedNode, Quad, Term } from '@rdfjs/types';
import { NAMESPACES, expandCurie } from '../model/properties.js';

export const factory = N3.DataFactory;
export type { Literal, NamedNode, Quad, Term };

export const RDF_TYPE = `http://www.w3.org/1999/02/22-rdf-syntax-ns#type`;
export const XSD = NAMESPACES.xsd;

/** Prefixes the Turtle writer abbreviates with (the model's, plus the ones catalogues use). */
export const PREFIXES: Record<string, string> = {
  ...NAMESPACES,
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  owl: 'http://www.w3.org/2002/07/owl#',
  prov: 'http://www.w3.org/ns/prov#',
  spdx: 'http://spdx.org/rdf/terms#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  schema: 'http://schema.org/',
  time: 'http://www.w3.org/2006/time#',
  sh: 'http://www.w3.org/ns/shacl#',
  dc: 'http://purl.org/dc/elements/1.1/',
};

export function iri(curieOrIri: string): NamedNode {
  return factory.namedNode(expandCurie(curieOrIri));
}

/** The shortest spelling of an IRI with the known prefixes (`dct:title`), or the IRI itself. */
export function curie(full: string): string {
  let best: [string, string] | undefined;
  for (const [p, ns] of Object.entries(PREFIXES)) {
    if (
      full.startsWith(ns) &&
      /^[A-Za-z_][\w.-]*$/.test(full.slice(ns.length)) &&
      (!best || ns.length > best[1].length)
    )
      best = [p, ns];
  }
  return best ? `${best[0]}:${full.slice(best[1].length)}` : full;
}

// Characters an N-Triples IRIREF cannot hold: control characters, space, <>"{}|^`\
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/g;

/**
 * An IRI every RDF syntax can write: characters IRIs may not contain are percent-encoded
 * (a URL with a space, as portals sometimes publish, keeps its meaning).
 */
export function safeIri(value: string): string {
  return value
    .trim()
    .replace(NOT_IN_IRI, (c) =>
      [...Buffer.from(c, 'utf8')]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(''),
    );
}

const YEAR = /^-?\d{4}$/;
const YEAR_MONTH = /^-?\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^-?\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date typed by its shape: xsd:gYear, xsd:gYearMonth, xsd:date or xsd:dateTime. A value of no
 * date shape stays a plain literal, so that SHACL's datatype checks report it.
 */
export function dateLiteral(value: string): Literal {
  const v = value.trim();
  if (DATE.test(v)) return factory.literal(v, factory.namedNode(`${XSD}date`));
  if (DATE_TIME.test(v)) {
    // xsd:dateTime needs the seconds
    const full = /T\d{2}:\d{2}(Z|[+-]|$)/.test(v) ? v.replace(/(T\d{2}:\d{2})/, '$1:00') : v;
    return factory.literal(full, factory.namedNode(`${XSD}dateTime`));
  }
  if (YEAR_MONTH.test(v)) return factory.literal(v, factory.namedNode(`${XSD}gYearMonth`));
  if (YEAR.test(v)) return factory.literal(v, factory.namedNode(`${XSD}gYear`));
  return factory.literal(v);
}

/** A key for a term, the same for equal terms (N3.js terms carry it as `id`). */
export function termKey(t: Term): string {
  return t.termType === 'BlankNode'
    ? `_:${t.value}`
    : t.termType === 'NamedNode'
      ? t.value
      : JSON.stringify([t.termType, t.value]);
}
