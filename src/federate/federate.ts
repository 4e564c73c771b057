/**
 * `federate`: one DCAT-AP catalogue from many jurisdictions' exports. The federated dcat:Catalog
 * lists one dcat:Catalog per jurisdiction (profile); each record is a dataset of its
 * jurisdiction's catalogue with a dcat:CatalogRecord for its provenance (source catalogue, source
 * identifier, source URL); duplicates are linked to their group's primary with a
 * dcat:qualifiedRelation (role: IANA `duplicate`) and reported, never dropped. A dataset read
 * twice under the same IRI is one RDF node: it is written once and reported.
 *
 * Two passes over the inputs, so that memory stays bounded: the first finds the duplicates and
 * builds the search index, the second writes the RDF record by record.
 */
import { loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import type { Profile } from '../profiles/types.js';
import { parseInputs, validateRecords, type Input } from '../engine/run.js';
import type { ValidateOptions } from '../engine/options.js';
import type { Dataset } from '../model/types.js';
import { recordToRdf } from '../rdf/from-record.js';
import {
  RDF_TYPE,
  XSD,
  factory,
  iri,
  safeIri,
  type Literal,
  type NamedNode,
  type Quad,
  type Term,
} from '../rdf/terms.js';
import { OnceWritten, type RdfWriter } from '../rdf/write.js';
import { jsonText } from '../util/escape.js';
import type { RecordResult } from '../core/record.js';
import { pickText } from '../core/lang.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { findDuplicates, type Duplicate, type Keyed } from './duplicates.js';
import { searchDocument, type SearchDocument } from './document.js';
import { loadHighValueList } from '../compare/high-value.js';
import { DEFAULT_BASE } from './defaults.js';

export { DEFAULT_BASE } from './defaults.js';
const DUPLICATE_ROLE = 'http://www.iana.org/assignments/relation/duplicate';
const DCAT_AP_3 = 'https://semiceu.github.io/DCAT-AP/releases/3.0.1/';

export interface FederateOptions extends Partial<ValidateOptions> {
  /** Base IRI of the federated catalogue and of the nodes it mints. */
  base?: string;
  /** Name of the federated catalogue's publisher. */
  publisher?: string;
  /** Prefix of the records' blank node labels (`f`): files loaded into one request need their own. */
  blankPrefix?: string;
}

/** What `rdf()` writes: by default the whole catalogue. */
export interface RdfParts {
  /** The federated catalogue and its list of jurisdictions, or the jurisdictions' catalogues, or both. */
  catalogues?: 'all' | 'federation' | 'jurisdictions' | 'none';
  /**
   * The records `linksOf` gives links to, with no relation statements (the links are written
   * apart, `linksRdf()`); without it, every record written, duplicates linked to their primary.
   */
  linksOf?: (e: Entry) => Links | undefined;
  records?: boolean;
}

/** One record of the federation as the first pass saw it. */
export interface Entry {
  n: number;
  profile: string;
  result: RecordResult;
  /** The dataset's IRI (minted under the base when the record has none); undefined for a rejected record. */
  iri?: string;
  index?: IndexLine;
  /** What duplicate detection compares (`findDuplicates`); kept for incremental updates. */
  keyed?: Keyed;
}

/** A dataset's "also published by": the other members of its duplicate group, and its primary. */
export interface Links {
  duplicates: string[];
  duplicateOf?: string;
}

/** A line of the JSON Lines index, for a search engine. */
export interface IndexLine {
  id: string;
  identifier?: string;
  title: { en?: string; fr?: string };
  jurisdiction: string;
  themes: string[];
  keywords: { en?: string[]; fr?: string[] };
  formats: string[];
  licence?: string;
  modified?: string;
  source: { catalogue: string; identifier?: string; url?: string; file: string; line?: number };
  duplicateOf?: string;
  duplicates?: string[];
  /** Records read again under this dataset's IRI: not written (one RDF node), listed here and on stderr. */
  sameIri?: { file: string; line?: number; identifier?: string }[];
}

export interface FederationSummary {
  records: number;
  written: number;
  rejected: number;
  jurisdictions: { profile: string; catalogue: string; records: number }[];
  duplicates: (Duplicate & { entry: Entry; primaryEntry: Entry })[];
}

const dateOf = (d: Date): string => d.toISOString().slice(0, 10);
const lit = (v: string, lang?: string) => factory.literal(v, lang);

/** A statement of the federated document, in graph `g` when the output has graphs (N-Quads). */
type Statement = (s: Term, p: string, o: Term, g?: Term) => Quad;

export class Federation {
  readonly inputs: Input[];
  readonly entries: Entry[] = [];
  private duplicates: Duplicate[] = [];
  private readonly base: string;
  private readonly profiles = new Map<string, Profile>();

  constructor(
    args: readonly (string | Input)[],
    private readonly options: FederateOptions = {},
  ) {
    this.inputs = args.map((a) =>
      typeof a === 'string' ? parseInputs([a], options.profile)[0] : a,
    );
    this.base = options.base ?? DEFAULT_BASE;
    for (const i of this.inputs)
      if (!this.profiles.has(i.profile))
        this.profiles.set(i.profile, loadProfile(i.profile, { knownRules: RULE_IDS }));
  }

  get catalogue(): string {
    return `${this.base}catalogue`;
  }

  /** The profile a jurisdiction's inputs were read with. */
  profileOf(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  /** The dcat:Catalog of a jurisdiction: its portal, or a node under the base. */
  catalogueOf(profile: string): string {
    return safeIri(this.profiles.get(profile)?.portal ?? `${this.base}catalogue/${profile}`);
  }

  /** The dataset's IRI; without one, its identifier when that is a URL (DCAT-US), else one under the base. */
  private datasetIri(profile: string, d: Dataset, n: number): string {
    if (d.id) return safeIri(d.id);
    if (d.identifier && /^https?:\/\/\S+$/i.test(d.identifier)) return safeIri(d.identifier);
    return `${this.base}dataset/${profile}/${encodeURIComponent(d.identifier ?? String(n))}`;
  }

  private records(): AsyncGenerator<{ profile: string; result: RecordResult; dataset?: Dataset }> {
    const inputs = this.inputs;
    const options = this.options;
    return (async function* () {
      for await (const p of validateRecords(inputs, options))
        yield { profile: p.result.profile ?? '', result: p.result, dataset: p.mapped?.dataset };
    })();
  }

  /** First pass: every record read, its index line and the duplicates. */
  async scan(): Promise<FederationSummary> {
    const vocab = defaultVocabularies();
    const keyed: Keyed[] = [];
    let n = 0;
    for await (const { profile, result, dataset } of this.records()) {
      const entry: Entry = { n: n++, profile, result };
      this.entries.push(entry);
      if (!dataset) continue;
      entry.iri = this.datasetIri(profile, dataset, entry.n);
      const level = this.profiles.get(profile)?.jurisdiction?.level;
      entry.keyed = {
        n: entry.n,
        iri: entry.iri,
        identifier: dataset.identifier,
        landingPages: dataset.landingPage ?? [],
        title: pickText(dataset.title),
        publisher: pickText(dataset.publisher?.name),
        rank: level === 'federal' ? 1 : 0,
      };
      keyed.push(entry.keyed);
      const code = (id: string, uri: string): string =>
        (vocab.get(id)?.get(uri)?.code as string | undefined) ?? uri;
      const formats = [
        ...new Set(
          (dataset.distribution ?? []).flatMap((d) =>
            d.format ? [code('file-type', d.format)] : [],
          ),
        ),
      ];
      entry.index = {
        id: entry.iri,
        ...(dataset.identifier ? { identifier: dataset.identifier } : {}),
        title: {
          ...(dataset.title?.en ? { en: dataset.title.en } : {}),
          ...(dataset.title?.fr ? { fr: dataset.title.fr } : {}),
        },
        jurisdiction: profile,
        themes: (dataset.theme ?? []).map((t) => code('theme', t)),
        keywords: {
          ...(dataset.keyword?.en ? { en: dataset.keyword.en } : {}),
          ...(dataset.keyword?.fr ? { fr: dataset.keyword.fr } : {}),
        },
        formats,
        ...(dataset.distribution?.find((d) => d.license)?.license
          ? { licence: dataset.distribution?.find((d) => d.license)?.license }
          : {}),
        ...(dataset.modified ? { modified: dataset.modified } : {}),
        source: {
          catalogue: this.catalogueOf(profile),
          ...(dataset.identifier ? { identifier: dataset.identifier } : {}),
          ...(this.sourceUrl(dataset) ? { url: this.sourceUrl(dataset) } : {}),
          file: result.source.file,
          ...(result.source.line !== undefined ? { line: result.source.line } : {}),
        },
      };
    }
    this.duplicates = findDuplicates(keyed);
    const byN = new Map(this.entries.map((e) => [e.n, e]));
    for (const d of this.duplicates) {
      const e = byN.get(d.n) as Entry;
      const p = byN.get(d.primary) as Entry;
      if (d.reasons.includes('same-iri')) {
        // the same node: nothing to link, but the written record's line names what it stands for
        if (p.index)
          p.index.sameIri = [
            ...(p.index.sameIri ?? []),
            {
              file: e.result.source.file,
              ...(e.result.source.line !== undefined ? { line: e.result.source.line } : {}),
              ...(e.index?.identifier ? { identifier: e.index.identifier } : {}),
            },
          ];
        continue;
      }
      if (e.index) e.index.duplicateOf = p.iri;
      if (p.index) p.index.duplicates = [...(p.index.duplicates ?? []), e.iri as string];
    }
    return this.summary();
  }

  private sourceUrl(d: Dataset): string | undefined {
    return d.landingPage?.[0] ?? d.id;
  }

  /** Records not written because an earlier record has the same IRI. */
  private sameIri(): Set<number> {
    return new Set(this.duplicates.filter((d) => d.reasons.includes('same-iri')).map((d) => d.n));
  }

  summary(): FederationSummary {
    const byN = new Map(this.entries.map((e) => [e.n, e]));
    const skipped = this.sameIri();
    const jurisdictions = [...this.profiles.keys()].map((profile) => ({
      profile,
      catalogue: this.catalogueOf(profile),
      records: this.entries.filter((e) => e.profile === profile && e.iri && !skipped.has(e.n))
        .length,
    }));
    return {
      records: this.entries.length,
      written: this.entries.filter((e) => e.iri && !skipped.has(e.n)).length,
      rejected: this.entries.filter((e) => !e.iri).length,
      jurisdictions,
      duplicates: this.duplicates.map((d) => ({
        ...d,
        entry: byN.get(d.n) as Entry,
        primaryEntry: byN.get(d.primary) as Entry,
      })),
    };
  }

  /** The search index, one line per dataset written. */
  *indexLines(): Generator<string> {
    const skipped = this.sameIri();
    for (const e of this.entries) if (e.index && !skipped.has(e.n)) yield `${jsonText(e.index)}\n`;
  }

  /**
   * Second pass for the search engines: one search document per dataset written, as its record is
   * read again. Every member of a duplicate group lists the others as "also published by".
   * `linksOf` replaces this federation's own duplicates (an incremental update computes them over
   * jurisdictions not read): an entry's links, or undefined for an entry not to write.
   */
  async *documents(linksOf?: (e: Entry) => Links | undefined): AsyncGenerator<SearchDocument> {
    const vocabularies = defaultVocabularies();
    const highValue = loadHighValueList(undefined, vocabularies);
    const byN = new Map(this.entries.map((e) => [e.n, e]));
    const skipped = this.sameIri();
    let n = 0;
    for await (const { profile, dataset } of this.records()) {
      const entry = byN.get(n++);
      if (!dataset || !entry?.iri || !entry.index) continue;
      const links = linksOf
        ? linksOf(entry)
        : skipped.has(entry.n)
          ? undefined
          : this.linksOf(entry);
      if (!links) continue;
      yield searchDocument(dataset, {
        id: entry.iri,
        jurisdiction: profile,
        catalogue: this.catalogueOf(profile),
        result: entry.result,
        duplicates: links.duplicates,
        ...(links.duplicateOf ? { duplicateOf: links.duplicateOf } : {}),
        vocabularies,
        highValue,
      });
    }
  }

  private linksOf(entry: Entry): Links {
    const primary = entry.index?.duplicateOf;
    const group = primary
      ? [primary, ...(this.indexOf(primary)?.duplicates ?? [])]
      : (entry.index?.duplicates ?? []);
    return {
      duplicates: group.filter((i) => i !== entry.iri),
      ...(primary ? { duplicateOf: primary } : {}),
    };
  }

  /** The index line of the dataset written under an IRI. */
  private indexOf(iri: string): IndexLine | undefined {
    if (!this.byIri) {
      this.byIri = new Map();
      // the first record read under an IRI is the one written
      for (const e of this.entries)
        if (e.index && e.iri && !this.byIri.has(e.iri)) this.byIri.set(e.iri, e.index);
    }
    return this.byIri.get(iri);
  }
  private byIri?: Map<string, IndexLine>;

  /** Second pass: the RDF, catalogues first, then each record as it is read again. */
  async *rdf(writer: RdfWriter, parts: RdfParts = {}): AsyncGenerator<string> {
    const q: Statement = (s, p, o, g) =>
      factory.quad(
        s as never,
        iri(p) as never,
        o as never,
        (writer.quads && g ? g : factory.defaultGraph()) as never,
      );
    const date = factory.literal(
      dateOf(this.options.now ?? new Date()),
      factory.namedNode(`${XSD}date`),
    );

    yield writer.start();
    yield await writer.write(this.cataloguesRdf(q, date, parts.catalogues ?? 'all'));
    if (parts.records === false) {
      yield writer.end();
      return;
    }

    const byN = new Map(this.entries.map((e) => [e.n, e]));
    const links = new Map(
      this.duplicates
        .filter((d) => !d.reasons.includes('same-iri'))
        .map((d) => [d.n, byN.get(d.primary) as Entry]),
    );
    const skipped = this.sameIri();
    // a publisher several records share is described once in the document
    const once = new OnceWritten();
    let n = 0;
    for await (const { profile, dataset } of this.records()) {
      const entry = byN.get(n++);
      if (!dataset || !entry?.iri) continue;
      if (parts.linksOf ? !parts.linksOf(entry) : skipped.has(entry.n)) continue;
      const cat = factory.namedNode(this.catalogueOf(profile));
      const graph = recordToRdf(
        { ...dataset, id: entry.iri },
        {
          blankPrefix: `${this.options.blankPrefix ?? 'f'}${entry.n}`,
          graph: writer.quads ? cat : undefined,
        },
      );
      const quads = once.filter(graph.quads, graph.shared);
      const primary = parts.linksOf ? undefined : links.get(entry.n);
      this.addProvenance(quads, q, date, cat, profile, entry, dataset, primary);
      yield await writer.write(quads);
    }
    yield writer.end();
  }

  /**
   * Duplicates linked to their primary (`dcat:qualifiedRelation`, role IANA `duplicate`), in a
   * graph of their own (`<base>links`) so that it can be replaced alone.
   */
  async *linksRdf(writer: RdfWriter, links: Iterable<[string, Links]>): AsyncGenerator<string> {
    const g = factory.namedNode(this.linksGraph);
    const q: Statement = (s, p, o) =>
      factory.quad(
        s as never,
        iri(p) as never,
        o as never,
        (writer.quads ? g : factory.defaultGraph()) as never,
      );
    yield writer.start();
    let n = 0;
    for (const [id, l] of links) {
      if (!l.duplicateOf) continue;
      const rel = factory.blankNode(`link${n++}`);
      yield await writer.write([
        q(factory.namedNode(id), 'dcat:qualifiedRelation', rel),
        q(rel, RDF_TYPE, iri('dcat:Relationship')),
        q(rel, 'dct:relation', factory.namedNode(l.duplicateOf)),
        q(rel, 'dcat:hadRole', factory.namedNode(DUPLICATE_ROLE)),
      ]);
    }
    yield writer.end();
  }

  get linksGraph(): string {
    return `${this.base}links`;
  }

  /** The federated dcat:Catalog, its publisher, and one dcat:Catalog per jurisdiction. */
  private cataloguesRdf(q: Statement, date: Literal, which: RdfParts['catalogues']): Quad[] {
    if (which === 'none') return [];
    if (which === 'jurisdictions')
      return [...this.profiles].flatMap(([id, profile]) =>
        jurisdictionRdf(q, factory.namedNode(this.catalogueOf(id)), id, profile),
      );
    const fed = factory.namedNode(this.catalogue);
    const head: Quad[] = [
      q(fed, RDF_TYPE, iri('dcat:Catalog'), fed),
      q(fed, 'dct:title', lit('Federated catalogue of Canadian open data', 'en'), fed),
      q(fed, 'dct:title', lit('Catalogue fédéré des données ouvertes canadiennes', 'fr'), fed),
      q(
        fed,
        'dct:description',
        lit(
          `Datasets of ${this.profiles.size} jurisdictions' catalogues, in DCAT-AP 3, with their provenance and duplicates linked.`,
          'en',
        ),
        fed,
      ),
      q(
        fed,
        'dct:description',
        lit(
          `Jeux de données des catalogues de ${this.profiles.size} administrations, en DCAT-AP 3, avec leur provenance et les doublons reliés.`,
          'fr',
        ),
        fed,
      ),
      q(fed, 'dct:modified', date, fed),
    ];
    const fedPublisher = factory.blankNode('federation-publisher');
    head.push(
      q(fed, 'dct:publisher', fedPublisher, fed),
      q(fedPublisher, RDF_TYPE, iri('foaf:Agent'), fed),
      q(fedPublisher, 'foaf:name', lit(this.options.publisher ?? 'Passerelle'), fed),
    );
    for (const [id, profile] of this.profiles) {
      const cat = factory.namedNode(this.catalogueOf(id));
      head.push(q(fed, 'dcat:catalog', cat, fed));
      if (which === 'all') head.push(...jurisdictionRdf(q, cat, id, profile));
    }
    return head;
  }

  /**
   * A written record's provenance, added to its quads: its catalogue lists it, with a
   * dcat:CatalogRecord (source identifier, source URL), and a duplicate is linked to its primary.
   */
  private addProvenance(
    quads: Quad[],
    q: Statement,
    date: Literal,
    cat: NamedNode,
    profile: string,
    entry: Entry,
    dataset: Dataset,
    primary: Entry | undefined,
  ): void {
    const ds = factory.namedNode(entry.iri as string);
    const rec = factory.namedNode(
      `${this.base}record/${profile}/${encodeURIComponent(dataset.identifier ?? String(entry.n))}`,
    );
    quads.push(
      q(cat, 'dcat:dataset', ds, cat),
      q(cat, 'dcat:record', rec, cat),
      q(rec, RDF_TYPE, iri('dcat:CatalogRecord'), cat),
      q(rec, 'foaf:primaryTopic', ds, cat),
      q(rec, 'dct:modified', date, cat),
      q(rec, 'dct:conformsTo', factory.namedNode(DCAT_AP_3), cat),
    );
    if (dataset.identifier) quads.push(q(rec, 'dct:identifier', lit(dataset.identifier), cat));
    const url = this.sourceUrl(dataset);
    if (url) quads.push(q(rec, 'dct:source', factory.namedNode(safeIri(url)), cat));
    if (primary?.iri) {
      const rel = factory.blankNode(`f${entry.n}dup`);
      quads.push(
        q(ds, 'dcat:qualifiedRelation', rel, cat),
        q(rel, RDF_TYPE, iri('dcat:Relationship'), cat),
        q(rel, 'dct:relation', factory.namedNode(primary.iri), cat),
        q(rel, 'dcat:hadRole', factory.namedNode(DUPLICATE_ROLE), cat),
      );
    }
  }
}

/** A jurisdiction's dcat:Catalog: its names, what it holds, its publisher, its portal. */
function jurisdictionRdf(q: Statement, cat: NamedNode, id: string, profile: Profile): Quad[] {
  const publisher = factory.blankNode(`publisher-${id}`);
  const name = profile.jurisdiction?.name ?? profile.name;
  const quads = [
    q(cat, RDF_TYPE, iri('dcat:Catalog'), cat),
    ...Object.entries(profile.name).map(([l, t]) => q(cat, 'dct:title', lit(t, l), cat)),
    q(
      cat,
      'dct:description',
      lit(
        `Records of ${profile.name.en ?? id}, as exported and checked by Passerelle (profile ${id}).`,
        'en',
      ),
      cat,
    ),
    q(
      cat,
      'dct:description',
      lit(
        `Enregistrements de ${profile.name.fr ?? profile.name.en ?? id}, tels qu'exportés et vérifiés par Passerelle (profil ${id}).`,
        'fr',
      ),
      cat,
    ),
    q(cat, 'dct:publisher', publisher, cat),
    q(publisher, RDF_TYPE, iri('foaf:Agent'), cat),
    ...Object.entries(name).map(([l, t]) => q(publisher, 'foaf:name', lit(t, l), cat)),
  ];
  if (profile.portal)
    quads.push(q(cat, 'foaf:homepage', factory.namedNode(safeIri(profile.portal)), cat));
  return quads;
}
