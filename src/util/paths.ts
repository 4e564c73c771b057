/**
 * Paths into records. Two spellings, one meaning:
 * - dotted: `resources[*].format`, `title_translated.en`, `resources.0.url`
 * - JSON Pointer (RFC 6901): `/resources/*\/format`, `/title_translated/en`
 * `*` expands every item of an array (or value of an object). Segments are strings;
 * a numeric segment indexes an array. A name applied to an array applies to each item (as in
 * XPath), so that `gmd:keyword.gco:CharacterString` reaches every keyword of an XML record.
 * A filter `[path=value]` (dotted form only) keeps the items where the path (relative to the item)
 * reaches `value`: `gmd:LocalisedCharacterString[@locale=#fra]`, `extras[key=purpose].value`.
 */
export const WILDCARD = '*';

/** A filter segment `[key=value]`, or undefined for other segments. */
export function filterOf(seg: Segment): { key: string; value: string } | undefined {
  const m = /^\[([^\]=]+)=([^\]]*)\]$/.exec(seg);
  return m ? { key: m[1], value: m[2] } : undefined;
}

/** Segments that select items rather than name a field: `*`, an index, a filter. */
export function isSelector(seg: Segment): boolean {
  return seg === WILDCARD || /^\d+$/.test(seg) || filterOf(seg) !== undefined;
}
export type Segment = string;

/** A path that does not parse; `fr`: the message in French. */
export class PathError extends Error {
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
  }
}

export function isPointer(path: string): boolean {
  return path === '' || path.startsWith('/');
}

export function parsePath(path: string): Segment[] {
  if (typeof path !== 'string')
    throw new PathError(
      `path must be a string, got ${typeof path}`,
      `un chemin est du texte, pas ${typeof path}`,
    );
  if (isPointer(path)) {
    if (path === '') return [];
    return path
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  const out: Segment[] = [];
  const re = /([^.[\]]+)|\[(\*|\d+)\]|(\[[^\]=]+=[^\]]*\])|(\.)/gy;
  let m: RegExpExecArray | null;
  let expectName = true;
  let last = 0;
  while ((m = re.exec(path)) !== null) {
    last = re.lastIndex;
    if (m[1] !== undefined) {
      if (!expectName)
        throw new PathError(
          `invalid path "${path}": missing "." before "${m[1]}"`,
          `chemin non valide « ${path} » : il manque « . » avant « ${m[1]} »`,
        );
      out.push(m[1]);
      expectName = false;
    } else if (m[2] !== undefined || m[3] !== undefined) {
      if (expectName && out.length > 0)
        throw new PathError(
          `invalid path "${path}": "[" after "."`,
          `chemin non valide « ${path} » : « [ » après « . »`,
        );
      out.push(m[2] ?? m[3]);
      expectName = false;
    } else {
      if (expectName)
        throw new PathError(
          `invalid path "${path}": empty segment`,
          `chemin non valide « ${path} » : segment vide`,
        );
      expectName = true;
    }
  }
  if (last !== path.length || expectName || out.length === 0) {
    throw new PathError(`invalid path "${path}"`, `chemin non valide « ${path} »`);
  }
  return out;
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Dotted display form of a pointer: `/resources/0/format` → `resources[0].format`. */
export function pointerToDotted(pointer: string): string {
  return parsePath(pointer).reduce(
    (acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s),
    '',
  );
}

export interface Located {
  value: unknown;
  /** Absolute JSON Pointer of the value inside the record. */
  pointer: string;
}

const own = Object.prototype.hasOwnProperty;

/** A segment read once: what it selects, and its name already escaped for pointers. */
type Step =
  | { kind: 'name'; name: string; escaped: string; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; key: Segment[]; value: string };

/** Paths are compiled once (crosswalks and rules hold their segments for the whole run). */
const compiled = new WeakMap<readonly Segment[], Step[]>();

function stepsOf(segments: readonly Segment[]): Step[] {
  let steps = compiled.get(segments);
  if (!steps) {
    steps = segments.map((seg): Step => {
      if (seg === WILDCARD) return { kind: 'wildcard' };
      const filter = filterOf(seg);
      if (filter) return { kind: 'filter', key: parsePath(filter.key), value: filter.value };
      return {
        kind: 'name',
        name: seg,
        escaped: toPointer([seg]),
        index: /^\d+$/.test(seg) ? Number(seg) : -1,
      };
    });
    compiled.set(segments, steps);
  }
  return steps;
}

/** Every value the path reaches from `root` (wildcards expand). Missing branches yield nothing. */
export function getAll(root: unknown, segments: readonly Segment[], base = ''): Located[] {
  const out: Located[] = [];
  walk(out, stepsOf(segments), root, 0, base);
  return out;
}

/**
 * Pointers made once and kept (`/resources/2` + `/url`): records share their shape, so the same
 * pointers come back in every record, and each is built once instead of again for every record.
 * `step`: an escaped segment (`/url`) or an item's index. Bounded: past
 * MAX_POINTERS, started again.
 */
const pointers = new Map<string, Map<string | number, string>>();
let pointerCount = 0;
const MAX_POINTERS = 20000;

