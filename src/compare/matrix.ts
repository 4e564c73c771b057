/**
 * The crosswalk matrix: for each property of the common record (rows, grouped by obligation) and
 * each jurisdiction (columns), the source fields its crosswalk reads and how the values get there.
 * Read from the compiled crosswalks (`Crosswalk.declared`), never from the YAML a second time.
 */
import type { Crosswalk } from '../crosswalk/crosswalk.js';
import type { Way } from '../crosswalk/declared.js';
import { CLASSES, type ClassName, type Obligation } from '../model/properties.js';
import type { Bilingual, LangText } from '../core/lang.js';
import type { FieldDef, Profile } from '../profiles/types.js';

/**
 * How a value reaches the common record: as it is (`direct`), through a value map, a vocabulary,
 * lifted from the resources to the dataset, a constant, a URI template, a nested object (one per
 * item of a list), or not at all (`missing`).
 */
export type MappingKind =
  | 'direct'
  | 'map'
  | 'vocabulary'
  | 'lifted'
  | 'constant'
  | 'template'
  | 'object'
  | 'missing';
/** Where the value comes from first, then what is done to it. */
export const MAPPING_KINDS: readonly MappingKind[] = [
  'direct',
  'constant',
  'template',
  'object',
  'map',
  'vocabulary',
  'lifted',
  'missing',
];

export const OBLIGATIONS: readonly Obligation[] = ['mandatory', 'recommended', 'optional'];

/** One way a jurisdiction fills a property (a crosswalk entry with `first`/`all` gives several). */
export interface CellWay {
  kinds: MappingKind[];
  /** Source fields, crosswalk syntax from the record root. */
  fields: string[];
  /** What each of `fields` is called in the profile's documentation (its `label`), for people; `fields` stays the path. */
  labels: Bilingual[];
  vocabulary?: string;
  value?: unknown;
  template?: string;
  /** Paired fields: the language this way gives. */
  language?: string;
  conditional?: boolean;
  combine?: string;
  default?: unknown;
  /** `file:line:col` of the crosswalk entry. */
  entry: string;
}

export interface Cell {
  /** The kinds of every way, in the order of `MAPPING_KINDS`; `['missing']` when the crosswalk does not fill the property. */
  kinds: MappingKind[];
  ways: CellWay[];
  /**
   * Missing where it should not be: a mandatory or recommended property, or one other jurisdictions
   * fill; a property of an object the crosswalk does not build at all is the object's gap, not its own.
   */
  gap: boolean;
}

export interface MatrixRow {
  /** Property path in the common record: `title`, `distribution[*].format`, `publisher.name`. */
  property: string;
  class: ClassName;
  obligation: Obligation;
  /** `Distribution › Format` in each language. */
  label: Bilingual;
  /** A row of an object property (publisher, distribution): its own properties follow. */
  object: boolean;
  /** The object row this property belongs to (`distribution` for `distribution[*].format`). */
  parent?: string;
  cells: Record<string, Cell>;
}

export interface Jurisdiction {
  id: string;
  name: LangText;
  /** The crosswalk file, as shown in messages. */
  crosswalk: string;
}

export interface Matrix {
  jurisdictions: Jurisdiction[];
  /** Rows grouped by obligation (mandatory, recommended, optional), each group in the property table's order. */
  rows: MatrixRow[];
}

/** Every property of the model, depth first in the table's order, with its path and label. */
export function modelRows(): Omit<MatrixRow, 'cells'>[] {
  const out: (Omit<MatrixRow, 'cells'> & { multiple: boolean })[] = [];
  const visit = (
    cls: ClassName,
    parent: string | undefined,
    label: Bilingual | undefined,
  ): void => {
    const prefix =
      parent === undefined
        ? ''
        : `${parent}${out.find((r) => r.property === parent)?.multiple ? '[*]' : ''}.`;
    for (const def of CLASSES[cls].properties) {
      const property = `${prefix}${def.name}`;
      const own = label
        ? { en: `${label.en} › ${def.label.en}`, fr: `${label.fr} › ${def.label.fr}` }
        : def.label;
      out.push({
        property,
        class: cls,
        obligation: def.obligation,
        label: own,
        object: def.kind === 'object',
        multiple: def.multiple,
        ...(parent ? { parent } : {}),
      });
      if (def.kind === 'object' && def.class) visit(def.class, property, own);
    }
  };
  visit('Dataset', undefined, undefined);
  return OBLIGATIONS.flatMap((o) => out.filter((r) => r.obligation === o)).map(
    ({ multiple: _m, ...r }) => r,
  );
}

/** The pointer pattern of the items distributions are built from (`/resources/*`), if any. */
function resourceItems(crosswalk: Crosswalk): string[] {
  return (crosswalk.declared.get('distribution')?.ways ?? [])
    .filter((w) => w.kind === 'object')
    .flatMap((w) => w.pointers);
}

/** `a.b[x=1.2].c` → `a`, `b`, `c`: the element names of a crosswalk field, filters and `[*]` left out. */
function segments(field: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of field) {
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '.' && depth === 0) {
      out.push(cur);
      cur = '';
    } else if (depth === 0) cur += ch;
  }
  return [...out, cur].filter((s) => s && s !== '*');
}

