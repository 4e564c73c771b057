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

/** The missing properties at each of several obligation levels, each list as `missingProperties` gives it. */
export type MissingAt = Partial<Record<Obligation, Missing[]>>;

/**
 * Per set of obligations and class, the properties worth looking at: those of the obligations and
 * the nested objects (built once per set and class: the sets asked for are few).
 */
type Relevant = {
  obligations: readonly Obligation[];
  byClass: Partial<Record<ClassName, PropertyDef[]>>;
};
const relevant = new Map<string, Relevant>();
/** The same, by the list asked with when it is frozen (the constant lists callers ask with): no key joined per walk. */
const relevantByList = new WeakMap<readonly Obligation[], Relevant>();
function relevantTo(obligations: readonly Obligation[]): Relevant {
  let r = relevantByList.get(obligations);
  if (r) return r;
  const key = obligations.join(' ');
  r = relevant.get(key);
  if (!r) relevant.set(key, (r = { obligations: [...obligations], byClass: {} }));
  if (Object.isFrozen(obligations)) relevantByList.set(obligations, r);
  return r;
}
function defsOf(r: Relevant, cls: ClassName): PropertyDef[] {
  return (r.byClass[cls] ??= CLASSES[cls].properties.filter(
    (def) =>
      (r.obligations.includes(def.obligation) && !def.extension) ||
      (def.kind === 'object' && def.class !== undefined),
  ));
}

/** One list per obligation level, the same at every call. */
const LEVEL_LISTS: Record<Obligation, readonly Obligation[]> = {
  mandatory: Object.freeze(['mandatory']),
  recommended: Object.freeze(['recommended']),
  optional: Object.freeze(['optional']),
};
const levelList = (obligation: Obligation): readonly Obligation[] =>
  Object.hasOwn(LEVEL_LISTS, obligation) ? LEVEL_LISTS[obligation] : [obligation];

export function missingProperties(dataset: Dataset, obligation: Obligation): Missing[] {
  return missingPropertiesAt(dataset, levelList(obligation))[obligation] as Missing[];
}

/** Several obligation levels in one walk of the record (the `dcat-ap/*` rules ask one after the other). */
export function missingPropertiesAt(
  dataset: Dataset,
  obligations: readonly Obligation[],
): MissingAt {
  const out: MissingAt = {};
  for (const o of obligations) out[o] = [];
  visit(dataset as Record<string, unknown>, 'Dataset', '', '', -1, relevantTo(obligations), out);
  return out;
}

/**
 * One node of class `cls`. Its path (`parent.name`, `parent.name[index]`; '' for the dataset) is
 * written only when something is missing in it: most nodes lack nothing.
 */
function visit(
  node: Record<string, unknown>,
  cls: ClassName,
  parent: string,
  name: string,
  index: number,
  relevant: Relevant,
  out: MissingAt,
): void {
  let path: string | undefined;
  for (const def of defsOf(relevant, cls)) {
    const value = node[def.name];
    const missing = out[def.obligation];
    if (missing && !def.extension && isEmpty(value)) {
      path ??= childPath(parent, name, index);
      missing.push({ property: path ? `${path}.${def.name}` : def.name, class: cls, def });
    }
    if (
      def.kind !== 'object' ||
      def.class === undefined ||
      value === null ||
      typeof value !== 'object'
    )
      continue;
    path ??= childPath(parent, name, index);
    if (!Array.isArray(value)) {
      visit(value as Record<string, unknown>, def.class, path, def.name, -1, relevant, out);
      continue;
    }
    for (let i = 0; i < value.length; i++) {
      if (i in value)
        visit(value[i], def.class, path, def.name, def.multiple ? i : -1, relevant, out); // holes skipped, as forEach does
    }
  }
}

function childPath(parent: string, name: string, index: number): string {
  const property = parent ? `${parent}.${name}` : name;
  return index < 0 ? property : `${property}[${index}]`;
}
