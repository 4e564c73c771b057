/**
 * DCAT-AP catalogues in RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD) as source records
 * of the `dcat-ap` profile: one record per dcat:Dataset, in the order the file first mentions them.
 *
 * The record's JSON shape (docs/rdf.md, "RDF in"), decided once so that a profile and a crosswalk
 * can describe it like any portal's export:
 * - keys are the properties' prefixed names (`dct:title`), or full IRIs where no prefix is known;
 *   `@id` is the node's IRI (absent for blank nodes), `@type` the list of its classes;
 * - free text the common model holds as language maps (titles, descriptions, names, rights) is a
 *   language map `{"en": "…", "fr": "…"}` (`und` for text without a language tag; a language
 *   with several values gets a list, which the profile check reports); keywords `{"en": […]}`;
 * - every other property is a list: IRIs and literals as text (a literal's lexical form), nodes
 *   the common model describes (distributions, agents, contact points, periods, locations) as
 *   nested records of the same shape; blank nodes of other properties likewise. Where the model
 *   expects such a node, an IRI the file does not describe is `{"@id": …}` and a literal is the
 *   node's name (`dct:publisher "City of Ottawa"`, `dct:spatial "Greater London"`);
 * - labels (skos:prefLabel, rdfs:label, vcard:organization-name…) are language maps on any node;
 * - older spellings of the model's properties (adms:contactPoint, dc:language) keep their key and
 *   are shaped as the property they stand for.
 * Each dcat:Dataset and dcat:DatasetSeries (DCAT 3: a dataset made of datasets) is a record.
 * The whole file is read first (a dataset's statements may be anywhere in it); a file that cannot
 * be parsed is one rejected record with the line and column where reading stopped.
 */
