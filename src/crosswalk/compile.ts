/**
 * Compiles a crosswalk (YAML) into one function from a source record to a common record: ties
 * the parts together, and puts together the entries made of other entries (`each`, `first`,
 * `all`, `object`). Checking is in check.ts, the declared-ways ledger in declared.ts, reading
 * values in producers.ts, changing them in transformers.ts, assigning them in assign.ts.
 */
import type { ClassName, PropertyDef } from '../model/properties.js';
import type { Profile } from '../profiles/types.js';
import type { Coercion } from '../util/coerce.js';
import { filterOf, hasWildcard, WILDCARD, type Located } from '../util/paths.js';
import type { YamlSource } from '../util/yaml.js';
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { assign, type PropertyAssignment } from './assign.js';
import { explode, isPlainObject, NO_SOURCES, parseJsonText } from './candidates.js';
import { CrosswalkCheck, type LintIssue, type Scope, type YamlPath } from './check.js';
import {
  descend,
  reader,
  type Candidate,
  type CompiledEntry,
  type RecordContext,
} from './context.js';
import { DeclaredWays, fieldPattern, type Declared } from './declared.js';
import { ITEM_NAMES, join, MAX_PREFIXES, PropertyNames, PROPERTY_NAMES } from './names.js';
import { Producers } from './producers.js';
import { Transformers } from './transformers.js';
import type { CrosswalkFile, EntrySpec } from './types.js';

/** A compiled crosswalk: a source record (in its context) to a common record. */
export type CompiledCrosswalk = (ctx: RecordContext) => Record<string, unknown>;

export class Compiler {
  private readonly check: CrosswalkCheck;
  private readonly ledger: DeclaredWays;
  private readonly producers: Producers;
  private readonly transformers: Transformers;
  /** Compiled entries whose every value went last through this coercion (see `Transformers.transformer`). */
  private readonly coercedBy = new WeakMap<CompiledEntry, Coercion>();
  /**
   * Whether two objects may be built at one place of the common record (and so the same property
   * twice): `all` of objects for one object, or for one item of `each`. Elsewhere each object has a
   * place of its own (`first` builds one; lists number theirs).
   */
  private samePlace = false;

  constructor(yaml: YamlSource<CrosswalkFile>, profile: Profile, vocabularies: VocabularyRegistry) {
    this.check = new CrosswalkCheck(yaml, profile, vocabularies);
    this.ledger = new DeclaredWays((at) => this.check.where(at));
    this.producers = new Producers(this.check, this.ledger);
    this.transformers = new Transformers(this.check);
  }

  /** The problems found, with file:line:col. */
  get issues(): LintIssue[] {
    return this.check.issues;
  }

  /** The declared-ways ledger, by property pattern. */
  get declared(): Map<string, Declared> {
    return this.ledger.byProperty;
  }

  compile(): CompiledCrosswalk | undefined {
    const dataset = this.check.top();
    if (!dataset) return undefined;
    const scope: Scope = {
      fields: this.check.profile.fields,
      cls: 'Dataset',
      pattern: '',
      relative: false,
      base: '',
      at: ['dataset'],
      display: [],
    };
    const build = this.compileObject(dataset, scope);
    if (!this.samePlace) return build;
    return (ctx) => {
      ctx.provenanceKeys = new Set();
      return build(ctx);
    };
  }

