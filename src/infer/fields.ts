/**
 * The fields of a draft profile, typed from what a sample of records shows: each field's type (the
 * narrowest that every value seen fits), how often it is filled, its observed values, the
 * vocabulary its codes belong to (frequency, licence, file type, language, access right, theme),
 * and the bilingual patterns around it (language maps, `_en`/`_fr` pairs, ISO 19139 localised text).
 */
import type { FieldType } from '../profiles/types.js';
import { toPointer } from '../util/paths.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import type { FieldNode, Observation } from './observe.js';
import { fieldNames, normaliseName } from './synonyms.js';

/** Common vocabularies whose codes count as hints, in this order when several know a value. */
export const HINT_VOCABULARIES = [
  'frequency',
  'licence',
  'file-type',
  'language',
  'access-right',
  'theme',
] as const;
/** Share of a field's values a vocabulary must know for the field to hold its codes. */
export const VOCABULARY_SHARE = 0.8;

export interface VocabularyHint {
  id: string;
  /** Share of the values (by count) the vocabulary knows. */
  share: number;
  /** The values are lists in one text, split on this (`Dataset;SHP;eng,fra`). */
  split?: string;
}

export interface InferredField {
  /** The field's name in the profile (a spreadsheet column's header becomes `snake_case`). */
  name: string;
  /** Spreadsheet column headers the field was read from, when they differ from its name. */
  headers?: string[];
  /** Names from the record root (profile names), without list steps. */
  segs: string[];
  type: FieldType;
  /** Sub-fields of lists and objects. */
  fields: InferredField[];
  parent?: InferredField;
  node: FieldNode;
  /** Share of records in which it is filled, and their number. */
  fill: number;
  records: number;
  /** Values per record that has one (more than 1: several, a list). */
  perRecord: number;
  /** The most frequent values seen (at most 8), for comments. */
  sample: string[];
  /** Code fields: the values seen, for a local code list. */
  codes?: string[];
  vocabulary?: VocabularyHint;
  /** Language maps: the languages seen. */
  languages?: string[];
  /** Whole numbers that are seconds since 1970. */
  epoch?: boolean;
  /** One of a pair of fields in English and French (`title_en`, `title_fr`). */
  pair?: { language: 'en' | 'fr'; other: InferredField };
  /** Names for matching (see `fieldNames`). */
  names: string[];
}

/** `title_en`, `title-fr`, `Title (English)`, `Titre (français)`; and camelCase `titleEn`, `titleFr`. */
const LANG_SUFFIX =
  /^(.+?)[_\-. (]+(en|eng|english|anglais|fr|fra|fre|french|francais|français)\)?$/i;
const LANG_CAMEL = /^(.+?[a-z0-9])(En|Eng|Fr|Fra)$/;

/** French names of a field's base, as English ones (`Titre (français)` pairs with `Title (English)`). */
const BASES: Record<string, string> = {
  titre: 'title',
  nom: 'name',
  'mots cles': 'keywords',
  resume: 'summary',
  sommaire: 'summary',
};

/** `title_en` → {base: title, language: en}; `Titre (français)` → {base: title, language: fr}. */
function languageSuffix(name: string): { base: string; language: 'en' | 'fr' } | undefined {
  const m = LANG_SUFFIX.exec(name) ?? LANG_CAMEL.exec(name);
  if (!m) return undefined;
  const base = normaliseName(m[1]);
  return { base: BASES[base] ?? base, language: /^e|^a/i.test(m[2]) ? 'en' : 'fr' };
}