import type { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type N3 from 'n3';
import type { ClassName } from '../model/properties.js';
import { propertyByIri } from '../rdf/from-record.js';
import { parseRdf, RdfSyntaxError } from '../rdf/parse.js';
import { rdfSyntaxOf, type RdfSyntax } from '../rdf/syntax.js';
import { curie, iri, RDF_TYPE, type Quad, type Term } from '../rdf/terms.js';
import { LineIndex } from '../util/locate.js';
import { setOwn } from '../util/own.js';
import { decode, detectEncoding } from './decode.js';
import type { InputFile } from './types.js';
import type { SourceRecord } from './types.js';

type Json = Record<string, unknown>;

const DATASETS = new Set([iri('dcat:Dataset').value, iri('dcat:DatasetSeries').value]);
const RDF_VALUE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value';
// a blank node standing for a value (`dct:format [ rdf:value "application/pdf" ]`, a vCard email
// `[ vcard:hasValue <mailto:…> ]`): its value or label
const VALUE_OF = [
  RDF_VALUE,
  iri('vcard:hasValue').value,
  iri('skos:notation').value,
  iri('skos:prefLabel').value,
  iri('rdfs:label').value,
];
// names and labels, read as language maps on any node: a publisher described as a skos:Concept
// (datos.gob.es), a vcard:Organization's organization-name
const LABELS = new Set(
  [
    'skos:prefLabel',
    'skos:altLabel',
    'rdfs:label',
    'vcard:organization-name',
    'foaf:name',
    'vcard:fn',
  ].map((c) => iri(c).value),
);
// older spellings: ADMS's contact point (DCAT-AP 1.0 catalogues), Dublin Core elements' language
const SAME_AS = new Map(
  [
    ['adms:contactPoint', 'dcat:contactPoint'],
    ['http://purl.org/dc/elements/1.1/language', 'dct:language'],
  ].map(([a, b]) => [iri(a).value, iri(b).value]),
);
// a time:DurationDescription (DCAT-AP-ES's frequency: `dct:Frequency` whose rdf:value is one) as an
// ISO 8601 duration, `P1Y`, which the frequency vocabulary knows
const TIME = 'http://www.w3.org/2006/time#';
const DURATION_PARTS: [string, string][] = [
  ['years', 'Y'],
  ['months', 'M'],
  ['weeks', 'W'],
  ['days', 'D'],
  ['hours', 'H'],
  ['minutes', 'M'],
  ['seconds', 'S'],
];
// classes of a format given as a node (DCAT-AP 1's dct:IMT, dct:MediaTypeOrExtent)
const MEDIA_TYPE_CLASSES = new Set(
  ['dct:IMT', 'dct:MediaType', 'dct:MediaTypeOrExtent'].map((c) => iri(c).value),
);
// a literal where the model expects a node: the node's name
const NAME_OF: Partial<Record<ClassName, string>> = {
  Agent: 'foaf:name',
  ContactPoint: 'vcard:fn',
  Location: 'skos:prefLabel',
};

/** JSON-LD is claimed by name (`.jsonld`) or by an inline context; a remote context (DCAT-US data.json) stays JSON. */

const key = (t: Term): string => `${t.termType}:${t.value}`;

/**
 * Where a dataset is described in the text: its IRI in subject position, else its first mention.
 * Searched as plain text, never as a pattern made of the IRI: an IRI of 200,000 characters made a
 * regular expression too large to compile, and that error ended the run (`npm run fuzz`).
 */
function offsetIn(text: string, term: Term): number | undefined {
  if (term.termType !== 'NamedNode') return undefined;
  const v = term.value;
  return (
    // Turtle: `<iri>` at the start of a line, after spaces or tabs
    firstWhere(text, `<${v}>`, (at) => {
      const i = back(text, at, (c) => c === ' ' || c === '\t');
      return i < 0 || LINE_BREAKS.has(text[i]);
    }) ??
    firstWhere(text, `rdf:about="${v}"`, (at) => at) ??
    // JSON-LD: `"@id": "iri"`, found where `"@id"` begins
    firstWhere(text, `"${v}"`, (at) => {
      const colon = back(text, at, isSpace);
      if (text[colon] !== ':') return undefined;
      const end = back(text, colon, isSpace) + 1;
      return text.slice(end - 5, end) === '"@id"' ? end - 5 : undefined;
    }) ??
    firstWhere(text, v, (at) => at)
  );
}

const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
const isSpace = (c: string): boolean => /\s/.test(c);
/** The last index before `at` whose character is not `skip` (-1: none). */
function back(text: string, at: number, skip: (c: string) => boolean): number {
  let i = at - 1;
  while (i >= 0 && skip(text[i])) i--;
  return i;
}

/** The first place `s` is found in `text` that `where` accepts, as `where` gives it. */
function firstWhere(
  text: string,
  s: string,
  where: (at: number) => number | boolean | undefined,
): number | undefined {
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    const w = where(at);
    if (w === true) return at;
    if (typeof w === 'number') return w;
  }
  return undefined;
}

/** Turns a graph into records, one per dcat:Dataset; values keep the order the file gives them. */
export class RecordShaper {
  private readonly bySubject = new Map<string, Quad[]>();

  /**
   * `base`: the folder of the file's own URL, against which the parser resolved relative IRIs. A
   * value the catalogue wrote relative (`vcard:hasEmail rdf:resource="info@bfs.admin.ch"`, as
   * opendata.swiss's harvester wrote emails) is given back as written, not as a path on this disk.
   */
  constructor(
    private readonly quads: readonly Quad[],
    private readonly base?: string,
  ) {
    for (const q of quads) {
      const k = key(q.subject);
      const list = this.bySubject.get(k);
      if (list) list.push(q);
      else this.bySubject.set(k, [q]);
    }
  }

  /** Datasets in the order the file describes them (`at`: where each is described, when known). */
  datasets(at: (t: Term) => number | undefined = () => undefined): Term[] {
    const seen = new Set<string>();
    const out: Term[] = [];
    for (const q of this.quads) {
      if (
        q.predicate.value !== RDF_TYPE ||
        !DATASETS.has(q.object.value) ||
        seen.has(key(q.subject))
      )
        continue;
      seen.add(key(q.subject));
      out.push(q.subject);
    }
    // JSON-LD processors give statements in their own order: the text's order decides
    const pos = new Map(out.map((t, i) => [t, at(t) ?? Number.MAX_SAFE_INTEGER - out.length + i]));
    return out.sort((a, b) => (pos.get(a) as number) - (pos.get(b) as number));
  }

