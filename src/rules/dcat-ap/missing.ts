/** The findings of the `dcat-ap/*` rules: one per property missing at their obligation level. */
import { missingPropertiesAt, type MissingAt } from '../../model/obligations.js';
import { CLASSES, type Obligation, type PropertyDef } from '../../model/properties.js';
import type { RecordInput, RuleContext } from '../types.js';
import type { Bilingual } from '../../core/lang.js';

type Data = { class: Bilingual; label: Bilingual; iri: string };

/**
 * Each property's message data, written once: it depends on the property alone (a property
 * belongs to one class), constant data, so it is kept for the process.
 */
const dataOf = new WeakMap<PropertyDef, Data>();

const LEVELS: readonly Obligation[] = Object.freeze(['mandatory', 'recommended']);
/** The record's missing properties at both levels, found in one walk (the record's memo keeps it for the other rule). */
const missingAtBothLevels = (record: RecordInput): MissingAt =>
  missingPropertiesAt(record.dataset, LEVELS);

export function reportMissing(ctx: RuleContext, obligation: 'mandatory' | 'recommended'): void {
  for (const m of ctx.memo(missingAtBothLevels)[obligation] ?? []) {
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