/** The values of a field (or of its list items) with their counts, most frequent first, ties in code-point order. */
function valuesOf(node: FieldNode): [string, number][] {
  const src = node.item && node.arrays > 0 ? node.item : node;
  return [...src.distinct].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function vocabularyHint(
  node: FieldNode,
  vocabularies: VocabularyRegistry,
  profile: string,
): VocabularyHint | undefined {
  const values = valuesOf(node);
  const total = values.reduce((s, [, n]) => s + n, 0);
  if (!total) return undefined;
  let best: VocabularyHint | undefined;
  for (const id of HINT_VOCABULARIES) {
    const v = vocabularies.get(id);
    if (!v) continue;
    for (const split of [undefined, ';', ',', '|']) {
      let known = 0;
      for (const [value, n] of values) {
        const parts = split ? value.split(split).map((x) => x.trim()) : [value];
        // a language is often written with more after it (`eng; CAN`)
        const tokens = id === 'language' && !split ? [...parts, value.split(/[;,\s]/)[0]] : parts;
        if (tokens.some((t) => t && v.lookup(t, profile))) known += n;
      }
      const share = known / total;
      if (share >= VOCABULARY_SHARE && (!best || share > best.share))
        best = { id, share, ...(split ? { split } : {}) };
      if (best?.id === id) break; // unsplit values known: no need to split them
    }
  }
  return best;
}

/** Whether values look like codes of a closed list: few, repeated, short. */
function codeLike(node: FieldNode): boolean {
  const src = node.item && node.arrays > 0 ? node.item : node;
  const s = src.strings;
  if (src.overflow || src.distinct.size === 0 || src.distinct.size > 15 || s.count < 4)
    return false;
  if (s.count < 2 * src.distinct.size || s.maxLength > 40) return false;
  // identifiers (UUIDs, long numbers) repeat when the sample is small, but are not codes
  if ([...src.distinct.keys()].some((v) => /^[0-9a-f-]{16,}$/i.test(v))) return false;
  return s.urls === 0 && s.emails === 0 && s.dates === 0 && s.json === 0 && s.numbers < s.count;
}

/** The type of a scalar string field, the narrowest every value fits. */
function stringType(node: FieldNode): FieldType {
  const s = node.strings;
  const all = (n: number): boolean => n === s.count && s.count > 0;
  if (all(s.dates)) return s.times ? 'datetime' : 'date';
  if (all(s.urls)) return 'url';
  if (all(s.emails)) return 'email';
  if (all(s.integers)) return 'integer';
  if (all(s.numbers)) return 'number';
  if (all(s.booleans)) return 'boolean';
  if (all(s.json)) return 'json';
  return 'string';
}

export class FieldTyper {
  constructor(
    private readonly vocabularies: VocabularyRegistry,
    private readonly profile: string,
    private readonly total: number,
    /** Top-level fields read from spreadsheet columns: their headers. */
    private readonly headers: ReadonlyMap<string, string[]> = new Map(),
  ) {}

  /** The fields under a node (its object keys), typed. */
  fieldsOf(node: FieldNode, parent: InferredField | undefined, segs: string[]): InferredField[] {
    const out: InferredField[] = [];
    for (const [name, child] of node.children) {
      if (child.records === 0) continue;
      out.push(this.field(child, name, parent, [...segs, name]));
    }
    pairLanguages(out);
    return out;
  }

  private field(
    node: FieldNode,
    name: string,
    parent: InferredField | undefined,
    segs: string[],
  ): InferredField {
    const values = valuesOf(node);
    const headers = parent ? undefined : this.headers.get(name);
    const f: InferredField = {
      name,
      ...(headers?.length ? { headers } : {}),
      segs,
      type: 'any',
      fields: [],
      ...(parent ? { parent } : {}),
      node,
      fill: this.total ? node.records / this.total : 0,
      records: node.records,
      perRecord: node.records ? (node.arrays ? node.arrayItems : node.values) / node.records : 0,
      sample: values.slice(0, 8).map(([v]) => v),
      names: fieldNames(segs),
    };
    if (node.only('langMaps')) {
      f.type = node.langLists ? 'tags' : 'text';
      f.languages = [...node.languages.keys()].sort();
    } else if (node.only('objects')) {
      f.type = 'object';
      f.fields = this.fieldsOf(node, f, segs);
    } else if (node.only('arrays') && node.item) {
      const item = node.item;
      if (item.only('objects')) {
        f.type = 'list';
        f.fields = this.fieldsOf(item, f, segs);
      } else if (item.only('strings')) {
        f.vocabulary = vocabularyHint(node, this.vocabularies, this.profile);
        f.type = !f.vocabulary && codeLike(node) ? 'codes' : 'strings';
      } else f.type = 'list';
    } else if (node.only('strings')) {
      f.type = stringType(node);
      if (f.type === 'string') {
        f.vocabulary = vocabularyHint(node, this.vocabularies, this.profile);
        if (!f.vocabulary && codeLike(node)) f.type = 'code';
      }
    } else if (node.only('numbers')) {
      f.type = node.integers === node.numbers ? 'integer' : 'number';
      if (node.epochs === node.numbers) f.epoch = true;
    } else if (node.only('booleans')) f.type = 'boolean';
    else if (
      node.numbers + node.plain === node.values &&
      node.strings.numbers === node.plain &&
      node.objects + node.arrays + node.langMaps === 0
    ) {
      f.type = node.integers + node.strings.integers === node.values ? 'integer' : 'number';
    } else if (
      node.booleans + node.plain === node.values &&
      node.strings.booleans === node.plain &&
      node.objects + node.arrays + node.langMaps === 0
    ) {
      f.type = 'boolean';
    }
    if (f.type === 'any') {
      // a field of several shapes (text in one export, an object in another): crosswalks may read
      // below it (the profile leaves it free-form), and its texts may still be codes
      const below = node.item?.children.size ? node.item : node;
      if (below.children.size) f.fields = this.fieldsOf(below, f, segs);
      if (node.plain) f.vocabulary = vocabularyHint(node, this.vocabularies, this.profile);
    }
    if (f.type === 'code' || f.type === 'codes') f.codes = values.map(([v]) => v).sort();
    return f;
  }
}

/**
 * Siblings in English and French know each other: `title_en`/`title_fr`, `titleEn`/`titleFr`,
 * `Title (English)`/`Titre (français)`, and a field with its translation beside it
 * (`Description`/`Description (français)`). When an export mixes shapes (a spreadsheet and CKAN),
 * partners are the fields filled in the same records.
 */
function pairLanguages(fields: InferredField[]): void {
  const groups = new Map<
    string,
    { en: InferredField[]; fr: InferredField[]; plain: InferredField[] }
  >();
  for (const f of fields) {
    if (f.type !== 'string' && f.type !== 'strings') continue;
    const name = f.headers?.[0] ?? f.name;
    const s = languageSuffix(name);
    const base = s ? s.base : (BASES[normaliseName(name)] ?? normaliseName(name));
    const g = groups.get(base) ?? { en: [], fr: [], plain: [] };
    g[s ? s.language : 'plain'].push(f);
    groups.set(base, g);
  }
  const overlap = (a: InferredField, b: InferredField): number => {
    const rs = new Set(a.node.inRecords);
    return b.node.inRecords.filter((r) => rs.has(r)).length;
  };
  const pair = (en: InferredField, fr: InferredField): void => {
    en.pair = { language: 'en', other: fr };
    fr.pair = { language: 'fr', other: en };
  };
  for (const g of groups.values()) {
    // each French field with the English one (or the one without suffix) filled in the same records
    for (const fr of g.fr) {
      const partner = [...g.en, ...g.plain]
        .filter((x) => !x.pair && overlap(x, fr) > 0)
        .sort((a, b) => overlap(b, fr) - overlap(a, fr))[0];
      if (partner) pair(partner, fr);
    }
    for (const en of g.en) {
      if (en.pair) continue;
      const partner = g.plain
        .filter((x) => !x.pair && overlap(x, en) > 0)
        .sort((a, b) => overlap(b, en) - overlap(a, en))[0];
      if (partner) pair(en, partner);
    }
  }
}

/** Every field, depth first. */
export function allFields(fields: readonly InferredField[]): InferredField[] {
  return fields.flatMap((f) => [f, ...allFields(f.fields)]);
}

/** The path of a field in crosswalk syntax, from the record root or from an item (`relativeTo`). */
export function pathOf(f: InferredField, relativeTo?: InferredField): string {
  return (relativeTo ? f.segs.slice(relativeTo.segs.length) : f.segs).join('.');
}

/** A JSON Pointer from the record root: how an entry inside `each` reads a field of the record. */
export function pointerOf(f: InferredField): string {
  return toPointer(f.segs);
}

/** A spreadsheet column's header as a field name: `Update Frequency` → `update_frequency`. */
export function headerField(header: string): string {
  return normaliseName(header).replace(/ /g, '_') || header;
}

/** The draft's fields from an observation (`headers`: the columns spreadsheet fields were read from). */
export function inferFields(
  obs: Observation,
  vocabularies: VocabularyRegistry,
  profile: string,
  headers: ReadonlyMap<string, string[]> = new Map(),
): InferredField[] {
  return new FieldTyper(vocabularies, profile, obs.records, headers).fieldsOf(
    obs.root,
    undefined,
    [],
  );
}