  record(
    subject: Term,
    cls: ClassName | undefined = 'Dataset',
    path: ReadonlySet<string> = new Set(),
  ): Json {
    const out: Json = {};
    if (subject.termType === 'NamedNode') out['@id'] = subject.value;
    const here = new Set(path).add(key(subject));
    const byPredicate = new Map<string, Term[]>();
    for (const q of this.bySubject.get(key(subject)) ?? []) {
      const list = byPredicate.get(q.predicate.value) ?? [];
      if (!list.some((t) => t.equals(q.object))) list.push(q.object);
      byPredicate.set(q.predicate.value, list);
    }
    for (const [p, objects] of byPredicate) {
      if (p === RDF_TYPE) {
        out['@type'] = objects.map((o) => curie(o.value));
        continue;
      }
      const def = cls ? propertyByIri(cls, SAME_AS.get(p) ?? p) : undefined;
      const key = curie(p);
      if ((def && (def.kind === 'text' || def.kind === 'texts')) || (!def && LABELS.has(p))) {
        // dct:rights may be a dct:RightsStatement node: its label is the text
        const literals = objects.flatMap((o) =>
          o.termType === 'Literal'
            ? [o]
            : def?.wrap
              ? this.labels(o, iri(def.wrap.property).value)
              : [],
        );
        setOwn(out, key, languageMap(literals as N3.Literal[], def?.kind === 'texts'));
        continue;
      }
      const nested = def?.kind === 'object' ? (def.class as ClassName) : undefined;
      setOwn(
        out,
        key,
        objects.map((o) =>
          def?.kind === 'integer' && o.termType === 'Literal'
            ? wholeNumber(o.value)
            : this.value(o, nested, def !== undefined, here),
        ),
      );
    }
    return out;
  }

  private asWritten(iri: string): string {
    return this.base && iri.startsWith(this.base) && iri.length > this.base.length
      ? iri.slice(this.base.length)
      : iri;
  }

  /** A value's text: a literal's, or a time:DurationDescription's ISO 8601 duration (`P1Y`). */
  private literalOf(v: Term): string | undefined {
    if (v.termType === 'Literal') return v.value;
    let date = '';
    let time = '';
    for (const [i, [part, unit]] of DURATION_PARTS.entries()) {
      const [n] = this.objects(v, TIME + part);
      if (n?.termType !== 'Literal' || !/^\d{1,6}(\.0*)?$/.test(n.value.trim())) continue;
      const text = `${Number(n.value)}${unit}`;
      if (i < 4) date += text;
      else time += text;
    }
    return date || time ? `P${date}${time ? `T${time}` : ''}` : undefined;
  }

  private objects(node: Term, property: string): Term[] {
    return (this.bySubject.get(key(node)) ?? [])
      .filter((q) => q.predicate.value === property)
      .map((q) => q.object);
  }

  private labels(node: Term, property: string): Term[] {
    return this.objects(node, property).filter((o) => o.termType === 'Literal');
  }

