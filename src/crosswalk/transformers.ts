/**
 * Transformers: what an entry does to the candidates its producer gave (split → map → vocabulary
 * (→ fact) → coercion), reporting the values that do not resolve.
 */
import type { PropertyDef } from '../model/properties.js';
import type { Emitted } from '../core/finding.js';
import { coerce, type Coercion } from '../util/coerce.js';
import { isEmpty } from '../util/empty.js';
import { isLanguageTag, type Bilingual, type LangText, type LangTexts } from '../core/lang.js';
import type { Concept, Vocabulary } from '../vocab/vocabulary.js';
import { isPlainObject } from './candidates.js';
import { PROFILE_CODES, type CrosswalkCheck, type Scope, type YamlPath } from './check.js';
import type { Candidate, RecordContext } from './context.js';
import { copyOnChange } from './copy-on-change.js';
import { join } from './names.js';
import type { EntrySpec } from './types.js';

/** What an entry does to its producer's candidates (`isDefault`: the entry's default, already in common terms). */
export type Transform = (
  candidates: Candidate[],
  ctx: RecordContext,
  isDefault?: boolean,
) => Candidate[];

const COERCION_NAMES: Record<Coercion, Bilingual> = {
  string: { en: 'text', fr: 'texte' },
  json: { en: 'JSON value', fr: 'valeur JSON' },
  date: { en: 'date', fr: 'date' },
  datetime: { en: 'date', fr: 'date' },
  epoch: { en: 'timestamp (seconds)', fr: 'horodatage (secondes)' },
  integer: { en: 'whole number', fr: 'nombre entier' },
  number: { en: 'number', fr: 'nombre' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  uri: { en: 'URI', fr: 'URI' },
  email: { en: 'email address', fr: 'adresse courriel' },
  mediatype: { en: 'media type', fr: 'type de média' },
};

/**
 * Coercions whose results they give back unchanged (a URI, a date, a trimmed text…), so that
 * values one has given need not go through it again. Not integer nor number (a text of 400 digits
 * gives Infinity), nor the others.
 */
const IDEMPOTENT: ReadonlySet<Coercion> = new Set<Coercion>([
  'uri',
  'date',
  'datetime',
  'string',
  'email',
  'mediatype',
]);

function defaultCoercion(def: PropertyDef): Coercion | undefined {
  switch (def.kind) {
    case 'uri':
      return 'uri';
    case 'email':
      return 'email';
    case 'date':
      return 'datetime';
    case 'integer':
      return 'integer';
    case 'string':
      return 'string';
    default:
      return undefined;
  }
}

/**
 * Whether a template's results all pass `as: uri` unchanged: it starts with a scheme, its literal
 * text has no white space and its fields are percent-encoded (never white space, never empty).
 */
function alwaysUri(t: string): boolean {
  if (/\{\+/.test(t)) return false;
  const literal = t.replace(/\{(\+?)([^{}]+)\}/g, '');
  if (/\s/.test(literal)) return false;
  const first = t.split(/\{(?:\+?)[^{}]+\}/)[0];
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(first);
  return scheme !== null && (first.length > scheme[0].length || first.length < t.length);
}

/** "the Theme vocabulary" / "le vocabulaire Thème", for messages. */
function vocabularyName(v: { id: string; title?: LangText }): Bilingual {
  return {
    en: `the ${v.title?.en ?? v.id} vocabulary`,
    fr: `le vocabulaire ${v.title?.fr ?? v.title?.en ?? v.id}`,
  };
}

/** `via` names the map or vocabulary in both languages. */
function unmappedFinding(
  value: unknown,
  property: string,
  via: Bilingual,
  sourcePath: string | undefined,
): Emitted {
  return {
    ruleId: 'odc/unmapped-value',
    messageId: 'unmapped',
    data: { value, property, via },
    property,
    sourcePath,
    value,
  };
}

/** The steps a code goes through, as compiled from one entry. */
interface CodeSteps {
  name: string;
  map: Map<string, unknown> | undefined;
  mapName: Bilingual | undefined;
  vocabulary: Vocabulary | undefined;
  vocabularyName: Bilingual | undefined;
  lookup: ((value: unknown) => Concept | undefined) | undefined;
  fact: string | undefined;
  as: Coercion | undefined;
  unmapped: 'report' | 'keep' | 'ignore';
  /** A concept's value coerced once (its URI, checked in every record otherwise): concepts are a vocabulary's, so few. */
  conceptValues: Map<Concept, unknown> | undefined;
}

/** A map's keys are codes: a list or an object found where a code was expected matches none. */
function mapped(map: Map<string, unknown>, value: unknown): { found: boolean; value: unknown } {
  const key = value !== null && typeof value === 'object' ? undefined : String(value).trim();
  if (key === undefined) return { found: false, value };
  if (map.has(key)) return { found: true, value: map.get(key) };
  const lower = key.toLowerCase();
  if (map.has(lower)) return { found: true, value: map.get(lower) };
  return { found: false, value };
}

/** One candidate through the steps: itself when its value is unchanged, undefined when dropped. */
function codeThroughSteps(
  c: Candidate,
  ctx: RecordContext,
  isDefault: boolean,
  s: CodeSteps,
): Candidate | undefined {
  let value: unknown = c.value;
  const source = c.sources[0];
  let from: Concept | undefined; // the concept `value` is a fact of
  if (s.map && !isDefault) {
    const m = mapped(s.map, value);
    value = m.value;
    // found as null: a known local value with no common equivalent
    if (m.found && value === null) return undefined;
    if (!m.found && !s.vocabulary) {
      if (s.unmapped === 'report')
        ctx.emit(
          unmappedFinding(c.value, join(ctx.prefix, s.name), s.mapName as Bilingual, source),
        );
      if (s.unmapped !== 'keep') return undefined;
    }
  }
  if (s.vocabulary) {
    const concept = (s.lookup as (value: unknown) => Concept | undefined)(value);
    if (!concept) {
      if (s.unmapped === 'report')
        ctx.emit(
          unmappedFinding(c.value, join(ctx.prefix, s.name), s.vocabularyName as Bilingual, source),
        );
      if (s.unmapped !== 'keep') return undefined;
    } else {
      value = s.fact ? concept[s.fact as keyof Concept] : concept.uri;
      if (value === undefined || value === null) return undefined;
      from = concept;
    }
  }
  if (s.as) {
    let coerced = from && s.conceptValues?.get(from);
    if (coerced === undefined) {
      coerced = coerce(value, s.as);
      if (from && coerced !== undefined) s.conceptValues?.set(from, coerced);
    }
    if (coerced === undefined) {
      if (!isEmpty(value)) {
        const property = join(ctx.prefix, s.name);
        const expected = COERCION_NAMES[s.as];
        ctx.emit({
          ruleId: 'profile/type',
          messageId: 'coerce',
          data: { property, value, expected: expected.en, expectedFr: expected.fr },
          property,
          sourcePath: source,
          value,
        });
      }
      return undefined;
    }
    value = coerced;
  }
  // a value left as it was keeps its candidate (nothing changes candidates once made)
  return value === c.value ? c : { value, sources: c.sources, langSources: c.langSources };
}

/** Each candidate's text split into several (`split`), its other fields kept. */
function splitEach(candidates: Candidate[], separator: string): Candidate[] {
  return candidates.flatMap((c) =>
    typeof c.value === 'string'
      ? c.value
          .split(separator)
          .map((s) => s.trim())
          .filter((s) => s)
          .map((s) => ({ ...c, value: s }))
      : [c],
  );
}

/** The transformers of one crosswalk, checking each entry's steps. */
export class Transformers {
  constructor(private readonly check: CrosswalkCheck) {}

  /**
   * An entry's transform, with the coercion every value given has gone through last (`coerced`).
   * `already`: the one the produced values went through (candidates of `first`/`all` coerce their
   * own values).
   */
  transformer(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
    already: Coercion | undefined,
  ): { transform: Transform | undefined; coerced: Coercion | undefined } {
    if (def.kind === 'text' && e.vocabulary !== undefined)
      return { transform: this.textFact(e, def, scope, at), coerced: undefined };
    if (def.kind === 'object' || def.kind === 'text' || def.kind === 'texts')
      return { transform: this.textSplit(e, def, at), coerced: undefined };
    const { map, mapName } = this.check.valueMap(e, at);
    const vocabulary = this.check.codeVocabulary(e, def, at);
    const wanted: Coercion | undefined = e.as ?? defaultCoercion(def);
    let as = wanted;
    // a template that always gives a URI needs no check (it would give the value back as it is)
    if (as === 'uri' && e.template !== undefined && alwaysUri(String(e.template))) as = undefined;
    const changes = e.split !== undefined || map !== undefined || vocabulary !== undefined;
    // values the candidates coerced the same way come back unchanged from it (these coercions give
    // back what they give), unless nothing here changes them first or a default (not coerced) may come
    if (
      as !== undefined &&
      as === already &&
      !changes &&
      e.default === undefined &&
      IDEMPOTENT.has(as)
    )
      as = undefined;
    // what every value given went through last: this coercion, or (values unchanged) the one skipped
    const coerced =
      as !== undefined ? as : changes || e.default !== undefined ? undefined : (wanted ?? already);
    // nothing to do: the values as they are
    if (!changes && !as) return { transform: undefined, coerced };
    const steps: CodeSteps = {
      name: def.name,
      map,
      mapName,
      vocabulary,
      vocabularyName: vocabulary && vocabularyName(vocabulary),
      lookup: vocabulary?.lookupIn(this.check.profile.lineage ?? this.check.profile.id),
      fact: e.fact,
      as,
      unmapped: e.unmapped ?? 'report',
      conceptValues: vocabulary && as ? new Map<Concept, unknown>() : undefined,
    };
    const separator = e.split;
    const local = (c: Candidate, ctx: RecordContext): Candidate | undefined =>
      codeThroughSteps(c, ctx, false, steps);
    const common = (c: Candidate, ctx: RecordContext): Candidate | undefined =>
      codeThroughSteps(c, ctx, true, steps);
    const transform: Transform = (candidates, ctx, isDefault = false) =>
      copyOnChange(
        separator === undefined ? candidates : splitEach(candidates, separator),
        isDefault ? common : local,
        ctx,
      );
    return { transform, coerced };
  }

  /** Texts and objects: maps and vocabularies do not apply; keywords may be split. */
  private textSplit(e: EntrySpec, def: PropertyDef, at: YamlPath): Transform | undefined {
    if (e.map !== undefined || e.vocabulary !== undefined)
      this.check.problem(
        {
          en: `${def.name}: maps and vocabularies apply to codes, not to ${def.kind}`,
          fr: `${def.name} : tables et vocabulaires s’appliquent aux codes, pas à ${def.kind}`,
        },
        at,
      );
    if (e.split !== undefined && def.kind !== 'texts' && !e.languages)
      this.check.problem(
        {
          en: '`split` applies to lists and keywords',
          fr: '`split` s’applique aux listes et aux mots-clés',
        },
        [...at, 'split'],
      );
    if (e.split === undefined || def.kind !== 'texts') return undefined;
    const separator = e.split;
    // keywords given as one delimited string per language
    return (candidates) =>
      candidates.map((c) => ({
        ...c,
        value: Object.fromEntries(
          Object.entries(c.value as LangTexts).map(([l, list]) => [
            l,
            list.flatMap((t) =>
              t
                .split(separator)
                .map((x) => x.trim())
                .filter((x) => x),
            ),
          ]),
        ),
      }));
  }

  /** `vocabulary: profile`: the concept of a code of the profile's own code list (its label), made when first asked for. */
  private profileCodes(
    e: EntrySpec,
    scope: Scope,
    at: YamlPath,
    fact: string,
  ): { find: (code: string) => Record<string, unknown> | undefined; via: Bilingual } | undefined {
    const profile = this.check.profile;
    const p = e.from !== undefined ? this.check.path(e.from, scope, [...at, 'from']) : undefined;
    const list = p?.field?.vocabulary ? profile.vocabularies[p.field.vocabulary] : undefined;
    if (!list) {
      if (p)
        this.check.problem(
          {
            en: `\`vocabulary: ${PROFILE_CODES}\` reads a coded field of the profile (one with a \`vocabulary\`)`,
            fr: `\`vocabulary: ${PROFILE_CODES}\` lit un champ codé du profil (un champ qui a un \`vocabulary\`)`,
          },
          [...at, 'vocabulary'],
        );
      return undefined;
    }
    if (fact !== 'label')
      this.check.problem(
        {
          en: "the profile's code lists have one fact: label",
          fr: 'les listes de codes du profil ont un seul fait : label',
        },
        [...at, 'fact'],
      );
    const via = {
      en: `the ${list.id} code list of profile ${profile.id}`,
      fr: `la liste de codes ${list.id} du profil ${profile.id}`,
    };
    const lower = new Map([...list.codes.keys()].map((k) => [k.toLowerCase(), k]));
    // one concept per code (so that its text is made once too)
    const concepts = new Map<string, Record<string, unknown>>();
    const find = (code: string): Record<string, unknown> | undefined => {
      const key = list.codes.has(code) ? code : lower.get(code.toLowerCase());
      if (key === undefined) return undefined;
      let concept = concepts.get(key);
      if (concept === undefined)
        concepts.set(key, (concept = { code: key, label: list.codes.get(key) }));
      return concept;
    };
    return { find, via };
  }

  /**
   * A text fact of a code's concept (a place's name in English and French), or with
   * `vocabulary: profile` the label the profile gives the code.
   */
  private textFact(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): Transform | undefined {
    if (e.fact === undefined) {
      this.check.problem(
        {
          en: `${def.name} is text: with a vocabulary, say which text \`fact\` to take (label)`,
          fr: `${def.name} est du texte : avec un vocabulaire, dites quel \`fact\` textuel prendre (label)`,
        },
        [...at, 'vocabulary'],
      );
      return undefined;
    }
    if (e.map !== undefined || e.split !== undefined)
      this.check.problem(
        {
          en: `${def.name}: \`map\` and \`split\` do not go with a text fact`,
          fr: `${def.name} : \`map\` et \`split\` ne vont pas avec un fait textuel`,
        },
        at,
      );
    const fact = String(e.fact);
    let codes:
      | { find: (code: string) => Record<string, unknown> | undefined; via: Bilingual }
      | undefined;
    if (e.vocabulary === PROFILE_CODES) codes = this.profileCodes(e, scope, at, fact);
    else {
      const vocabulary = this.check.vocabulary(e, at);
      codes = vocabulary && {
        find: vocabulary.lookupIn(this.check.profile.lineage ?? this.check.profile.id),
        via: vocabularyName(vocabulary),
      };
    }
    if (!codes) return undefined;
    const { find, via } = codes;
    const unmapped = e.unmapped ?? 'report';
    const language = e.language ?? this.check.defaultLanguage;
    const name = def.name;
    const textOf = conceptTexts(fact, language);
    return (candidates, ctx) => {
      const out: Candidate[] = [];
      for (const c of candidates) {
        // the first language's text (a code read as text: one language)
        let code: unknown;
        for (const l in c.value as LangText) {
          code = (c.value as LangText)[l];
          break;
        }
        const source = c.sources[0];
        const concept = typeof code === 'string' ? find(code) : undefined;
        if (!concept) {
          if (unmapped === 'report')
            ctx.emit(unmappedFinding(code, join(ctx.prefix, name), via, source));
          if (unmapped === 'keep') out.push(c);
          continue;
        }
        const text = textOf(concept);
        if (text === null) continue;
        // a copy: the concept's text is shared by records, a candidate's may become the record's
        const value: LangText = {};
        for (const l in text) value[l] = text[l];
        let langSources: Record<string, string> | undefined;
        if (source) {
          langSources = {};
          for (const l in value) langSources[l] = source;
        }
        out.push({ value, sources: c.sources, langSources });
      }
      return out;
    };
  }
}

/**
 * A concept's text fact, made once per concept (concepts are a vocabulary's or a code list's, so
 * few) and never changed by what reads it; null when it has no text in any language.
 */
function conceptTexts(
  fact: string,
  language: string,
): (concept: Record<string, unknown>) => LangText | null {
  const texts = new Map<Record<string, unknown>, LangText | null>();
  return (concept) => {
    let value = texts.get(concept);
    if (value !== undefined) return value;
    const text = concept[fact];
    const made: LangText = {};
    if (typeof text === 'string' && text.trim()) made[language] = text.trim();
    else if (isPlainObject(text))
      for (const [l, t] of Object.entries(text))
        if (isLanguageTag(l) && typeof t === 'string' && t.trim()) made[l] = t.trim();
    value = Object.keys(made).length ? made : null;
    texts.set(concept, value);
    return value;
  };
}
