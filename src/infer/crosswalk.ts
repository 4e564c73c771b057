/**
 * A draft crosswalk: for each property of the common record, the field (or fields, as fallbacks)
 * of the draft profile that most likely holds it, found by name (English and French synonyms) and
 * by the shape of its values (URLs, emails, dates, codes a vocabulary knows), with the bilingual
 * pattern the records use. Every guess that is not clear is marked TODO.
 */
import type { EntrySpec } from '../crosswalk/types.js';
import { toPointer } from '../util/paths.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { allFields, type InferredField } from './fields.js';
import {
  DISTRIBUTION_NAMES,
  LANGUAGE_NAMES,
  LICENCE_NAMES,
  nameScore,
  TARGETS,
  type Shape,
  type Target,
} from './synonyms.js';

/** A draft entry with the notes a reviewer needs. */
export interface DraftEntry {
  entry: string | EntrySpec;
  /** Why this field (shown as a comment). */
  why: string;
  /** Not sure: a TODO comment says what to check. */
  todo?: string;
}

export interface DraftCrosswalk {
  /** Language of untagged text. */
  language?: 'en' | 'fr';
  dataset: Record<string, DraftEntry>;
  /** How distributions are built (several ways: fallbacks), when a distribution is found. */
  distribution?: {
    ways: {
      each?: InferredField;
      entries: Record<string, DraftEntry>;
      why: string;
      todo?: string;
    }[];
  };
  /** Properties left out, with why (comments at the end). */
  missing: { property: string; why: string }[];
}

interface Candidate {
  field: InferredField;
  score: number;
  name: number;
}

const EN_WORDS = new Set([
  'the',
  'of',
  'and',
  'in',
  'for',
  'by',
  'to',
  'with',
  'on',
  'from',
  'data',
  'is',
  'are',
]);
const FR_WORDS = new Set([
  'le',
  'la',
  'les',
  'des',
  'du',
  'de',
  'et',
  'en',
  'pour',
  'par',
  'sur',
  'au',
  'aux',
  'donnees',
  'est',
  'une',
  'un',
]);

/** English or French, from the common words of some texts (accents left out). */
export function guessLanguage(texts: readonly string[]): 'en' | 'fr' | undefined {
  let en = 0;
  let fr = 0;
  for (const t of texts) {
    for (const w of t
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z]+/)) {
      if (EN_WORDS.has(w)) en++;
      if (FR_WORDS.has(w)) fr++;
    }
  }
  if (en === 0 && fr === 0) return undefined;
  return fr > en ? 'fr' : 'en';
}

const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** The path of a field in crosswalk syntax, from the record root or from an item (`relativeTo`). */
export function pathOf(f: InferredField, relativeTo?: InferredField): string {
  return (relativeTo ? f.segs.slice(relativeTo.segs.length) : f.segs).join('.');
}

/** A JSON Pointer from the record root: how an entry inside `each` reads a field of the record. */
function pointerOf(f: InferredField): string {
  return toPointer(f.segs);
}

/**
 * Whether a field's parent is an object with a name of its own (organization), rather than the
 * record, a list item, or a structural element (an ISO 19139 property or class element).
 */
function structural(f: InferredField): boolean {
  const p = f.parent;
  return p !== undefined && p.type === 'object' && !p.segs[p.segs.length - 1].includes(':');
}

