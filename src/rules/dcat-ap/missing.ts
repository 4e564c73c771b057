/** The findings of the `dcat-ap/*` rules: one per property missing at their obligation level. */
import { missingProperties } from '../../model/obligations.js';
import { CLASSES, type Obligation, type PropertyDef } from '../../model/properties.js';
import type { RuleContext } from '../types.js';

type Data = { class: { en: string; fr: string }; label: { en: string; fr: string }; iri: string };

/** Each property's message data, written once (a property belongs to one class; findings only read it). */
const dataOf = new WeakMap<PropertyDef, Data>();

export function reportMissing(ctx: RuleContext, obligation: Obligation): void {
  for (const m of missingProperties(ctx.dataset, obligation)) {
    const { def } = m;
    let data = dataOf.get(def);
    if (!data) {
      // language maps: rendered in the report's language
      data = { class: CLASSES[m.class].label, label: { en: def.label.en.toLowerCase(), fr: def.label.fr.toLowerCase() }, iri: def.iri };
      dataOf.set(def, data);
    }
    ctx.report({ messageId: 'missing', property: m.property, data });
  }
}