  /** An object of the common model: each key a property of `scope.cls`. */
  private compileObject(spec: Record<string, unknown>, scope: Scope): CompiledCrosswalk {
    const parts: (PropertyAssignment & { entry: CompiledEntry })[] = [];
    const outer = this.ledger.beginObject();
    for (const [name, raw] of Object.entries(spec)) {
      const at = [...scope.at, name];
      const def = this.check.property(name, scope, at);
      if (!def) continue;
      const spec = this.check.entry(raw, at);
      if (!spec) continue;
      const entry = this.compileEntry(spec, def, scope, at);
      if (!entry) continue;
      const combine = this.check.combine(spec, def, at);
      const conflict = this.check.conflict(spec, combine);
      parts.push({ def, entry, combine, conflict, where: this.check.where(at) });
    }
    this.ledger.endObject(outer);
    // the parts' names below each prefix (`distribution[2]`): the same few in every record
    const named = new Map<string, PropertyNames[]>();
    return (ctx) => {
      const out: Record<string, unknown> = {};
      let names = named.get(ctx.prefix);
      if (names === undefined) {
        if (named.size >= MAX_PREFIXES) named.clear();
        names = parts.map(
          (p) =>
            new PropertyNames(
              ctx.prefix === '' ? p.def.name : PROPERTY_NAMES.get(ctx.prefix, p.def.name),
            ),
        );
        named.set(ctx.prefix, names);
      }
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const candidates = p.entry(ctx);
        if (candidates.length > 0) assign(out, p, candidates, ctx, names[i]);
      }
      return out;
    };
  }

  private compileEntry(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    if (!this.check.oneProducer(e, def, at)) return undefined;
    if (e.each !== undefined)
      return this.ledger.within(e, () => this.compileEach(e, def, scope, at));
    if (!this.check.entryFits(e, def, at)) return undefined;
    const produce = this.ledger.within(e, () => this.producer(e, def, scope, at));
    if (!produce) return undefined;
    const { transform, coerced } = this.transformers.transformer(
      e,
      def,
      scope,
      at,
      this.coercedBy.get(produce),
    );
    const when =
      e.when !== undefined ? this.check.condition(e.when, scope, [...at, 'when']) : undefined;
    const fallback = e.default;
    if (fallback !== undefined && def.kind === 'object')
      this.check.problem(
        {
          en: '`default` does not apply to objects',
          fr: '`default` ne s’applique pas aux objets',
        },
        [...at, 'default'],
      );
    // nothing around the producer (most text and object entries): the producer itself
    if (!when && !transform && fallback === undefined) {
      if (coerced !== undefined) this.coercedBy.set(produce, coerced);
      return produce;
    }
    const language = e.language ?? this.check.defaultLanguage;
    const entry: CompiledEntry = (ctx) => {
      if (when && !when(ctx)) return [];
      let candidates = produce(ctx);
      if (transform) candidates = transform(candidates, ctx);
      if (candidates.length === 0 && fallback !== undefined) {
        // a default is written in common terms (a code or URI of the vocabulary), not in local ones
        const given = explode(fallback, undefined, def, language);
        candidates = transform ? transform(given, ctx, true) : given;
      }
      return candidates;
    };
    if (coerced !== undefined) this.coercedBy.set(entry, coerced);
    return entry;
  }

  /** The coercion every one of `entries` applied last, when they all applied the same. */
  private coercedByAll(entries: CompiledEntry[]): Coercion | undefined {
    if (entries.length === 0) return undefined;
    const first = this.coercedBy.get(entries[0]);
    return entries.every((r) => this.coercedBy.get(r) === first) ? first : undefined;
  }

  /** `each`: the rest of the entry runs once per item, with the item as the current node. */
  private compileEach(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    // one value per item; several items on a one-valued property are combined (and disagreements reported)
    if (!def.multiple && def.kind === 'object')
      this.check.problem(
        {
          en: `${def.name} holds one object: \`each\` does not apply`,
          fr: `${def.name} a un seul objet : \`each\` ne s’applique pas`,
        },
        [...at, 'each'],
      );
    const p = this.check.path(e.each, scope, [...at, 'each']);
    if (!p) return undefined;
    // a list given by a filter (`contacts[role=pointOfContact]`) is already its items
    const last = p.segs[p.segs.length - 1];
    const segs = hasWildcard(p.segs) || filterOf(last) ? p.segs : [...p.segs, WILDCARD];
    const isObject = def.kind === 'object';
    const inner: Scope = {
      fields: p.field?.fields,
      cls: scope.cls,
      pattern: scope.pattern,
      relative: true,
      base: (p.absolute ? '' : scope.base) + fieldPattern(segs),
      at,
      itemPattern: isObject ? `${join(scope.pattern, def.name)}[*]` : undefined,
      item: p.field,
      display: [...(p.absolute ? [] : scope.display), ...segs],
    };
    // `parse: json`: a list kept as JSON text (BC's 2019 beta wrote `contacts: "[{…}]"`) is read as its items
    if (this.check.parse(e) && e.parse !== undefined && segs === p.segs)
      this.check.problem(
        {
          en: 'with `each`, `parse: json` reads a plain list path (no `[*]`, no filter)',
          fr: 'avec `each`, `parse: json` lit le chemin simple d’une liste (sans `[*]` ni filtre)',
        },
        [...at, 'parse'],
      );
    const { each: _each, parse: _parse, ...rest } = e;
    void _each;
    void _parse;
    // an object per item is a way of its own; other values are the inner entry's way
    this.ledger.declare(
      def,
      scope,
      [{ segs, absolute: p.absolute }],
      at,
      undefined,
      isObject ? 'object' : undefined,
    );
    const perItem = this.compileEntry(rest, def, inner, at);
    if (!perItem) return undefined;
    const readItems = reader({ segs, absolute: p.absolute });
    const read =
      e.parse === 'json'
        ? withJsonItems(readItems, reader({ segs: p.segs, absolute: p.absolute }))
        : readItems;
    const each = isObject
      ? objectPerItem(read, perItem, def, this.check.where(at))
      : valuesPerItem(read, perItem);
    // values (not objects) are the inner entry's as they came
    const coerced = isObject ? undefined : this.coercedBy.get(perItem);
    if (coerced !== undefined) this.coercedBy.set(each, coerced);
    return each;
  }

  private alternatives(
    list: unknown,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
    key: 'first' | 'all',
  ): CompiledEntry[] | undefined {
    if (!Array.isArray(list) || list.length === 0) return undefined; // said by the schema
    const entries: CompiledEntry[] = [];
    list.forEach((c, i) => {
      const spec = this.check.entry(c, [...at, key, i]);
      const entry = spec && this.compileEntry(spec, def, scope, [...at, key, i]);
      if (entry) entries.push(entry);
    });
    return entries;
  }

  /** Where an entry's values come from: read (producers.ts), or other entries. */
  private producer(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    if (e.from !== undefined) return this.producers.from(e, def, scope, at);
    if (e.value !== undefined) return this.producers.constant(e, def, scope, at);
    if (e.template !== undefined)
      return this.producers.template(String(e.template), def, scope, [...at, 'template']);
    if (e.lang !== undefined) return this.producers.lang(e.lang, def, scope, [...at, 'lang']);
    if (e.first !== undefined) return this.first(e, def, scope, at);
    if (e.all !== undefined) return this.all(e, def, scope, at);
    return this.object(e, def, scope, at);
  }

  /** `first`: the values of the first alternative that gives any. */
  private first(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    const entries = this.alternatives(e.first, def, scope, at, 'first');
    if (!entries) return undefined;
    const first: CompiledEntry = (ctx) => {
      for (const entry of entries) {
        const candidates = entry(ctx);
        if (candidates.length) return candidates;
      }
      return [];
    };
    const coerced = this.coercedByAll(entries);
    if (coerced !== undefined) this.coercedBy.set(first, coerced);
    return first;
  }

  /** `all`: the values of every alternative, in order; objects numbered after those before. */
  private all(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    const entries = this.alternatives(e.all, def, scope, at, 'all');
    if (!entries) return undefined;
    if (def.kind === 'object') {
      if (!def.multiple || scope.itemPattern !== undefined) this.samePlace = true;
      return (ctx) => {
        const out: Candidate[] = [];
        for (const entry of entries)
          for (const c of entry(
            descend(
              ctx,
              ctx.node,
              ctx.base,
              ctx.prefix,
              ctx.itemPrefix,
              (ctx.offset ?? 0) + out.length,
            ),
          ))
            out.push(c);
        return out;
      };
    }
    const all: CompiledEntry = (ctx) => {
      // the alternatives' own lists, joined only when several give
      let out: Candidate[] | undefined;
      for (const entry of entries) {
        const candidates = entry(ctx);
        if (candidates.length) out = out === undefined ? candidates : out.concat(candidates);
      }
      return out ?? [];
    };
    const coerced = this.coercedByAll(entries);
    if (coerced !== undefined) this.coercedBy.set(all, coerced);
    return all;
  }

  /** `object`: a nested object of the common model, built at its place in the record. */
  private object(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    if (!isPlainObject(e.object)) return undefined; // said by the schema
    const inner: Scope = {
      ...scope,
      cls: def.class as ClassName,
      // the items of a list of objects are `contactPoint[*]`, as `sourceOf` looks them up
      pattern:
        scope.itemPattern ??
        (def.multiple ? `${join(scope.pattern, def.name)}[*]` : join(scope.pattern, def.name)),
      at: [...at, 'object'],
      itemPattern: undefined,
    };
    if (!scope.itemPattern) this.ledger.declare(def, scope, [], at, undefined, 'object'); // `each` declared the items
    const build = this.compileObject(e.object, inner);
    return (ctx) => {
      const prefix =
        ctx.itemPrefix ??
        (def.multiple
          ? ITEM_NAMES.get(PROPERTY_NAMES.get(ctx.prefix, def.name), ctx.offset ?? 0)
          : PROPERTY_NAMES.get(ctx.prefix, def.name));
      const built = build(descend(ctx, ctx.node, ctx.base, prefix, undefined, undefined));
      for (const _ in built) return [{ value: built, sources: NO_SOURCES }]; // (not empty: built here, own keys only)
      return [];
    };
  }
}