/** `gmd:organisationName` → `organisationName`. */
const local = (seg: string): string => seg.replace(/^[^:]*:/, '');
/** A property element (`gmd:title`, `name`), not a class wrapper (`gmd:CI_Citation`), a text node or an attribute. */
/** ISO 19139 wrappers of a text's translations: the element they translate names the field. */
const FREE_TEXT = new Set(['textGroup']);
const isProperty = (seg: string): boolean =>
  /^[a-z]/.test(local(seg)) && !FREE_TEXT.has(local(seg));

/**
 * A field as a steward knows it: the label of the deepest profile field on its path that has one
 * (`Title` for the whole HNAP title path), followed by the element it ends in when that is deeper
 * (`Publisher … › organisationName`); without a label, that element's name without namespace prefix.
 */
export function fieldLabel(profile: Profile, field: string): Bilingual {
  const segs = segments(field);
  let fields: Record<string, FieldDef> | undefined = profile.fields;
  let labelled: { at: number; label: Bilingual } | undefined;
  segs.forEach((seg, i) => {
    const def = fields?.[seg];
    fields = def?.fields;
    if (def?.label) {
      const en = def.label.en ?? def.label.fr ?? local(seg);
      labelled = { at: i, label: { en, fr: def.label.fr ?? en } };
    }
  });
  const last = segs.filter(isProperty).at(-1);
  const lastAt = last === undefined ? -1 : segs.lastIndexOf(last);
  if (labelled && lastAt <= labelled.at) return labelled.label;
  const name = local(last ?? segs.at(-1) ?? field);
  if (!labelled) return { en: name, fr: name };
  return { en: `${labelled.label.en} › ${name}`, fr: `${labelled.label.fr} › ${name}` };
}

function cellWay(way: Way, property: string, resources: string[], profile: Profile): CellWay {
  const kinds = new Set<MappingKind>();
  if (way.kind === 'constant') kinds.add('constant');
  else if (way.kind === 'template') kinds.add('template');
  else if (way.kind === 'object') kinds.add('object');
  if (way.map) kinds.add('map');
  if (way.vocabulary !== undefined) kinds.add('vocabulary');
  if (way.kind === 'field' && !way.map && way.vocabulary === undefined) kinds.add('direct');
  // a dataset property read from the fields of the items distributions are made of
  if (
    !property.startsWith('distribution') &&
    way.pointers.some((p) => resources.some((r) => p.startsWith(`${r}/`)))
  )
    kinds.add('lifted');
  const out: CellWay = {
    kinds: MAPPING_KINDS.filter((k) => kinds.has(k)),
    fields: way.fields,
    labels: way.fields.map((f) => fieldLabel(profile, f)),
    entry: way.entry,
  };
  if (way.vocabulary !== undefined) out.vocabulary = way.vocabulary;
  if (way.value !== undefined) out.value = way.value;
  if (way.template !== undefined) out.template = way.template;
  if (way.language !== undefined) out.language = way.language;
  if (way.conditional) out.conditional = true;
  if (way.combine !== undefined) out.combine = way.combine;
  if (way.default !== undefined) out.default = way.default;
  return out;
}

/** How one crosswalk fills one property: its ways (those of each language for paired fields). */
export function cellOf(crosswalk: Crosswalk, property: string): Omit<Cell, 'gap'> {
  const resources = resourceItems(crosswalk);
  const ways: CellWay[] = [];
  for (const [key, d] of crosswalk.declared) {
    if (key !== property && !key.startsWith(`${property}@`)) continue;
    for (const w of d.ways) ways.push(cellWay(w, property, resources, crosswalk.profile));
  }
  const kinds = new Set(ways.flatMap((w) => w.kinds));
  return { kinds: ways.length ? MAPPING_KINDS.filter((k) => kinds.has(k)) : ['missing'], ways };
}

/** The matrix of several jurisdictions' crosswalks, columns in the order given. */
export function crosswalkMatrix(crosswalks: readonly Crosswalk[]): Matrix {
  const jurisdictions = crosswalks.map((c) => ({
    id: c.profile.id,
    name: c.profile.name,
    crosswalk: c.file,
  }));
  const missing = (c: Crosswalk, property: string): boolean =>
    !c.declared.has(property) && ![...c.declared.keys()].some((k) => k.startsWith(`${property}@`));
  const rows: MatrixRow[] = modelRows().map((r) => {
    const cells: Record<string, Cell> = {};
    const othersFill = crosswalks.some((c) => !missing(c, r.property));
    for (const c of crosswalks) {
      const cell = cellOf(c, r.property);
      const built = r.parent === undefined || !missing(c, r.parent);
      cells[c.profile.id] = {
        ...cell,
        gap: cell.kinds[0] === 'missing' && built && (r.obligation !== 'optional' || othersFill),
      };
    }
    return { ...r, cells };
  });
  return { jurisdictions, rows };
}