  private value(
    o: Term,
    cls: ClassName | undefined,
    known: boolean,
    path: ReadonlySet<string>,
  ): unknown {
    if (o.termType === 'Literal') {
      // a name where the model expects an agent, a contact point or a place
      const name = cls && NAME_OF[cls];
      return name ? { [name]: languageMap([o as N3.Literal], false) } : o.value;
    }
    const described = this.bySubject.has(key(o));
    if (path.has(key(o))) return o.termType === 'NamedNode' ? o.value : {};
    // nodes the model describes are nested whether named or blank; other blank nodes too
    if (cls)
      return described
        ? this.record(o, cls, path)
        : o.termType === 'NamedNode'
          ? { '@id': this.asWritten(o.value) }
          : {};
    if (o.termType === 'NamedNode') {
      // a named node standing for a literal value (datos.gob.es's dct:IMT `<…/format> rdf:value
      // "application/vnd.ms-excel"`, its dct:Frequency's duration); a vocabulary IRI described with
      // its labels stays the IRI
      const [v] = known ? this.objects(o, RDF_VALUE) : [];
      const text = v && this.literalOf(v);
      if (text !== undefined) return text;
      // a media type node of the catalogue's own (`<…/format> a dct:IMT ; rdfs:label "XLS"`): its label
      if (known && this.objects(o, RDF_TYPE).some((t) => MEDIA_TYPE_CLASSES.has(t.value))) {
        const [label] = [
          ...this.labels(o, iri('rdfs:label').value),
          ...this.labels(o, iri('skos:prefLabel').value),
        ];
        if (label) return label.value;
      }
      return this.asWritten(o.value);
    }
    if (known) {
      // a blank node where the model expects a value: its rdf:value or label
      for (const p of VALUE_OF) {
        const [v] = this.objects(o, p);
        if (v)
          return (
            this.literalOf(v) ?? (v.termType === 'NamedNode' ? this.asWritten(v.value) : v.value)
          );
      }
    }
    return this.record(o, undefined, path);
  }
}

/** A byte size written as a decimal (DCAT-AP 2's xsd:decimal, `43008.0`) is the whole number it is. */
function wholeNumber(lexical: string): string {
  const m = /^\s*\+?(\d+)(?:\.0*)?\s*$/.exec(lexical);
  return m ? m[1] : lexical;
}

function languageMap(literals: N3.Literal[], lists: boolean): Json {
  const byLanguage = new Map<string, string[]>();
  for (const l of literals) {
    const tag = l.language || 'und';
    byLanguage.set(tag, [...(byLanguage.get(tag) ?? []), l.value]);
  }
  // Object.fromEntries sets own properties, whatever the language tag
  return Object.fromEntries(
    [...byLanguage].map(([k, v]) => [k, lists || v.length !== 1 ? v : v[0]]),
  );
}

async function readAll(open: () => Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of open())
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const bytes = Buffer.concat(chunks);
  // UTF-8 (Turtle, N-Triples, JSON-LD), or what an RDF/XML declaration names
  return decode(bytes, detectEncoding(bytes, true));
}

/** Every dataset of an RDF file, as records of the `dcat-ap` shape. */
export async function* readRdf(
  file: string,
  syntax: RdfSyntax,
  open: () => Readable,
): AsyncGenerator<SourceRecord> {
  const shape = `rdf-${syntax}`;
  const text = await readAll(open);
  let quads: Quad[];
  const url = pathToFileURL(resolve(file)).href;
  try {
    quads = await parseRdf(text, syntax, url);
  } catch (e) {
    if (!(e instanceof RdfSyntaxError)) throw e;
    yield {
      data: undefined,
      source: { file, line: e.line },
      shape,
      error: { message: e.reason, line: e.line, column: e.column },
    };
    return;
  }
  const shaper = new RecordShaper(quads, url.slice(0, url.lastIndexOf('/') + 1));
  const offsets = new Map<Term, number | undefined>();
  const at = (t: Term) =>
    offsets.has(t) ? offsets.get(t) : offsets.set(t, offsetIn(text, t)).get(t);
  const datasets = shaper.datasets(at);
  if (datasets.length === 0) {
    yield {
      data: undefined,
      source: { file, line: 1 },
      shape,
      error: {
        message: {
          en: 'no dcat:Dataset nor dcat:DatasetSeries in this RDF',
          fr: 'aucun dcat:Dataset ni dcat:DatasetSeries dans ce RDF',
        },
        line: 1,
      },
    };
    return;
  }
  const index = new LineIndex(text);
  for (const d of datasets) {
    const offset = at(d);
    yield {
      data: shaper.record(d),
      source: { file, line: offset === undefined ? undefined : index.position(offset).line },
      shape,
    };
  }
}

/** An RDF file's records (the reader in rdf/syntax.ts loads this module when it meets one). */
export function readRdfInput(input: InputFile): AsyncGenerator<SourceRecord> {
  return readRdf(input.file, rdfSyntaxOf(input.text.trimStart(), input.file) ?? 'turtle', () =>
    input.open(),
  );
}
