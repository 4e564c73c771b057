/**
 * How a draft crosswalk entry reads the field chosen for a property: its path, or the English and
 * French pair, the localised text, the vocabulary, the split or the coercion its values need; and
 * the note a reviewer gets when a vocabulary does not know some of its values.
 */
import type { EntrySpec } from '../crosswalk/types.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { type InferredField, pathOf, pointerOf } from './fields.js';
import { localisedBelow, type MainLanguage } from './languages.js';
import { shares } from './matching.js';
import type { Shape } from './synonyms.js';

/** A draft entry with the notes a reviewer needs. */
export interface DraftEntry {
  entry: string | EntrySpec;
  /** Why this field (shown as a comment). */
  why: string;
  /** Not sure: a TODO comment says what to check. */
  todo?: string;
}

/** What drafting entries needs to know of the sample and of the draft profile. */
export interface DraftContext {
  /** Every field of the draft profile, depth first. */
  readonly fields: readonly InferredField[];
  readonly vocabularies: VocabularyRegistry;
  /** The draft profile's id (vocabularies know notations per profile). */
  readonly profile: string;
  /** Language of untagged text. */
  readonly language?: 'en' | 'fr';
  /** The records' main language field, when records say which language their text is in. */
  readonly mainLanguage?: MainLanguage;
}

/** The entry reading one field for a target (language pairs, localised text, vocabularies, splits, coercions). */
export function entryFor(
  context: DraftContext,
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
    const main = context.language ?? 'en';
    if (context.mainLanguage?.french.length) {
      // inside `each`, the record's language is read from the record root
      const path = item
        ? pointerOf(context.mainLanguage.field)
        : pathOf(context.mainLanguage.field);
      return {
        first: [
          { when: { path, in: [...context.mainLanguage.french] }, ...pair('fr') },
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

/** What to do about values a vocabulary does not know. */
export function unknownValues(context: DraftContext, f: InferredField, id: string): string {
  const v = context.vocabularies.get(id);
  const unknown = f.sample.filter((x) => !v?.lookup(x, context.profile));
  return `values the ${id} vocabulary does not know (${unknown.slice(0, 4).join(', ')}): add them as notations of ${context.profile} in crosswalks/vocabularies/${id}.yaml`;
}