/** The items a path reaches, and those of the lists it reaches written as JSON text (`parse: json`). */
function withJsonItems(
  readItems: (ctx: RecordContext) => Located[],
  readList: (ctx: RecordContext) => Located[],
): (ctx: RecordContext) => Located[] {
  return (ctx) => {
    const items = [...readItems(ctx)];
    for (const l of readList(ctx)) {
      if (typeof l.value !== 'string') continue;
      const parsed = parseJsonText(l.value);
      // the items of the text point at the text: they have no place of their own in the record
      if (Array.isArray(parsed))
        for (const v of parsed) items.push({ value: v, pointer: l.pointer });
    }
    return items;
  };
}

/** `each` of values: the inner entry's values for each item, the item as the current node. */
function valuesPerItem(
  read: (ctx: RecordContext) => Located[],
  perItem: CompiledEntry,
): CompiledEntry {
  return (ctx) => {
    const out: Candidate[] = [];
    for (const item of read(ctx)) {
      // items may be objects (resources) or codes (`each: geographic_region`, read with `.`)
      if (item.value === null || item.value === undefined) continue;
      for (const c of perItem(
        descend(ctx, item.value, item.pointer, ctx.prefix, ctx.itemPrefix, ctx.offset),
      ))
        out.push(c);
    }
    return out;
  };
}

/** `each` of objects: one object per item, numbered in the list being built, its provenance the item. */
function objectPerItem(
  read: (ctx: RecordContext) => Located[],
  perItem: CompiledEntry,
  def: PropertyDef,
  where: string,
): CompiledEntry {
  return (ctx) => {
    const out: Candidate[] = [];
    let list: string | undefined; // the list's property path (`distribution`)
    for (const item of read(ctx)) {
      if (item.value === null || item.value === undefined) continue;
      list ??= PROPERTY_NAMES.get(ctx.prefix, def.name);
      const prefix = ITEM_NAMES.get(list, (ctx.offset ?? 0) + out.length);
      for (const c of perItem(
        descend(ctx, item.value, item.pointer, ctx.prefix, prefix, ctx.offset),
      )) {
        // one list for both (provenance lists are never changed)
        const sources = [item.pointer];
        ctx.provenance.push({ property: prefix, source: sources, entry: where });
        out.push({ value: c.value, sources });
      }
    }
    return out;
  };
}