function below(base: string, step: string | number): string {
  let inner = pointers.get(base);
  if (inner === undefined) {
    if (pointerCount >= MAX_POINTERS) {
      pointers.clear();
      pointerCount = 0;
    }
    pointers.set(base, (inner = new Map()));
  }
  let pointer = inner.get(step);
  if (pointer === undefined) {
    pointer = typeof step === 'number' ? `${base}/${step}` : base + step;
    inner.set(step, pointer);
    pointerCount++;
  }
  return pointer;
}

/** `base` + an escaped segment (`/url`), as a kept pointer (for readers outside this module). */
export function pointerBelow(base: string, escaped: string): string {
  return base === '' ? escaped : below(base, escaped);
}

/**
 * The field a path names when it is one plain name (`url`, not `resources[*]` nor `0`), with its
 * name escaped for pointers: such a path read on an object is that field, read directly (on a list
 * it applies to each item: use `reader`).
 */
export function plainField(
  segments: readonly Segment[],
): { name: string; escaped: string } | undefined {
  const steps = stepsOf(segments);
  if (steps.length !== 1) return undefined;
  const step = steps[0];
  return step.kind === 'name' && step.index < 0
    ? { name: step.name, escaped: step.escaped }
    : undefined;
}

/**
 * `getAll` for one path, its segments read once: for paths read in every record (the crosswalk's).
 * The result is the same as getAll's, a new list each time.
 */
export function reader(segments: readonly Segment[]): (root: unknown, base?: string) => Located[] {
  const steps = stepsOf(segments);
  if (steps.length === 1 && steps[0].kind === 'name' && steps[0].index < 0) {
    // one field (most paths): read directly, unless it is below a list (a name applies to each item)
    const { name, escaped } = steps[0];
    return (root, base = '') => {
      if (root === null || typeof root !== 'object') return [];
      if (Array.isArray(root)) {
        const out: Located[] = [];
        walk(out, steps, root, 0, base);
        return out;
      }
      if (!own.call(root, name)) return [];
      const value = (root as Record<string, unknown>)[name];
      return value === undefined
        ? []
        : [{ value, pointer: base === '' ? escaped : below(base, escaped) }];
    };
  }
  if (steps.every((s) => s.kind === 'name' && s.index < 0)) {
    // fields of fields (`organization.name`): straight down as walk goes, one value at most, unless
    // a list is met on the way (then walk goes on from there)
    const names = steps as { kind: 'name'; name: string; escaped: string }[];
    return (root, base = '') => {
      let node = root;
      let pointer = base;
      for (let i = 0; i < names.length; i++) {
        if (node === null || typeof node !== 'object') return [];
        if (Array.isArray(node)) {
          const out: Located[] = [];
          walk(out, steps, node, i, pointer);
          return out;
        }
        const step = names[i];
        if (!own.call(node, step.name)) return [];
        node = (node as Record<string, unknown>)[step.name];
        pointer = pointer === '' ? step.escaped : below(pointer, step.escaped);
      }
      return node === undefined ? [] : [{ value: node, pointer }];
    };
  }
  return (root, base = '') => {
    const out: Located[] = [];
    walk(out, steps, root, 0, base);
    return out;
  };
}

function walk(out: Located[], steps: Step[], node: unknown, i: number, pointer: string): void {
  // names on objects (most paths, most of the way): straight down, without recursion
  while (i < steps.length) {
    if (node === null || typeof node !== 'object') return;
    const step = steps[i];
    if (step.kind !== 'name' || Array.isArray(node)) break;
    if (!own.call(node, step.name)) return;
    node = (node as Record<string, unknown>)[step.name];
    pointer = pointer === '' ? step.escaped : below(pointer, step.escaped);
    i++;
  }
  if (i === steps.length) {
    if (node !== undefined) out.push({ value: node, pointer });
    return;
  }
  // a selector, or an array: `node` is an object here
  const step = steps[i];
  if (step.kind === 'filter') {
    const keep = (v: unknown): boolean =>
      v !== null &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      getAll(v, step.key).some((x) => String(x.value) === step.value);
    if (Array.isArray(node))
      node.forEach((v, k) => keep(v) && walk(out, steps, v, i + 1, `${pointer}/${k}`));
    else if (keep(node)) walk(out, steps, node, i + 1, pointer);
    return;
  }
  if (step.kind === 'wildcard') {
    if (Array.isArray(node))
      for (let k = 0; k < node.length; k++) walk(out, steps, node[k], i + 1, below(pointer, k));
    else
      for (const k of Object.keys(node as object))
        walk(out, steps, (node as Record<string, unknown>)[k], i + 1, pointer + toPointer([k]));
    return;
  }
  const list = node as unknown[];
  if (step.index >= 0) {
    if (step.index < list.length)
      walk(out, steps, list[step.index], i + 1, `${pointer}/${step.name}`);
  } else {
    for (let k = 0; k < list.length; k++) walk(out, steps, list[k], i, `${pointer}/${k}`); // a name applies to each item
  }
}

export function hasWildcard(segments: readonly Segment[]): boolean {
  return segments.includes(WILDCARD);
}