function within(f: InferredField, ancestor: InferredField | undefined): boolean {
  for (let p = f.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Shares of a field's texts. */
function shares(f: InferredField): {
  spaced: number;
  urls: number;
  emails: number;
  dates: number;
  mean: number;
  slash: number;
} {
  const s = (f.node.item && f.node.arrays ? f.node.item : f.node).strings;
  const n = s.count || 1;
  const values = [...(f.node.item && f.node.arrays ? f.node.item : f.node).distinct.keys()];
  const slash = values.length
    ? values.filter((v) => /^[a-z]+\/[\w.+-]+/i.test(v)).length / values.length
    : 0;
  return {
    spaced: s.spaced / n,
    urls: s.urls / n,
    emails: s.emails / n,
    dates: s.dates / n,
    mean: s.totalLength / n,
    slash,
  };
}

const TEXTUAL = new Set(['string', 'text', 'strings', 'tags', 'code', 'codes']);

/**
 * Values of a field per unit: per record, or per item of the list distributions are made of (a
 * resource's URL is one per resource, several per record).
 */
function perUnit(f: InferredField, item: InferredField | undefined): number {
  const items = item?.node.item?.values;
  return item && items ? f.node.values / items : f.perRecord;
}

/** Whether a field's values have a target's shape (`scalar`: one value per unit). */
function fits(f: InferredField, shape: Shape, scalar: boolean, item?: InferredField): boolean {
  if (f.type === 'list' || f.type === 'object') return false;
  const one = perUnit(f, item) <= 1.5;
  if (scalar && !one && shape !== 'keywords') return false;
  const s = shares(f);
  switch (shape) {
    case 'text': {
      // names and titles: text with spaces, or short words that differ from record to record (not slugs)
      const values = [...(f.node.item && f.node.arrays ? f.node.item : f.node).distinct.keys()];
      const slugs = values.filter((v) => /^[a-z0-9]+([-_.][a-z0-9]+)+$/.test(v)).length;
      const varied =
        f.records > 1 &&
        values.length >= 0.8 * f.records &&
        slugs < values.length / 2 &&
        f.type !== 'integer';
      return (
        TEXTUAL.has(f.type) &&
        (f.type === 'text' || s.spaced >= 0.5 || varied) &&
        s.urls < 0.5 &&
        s.emails < 0.5 &&
        s.dates === 0
      );
    }
    case 'longText':
      return TEXTUAL.has(f.type) && s.mean >= 20 && s.urls < 0.5;
    case 'keywords':
      return TEXTUAL.has(f.type) && s.urls < 0.2 && s.mean <= 80;
    case 'url':
      return f.type === 'url' || s.urls >= 0.8;
    case 'email':
      return f.type === 'email' || s.emails >= 0.8;
    case 'date':
      return (
        f.type === 'date' ||
        f.type === 'datetime' ||
        f.epoch === true ||
        (f.type === 'strings' && s.dates >= 0.9)
      );
    case 'identifier': {
      const values = f.node.item && f.node.arrays ? f.node.item : f.node;
      return (
        one &&
        (f.type === 'string' || f.type === 'integer' || f.type === 'strings') &&
        s.spaced < 0.2 &&
        values.distinct.size >= Math.min(f.records, 100) &&
        !values.overflow
      );
    }
    case 'integer':
      return f.type === 'integer';
    case 'mediaType':
      return s.slash >= 0.8;
    case 'any':
      return true;
  }
}

/** The item field of an ISO 19139 localised text below an element: `…LocalisedCharacterString` with `@locale` and `#text`. */
interface Localised {
  /** Path of the localised element, from the element holding the main text. */
  path: string;
  /** Locale value for each language seen (`#fra`). */
  locales: Partial<Record<'en' | 'fr', string>>;
}

function localeLanguage(v: string): 'en' | 'fr' | undefined {
  const t = v.replace(/^#/, '').toLowerCase();
  if (/^(en|eng)([-_].*)?$/.test(t)) return 'en';
  if (/^(fr|fra|fre)([-_].*)?$/.test(t)) return 'fr';
  return undefined;
}

function localisedBelow(element: InferredField): Localised | undefined {
  for (const f of allFields(element.fields)) {
    const locale = f.fields.find((x) => x.name === '@locale');
    const text = f.fields.find((x) => x.name === '#text');
    if (!locale || !text) continue;
    const locales: Localised['locales'] = {};
    for (const v of locale.node.distinct.keys()) {
      const l = localeLanguage(v);
      if (l && !locales[l]) locales[l] = v;
    }
    if (Object.keys(locales).length) return { path: pathOf(f, element), locales };
  }
  return undefined;
}

/** The localised text element a field is the `#text` of (such fields are read through the main text). */
function isLocalisedText(f: InferredField): boolean {
  return f.name === '#text' && f.parent?.fields.some((x) => x.name === '@locale') === true;
}

export class CrosswalkDrafter {
  private readonly fields: InferredField[];
  /** The record's main language field, when records say which language their text is in. */
  private readonly mainLanguage?: { field: InferredField; french: string[] };
  readonly language?: 'en' | 'fr';

  constructor(
    top: readonly InferredField[],
    private readonly vocabularies: VocabularyRegistry,
    private readonly profile: string,
  ) {
    this.fields = allFields(top);
    // the records' main text: not the translations of localised text
    const plain = this.fields
      .filter((f) => f.type === 'string' && !isLocalisedText(f) && shares(f).spaced >= 0.5)
      .flatMap((f) => f.sample);
    this.language = guessLanguage(plain);
    const lang = this.vocabularies.get('language');
    for (const f of this.fields) {
      if (
        f.segs.length > 3 ||
        f.perRecord > 1.5 ||
        nameScore(f.names, LANGUAGE_NAMES) < 10 ||
        !lang
      )
        continue;
      const french: string[] = [];
      let known = 0;
      for (const v of f.node.distinct.keys()) {
        const c = lang.lookup(v.split(/[;,\s]/)[0], this.profile);
        if (c?.code === 'FRA') french.push(v);
        if (c?.code === 'FRA' || c?.code === 'ENG') known++;
      }
      if (
        known &&
        known === f.node.distinct.size &&
        (!this.mainLanguage || f.segs.length < this.mainLanguage.field.segs.length)
      )
        this.mainLanguage = { field: f, french: french.sort() };
    }
  }

  private candidates(
    target: Target,
    among: readonly InferredField[],
    scalar: boolean,
    item?: InferredField,
  ): Candidate[] {
    const out: Candidate[] = [];
    for (const f of among) {
      if (isLocalisedText(f) || !fits(f, target.shape, scalar, item)) continue;
      // a field named like the target inside an object named otherwise (organization.title for a title) is less likely
      const own = nameScore(f.names.slice(0, 1), target.names);
      const full = f.names.length > 1 ? nameScore(f.names.slice(1), target.names) : 0;
      const name =
        full >= 10 || f.names.length === 1 || !structural(f)
          ? Math.max(own, full)
          : Math.max(own - 3, full);
      const hint = target.vocabulary && f.vocabulary?.id === target.vocabulary ? 8 : 0;
      if (name < 5 && !hint) continue;
      // language maps and paired fields give both languages; filled fields and short paths are likelier
      const bilingual = f.type === 'text' || f.type === 'tags' || f.pair ? 3 : 0;
      out.push({
        field: f,
        name,
        score: name + hint + bilingual + 2 * f.fill - 0.1 * f.segs.length,
      });
    }
    return out.sort((a, b) => b.score - a.score || (pathOf(a.field) < pathOf(b.field) ? -1 : 1));
  }

  /** The entry reading one field for a target (language pairs, localised text, vocabularies, splits, coercions). */
  private entryFor(
    target: { property: string; vocabulary?: string; shape: Shape },
    f: InferredField,
    item?: InferredField,
  ): string | EntrySpec {
    const path = item ? pathOf(f, item) : pathOf(f);
    if (
      f.pair &&
      (target.shape === 'text' || target.shape === 'longText' || target.shape === 'keywords')
    ) {
      const en = f.pair.language === 'en' ? f : f.pair.other;
      const fr = f.pair.language === 'fr' ? f : f.pair.other;
      return {
        lang: {
          en: item ? pathOf(en, item) : pathOf(en),
          fr: item ? pathOf(fr, item) : pathOf(fr),
        },
      };
    }
    const loc =
      f.parent &&
      (target.shape === 'text' || target.shape === 'longText' || target.shape === 'keywords')
        ? localisedBelow(f.parent)
        : undefined;
    if (loc && f.parent) {
      const element = item ? pathOf(f.parent, item) : pathOf(f.parent);
      const other = (l: 'en' | 'fr'): string | undefined =>
        loc.locales[l] ? `${element}.${loc.path}[@locale=${loc.locales[l]}].#text` : undefined;
      const pair = (main: 'en' | 'fr'): EntrySpec => {
        const second = main === 'en' ? 'fr' : 'en';
        const o = other(second);
        return { lang: o ? { [main]: path, [second]: o } : { [main]: path } };
      };
      const main = this.language ?? 'en';
      if (this.mainLanguage?.french.length) {
        // inside `each`, the record's language is read from the record root
        const path = item ? pointerOf(this.mainLanguage.field) : pathOf(this.mainLanguage.field);
        return {
          first: [
            { when: { path, in: [...this.mainLanguage.french] }, ...pair('fr') },
            pair(main === 'fr' ? 'en' : main),
          ],
        };
      }
      return pair(main);
    }
    const spec: EntrySpec = { from: path };
    if (target.shape === 'keywords' && f.type === 'string') {
      const values = [...f.node.distinct.keys()];
      const sep = [';', ',', '|'].find(
        (s) => values.filter((v) => v.includes(s)).length >= values.length / 2,
      );
      if (sep) spec.split = sep;
    }
    const vocabulary = target.vocabulary;
    if (vocabulary) {
      spec.vocabulary = vocabulary;
      if (f.vocabulary?.id === vocabulary && f.vocabulary.split) {
        spec.split = f.vocabulary.split;
        spec.unmapped = 'ignore';
      } else if (f.vocabulary?.id !== vocabulary && shares(f).urls >= 0.8) {
        // URIs the vocabulary does not know are still common values (a licence's page): kept
        spec.unmapped = 'keep';
      }
    }
    if (target.shape === 'date' && f.epoch) spec.as = 'epoch';
    if (target.shape === 'mediaType') spec.as = 'mediatype';
    if (
      (target.property.startsWith('contactPoint') || target.property.startsWith('publisher')) &&
      f.perRecord > 1
    )
      spec.conflict = 'ignore';
    return Object.keys(spec).length === 1 ? path : spec;
  }

  /** Up to three fields for a target, as fallbacks (`first`), with what to check. */
  private draft(
    target: Target,
    among: readonly InferredField[],
    item?: InferredField,
  ): DraftEntry | { missing: string } {
    const scalar = !['keyword', 'theme', 'language'].includes(target.property);
    const found = this.candidates(target, among, scalar, item);
    if (!found.length) return { missing: 'no field has a name or values that fit' };
    const best = found[0];
    // fallbacks, for records that lack the first: sibling fields known by one of the names, and
    // fields that fill records the others leave empty (exports that mix shapes: a spreadsheet and CKAN)
    const chosen = [best];
    const covered = new Set(best.field.node.inRecords);
    for (const c of found.slice(1)) {
      if (chosen.length >= 3) break;
      if (best.field.pair && c.field === best.field.pair.other) continue;
      const sibling = c.name >= 10 && best.name >= 10 && c.field.parent === best.field.parent;
      const fills = c.field.node.inRecords.filter((r) => !covered.has(r)).length;
      if (!sibling && fills === 0) continue;
      chosen.push(c);
      for (const r of c.field.node.inRecords) covered.add(r);
    }
    const entries = chosen.map((c) => this.entryFor(target, c.field, item));
    const entry = entries.length === 1 ? entries[0] : { first: entries };
    const f = best.field;
    const kind =
      f.type === 'text' || f.type === 'tags'
        ? `language map ${(f.languages ?? []).join(', ')}`
        : f.pair
          ? 'English and French fields'
          : f.type;
    const why = `${chosen.map((c) => pathOf(c.field)).join(', then ')}: ${kind}, filled in ${pct(f.fill)} of the records${
      f.sample.length && f.type !== 'text'
        ? ` (${f.sample
            .slice(0, 3)
            .map((s) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…` : s))
            .join(', ')})`
        : ''
    }`;
    const todos: string[] = [];
    if (best.name < 10)
      todos.push(
        best.name >= 5 ? 'the field’s name only partly matches' : 'matched on its values only',
      );
    if (f.fill < 0.5) todos.push(`filled in only ${pct(f.fill)} of the records`);
    const close = found.find(
      (c) =>
        c !== best &&
        !chosen.includes(c) &&
        c.field !== best.field.pair?.other &&
        best.score - c.score < 1,
    );
    if (close) todos.push(`${pathOf(close.field)} fits too`);
    if (target.vocabulary && f.vocabulary?.id !== target.vocabulary)
      todos.push(this.unknownValues(f, target.vocabulary));
    return { entry, why, ...(todos.length ? { todo: todos.join('; ') } : {}) };
  }

  /** What to do about values a vocabulary does not know. */
  private unknownValues(f: InferredField, id: string): string {
    const v = this.vocabularies.get(id);
    const unknown = f.sample.filter((x) => !v?.lookup(x, this.profile));
    return `values the ${id} vocabulary does not know (${unknown.slice(0, 4).join(', ')}): add them as notations of ${this.profile} in crosswalks/vocabularies/${id}.yaml`;
  }

  /** The list the distributions are made of: a list of items with a URL, by name and by how many items records have. */
  private distributionList(): InferredField | undefined {
    let best: { f: InferredField; score: number } | undefined;
    for (const f of this.fields) {
      if (f.type !== 'list' || !f.fields.length) continue;
      if (f.names.some((n) => /\b(contact|responsible|party|citation|author|thesaurus)\b/.test(n)))
        continue;
      const urls = allFields(f.fields).filter(
        (x) => fits(x, 'url', false, f) && !x.names.some((n) => /contact/.test(n)),
      );
      if (!urls.length) continue;
      const score =
        nameScore(f.names, DISTRIBUTION_NAMES) +
        (f.perRecord > 1 ? 3 : 0) +
        2 * f.fill +
        0.01 * f.segs.length;
      if (!best || score > best.score) best = { f, score };
    }
    return best && best.score >= 5 ? best.f : undefined;
  }

  /** The licence: a field of licence codes (of the record or of each item), else one licence every record names in a text. */
  private licence(item: InferredField | undefined): DraftEntry | undefined {
    const target = {
      property: 'distribution[*].license',
      vocabulary: 'licence',
      shape: 'any' as Shape,
    };
    const named = this.fields
      .filter(
        (f) =>
          !isLocalisedText(f) &&
          f.type !== 'list' &&
          f.type !== 'object' &&
          f.type !== 'text' &&
          ((item && within(f, item)) || f.perRecord <= 1.5),
      )
      .map((f) => ({
        f,
        name: nameScore(f.names, LICENCE_NAMES),
        known: f.vocabulary?.id === 'licence',
      }))
      .filter((x) => x.name >= 5 || x.known)
      .sort(
        (a, b) =>
          Number(b.known) - Number(a.known) || b.name - a.name || a.f.segs.length - b.f.segs.length,
      );
    const read = (f: InferredField): string | EntrySpec => {
      const inItem = item && within(f, item);
      const spec = this.entryFor(target, f, inItem ? item : undefined) as EntrySpec;
      // a licence of the record applies to each distribution: read from the record root
      if (item && !inItem) spec.from = pointerOf(f);
      return spec;
    };
    const best = named[0];
    if (best?.known) {
      // others that fill records the first leaves empty (exports that mix shapes)
      const chosen = [best];
      const covered = new Set(best.f.node.scalarRecords);
      for (const x of named.slice(1)) {
        if (chosen.length >= 3 || !x.f.node.scalarRecords.some((r) => !covered.has(r))) continue;
        chosen.push(x);
        for (const r of x.f.node.scalarRecords) covered.add(r);
      }
      const entries = chosen.map((x) => read(x.f));
      const unknown = chosen.filter((x) => !x.known).map((x) => this.unknownValues(x.f, 'licence'));
      return {
        entry: entries.length === 1 ? entries[0] : { first: entries },
        why: `${chosen.map((x) => pathOf(x.f)).join(', then ')}: licence codes (${best.f.sample.slice(0, 3).join(', ')})`,
        ...(unknown.length ? { todo: unknown.join('; ') } : {}),
      };
    }
    // one licence every record names in a text (ISO 19139 use limitations)
    const constant = this.licenceInText();
    if (constant) return constant;
    if (best)
      return {
        entry: read(best.f),
        why: `${pathOf(best.f)}: named like a licence`,
        todo: this.unknownValues(best.f, 'licence'),
      };
    return undefined;
  }

  private licenceInText(): DraftEntry | undefined {
    const v = this.vocabularies.get('licence');
    if (!v) return undefined;
    const needles = v.concepts.flatMap((c) => [
      ...Object.values(c.label ?? {})
        .filter((l): l is string => typeof l === 'string' && l.length > 8)
        .map((l) => ({ c, text: l.toLowerCase() })),
      ...[c.uri, ...(c.aliases ?? [])]
        .filter((u) => /^https?:\/\//.test(u))
        .map((u) => ({ c, text: u.toLowerCase().replace(/^https?:\/\//, '') })),
    ]);
    for (const f of this.fields) {
      if (isLocalisedText(f) || f.type !== 'string' || f.fill < 0.8) continue;
      const found = new Set<string>();
      let all = true;
      for (const value of f.node.distinct.keys()) {
        const t = value.toLowerCase();
        const hit = needles
          .filter((n) => t.includes(n.text))
          .sort((a, b) => b.text.length - a.text.length)[0];
        if (!hit) {
          all = false;
          break;
        }
        found.add(hit.c.code);
      }
      if (all && found.size === 1 && !f.node.overflow) {
        const code = [...found][0];
        return {
          entry: { value: code, vocabulary: 'licence' },
          why: `every record names this licence in ${pathOf(f)} (${f.sample[0]})`,
          todo: 'a constant: check that the portal gives every dataset this licence',
        };
      }
    }
    return undefined;
  }

  /** A distribution's properties, from the fields of a list's items (`item`) or of the record. */
  private distributionWay(
    item: InferredField | undefined,
    among: readonly InferredField[],
    missing: DraftCrosswalk['missing'],
  ): Record<string, DraftEntry> {
    const entries: Record<string, DraftEntry> = {};
    // a distribution made from the record's own fields: its title, description and dates are the dataset's
    const own = item
      ? TARGETS
      : TARGETS.filter((t) =>
          [
            'distribution[*].accessURL',
            'distribution[*].downloadURL',
            'distribution[*].format',
            'distribution[*].mediaType',
            'distribution[*].byteSize',
          ].includes(t.property),
        );
    for (const t of own.filter((x) => x.on === 'distribution')) {
      const d = this.draft(t, among, item);
      if ('missing' in d) missing.push({ property: t.property, why: d.missing });
      else entries[t.property.split('.')[1]] = d;
    }
    // without a media type field, the format's media type (file-type vocabulary)
    if (
      !entries.mediaType &&
      entries.format &&
      typeof entries.format.entry === 'object' &&
      entries.format.entry.from
    ) {
      const { from, split } = entries.format.entry;
      entries.mediaType = {
        entry: {
          from,
          ...(split ? { split } : {}),
          vocabulary: 'file-type',
          fact: 'mediaType',
          as: 'mediatype',
          unmapped: 'ignore',
        },
        why: 'the media type of the format (file-type vocabulary)',
      };
      const at = missing.findIndex((m) => m.property === 'distribution[*].mediaType');
      if (at >= 0) missing.splice(at, 1);
    }
    const licence = this.licence(item);
    if (licence) entries.license = licence;
    else
      missing.push({
        property: 'distribution[*].license',
        why: 'no licence field, and no licence named in every record',
      });
    return entries;
  }

  draftCrosswalk(): DraftCrosswalk {
    const out: DraftCrosswalk = {
      ...(this.language ? { language: this.language } : {}),
      dataset: {},
      missing: [],
    };
    const item = this.distributionList();
    const datasetFields = this.fields.filter((f) => !item || !within(f, item));
    const take = (
      t: Target,
      among: readonly InferredField[],
      into: Record<string, DraftEntry>,
      name: string,
    ): void => {
      const d = this.draft(t, among, t.on === 'distribution' ? item : undefined);
      if ('missing' in d) out.missing.push({ property: t.property, why: d.missing });
      else into[name] = d;
    };
    const publisher: Record<string, DraftEntry> = {};
    const contact: Record<string, DraftEntry> = {};
    const temporal: Record<string, DraftEntry> = {};
    for (const t of TARGETS.filter((x) => x.on === 'dataset')) {
      if (t.property === 'publisher.name') take(t, datasetFields, publisher, 'name');
      else if (t.property.startsWith('contactPoint'))
        take(t, datasetFields, contact, t.property.split('.')[1]);
      else if (t.property.startsWith('temporal'))
        take(t, datasetFields, temporal, t.property.split('.')[1]);
      else take(t, datasetFields, out.dataset, t.property);
    }
    const nest = (name: string, parts: Record<string, DraftEntry>): void => {
      if (!Object.keys(parts).length) return;
      const object = Object.fromEntries(Object.entries(parts).map(([k, d]) => [k, d.entry]));
      const todo = Object.entries(parts)
        .filter(([, d]) => d.todo)
        .map(([k, d]) => `${k}: ${d.todo}`)
        .join('; ');
      out.dataset[name] = {
        entry: { object },
        why: Object.entries(parts)
          .map(([k, d]) => `${k} from ${d.why}`)
          .join('; '),
        ...(todo ? { todo } : {}),
      };
    };
    nest('publisher', publisher);
    nest('contactPoint', contact);
    nest('temporal', temporal);

    // distributions: one per item of a list of resources; records without the list (a spreadsheet
    // row in the same export) may give one URL of their own
    const ways: NonNullable<DraftCrosswalk['distribution']>['ways'] = [];
    const missing: DraftCrosswalk['missing'] = [];
    if (item) {
      const w = this.distributionWay(item, allFields(item.fields), missing);
      if (w.accessURL)
        ways.push({
          each: item,
          entries: w,
          why: `one per item of ${pathOf(item)} (${item.perRecord.toFixed(1)} per record, the items have URLs)`,
        });
      else
        missing.push({
          property: 'distribution',
          why: `the items of ${pathOf(item)} have no URL field`,
        });
    }
    const top = this.fields.filter((f) => f.segs.length === 1 && f !== item);
    const urls = this.candidates(
      TARGETS.find((t) => t.property === 'distribution[*].accessURL') as Target,
      top,
      true,
    );
    const listed = new Set(item?.node.inRecords ?? []);
    if (
      urls.length &&
      urls[0].name >= 10 &&
      urls[0].field.node.inRecords.some((r) => !listed.has(r))
    ) {
      const extra: DraftCrosswalk['missing'] = [];
      const w = this.distributionWay(undefined, top, ways.length ? extra : missing);
      ways.push({
        entries: w,
        why: item
          ? `records without ${pathOf(item)}: one distribution from their own URL`
          : 'one distribution per record, from its own URL',
        todo: 'check that the URL is the data, not a web page',
      });
    }
    out.missing.push(...missing);
    if (ways.length) out.distribution = { ways };
    else if (!item)
      out.missing.push({ property: 'distribution', why: 'no list of resources and no URL field' });
    return out;
  }
}
