/**
 * The licence entry of a draft crosswalk's distributions: a field of licence codes (of the record
 * or of each resource), else one licence every record names in a text, else a field named like a
 * licence whose values the licence vocabulary does not know yet.
 */
import type { EntrySpec } from '../crosswalk/types.js';
import { type InferredField, pathOf, pointerOf } from './fields.js';
import { type DraftContext, type DraftEntry, entryFor, unknownValues } from './entries.js';
import { isLocalisedText } from './languages.js';
import { within } from './matching.js';
import { LICENCE_NAMES, nameScore, type Shape } from './synonyms.js';

/** The licence: a field of licence codes (of the record or of each item), else one licence every record names in a text. */
export function licenceEntry(
  context: DraftContext,
  item: InferredField | undefined,
): DraftEntry | undefined {
  const target = {
    property: 'distribution[*].license',
    vocabulary: 'licence',
    shape: 'any' as Shape,
  };
  const named = context.fields
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
    const spec = entryFor(context, target, f, inItem ? item : undefined) as EntrySpec;
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
    const unknown = chosen
      .filter((x) => !x.known)
      .map((x) => unknownValues(context, x.f, 'licence'));
    return {
      entry: entries.length === 1 ? entries[0] : { first: entries },
      why: `${chosen.map((x) => pathOf(x.f)).join(', then ')}: licence codes (${best.f.sample.slice(0, 3).join(', ')})`,
      ...(unknown.length ? { todo: unknown.join('; ') } : {}),
    };
  }
  // one licence every record names in a text (ISO 19139 use limitations)
  const constant = licenceInText(context);
  if (constant) return constant;
  if (best)
    return {
      entry: read(best.f),
      why: `${pathOf(best.f)}: named like a licence`,
      todo: unknownValues(context, best.f, 'licence'),
    };
  return undefined;
}

/** One licence every record names in a text field, by its label or its address: a constant entry. */
function licenceInText(context: DraftContext): DraftEntry | undefined {
  const v = context.vocabularies.get('licence');
  if (!v) return undefined;
  const needles = v.concepts.flatMap((c) => [
    ...Object.values(c.label ?? {})
      .filter((l): l is string => typeof l === 'string' && l.length > 8)
      .map((l) => ({ c, text: l.toLowerCase() })),
    ...[c.uri, ...(c.aliases ?? [])]
      .filter((u) => /^https?:\/\//.test(u))
      .map((u) => ({ c, text: u.toLowerCase().replace(/^https?:\/\//, '') })),
  ]);
  for (const f of context.fields) {
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
