/**
 * The declared-ways ledger: for each property of the common model, where the crosswalk reads it
 * and each way an entry fills it. `compare` sets jurisdictions side by side from it, and findings
 * about missing values name the fields it lists.
 */
import type { PropertyDef } from '../model/properties.js';
import type { FieldPath } from '../profiles/fields.js';
import { filterOf, WILDCARD, type Segment } from '../util/paths.js';
import type { Scope, YamlPath } from './check.js';
import { join } from './names.js';
import type { EntrySpec } from './types.js';

/**
 * One way a crosswalk entry fills a property (an entry with `first`/`all` gives several), as
 * analysts compare jurisdictions (`passerelle compare`): where from, and how local values become
 * common ones.
 */
export interface Way {
  /** `field`: read from source fields; `constant`: `value`; `template`: a URI built from fields; `object`: a nested object (one per item of `fields` with `each`). */
  kind: 'field' | 'constant' | 'template' | 'object';
  /** Source fields in crosswalk syntax from the record root (`resources[*].format`, `contacts[role=custodian].email`). */
  fields: string[];
  /** The same fields as JSON Pointer patterns from the record root (`/resources/*\/format`). */
  pointers: string[];
  /** Local values go through a value map. */
  map?: boolean;
  /** …and/or through this vocabulary (`profile`: the labels of the profile's own code list). */
  vocabulary?: string;
  /** The constant of a `value:` entry. */
  value?: unknown;
  /** The template of a `template:` entry. */
  template?: string;
  /** For paired fields (`lang: {en, fr}`): the language this way gives. */
  language?: string;
  /** Only when a condition holds (`when`). */
  conditional?: boolean;
  /** Used when the source gives nothing. */
  default?: unknown;
  /** How several values become one (`most-frequent`, `min`, `max`, `prefer`). */
  combine?: string;
  /** `file:line:col` of the entry. */
  entry: string;
}

/** Where a property's values are read from, for findings about values that are missing. */
export interface Declared {
  /**
   * Where the property is read from, in the crosswalk's order: JSON Pointer patterns (`*` for each
   * item), relative to the item being built when `relative` (inside \`each\`).
   */
  sources: { path: string; relative: boolean; languageMap?: boolean }[];
  /** The same sources as patterns from the record root (`/resources/*\/format`): the fields read. */
  fields: string[];
  entry: string;
  /** Each way the crosswalk fills the property, in its order. */
  ways: Way[];
}

/** The field a path reads, as a pattern from its start: `*` for each item, and for the items a filter keeps. */
export function fieldPattern(segs: Segment[]): string {
  return segs
    .map((s) => `/${filterOf(s) ? WILDCARD : s.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** A path in crosswalk syntax: `resources[*].format`, `contacts[role=custodian].email`. */
function dotted(segs: Segment[]): string {
  return segs.reduce(
    (acc, s) =>
      s === WILDCARD
        ? `${acc}[*]`
        : /^\d+$/.test(s) || filterOf(s)
          ? `${acc}${/^\d+$/.test(s) ? `[${s}]` : s}`
          : acc
            ? `${acc}.${s}`
            : s,
    '',
  );
}

/** The declared source of a path: `*` for each item; a filter's items are unknown in advance, so the list itself. */
function pointerPattern(segs: Segment[]): string {
  const at = segs.findIndex((s) => filterOf(s) !== undefined);
  return (at < 0 ? segs : segs.slice(0, at))
    .map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

export class DeclaredWays {
  /** By property pattern (`distribution[*].format`, `title@en` for a paired language). */
  readonly byProperty = new Map<string, Declared>();
  /** The entries being compiled for the current property, outermost first (how a way transforms values). */
  private chain: EntrySpec[] = [];

  constructor(private readonly where: (at: YamlPath) => string) {}

  /** Starts the entries of a nested object; gives back what `endObject` restores. */
  beginObject(): EntrySpec[] {
    const outer = this.chain;
    this.chain = [];
    return outer;
  }

  endObject(outer: EntrySpec[]): void {
    this.chain = outer;
  }

  /** `build` run with `entry` the innermost of the entries being compiled. */
  within<T>(entry: EntrySpec, build: () => T): T {
    this.chain.push(entry);
    try {
      return build();
    } finally {
      this.chain.pop();
    }
  }

  /**
   * Records where a property is read from (`paths` as the entry wrote them, absolute or not) and,
   * with `kind`, the way the entry being compiled fills it (for comparisons).
   */
  declare(
    def: PropertyDef,
    scope: Scope,
    paths: FieldPath[],
    at: YamlPath,
    language?: string,
    kind?: Way['kind'],
  ): void {
    const key = join(scope.pattern, def.name) + (language ? `@${language}` : '');
    // a language map's languages are below it (`/title_translated/fr`); plain text has none
    const sources = paths.map((p) => ({
      path: pointerPattern(p.segs),
      relative: scope.relative && !p.absolute,
      ...(p.field?.type === 'text' || p.field?.type === 'tags' ? { languageMap: true } : {}),
    }));
    const fields = paths.map(
      (p) => (scope.relative && !p.absolute ? scope.base : '') + fieldPattern(p.segs),
    );
    let prev = this.byProperty.get(key);
    if (!prev) {
      prev = { sources: [], fields: [], entry: this.where(at), ways: [] };
      this.byProperty.set(key, prev);
    }
    for (const x of sources)
      if (!prev.sources.some((y) => y.path === x.path && y.relative === x.relative))
        prev.sources.push(x);
    for (const f of fields) if (!prev.fields.includes(f)) prev.fields.push(f);
    // a field's older names (aliases) are not ways of their own; a template's parts all are
    const n = kind === 'template' ? paths.length : 1;
    if (!kind) return;
    const way = this.way(kind, scope, paths.slice(0, n), fields.slice(0, n), at, language);
    // the same way again (a YAML alias, a part of a template used twice) is one way
    const same = (w: Way): boolean =>
      JSON.stringify({ ...w, entry: '' }) === JSON.stringify({ ...way, entry: '' });
    if (!prev.ways.some(same)) prev.ways.push(way);
  }

  /** The way the entries being compiled fill a property: their source, and what they do to the values. */
  private way(
    kind: Way['kind'],
    scope: Scope,
    paths: FieldPath[],
    pointers: string[],
    at: YamlPath,
    language?: string,
  ): Way {
    const chain = this.chain;
    const inner = chain[chain.length - 1] ?? {};
    const innermost = <K extends keyof EntrySpec>(key: K): EntrySpec | undefined =>
      [...chain].reverse().find((e) => e[key] !== undefined);
    const fields = [
      ...new Set(paths.map((p) => dotted([...(p.absolute ? [] : scope.display), ...p.segs]))),
    ];
    const w: Way = { kind, fields, pointers: [...new Set(pointers)], entry: this.where(at) };
    if (chain.some((e) => e.map !== undefined)) w.map = true;
    const vocabulary = innermost('vocabulary')?.vocabulary;
    if (vocabulary !== undefined) w.vocabulary = String(vocabulary);
    if (kind === 'constant') w.value = inner.value;
    if (kind === 'template') w.template = String(inner.template);
    if (language) w.language = language;
    if (chain.some((e) => e.when !== undefined)) w.conditional = true;
    const fallback = innermost('default');
    if (fallback) w.default = fallback.default;
    const combine = innermost('combine')?.combine;
    if (combine !== undefined) w.combine = typeof combine === 'object' ? 'prefer' : String(combine);
    return w;
  }
}
