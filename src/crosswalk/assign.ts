/**
 * Assignment with provenance: the candidates of one property put on the object being built, with
 * the property's cardinality and the crosswalk's way of combining them, and each value's sources
 * written to the record's provenance.
 */
import type { PropertyDef } from '../model/properties.js';
import type { Provenance } from '../model/types.js';
import { shown } from '../util/show.js';
import { candidateValue } from './candidates.js';
import type { Candidate, RecordContext } from './context.js';
import { copyOnChange } from './copy-on-change.js';
import type { PropertyNames } from './names.js';
import type { Combine } from './types.js';

/** A property of an object, as compiled: how its values are put on the object. */
export interface PropertyAssignment {
  def: PropertyDef;
  combine: Combine;
  /** Whether disagreeing values are reported when one is picked. */
  conflict: boolean;
  /** `file:line:col` of the entry, for provenance. */
  where: string;
}

/** Puts the candidates of one property on the object, with cardinality and provenance. */
export function assign(
  out: Record<string, unknown>,
  p: PropertyAssignment,
  candidates: Candidate[],
  ctx: RecordContext,
  names: PropertyNames,
): void {
  const { def } = p;
  if (def.kind === 'text' || def.kind === 'texts') {
    const merged = mergeTexts(p, candidates, ctx, names);
    if (merged) out[def.name] = merged;
    return;
  }
  if (def.kind === 'object') {
    // objects wrote their own provenance while they were built
    out[def.name] = def.multiple ? candidates.map(candidateValue) : candidates[0].value;
    return;
  }
  // candidates with the same value are one (the first keeps its sources)
  const distinct = firstOfEach(candidates);
  if (def.multiple) {
    for (let i = 0; i < distinct.length; i++)
      ctx.provenance.push({ property: names.item(i), source: distinct[i].sources, entry: p.where });
    out[def.name] = distinct.map(candidateValue);
    return;
  }
  const chosen = pick(distinct, candidates, p.combine);
  const property = names.property;
  if (distinct.length > 1 && p.conflict) {
    ctx.emit({
      ruleId: 'profile/conflicting-values',
      messageId: 'conflict',
      data: {
        property,
        values: distinct.map((c) => shown(c.value)).join(', '),
        chosen: chosen.value,
      },
      property,
      sourcePath: distinct[1].sources[0],
      value: distinct.map((c) => c.value),
    });
  }
  out[def.name] = chosen.value;
  ctx.provenance.push({ property, source: chosen.sources, entry: p.where });
}

/**
 * The language texts of a text property (`text`: the first text of each language; `texts`: every
 * distinct text of each language), each language's source written to the provenance once.
 */
function mergeTexts(
  p: PropertyAssignment,
  candidates: Candidate[],
  ctx: RecordContext,
  names: PropertyNames,
): Record<string, unknown> | undefined {
  const single = p.def.kind === 'text';
  // one text: its object is the property's value as it is (made for this record), not copied
  const whole = single && candidates.length === 1;
  let merged: Record<string, unknown> | undefined;
  // the texts of each language so far (`texts`): one look-up per text, not a scan of the list
  const seen = single ? undefined : new Map<string, Set<string>>();
  for (const c of candidates) {
    const value = c.value as Record<string, unknown>;
    // (for…in: a text value is an object made here, its keys language tags, none inherited)
    for (const lang in value) {
      const text = value[lang];
      // whether this language is new to this property (its first value in this call)
      let added = true;
      if (whole) merged = value;
      else if (single) {
        merged ??= {};
        if (merged[lang] !== undefined) continue;
        merged[lang] = text;
      } else {
        merged ??= {};
        let list = merged[lang] as string[] | undefined;
        if (list === undefined) merged[lang] = list = [];
        else added = false;
        appendDistinct(list, setOf(seen as Map<string, Set<string>>, lang), text as string[]);
      }
      const key = names.language(lang);
      // a property is put once per object, so a language new here is new to the record, unless
      // the crosswalk builds two objects at one place (then `provenanceKeys` says)
      const keys = ctx.provenanceKeys;
      if (keys === undefined ? added : !keys.has(key)) {
        keys?.add(key);
        ctx.provenance.push(languageProvenance(c, lang, key, p.where));
      }
    }
  }
  return merged;
}

/** The provenance of one language of a text candidate. */
function languageProvenance(
  c: Candidate,
  lang: string,
  property: string,
  entry: string,
): Provenance {
  const langSources = c.langSources;
  // plain text: its one source is the language's (provenance lists are never changed: shared)
  if (langSources === undefined && c.sources.length === 1 && c.sources[0] !== '')
    return { property, source: c.sources, entry };
  const source = langSources?.[lang] ?? c.sources[0];
  return { property, source: source ? [source] : [], entry };
}

function pick(distinct: Candidate[], all: Candidate[], combine: Combine): Candidate {
  if (typeof combine === 'object') {
    const rank = (c: Candidate): number => {
      const i = combine.prefer.indexOf(String(c.value));
      return i < 0 ? combine.prefer.length : i;
    };
    return distinct.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  }
  switch (combine) {
    case 'most-frequent': {
      let best = distinct[0];
      let bestCount = 0;
      for (const d of distinct) {
        const n = all.filter((c) => c.value === d.value).length;
        if (n > bestCount) [best, bestCount] = [d, n];
      }
      return best;
    }
    case 'min':
      return distinct.reduce((a, b) => (compare(b.value, a.value) < 0 ? b : a));
    case 'max':
      return distinct.reduce((a, b) => (compare(b.value, a.value) > 0 ? b : a));
    default:
      return distinct[0];
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** The texts not in `seen` appended to `list`, in order (`seen`: what `list` holds). */
function appendDistinct(list: string[], seen: Set<string>, texts: readonly string[]): void {
  for (const t of texts) {
    if (seen.has(t)) continue;
    seen.add(t);
    list.push(t);
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/**
 * Candidates with the same value (`===`) as one: the first keeps its sources. By a set, not a
 * comparison of each with those before it (a record may give thousands of values); NaN, which
 * `===` never finds equal, stays apart each time. `candidates` itself when all differ.
 */
function firstOfEach(candidates: Candidate[]): Candidate[] {
  return copyOnChange(candidates, firstTime, new Set<unknown>());
}

/** The candidate when its value is not in `seen` (then added), else none. */
function firstTime(c: Candidate, seen: Set<unknown>): Candidate | undefined {
  if (seen.has(c.value) && !Number.isNaN(c.value)) return undefined;
  seen.add(c.value);
  return c;
}
