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
  visit(dataset as Record<string, unknown>, 'Dataset', '', '', -1, obligation, out);
  return out;
}

/**
 * One node of class `cls`. Its path (`parent.name`, `parent.name[index]`; '' for the dataset) is
 * written only when something is missing in it: most nodes lack nothing.
 */
function visit(node: Record<string, unknown>, cls: ClassName, parent: string, name: string, index: number, obligation: Obligation, out: Missing[]): void {
  let path: string | undefined;
  for (const def of relevantOf(cls, obligation)) {
    const value = node[def.name];
    if (def.obligation === obligation && !def.extension && isEmpty(value)) {
      path ??= childPath(parent, name, index);
      out.push({ property: path ? `${path}.${def.name}` : def.name, class: cls, def });
    }
    if (def.kind !== 'object' || def.class === undefined || value === null || typeof value !== 'object') continue;
    path ??= childPath(parent, name, index);
    if (!Array.isArray(value)) {
      visit(value as Record<string, unknown>, def.class, path, def.name, -1, obligation, out);
      continue;
    }
    for (let i = 0; i < value.length; i++) {
      if (i in value) visit(value[i], def.class, path, def.name, def.multiple ? i : -1, obligation, out); // holes skipped, as forEach does
    }
  }
}

function childPath(parent: string, name: string, index: number): string {
  const property = parent ? `${parent}.${name}` : name;
  return index < 0 ? property : `${property}[${index}]`;
}
