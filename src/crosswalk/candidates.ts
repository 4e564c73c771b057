/**
 * Source values made into candidate values for a property of the common model: lists of codes
 * into one candidate each, texts and language maps into language texts, JSON text into its items.
 */
import type { PropertyDef } from '../model/properties.js';
import { isEmpty } from '../util/empty.js';
import { isLanguageTag, type LangText, type LangTexts } from '../core/lang.js';
import type { Located } from '../util/paths.js';
import type { Candidate } from './context.js';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The sources of an object's candidate: never read (objects write their own provenance), so one list for all. */
export const NO_SOURCES = Object.freeze([]) as unknown as string[];

export const candidateValue = (c: Candidate): unknown => c.value;

/** JSON text (`["en", "fr"]`) parsed; anything else (`en,fr`) as it is. */
export function parseJsonText(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('[') && !t.startsWith('{') && !t.startsWith('"')) return text;
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

/** The non-empty texts of a text or list, trimmed. */
export function textList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v))
    return v.filter((x) => typeof x === 'string' && x.trim()).map((x) => (x as string).trim());
  return undefined;
}

/**
 * A source value that is a language map (`{en: …, fr: …}`). Its provenance is per language
 * (`langSources`); of `sources`, only the first is read (for findings): it holds that one.
 */
export function languageMap(
  value: Record<string, unknown>,
  pointer: string,
  def: PropertyDef,
): Candidate | undefined {
  let out: Record<string, unknown> | undefined;
  let langSources: Record<string, string> | undefined;
  let first: string | undefined;
  const texts = def.kind === 'texts';
  for (const lang of Object.keys(value)) {
    const text = value[lang];
    const v = texts ? textList(text) : typeof text === 'string' ? text.trim() : undefined;
    if (
      v === undefined ||
      v === '' ||
      (texts && (v as string[]).length === 0) ||
      !isLanguageTag(lang)
    )
      continue;
    const source = `${pointer}/${lang}`;
    if (!out) {
      out = {};
      langSources = {};
      first = source;
    }
    out[lang] = v;
    (langSources as Record<string, string>)[lang] = source;
  }
  return out ? { value: out, sources: [first as string], langSources } : undefined;
}

/** The candidates of the language maps a path reached (other values give none). */
export function languageMaps(found: Located[], def: PropertyDef): Candidate[] {
  const out: Candidate[] = [];
  for (const f of found) {
    const c = isPlainObject(f.value) ? languageMap(f.value, f.pointer, def) : undefined;
    if (c) out.push(c);
  }
  return out;
}

/** Whether one source value gives several candidates (a list of codes, not text nor an object): see `explodeInto`. */
function isList(value: unknown, kind: PropertyDef['kind']): value is unknown[] {
  return (
    kind !== 'text' &&
    kind !== 'texts' &&
    kind !== 'object' &&
    Array.isArray(value) &&
    value.length > 0
  );
}

/**
 * The one candidate of a source value that is not a list (`isList`), or none. Plain text has no
 * `langSources`: its one language comes from `sources[0]`, which `assign` falls back to.
 */
function candidateOf(
  value: unknown,
  pointer: string | undefined,
  def: PropertyDef,
  language: string,
): Candidate | undefined {
  const kind = def.kind;
  if (kind === 'text' || kind === 'texts') {
    if (value === undefined || value === null) return undefined;
    // a language map with nothing in it gives nothing (so it needs no isEmpty first)
    if (isPlainObject(value)) return languageMap(value, pointer ?? '', def);
    if (kind === 'text') {
      if (typeof value !== 'string') return undefined;
      const text = value.trim();
      return text !== ''
        ? {
            value: { [language]: text } as LangText,
            sources: pointer === undefined ? [] : [pointer],
          }
        : undefined;
    }
    if (isEmpty(value)) return undefined;
    const list = textList(value);
    return list?.length
      ? {
          value: { [language]: list } as LangTexts,
          sources: pointer === undefined ? [] : [pointer],
        }
      : undefined;
  }
  if (isEmpty(value)) return undefined;
  return { value, sources: pointer === undefined ? [] : [pointer] };
}

/** Turns one source value into candidate values for the target property, added to `out`. */
export function explodeInto(
  out: Candidate[],
  value: unknown,
  pointer: string | undefined,
  def: PropertyDef,
  language: string,
): void {
  if (isList(value, def.kind)) {
    for (let i = 0; i < value.length; i++)
      explodeInto(
        out,
        value[i],
        pointer === undefined ? undefined : `${pointer}/${i}`,
        def,
        language,
      );
    return;
  }
  const c = candidateOf(value, pointer, def, language);
  if (c) out.push(c);
}

/**
 * The candidate values of one source value. Most give one: its list is made at its size, not
 * grown (a record's crosswalk makes one such list per property).
 */
export function explode(
  value: unknown,
  pointer: string | undefined,
  def: PropertyDef,
  language: string,
): Candidate[] {
  if (!isList(value, def.kind)) {
    const c = candidateOf(value, pointer, def, language);
    return c ? [c] : [];
  }
  const out: Candidate[] = [];
  explodeInto(out, value, pointer, def, language);
  return out;
}

/** `Statistics Canada | Statistique Canada` → {en: Statistics Canada, fr: Statistique Canada}. */
export function splitLanguages(
  out: Candidate[],
  text: string,
  pointer: string,
  languages: string[],
  separator: string,
): void {
  const parts = text.split(separator).map((x) => x.trim());
  const value: Record<string, string> = {};
  const langSources: Record<string, string> = {};
  languages.forEach((l, i) => {
    if (parts[i]) {
      value[l] = parts[i];
      langSources[l] = pointer;
    }
  });
  if (Object.keys(value).length) out.push({ value, sources: [pointer], langSources });
}
