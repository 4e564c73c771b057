/**
 * Which properties of a common record are missing at an obligation level, following the property
 * table into nested classes (distributions, the publisher, periods of time). The `dcat-ap/*` rules
 * and the MQA "DCAT-AP compliance" indicator all read obligations from here.
 */
import type { Dataset } from './types.js';
import { CLASSES, type ClassName, type Obligation, type PropertyDef } from './properties.js';
import { isEmpty } from '../util/empty.js';

export interface Missing {
  /** Property path in the common record: `description`, `distribution[1].accessURL`. */
  property: string;
  class: ClassName;
  def: PropertyDef;
}

/** Per class and obligation, the properties worth looking at: those of the obligation and the nested objects (built once). */
const relevant: Record<Obligation, Partial<Record<ClassName, PropertyDef[]>>> = { mandatory: {}, recommended: {}, optional: {} };
function relevantOf(cls: ClassName, obligation: Obligation): PropertyDef[] {
  return (relevant[obligation][cls] ??= CLASSES[cls].properties.filter(
    (def) => (def.obligation === obligation && !def.extension) || (def.kind === 'object' && def.class !== undefined),
  ));
}

export function missingProperties(dataset: Dataset, obligation: Obligation): Missing[] {
  const out: Missing[] = [];
  const visit = (node: Record<string, unknown>, cls: ClassName, path: string): void => {
    for (const def of relevantOf(cls, obligation)) {
      const value = node[def.name];
      const missing = def.obligation === obligation && !def.extension && isEmpty(value);
      const nested = def.kind === 'object' && def.class !== undefined && value !== null && typeof value === 'object';
      if (!missing && !nested) continue;
      const property = path ? `${path}.${def.name}` : def.name;
      if (missing) out.push({ property, class: cls, def });
      if (nested) {
        const items = Array.isArray(value) ? value : [value];
        items.forEach((item, i) => visit(item as Record<string, unknown>, def.class as ClassName, def.multiple ? `${property}[${i}]` : property));
      }
    }
  };
  visit(dataset as Record<string, unknown>, 'Dataset', '');
  return out;
}
