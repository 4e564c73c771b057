/**
 * Which language the sample's text is in: English or French from the common words of its texts,
 * the field in which records say their own language, and ISO 19139 localised text (a main text
 * with its translation in a `…LocalisedCharacterString` element tagged with a `@locale`).
 */
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { allFields, type InferredField, pathOf } from './fields.js';
import { LANGUAGE_NAMES, nameScore } from './synonyms.js';

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

/** The field in which records say which language their text is in, and its values that mean French. */
export interface MainLanguage {
  field: InferredField;
  french: string[];
}

/**
 * The records' main language field: one value per record, named like a language, every value an
 * English or French code of the language vocabulary; the one nearest the record root.
 */
export function mainLanguageOf(
  fields: readonly InferredField[],
  vocabularies: VocabularyRegistry,
  profile: string,
): MainLanguage | undefined {
  let main: MainLanguage | undefined;
  const lang = vocabularies.get('language');
  for (const f of fields) {
    if (f.segs.length > 3 || f.perRecord > 1.5 || nameScore(f.names, LANGUAGE_NAMES) < 10 || !lang)
      continue;
    const french: string[] = [];
    let known = 0;
    for (const v of f.node.distinct.keys()) {
      const c = lang.lookup(v.split(/[;,\s]/)[0], profile);
      if (c?.code === 'FRA') french.push(v);
      if (c?.code === 'FRA' || c?.code === 'ENG') known++;
    }
    if (
      known &&
      known === f.node.distinct.size &&
      (!main || f.segs.length < main.field.segs.length)
    )
      main = { field: f, french: french.sort() };
  }
  return main;
}

/** The item field of an ISO 19139 localised text below an element: `…LocalisedCharacterString` with `@locale` and `#text`. */
export interface Localised {
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

export function localisedBelow(element: InferredField): Localised | undefined {
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
export function isLocalisedText(f: InferredField): boolean {
  return f.name === '#text' && f.parent?.fields.some((x) => x.name === '@locale') === true;
}
