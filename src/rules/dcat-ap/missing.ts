/** The findings of the `dcat-ap/*` rules: one per property missing at their obligation level. */
import { missingPropertiesAt, type MissingAt } from '../../model/obligations.js';
import { CLASSES, type Obligation, type PropertyDef } from '../../model/properties.js';
import type { RuleContext } from '../types.js';
import type { Bilingual } from '../../core/lang.js';

type Data = { class: Bilingual; label: Bilingual; iri: string };

/** Each property's message data, written once (a property belongs to one class; findings only read it). */
const dataOf = new WeakMap<PropertyDef, Data>();

/**
 * The record's missing properties at both levels, found in one walk and kept for the record: the
 * two rules run one after the other with the same context (a new one for each record).
 */
const LEVELS: readonly Obligation[] = Object.freeze(['mandatory', 'recommended']);
let last: { ctx: RuleContext; dataset: unknown; missing: MissingAt } | undefined;

export function reportMissing(ctx: RuleContext, obligation: 'mandatory' | 'recommended'): void {
  if (last?.ctx !== ctx || last.dataset !== ctx.dataset) last = { ctx, dataset: ctx.dataset, missing: missingPropertiesAt(ctx.dataset, LEVELS) };
  const missing = last.missing[obligation] ?? [];
  if (obligation === 'recommended') last = undefined; // the second of the two: nothing more to share
  for (const m of missing) {
    const { def } = m;
    let data = dataOf.get(def);
    if (!data) {
      // language maps: rendered in the report's language; frozen, so that each message is rendered once
      data = Object.freeze({
        class: Object.freeze({ en: CLASSES[m.class].label.en, fr: CLASSES[m.class].label.fr }),
        label: Object.freeze({ en: def.label.en.toLowerCase(), fr: def.label.fr.toLowerCase() }),
        iri: def.iri,
      });
      dataOf.set(def, data);
    }
    ctx.report({ messageId: 'missing', property: m.property, data });
  }
}
