/**
 * Compiles a crosswalk (YAML) into a plan of closures, checking it on the way: every source path
 * must exist in the profile, every target property in the common model, every map and vocabulary
 * must exist. Problems carry the crosswalk's file:line:col.
 */
import { CLASSES, propertyOf, type ClassName, type PropertyDef } from '../model/properties.js';
import type { Provenance } from '../model/types.js';
import type { FieldDef, Profile } from '../profiles/types.js';
import type { Emitted } from '../core/finding.js';
import { COERCIONS, coerce, type Coercion } from '../util/coerce.js';
import { isEmpty } from '../util/empty.js';
import { shown } from '../util/show.js';
import { isLanguageTag, type LangText, type LangTexts } from '../core/lang.js';
import { filterOf, hasWildcard, plainField, pointerBelow, reader as pathReader, WILDCARD, type Located, type Segment } from '../util/paths.js';
import type { YamlSource } from '../util/yaml.js';
import type { Concept, Vocabulary, VocabularyRegistry } from '../vocab/vocabulary.js';
import { COMBINES, ENTRY_KEYS, PRODUCERS, TOP_KEYS, type Combine, type CrosswalkFile, type EntrySpec } from './types.js';
import { compileCondition } from '../core/conditions.js';
import { loadMapFile } from './map-file.js';
import { resolveFieldPath, type FieldPath } from '../profiles/fields.js';

/** Characters encodeURIComponent leaves as they are (RFC 3986 unreserved, and `!*'()`). */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text percent-encoded for a URI. A lone surrogate cannot be (encodeURIComponent throws on it, and
 * only on it): it stands for U+FFFD, as a UTF-8 writer would write it. The common case is one call.
 */
function percentEncoded(text: string): string {
  // most field values in URIs (ids, codes) have nothing to encode: checked faster than encoded
  if (UNRESERVED.test(text)) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
}

/** `vocabulary: profile`: the profile's own code list of the field read (for labels). */
const PROFILE_CODES = 'profile';

export interface LintIssue {
  message: string;
  where: string;
}

/** One candidate value on its way to the common record. */
interface Val {
  value: unknown;
  sources: string[];
  /** For language maps: the source of each language. */
  langSources?: Record<string, string>;
}

/** Evaluation context: the record, the current item, where we are in the output. */
export interface Ctx {
  root: unknown;
  node: unknown;
  base: string;
  /** Property path of the object being built ('' for the dataset). */
  prefix: string;
  /** Set by \`each\` for the object it is about to build: its place in the output list. */
  itemPrefix?: string;
  /** Objects already produced for the list being built by \`all\` (so that the next one is numbered after them). */
  offset?: number;
  profile: string;
  emit(e: Emitted): void;
  prov: Provenance[];
  /**
   * The language entries (`title@en`) `prov` already holds, when the crosswalk may build two
   * objects at one place (`Compiler.samePlace`); otherwise none is needed.
   */
  provKeys: Set<string> | undefined;
}

/** The context one level down: another node of the source, another place in the common record. */
function descend(ctx: Ctx, node: unknown, base: string, prefix: string, itemPrefix: string | undefined, offset: number | undefined): Ctx {
  // written out rather than spread: every context has the same shape, which keeps this path fast
  return { root: ctx.root, node, base, prefix, itemPrefix, offset, profile: ctx.profile, emit: ctx.emit, prov: ctx.prov, provKeys: ctx.provKeys };
}

type Run = (ctx: Ctx) => Val[];

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

interface Scope {
  /** Profile fields at the current item (for checking dotted paths). */
  fields: Record<string, FieldDef> | undefined;
  cls: ClassName;
  /** Property pattern of the current object: '' for the dataset, `distribution[*]`. */
  pattern: string;
  /** Inside `each`: relative paths start at the item. */
  relative: boolean;
  /** JSON Pointer pattern of the current item from the record root ('' for the record, `/resources/*`). */
  base: string;
  at: (string | number)[];
  /** Set by `each` for an object list: the pattern of the items it builds (`distribution[*]`). */
  itemPattern?: string;
  /** The source field being iterated by `each` (`resources`): for `.` and for messages. */
  item?: FieldDef;
  /** Path of the current item from the record root as the crosswalk wrote it (`resources`, `*`), to name fields in comparisons. */
  display: Segment[];
}


/** Reads a checked path in a context: from the record root, or from the current item. */
function reader(p: { segs: Segment[]; absolute: boolean }): (ctx: Ctx) => Located[] {
  const read = pathReader(p.segs);
  return p.absolute ? (ctx) => read(ctx.root) : (ctx) => read(ctx.node, ctx.base);
}

const own = Object.prototype.hasOwnProperty;

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/**
 * Property paths of the common record (`distribution[2].title@en`) made once and kept: the same
 * few come back in every record, and a path kept is hashed once (`provKeys`), not once per record.
 * Bounded: past MAX_NAMES, started again.
 */
class Names {
  private readonly made = new Map<string, Map<string | number, string>>();
  private size = 0;
  constructor(private readonly make: (a: string, b: string | number) => string) {}

  get(a: string, b: string | number): string {
    let inner = this.made.get(a);
    if (inner === undefined) {
      if (this.size >= MAX_NAMES) {
        this.made.clear();
        this.size = 0;
      }
      this.made.set(a, (inner = new Map()));
    }
    let name = inner.get(b);
    if (name === undefined) {
      name = this.make(a, b);
      inner.set(b, name);
      this.size++;
    }
    return name;
  }
}
const MAX_NAMES = 10000;

/**
 * The names of one property of one object (`distribution[2].title`): of its languages and items,
 * looked up once here rather than in the shared tables each time.
 */
class Named {
  private readonly languages = new Map<string, string>();
  private readonly items: string[] = [];
  constructor(readonly property: string) {}

  /** `property@lang`. */
  language(lang: string): string {
    let name = this.languages.get(lang);
    if (name === undefined) {
      name = LANGUAGE.get(this.property, lang);
      // bounded: a record may give any number of language tags
      if (this.languages.size < MAX_NAMED) this.languages.set(lang, name);
    }
    return name;
  }

  /** `property[i]`. */
  item(i: number): string {
    if (i >= MAX_NAMED) return ITEM.get(this.property, i);
    return (this.items[i] ??= ITEM.get(this.property, i));
  }
}
const MAX_NAMED = 64;
/** Prefixes an object keeps the names of (past it, started again). */
const MAX_PREFIXES = 1000;
/** `prefix.name` (`name` for the dataset). */
const PROPERTY = new Names((prefix, name) => join(prefix, name as string));
/** `property@lang`. */
const LANGUAGE = new Names((property, lang) => `${property}@${lang}`);
/** `property[i]`. */
const ITEM = new Names((property, i) => `${property}[${i}]`);

export class Compiler {
  readonly issues: LintIssue[] = [];
  readonly declared = new Map<string, Declared>();
  private readonly maps = new Map<string, Map<string, unknown>>();
  private readonly defaultLanguage: string;
  /** The entries being compiled for the current property, outermost first (how a way transforms values). */
  private chain: EntrySpec[] = [];
  /**
   * Whether two objects may be built at one place of the common record (and so the same property
   * twice): `all` of objects for one object, or for one item of `each`. Elsewhere each object has a
   * place of its own (`first` builds one; lists number theirs).
   */
  private samePlace = false;

  constructor(
    private readonly y: YamlSource<CrosswalkFile>,
    private readonly profile: Profile,
    private readonly vocabularies: VocabularyRegistry,
  ) {
    this.defaultLanguage = typeof y.data?.language === 'string' ? y.data.language : 'und';
  }

  private problem(message: string, at: (string | number)[], key = false): void {
    this.issues.push({ message, where: this.y.where(at, key) });
  }

  compile(): ((ctx: Ctx) => Record<string, unknown>) | undefined {
    const d = this.y.data;
    if (!isObj(d)) {
      this.problem('a crosswalk is a YAML map', []);
      return undefined;
    }
    for (const k of Object.keys(d)) if (!TOP_KEYS.has(k)) this.problem(`unknown key "${k}"`, [k], true);
    if (d.profile !== this.profile.id) this.problem(`\`profile\` must be "${this.profile.id}"`, ['profile']);
    if (d.language !== undefined && !isLanguageTag(String(d.language))) this.problem('`language` must be a language tag', ['language']);
    if (d.maps !== undefined) {
      if (!isObj(d.maps)) this.problem('`maps` must be a map of name → value map', ['maps']);
      else
        for (const [name, m] of Object.entries(d.maps)) {
          if (typeof m === 'string') this.mapFile(name, m);
          else if (!isObj(m)) this.problem(`map ${name} must be a map of local value → common value, or a .tsv table beside the crosswalk`, ['maps', name]);
          else this.maps.set(name, toLookup(m));
        }
    }
    if (!isObj(d.dataset)) {
      this.problem('`dataset` must map common properties to entries', ['dataset']);
      return undefined;
    }
    const scope: Scope = { fields: this.profile.fields, cls: 'Dataset', pattern: '', relative: false, base: '', at: ['dataset'], display: [] };
    const build = this.compileObject(d.dataset, scope);
    if (!this.samePlace) return build;
    return (ctx) => {
      ctx.provKeys = new Set();
      return build(ctx);
    };
  }

  /** A named map kept in a table beside the crosswalk (map-file.ts: confined to the crosswalk's folder). */
  private mapFile(name: string, ref: string): void {
    const { entries, problems } = loadMapFile(this.y.file, ref);
    for (const p of problems) {
      if (p.where) this.issues.push({ message: `map ${name}: ${p.message}`, where: p.where });
      else this.problem(p.message, ['maps', name]);
    }
    // a refused table is still a known map: its entries' references are not reported again
    this.maps.set(name, toLookup(Object.fromEntries(entries ?? [])));
  }

  /** An object of the common model: each key a property of `scope.cls`. */
  private compileObject(spec: Record<string, unknown>, scope: Scope): (ctx: Ctx) => Record<string, unknown> {
    const parts: { def: PropertyDef; run: Run; combine: Combine; conflict: boolean; where: string }[] = [];
    const outer = this.chain;
    this.chain = [];
    for (const [name, raw] of Object.entries(spec)) {
      const at = [...scope.at, name];
      const def = propertyOf(scope.cls, name);
      if (!def) {
        const known = CLASSES[scope.cls].properties.map((p) => p.name).join(', ');
        this.problem(`${scope.cls} has no property "${name}" (known: ${known})`, at, true);
        continue;
      }
      const entry = this.normalise(raw, at);
      if (!entry) continue;
      const run = this.compileEntry(entry, def, scope, at);
      if (!run) continue;
      const combine = this.combineOf(entry, def, at);
      // disagreeing values are reported when one of them is picked; ranges (min, max) and
      // preferences are expected to see several, unless the crosswalk asks (`conflict: report`)
      if (entry.conflict !== undefined && entry.conflict !== 'report' && entry.conflict !== 'ignore') this.problem('conflict must be report or ignore', [...at, 'conflict']);
      const conflict = entry.conflict === 'report' || (entry.conflict === undefined && (combine === 'first' || combine === 'most-frequent'));
      parts.push({ def, run, combine, conflict, where: this.y.where(at, true) });
    }
    this.chain = outer;
    // the parts' names below each prefix (`distribution[2]`): the same few in every record
    const named = new Map<string, Named[]>();
    return (ctx) => {
      const out: Record<string, unknown> = {};
      let names = named.get(ctx.prefix);
      if (names === undefined) {
        if (named.size >= MAX_PREFIXES) named.clear();
        names = parts.map((p) => new Named(ctx.prefix === '' ? p.def.name : PROPERTY.get(ctx.prefix, p.def.name)));
        named.set(ctx.prefix, names);
      }
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const vals = p.run(ctx);
        if (vals.length > 0) this.assign(out, p, vals, ctx, names[i]);
      }
      return out;
    };
  }

  private combineOf(entry: EntrySpec, def: PropertyDef, at: (string | number)[]): Combine {
    const c = entry.combine;
    if (c === undefined) return def.multiple ? 'all' : 'first';
    if (isObj(c)) {
      const list = (c as { prefer?: unknown }).prefer;
      if (Object.keys(c).length !== 1 || !Array.isArray(list) || list.length === 0) {
        this.problem('combine is first, most-frequent, min, max, all, or {prefer: [values in order of preference]}', [...at, 'combine']);
        return 'first';
      }
      if (def.multiple) this.problem(`${def.name} holds several values: nothing to prefer`, [...at, 'combine']);
      // written in common terms: codes of the property's vocabulary (PUBLIC), or URIs
      const vocab = def.vocabulary ? this.vocabularies.get(def.vocabulary) : undefined;
      const prefer = list.map((x, i) => {
        if (!vocab) return String(x);
        const concept = vocab.lookup(x);
        if (!concept) this.problem(`"${String(x)}" is not in the ${vocab.id} vocabulary`, [...at, 'combine', 'prefer', i]);
        return concept?.uri ?? String(x);
      });
      return { prefer };
    }
    if (typeof c !== 'string' || !COMBINES.has(c)) {
      this.problem(`combine must be one of ${[...COMBINES].join(', ')}, or {prefer: [...]}`, [...at, 'combine']);
      return 'first';
    }
    if (c === 'all' && !def.multiple && def.kind !== 'text' && def.kind !== 'texts') this.problem(`${def.name} holds one value: combine cannot be "all"`, [...at, 'combine']);
    return c;
  }

  /** Puts the values of one property on the object, with cardinality and provenance. */
  private assign(
    out: Record<string, unknown>,
    p: { def: PropertyDef; combine: Combine; conflict: boolean; where: string },
    vals: Val[],
    ctx: Ctx,
    names: Named,
  ): void {
    const { def } = p;
    const property = names.property;
    if (def.kind === 'text' || def.kind === 'texts') {
      const single = def.kind === 'text';
      // one text: its object is the property's value as it is (made for this record), not copied
      const whole = single && vals.length === 1;
      let merged: Record<string, unknown> | undefined;
      // the texts of each language so far (`texts`): one look-up per text, not a scan of the list
      const seen = single ? undefined : new Map<string, Set<string>>();
      for (const v of vals) {
        const value = v.value as Record<string, unknown>;
        // (for…in: a text value is an object made here, its keys language tags, none inherited)
        for (const lang in value) {
          const text = value[lang];
          // whether this language is new to this property (its first value in this call)
          let added = true;
          if (whole) merged = value;
          else if (single) {
            merged ??= {};
            if (merged[lang] !== undefined) continue;
            merged[lang] = text;
          } else {
            merged ??= {};
            let list = merged[lang] as string[] | undefined;
            if (list === undefined) merged[lang] = list = [];
            else added = false;
            appendDistinct(list, getOrSet(seen as Map<string, Set<string>>, lang), text as string[]);
          }
          const key = names.language(lang);
          // a property is put once per object, so a language new here is new to the record, unless
          // the crosswalk builds two objects at one place (then `provKeys` says)
          const keys = ctx.provKeys;
          if (keys === undefined ? added : !keys.has(key)) {
            keys?.add(key);
            const langSources = v.langSources;
            if (langSources === undefined && v.sources.length === 1 && v.sources[0] !== '') {
              // plain text: its one source is the language's (provenance lists are never changed: shared)
              ctx.prov.push({ property: key, source: v.sources, entry: p.where });
            } else {
              const src = langSources?.[lang] ?? v.sources[0];
              ctx.prov.push({ property: key, source: src ? [src] : [], entry: p.where });
            }
          }
        }
      }
      if (merged) out[def.name] = merged;
      return;
    }
    if (def.kind === 'object') {
      // objects wrote their own provenance while they were built
      // (lists of the record made at their size by map: grown by push, they start with room for 17)
      out[def.name] = def.multiple ? vals.map(plainValue) : vals[0].value;
      return;
    }
    // candidates with the same value are one (the first keeps its sources)
    const distinct = firstOfEach(vals);
    if (def.multiple) {
      for (let i = 0; i < distinct.length; i++) ctx.prov.push({ property: names.item(i), source: distinct[i].sources, entry: p.where });
      out[def.name] = distinct.map(plainValue);
      return;
    }
    const chosen = pick(distinct, vals, p.combine);
    if (distinct.length > 1 && p.conflict) {
      ctx.emit({
        ruleId: 'profile/conflicting-values',
        messageId: 'conflict',
        data: { property, values: distinct.map((v) => shown(v.value)).join(', '), chosen: chosen.value },
        property,
        sourcePath: distinct[1].sources[0],
        value: distinct.map((v) => v.value),
      });
    }
    out[def.name] = chosen.value;
    ctx.prov.push({ property, source: chosen.sources, entry: p.where });
  }

  private normalise(raw: unknown, at: (string | number)[]): EntrySpec | undefined {
    if (typeof raw === 'string') return { from: raw };
    if (!isObj(raw)) {
      this.problem('an entry is a source path or a map', at);
      return undefined;
    }
    let ok = true;
    for (const k of Object.keys(raw)) {
      if (!ENTRY_KEYS.has(k)) {
        this.problem(`unknown key "${k}" (known: ${[...ENTRY_KEYS].join(', ')})`, [...at, k], true);
        ok = false;
      }
    }
    return ok ? (raw as EntrySpec) : undefined;
  }

  /** Checks a source path against the profile; returns its segments. */
  private path(path: unknown, scope: Scope, at: (string | number)[]): FieldPath | undefined {
    const r = resolveFieldPath(path, this.profile, { fields: scope.fields, item: scope.item });
    if (typeof r === 'string') {
      this.problem(r, at);
      return undefined;
    }
    return r;
  }

  /**
   * Records where a property is read from (`paths` as the entry wrote them, absolute or not) and,
   * with `kind`, the way the entry being compiled fills it (for comparisons).
   */
  private declare(def: PropertyDef, scope: Scope, paths: FieldPath[], at: (string | number)[], lang?: string, kind?: Way['kind']): void {
    const key = join(scope.pattern, def.name) + (lang ? `@${lang}` : '');
    // a language map's languages are below it (`/title_translated/fr`); plain text has none
    const sources = paths.map((p) => ({
      path: pointerPattern(p.segs),
      relative: scope.relative && !p.absolute,
      ...(p.field?.type === 'text' || p.field?.type === 'tags' ? { languageMap: true } : {}),
    }));
    const fields = paths.map((p) => (scope.relative && !p.absolute ? scope.base : '') + fieldPattern(p.segs));
    let prev = this.declared.get(key);
    if (!prev) {
      prev = { sources: [], fields: [], entry: this.y.where(at, true), ways: [] };
      this.declared.set(key, prev);
    }
    for (const x of sources) if (!prev.sources.some((y) => y.path === x.path && y.relative === x.relative)) prev.sources.push(x);
    for (const f of fields) if (!prev.fields.includes(f)) prev.fields.push(f);
    // a field's older names (aliases) are not ways of their own; a template's parts all are
    const n = kind === 'template' ? paths.length : 1;
    if (!kind) return;
    const way = this.way(kind, scope, paths.slice(0, n), fields.slice(0, n), at, lang);
    // the same way again (a YAML alias, a part of a template used twice) is one way
    const same = (w: Way): boolean => JSON.stringify({ ...w, entry: '' }) === JSON.stringify({ ...way, entry: '' });
    if (!prev.ways.some(same)) prev.ways.push(way);
  }

  /** The way the entries being compiled fill a property: their source, and what they do to the values. */
  private way(kind: Way['kind'], scope: Scope, paths: FieldPath[], pointers: string[], at: (string | number)[], language?: string): Way {
    const chain = this.chain;
    const inner = chain[chain.length - 1] ?? {};
    const fields = [...new Set(paths.map((p) => dotted([...(p.absolute ? [] : scope.display), ...p.segs])))];
    const w: Way = { kind, fields, pointers: [...new Set(pointers)], entry: this.y.where(at, true) };
    if (chain.some((e) => e.map !== undefined)) w.map = true;
    const vocabulary = [...chain].reverse().find((e) => e.vocabulary !== undefined)?.vocabulary;
    if (vocabulary !== undefined) w.vocabulary = String(vocabulary);
    if (kind === 'constant') w.value = inner.value;
    if (kind === 'template') w.template = String(inner.template);
    if (language) w.language = language;
    if (chain.some((e) => e.when !== undefined)) w.conditional = true;
    const dflt = [...chain].reverse().find((e) => e.default !== undefined);
    if (dflt) w.default = dflt.default;
    const combine = [...chain].reverse().find((e) => e.combine !== undefined)?.combine;
    if (combine !== undefined) w.combine = typeof combine === 'object' ? 'prefer' : String(combine);
    return w;
  }

  private compileEntry(e: EntrySpec, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    const producers = PRODUCERS.filter((k) => e[k] !== undefined);
    if (producers.length !== 1) {
      this.problem(
        producers.length === 0
          ? `${def.name}: say where the value comes from (${PRODUCERS.join(', ')})`
          : `${def.name}: use only one of ${producers.join(', ')}`,
        at,
      );
      return undefined;
    }
    if (e.each !== undefined) {
      this.chain.push(e);
      try {
        return this.compileEach(e, def, scope, at);
      } finally {
        this.chain.pop();
      }
    }
    if (e.object !== undefined && def.kind !== 'object') this.problem(`${def.name} is not an object: \`object\` does not apply`, [...at, 'object']);
    if (def.kind === 'object' && e.object === undefined && e.first === undefined && e.all === undefined) {
      this.problem(`${def.name} is an object (${def.class}): give its fields under \`object\``, at);
      return undefined;
    }
    if (e.lang !== undefined && def.kind !== 'text' && def.kind !== 'texts') this.problem(`${def.name} is not text: \`lang\` does not apply`, [...at, 'lang']);
    if (e.languages !== undefined && (def.kind !== 'text' || e.split === undefined || !Array.isArray(e.languages))) {
      this.problem('`languages` (a list) splits one text into languages: it needs `split` and a text property', [...at, 'languages']);
    }
    if (e.as !== undefined && !COERCIONS.includes(e.as)) this.problem(`as must be one of ${COERCIONS.join(', ')}`, [...at, 'as']);
    if (e.language !== undefined && !isLanguageTag(String(e.language))) this.problem('`language` must be a language tag', [...at, 'language']);
    if (e.unmapped !== undefined && !['report', 'keep', 'ignore'].includes(e.unmapped)) this.problem('unmapped must be report, keep or ignore', [...at, 'unmapped']);

    this.chain.push(e);
    let produce: Run | undefined;
    try {
      produce = this.producer(e, def, scope, at);
    } finally {
      this.chain.pop();
    }
    if (!produce) return undefined;
    const { transform, coerced } = this.transformer(e, def, scope, at, this.coercedBy.get(produce));
    const when = e.when !== undefined ? this.condition(e.when, scope, [...at, 'when']) : undefined;
    const dflt = e.default;
    if (dflt !== undefined && def.kind === 'object') this.problem('`default` does not apply to objects', [...at, 'default']);
    // nothing around the producer (most text and object entries): the producer itself
    if (!when && !transform && dflt === undefined) {
      if (coerced !== undefined) this.coercedBy.set(produce, coerced);
      return produce;
    }

    const run: Run = (ctx) => {
      if (when && !when(ctx)) return [];
      let vals = produce(ctx);
      if (transform) vals = transform(vals, ctx);
      if (vals.length === 0 && dflt !== undefined) {
        // a default is written in common terms (a code or URI of the vocabulary), not in local ones
        const d = explode(dflt, undefined, def, e.language ?? this.defaultLanguage);
        vals = transform ? transform(d, ctx, true) : d;
      }
      return vals;
    };
    if (coerced !== undefined) this.coercedBy.set(run, coerced);
    return run;
  }

  /** Runs whose every value went last through this coercion (see `transformer`). */
  private readonly coercedBy = new WeakMap<Run, Coercion>();

  /** The coercion every one of `runs` applied last, when they all applied the same. */
  private coercedByAll(runs: Run[]): Coercion | undefined {
    const first = this.coercedBy.get(runs[0]);
    return runs.every((r) => this.coercedBy.get(r) === first) ? first : undefined;
  }

  /** `each`: the rest of the entry runs once per item, with the item as the current node. */
  private compileEach(e: EntrySpec, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    // one value per item; several items on a one-valued property are combined (and disagreements reported)
    if (!def.multiple && def.kind === 'object') this.problem(`${def.name} holds one object: \`each\` does not apply`, [...at, 'each']);
    const p = this.path(e.each, scope, [...at, 'each']);
    if (!p) return undefined;
    // a list given by a filter (`contacts[role=pointOfContact]`) is already its items
    const last = p.segs[p.segs.length - 1];
    const segs = hasWildcard(p.segs) || filterOf(last) ? p.segs : [...p.segs, WILDCARD];
    const itemField = p.field;
    const isObject = def.kind === 'object';
    const inner: Scope = {
      fields: itemField?.fields,
      cls: scope.cls,
      pattern: scope.pattern,
      relative: true,
      base: (p.absolute ? '' : scope.base) + fieldPattern(segs),
      at,
      itemPattern: isObject ? `${join(scope.pattern, def.name)}[*]` : undefined,
      item: itemField,
      display: [...(p.absolute ? [] : scope.display), ...segs],
    };
    // `parse: json`: a list kept as JSON text (BC's 2019 beta wrote `contacts: "[{…}]"`) is read as its items
    if (e.parse !== undefined && e.parse !== 'json') this.problem('parse must be "json"', [...at, 'parse']);
    else if (e.parse !== undefined && segs === p.segs) this.problem('with `each`, `parse: json` reads a plain list path (no `[*]`, no filter)', [...at, 'parse']);
    const { each: _each, parse: _parse, ...rest } = e;
    void _each;
    void _parse;
    // an object per item is a way of its own; other values are the inner entry's way
    this.declare(def, scope, [{ segs, absolute: p.absolute }], at, undefined, isObject ? 'object' : undefined);
    const run = this.compileEntry(rest, def, inner, at);
    if (!run) return undefined;
    const where = this.y.where(at, true);
    const readItems = reader({ segs, absolute: p.absolute });
    const readList = e.parse === 'json' ? reader({ segs: p.segs, absolute: p.absolute }) : undefined;
    const read = !readList
      ? readItems
      : (ctx: Ctx): Located[] => {
          const items = [...readItems(ctx)];
          for (const l of readList(ctx)) {
            if (typeof l.value !== 'string') continue;
            const parsed = parseJsonText(l.value);
            // the items of the text point at the text: they have no place of their own in the record
            if (Array.isArray(parsed)) for (const v of parsed) items.push({ value: v, pointer: l.pointer });
          }
          return items;
        };
    const each: Run = (ctx) => {
      const items = read(ctx);
      const out: Val[] = [];
      let list: string | undefined; // the list's property path (`distribution`)
      for (const item of items) {
        // items may be objects (resources) or codes (`each: geographic_region`, read with `.`)
        if (item.value === null || item.value === undefined) continue;
        if (!isObject) {
          for (const v of run(descend(ctx, item.value, item.pointer, ctx.prefix, ctx.itemPrefix, ctx.offset))) out.push(v);
          continue;
        }
        list ??= PROPERTY.get(ctx.prefix, def.name);
        const prefix = ITEM.get(list, (ctx.offset ?? 0) + out.length);
        const vals = run(descend(ctx, item.value, item.pointer, ctx.prefix, prefix, ctx.offset));
        for (const v of vals) {
          // one list for both (provenance lists are never changed)
          const sources = [item.pointer];
          ctx.prov.push({ property: prefix, source: sources, entry: where });
          out.push({ value: v.value, sources });
        }
      }
      return out;
    };
    // values (not objects) are the inner entry's as they came
    const coerced = isObject ? undefined : this.coercedBy.get(run);
    if (coerced !== undefined) this.coercedBy.set(each, coerced);
    return each;
  }

  /** The same path ending on each older name of its field (`topics` → `topic`). */
  private aliasPaths(p: FieldPath): FieldPath[] {
    const names = p.field?.aliases ?? [];
    const at = p.segs.lastIndexOf(p.field?.name as string);
    if (!names.length || at < 0) return [];
    return names.map((a) => ({ segs: [...p.segs.slice(0, at), a, ...p.segs.slice(at + 1)], absolute: p.absolute }));
  }

  private candidates(list: unknown, def: PropertyDef, scope: Scope, at: (string | number)[], key: 'first' | 'all'): Run[] | undefined {
    if (!Array.isArray(list) || list.length === 0) {
      this.problem(`\`${key}\` is a list of candidates`, [...at, key]);
      return undefined;
    }
    const runs: Run[] = [];
    list.forEach((c, i) => {
      const spec = this.normalise(c, [...at, key, i]);
      const r = spec && this.compileEntry(spec, def, scope, [...at, key, i]);
      if (r) runs.push(r);
    });
    return runs;
  }

  private producer(e: EntrySpec, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    const language = e.language ?? this.defaultLanguage;
    if (e.from !== undefined) {
      const p = this.path(e.from, scope, [...at, 'from']);
      if (!p) return undefined;
      // a field's older names (profile `aliases`) are read when the field itself is absent
      const aliases = this.aliasPaths(p);
      this.declare(def, scope, [p, ...aliases], at, undefined, 'field');
      const get = reader(p);
      const alternatives = aliases.map(reader);
      const read =
        alternatives.length === 0
          ? get
          : (ctx: Ctx): Located[] => {
              const found = get(ctx);
              if (found.some((f) => !isEmpty(f.value))) return found;
              for (const alt of alternatives) {
                const hits = alt(ctx);
                if (hits.some((f) => !isEmpty(f.value))) return hits;
              }
              return found;
            };
      const languages = def.kind === 'text' && Array.isArray(e.languages) && e.split !== undefined ? { list: e.languages.map(String), sep: e.split } : undefined;
      if (e.parse !== undefined && e.parse !== 'json') this.problem('parse must be "json"', [...at, 'parse']);
      const parse = e.parse === 'json';
      const field = alternatives.length === 0 && !languages && !parse ? plainField(p.segs) : undefined;
      if (field) {
        // one field (most entries): read on an object and made candidates at once, without the reader's list
        const { name, escaped } = field;
        const absolute = p.absolute;
        return (ctx) => {
          const node = absolute ? ctx.root : ctx.node;
          if (node === null || typeof node !== 'object') return [];
          if (Array.isArray(node)) {
            const out: Val[] = [];
            for (const f of get(ctx)) explodeInto(out, f.value, f.pointer, def, language);
            return out;
          }
          if (!own.call(node, name)) return [];
          const value = (node as Record<string, unknown>)[name];
          return value !== undefined ? explode(value, pointerBelow(absolute ? '' : ctx.base, escaped), def, language) : [];
        };
      }
      return (ctx) => {
        const out: Val[] = [];
        for (const f of read(ctx)) {
          if (languages && typeof f.value === 'string') splitLanguages(out, f.value, f.pointer, languages.list, languages.sep);
          else if (parse && typeof f.value === 'string') {
            // a list or map written as JSON text (CKAN extras): its items all come from the one field
            const parsed = parseJsonText(f.value);
            const items = Array.isArray(parsed) ? parsed : [parsed];
            for (const item of items) for (const v of explode(item, undefined, def, language)) out.push({ ...v, sources: [f.pointer] });
          } else explodeInto(out, f.value, f.pointer, def, language);
        }
        return out;
      };
    }
    if (e.value !== undefined) {
      const v = e.value;
      this.declare(def, scope, [], at, undefined, 'constant');
      return () => explode(v, undefined, def, language);
    }
    if (e.template !== undefined) return this.template(String(e.template), def, scope, [...at, 'template']);
    if (e.lang !== undefined) return this.lang(e.lang, def, scope, [...at, 'lang']);
    if (e.first !== undefined) {
      const runs = this.candidates(e.first, def, scope, at, 'first');
      if (!runs) return undefined;
      const first: Run = (ctx) => {
        for (const r of runs) {
          const v = r(ctx);
          if (v.length) return v;
        }
        return [];
      };
      const coerced = runs.length ? this.coercedByAll(runs) : undefined;
      if (coerced !== undefined) this.coercedBy.set(first, coerced);
      return first;
    }
    if (e.all !== undefined) {
      const runs = this.candidates(e.all, def, scope, at, 'all');
      if (!runs) return undefined;
      if (def.kind === 'object' && (!def.multiple || scope.itemPattern !== undefined)) this.samePlace = true;
      if (def.kind !== 'object') {
        const all: Run = (ctx) => {
          // the candidates' own lists, joined only when several give (lists at their size)
          let out: Val[] | undefined;
          for (const r of runs) {
            const v = r(ctx);
            if (v.length) out = out === undefined ? v : out.concat(v);
          }
          return out ?? [];
        };
        const coerced = runs.length ? this.coercedByAll(runs) : undefined;
        if (coerced !== undefined) this.coercedBy.set(all, coerced);
        return all;
      }
      return (ctx) => {
        const out: Val[] = [];
        // objects are numbered after those the candidates before gave
        for (const r of runs) for (const v of r(descend(ctx, ctx.node, ctx.base, ctx.prefix, ctx.itemPrefix, (ctx.offset ?? 0) + out.length))) out.push(v);
        return out;
      };
    }
    // object
    if (!isObj(e.object)) {
      this.problem('`object` maps the fields of the nested object', [...at, 'object']);
      return undefined;
    }
    const cls = def.class as ClassName;
    const inner: Scope = {
      ...scope,
      cls,
      // the items of a list of objects are `contactPoint[*]`, as `sourceOf` looks them up
      pattern: scope.itemPattern ?? (def.multiple ? `${join(scope.pattern, def.name)}[*]` : join(scope.pattern, def.name)),
      at: [...at, 'object'],
      itemPattern: undefined,
    };
    if (!scope.itemPattern) this.declare(def, scope, [], at, undefined, 'object'); // `each` declared the items
    const build = this.compileObject(e.object, inner);
    return (ctx) => {
      const prefix = ctx.itemPrefix ?? (def.multiple ? ITEM.get(PROPERTY.get(ctx.prefix, def.name), ctx.offset ?? 0) : PROPERTY.get(ctx.prefix, def.name));
      const obj = build(descend(ctx, ctx.node, ctx.base, prefix, undefined, undefined));
      for (const _ in obj) return [{ value: obj, sources: NO_SOURCES }]; // (not empty: built here, own keys only)
      return [];
    };
  }

  private template(t: string, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    // one shape for all parts; a plain field is read directly on an object (no list)
    type Part = { lit: string | undefined; read: ((ctx: Ctx) => Located[]) | undefined; field: { name: string; escaped: string } | undefined; absolute: boolean; raw: boolean };
    const parts: Part[] = [];
    const re = /\{(\+?)([^{}]+)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    const paths: FieldPath[] = [];
    while ((m = re.exec(t)) !== null) {
      if (m.index > last) parts.push({ lit: t.slice(last, m.index), read: undefined, field: undefined, absolute: false, raw: false });
      const p = this.path(m[2], scope, at);
      if (!p) return undefined;
      // a filter (`extras[key=uri].value`) names one value: its first match
      if (p.segs.includes(WILDCARD)) this.problem(`template "${t}": {${m[2]}} must name one value`, at);
      paths.push(p);
      parts.push({ lit: undefined, read: reader(p), field: plainField(p.segs), absolute: p.absolute, raw: m[1] === '+' });
      last = re.lastIndex;
    }
    if (last < t.length) parts.push({ lit: t.slice(last), read: undefined, field: undefined, absolute: false, raw: false });
    this.declare(def, scope, paths, at.slice(0, -1), undefined, 'template');
    // the sources list is kept (provenance): made at its size (one or two fields), not grown by push
    return (ctx) => {
      let s = '';
      let first: string | undefined;
      let sources: string[] | undefined;
      for (const part of parts) {
        if (part.lit !== undefined) {
          s += part.lit;
          continue;
        }
        let value: unknown;
        let pointer: string;
        const node = part.absolute ? ctx.root : ctx.node;
        const field = part.field;
        if (field !== undefined && node !== null && typeof node === 'object' && !Array.isArray(node)) {
          if (!own.call(node, field.name)) return [];
          value = (node as Record<string, unknown>)[field.name];
          if (value === undefined) return [];
          pointer = pointerBelow(part.absolute ? '' : ctx.base, field.escaped);
        } else {
          const hit = (part.read as (ctx: Ctx) => Located[])(ctx)[0];
          if (!hit) return [];
          value = hit.value;
          pointer = hit.pointer;
        }
        if (isEmpty(value) || typeof value === 'object') return [];
        const text = String(value).trim();
        s += part.raw ? text : percentEncoded(text);
        if (first === undefined) first = pointer;
        else if (sources === undefined) sources = [first, pointer];
        else sources.push(pointer);
      }
      return [{ value: s, sources: sources ?? (first === undefined ? [] : [first]) }];
    };
  }

  private lang(spec: string | Record<string, string>, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    if (typeof spec === 'string') {
      const p = this.path(spec, scope, at);
      if (!p) return undefined;
      this.declare(def, scope, [p], at.slice(0, -1), undefined, 'field');
      const read = reader(p);
      const field = plainField(p.segs);
      if (field) {
        // one field (most entries): read directly on an object, without the reader's list
        const { name, escaped } = field;
        const absolute = p.absolute;
        return (ctx) => {
          const node = absolute ? ctx.root : ctx.node;
          if (node === null || typeof node !== 'object' || Array.isArray(node)) return languageMaps(read(ctx), def);
          if (!own.call(node, name)) return [];
          const value = (node as Record<string, unknown>)[name];
          const v = isObj(value) ? languageMap(value, pointerBelow(absolute ? '' : ctx.base, escaped), def) : undefined;
          return v ? [v] : []; // (a list at its size, not grown by push)
        };
      }
      return (ctx) => languageMaps(read(ctx), def);
    }
    if (!isObj(spec)) {
      this.problem('`lang` is a path to a language map, or a map of language → path', at);
      return undefined;
    }
    const pairs: { lang: string; read: (ctx: Ctx) => Located[] }[] = [];
    for (const [lang, path] of Object.entries(spec)) {
      if (!isLanguageTag(lang)) this.problem(`"${lang}" is not a language tag`, [...at, lang], true);
      const p = this.path(path, scope, [...at, lang]);
      if (!p) continue;
      this.declare(def, scope, [p], at.slice(0, -1), lang, 'field');
      pairs.push({ lang, read: reader(p) });
    }
    return (ctx) => {
      const value: Record<string, unknown> = {};
      const langSources: Record<string, string> = {};
      for (const pair of pairs) {
        const hits = pair.read(ctx);
        const hit = hits.find((h) => !isEmpty(h.value));
        if (!hit) continue;
        // keywords: every value the path reaches (one XML element per keyword); text: the first
        const v = def.kind === 'texts' ? hits.flatMap((h) => textList(h.value) ?? []) : typeof hit.value === 'string' ? hit.value.trim() : undefined;
        if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
        value[pair.lang] = v;
        langSources[pair.lang] = hit.pointer;
      }
      return Object.keys(value).length ? [{ value, sources: Object.values(langSources), langSources }] : [];
    };
  }

  /**
   * split → map → vocabulary (→ fact) → coercion, reporting values that do not resolve; with the
   * coercion every value given has gone through last (`coerced`). `already`: the one the produced
   * values went through (candidates of `first`/`all` coerce their own values).
   */
  private transformer(
    e: EntrySpec,
    def: PropertyDef,
    scope: Scope,
    at: (string | number)[],
    already: Coercion | undefined,
  ): { transform: ((vals: Val[], ctx: Ctx, isDefault?: boolean) => Val[]) | undefined; coerced: Coercion | undefined } {
    if (def.kind === 'text' && e.vocabulary !== undefined) return { transform: this.textFact(e, def, scope, at), coerced: undefined };
    if (def.kind === 'object' || def.kind === 'text' || def.kind === 'texts') {
      if (e.map !== undefined || e.vocabulary !== undefined) this.problem(`${def.name}: maps and vocabularies apply to codes, not to ${def.kind}`, at);
      if (e.split !== undefined && def.kind !== 'texts' && !e.languages) this.problem('`split` applies to lists and keywords', [...at, 'split']);
      if (e.split === undefined || def.kind !== 'texts') return { transform: undefined, coerced: undefined };
      const sep = e.split;
      // keywords given as one delimited string per language
      return {
        transform: (vals) =>
          vals.map((v) => ({
            ...v,
            value: Object.fromEntries(
              Object.entries(v.value as LangTexts).map(([l, list]) => [l, list.flatMap((t) => t.split(sep).map((x) => x.trim()).filter((x) => x))]),
            ),
          })),
        coerced: undefined,
      };
    }
    let map: Map<string, unknown> | undefined;
    let mapName: { en: string; fr: string } | undefined; // for messages
    if (e.map !== undefined) {
      if (typeof e.map === 'string') {
        map = this.maps.get(e.map);
        mapName = { en: `the map "${e.map}"`, fr: `la table « ${e.map} »` };
        if (!map) this.problem(`unknown map "${e.map}" (define it under \`maps\`)`, [...at, 'map']);
      } else if (isObj(e.map)) {
        map = toLookup(e.map);
        mapName = { en: 'the inline map', fr: 'la table de la correspondance' };
      } else this.problem('`map` is a map name or an inline map', [...at, 'map']);
    }
    let vocab: Vocabulary | undefined;
    if (e.vocabulary === PROFILE_CODES) this.problem(`\`vocabulary: ${PROFILE_CODES}\` gives labels: it goes with \`fact: label\` on a text property`, [...at, 'vocabulary']);
    else if (e.vocabulary !== undefined) {
      vocab = this.vocabularies.get(String(e.vocabulary));
      if (!vocab) this.problem(`unknown vocabulary "${e.vocabulary}" (known: ${this.vocabularies.ids().join(', ')})`, [...at, 'vocabulary']);
      else if (def.vocabulary && def.vocabulary !== vocab.id && e.fact === undefined) {
        this.problem(`${def.name} takes values from the ${def.vocabulary} vocabulary, not ${vocab.id}`, [...at, 'vocabulary']);
      }
    }
    if (e.fact !== undefined && e.vocabulary === undefined) this.problem('`fact` goes with `vocabulary`', [...at, 'fact']);
    if (def.vocabulary && e.vocabulary === undefined && e.map === undefined && e.value === undefined && e.template === undefined && e.first === undefined && e.all === undefined && e.each === undefined) {
      this.problem(`${def.name} takes ${def.vocabulary} URIs: add \`vocabulary: ${def.vocabulary}\` or a \`map\``, at);
    }
    const wanted: Coercion | undefined = e.as ?? defaultCoercion(def);
    let as = wanted;
    // a template that always gives a URI needs no check (it would give the value back as it is)
    if (as === 'uri' && e.template !== undefined && alwaysUri(String(e.template))) as = undefined;
    const changes = e.split !== undefined || map !== undefined || vocab !== undefined;
    // values the candidates coerced the same way come back unchanged from it (these coercions give
    // back what they give), unless nothing here changes them first or a default (not coerced) may come
    if (as !== undefined && as === already && !changes && e.default === undefined && IDEMPOTENT.has(as)) as = undefined;
    // what every value given went through last: this coercion, or (values unchanged) the one skipped
    const coerced = as !== undefined ? as : changes || e.default !== undefined ? undefined : (wanted ?? already);
    // nothing to do: the values as they are (the loop below would copy them unchanged)
    if (!changes && !as) return { transform: undefined, coerced };
    const split = e.split;
    const fact = e.fact;
    const unmapped = e.unmapped ?? 'report';
    const profile = this.profile.id;
    const name = def.name;
    // a concept's value coerced once (its URI, checked in every record otherwise): concepts are a
    // vocabulary's, so few
    const conceptValues = vocab && as ? new Map<Concept, unknown>() : undefined;
    const lookup = vocab?.lookupIn(profile);
    const transform = (vals: Val[], ctx: Ctx, isDefault = false): Val[] => {
      let out = vals;
      if (split !== undefined) {
        out = out.flatMap((v) =>
          typeof v.value === 'string'
            ? v.value
                .split(split)
                .map((s) => s.trim())
                .filter((s) => s)
                .map((s) => ({ ...v, value: s }))
            : [v],
        );
      }
      // made only once a candidate changes or is dropped: until then, the candidates as they came
      // (a copy at its size, written over from the first change at `w` and cut there at the end)
      let result: Val[] | undefined;
      let w = 0;
      for (let i = 0; i < out.length; i++) {
        const v = out[i];
        let value: unknown = v.value;
        const src = v.sources[0];
        let from: Concept | undefined; // the concept `value` is a fact of
        if (map && !isDefault) {
          // a map's keys are codes: a list or an object found where a code was expected matches none
          const key = value !== null && typeof value === 'object' ? undefined : String(value).trim();
          let found = false;
          if (key !== undefined) {
            if (map.has(key)) {
              found = true;
              value = map.get(key);
            } else {
              const lower = key.toLowerCase();
              if (map.has(lower)) {
                found = true;
                value = map.get(lower);
              }
            }
          }
          if (found) {
            if (value === null) {
              // known local value with no common equivalent
              if (result === undefined) {
                result = out.slice();
                w = i;
              }
              continue;
            }
          } else if (!vocab) {
            if (unmapped === 'report') ctx.emit(unmappedFinding(v.value, join(ctx.prefix, name), mapName as { en: string; fr: string }, src));
            if (unmapped !== 'keep') {
              if (result === undefined) {
                result = out.slice();
                w = i;
              }
              continue;
            }
          }
        }
        if (vocab) {
          const concept = (lookup as (value: unknown) => Concept | undefined)(value);
          if (!concept) {
            if (unmapped === 'report') ctx.emit(unmappedFinding(v.value, join(ctx.prefix, name), vocabularyName(vocab), src));
            if (unmapped !== 'keep') {
              if (result === undefined) {
                result = out.slice();
                w = i;
              }
              continue;
            }
          } else {
            value = fact ? concept[fact] : concept.uri;
            if (value === undefined || value === null) {
              if (result === undefined) {
                result = out.slice();
                w = i;
              }
              continue;
            }
            from = concept;
          }
        }
        if (as) {
          let c = from && conceptValues?.get(from);
          if (c === undefined) {
            c = coerce(value, as);
            if (from && c !== undefined) conceptValues?.set(from, c);
          }
          if (c === undefined) {
            if (!isEmpty(value)) {
              const property = join(ctx.prefix, name);
              ctx.emit({
                ruleId: 'profile/type',
                messageId: 'coerce',
                data: { property, value, expected: COERCION_NAMES[as].en, expectedFr: COERCION_NAMES[as].fr },
                property,
                sourcePath: src,
                value,
              });
            }
            if (result === undefined) {
              result = out.slice();
              w = i;
            }
            continue;
          }
          value = c;
        }
        // a value left as it was keeps its candidate (nothing changes candidates once made)
        if (value !== v.value) {
          const changed: Val = { value, sources: v.sources, langSources: v.langSources };
          if (out.length === 1) return [changed]; // (most: a list at its size, not grown by push)
          if (result === undefined) {
            result = out.slice();
            w = i;
          }
          result[w++] = changed;
        } else if (result !== undefined) result[w++] = v;
      }
      if (result !== undefined) result.length = w;
      return result ?? out;
    };
    return { transform, coerced };
  }

  /**
   * A text fact of a code's concept (a place's name in English and French), or with
   * `vocabulary: profile` the label the profile gives the code.
   */
  private textFact(e: EntrySpec, def: PropertyDef, scope: Scope, at: (string | number)[]): ((vals: Val[], ctx: Ctx) => Val[]) | undefined {
    if (e.fact === undefined) {
      this.problem(`${def.name} is text: with a vocabulary, say which text \`fact\` to take (label)`, [...at, 'vocabulary']);
      return undefined;
    }
    if (e.map !== undefined || e.split !== undefined) this.problem(`${def.name}: \`map\` and \`split\` do not go with a text fact`, at);
    const fact = String(e.fact);
    let find: ((code: string) => Record<string, unknown> | undefined) | undefined;
    let via: { en: string; fr: string } | undefined;
    if (e.vocabulary === PROFILE_CODES) {
      const p = e.from !== undefined ? this.path(e.from, scope, [...at, 'from']) : undefined;
      const list = p?.field?.vocabulary ? this.profile.vocabularies[p.field.vocabulary] : undefined;
      if (!list) {
        if (p) this.problem(`\`vocabulary: ${PROFILE_CODES}\` reads a coded field of the profile (one with a \`vocabulary\`)`, [...at, 'vocabulary']);
        return undefined;
      }
      if (fact !== 'label') this.problem('the profile\'s code lists have one fact: label', [...at, 'fact']);
      via = { en: `the ${list.id} code list of profile ${this.profile.id}`, fr: `la liste de codes ${list.id} du profil ${this.profile.id}` };
      const lower = new Map([...list.codes.keys()].map((k) => [k.toLowerCase(), k]));
      // one concept per code, made when first asked for (so that its text below is made once too)
      const concepts = new Map<string, Record<string, unknown>>();
      find = (code) => {
        const key = list.codes.has(code) ? code : lower.get(code.toLowerCase());
        if (key === undefined) return undefined;
        let concept = concepts.get(key);
        if (concept === undefined) concepts.set(key, (concept = { code: key, label: list.codes.get(key) }));
        return concept;
      };
    } else {
      const vocab = this.vocabularies.get(String(e.vocabulary));
      if (!vocab) {
        this.problem(`unknown vocabulary "${e.vocabulary}" (known: ${this.vocabularies.ids().join(', ')})`, [...at, 'vocabulary']);
        return undefined;
      }
      via = vocabularyName(vocab);
      find = vocab.lookupIn(this.profile.id);
    }
    const unmapped = e.unmapped ?? 'report';
    const language = e.language ?? this.defaultLanguage;
    const name = def.name;
    // a concept's text, made once per concept (concepts are a vocabulary's or the code list's, so
    // few); never changed by what reads it. null: no text in any language
    const texts = new Map<Record<string, unknown>, LangText | null>();
    const textOf = (concept: Record<string, unknown>): LangText | null => {
      let value = texts.get(concept);
      if (value !== undefined) return value;
      const text = concept[fact];
      const made: LangText = {};
      if (typeof text === 'string' && text.trim()) made[language] = text.trim();
      else if (isObj(text)) for (const [l, t] of Object.entries(text)) if (isLanguageTag(l) && typeof t === 'string' && t.trim()) made[l] = t.trim();
      value = Object.keys(made).length ? made : null;
      texts.set(concept, value);
      return value;
    };
    return (vals, ctx) => {
      const out: Val[] = [];
      for (const v of vals) {
        // the first language's text (a code read as text: one language)
        let code: unknown;
        for (const l in v.value as LangText) {
          code = (v.value as LangText)[l];
          break;
        }
        const src = v.sources[0];
        const concept = typeof code === 'string' ? find(code) : undefined;
        if (!concept) {
          if (unmapped === 'report') ctx.emit(unmappedFinding(code, join(ctx.prefix, name), via as { en: string; fr: string }, src));
          if (unmapped === 'keep') out.push(v);
          continue;
        }
        const text = textOf(concept);
        if (text === null) continue;
        // a copy: the concept's text is shared by records, a candidate's may become the record's
        const value: LangText = {};
        for (const l in text) value[l] = text[l];
        let langSources: Record<string, string> | undefined;
        if (src) {
          langSources = {};
          for (const l in value) langSources[l] = src;
        }
        out.push({ value, sources: v.sources, langSources });
      }
      return out;
    };
  }

  private condition(c: unknown, scope: Scope, at: (string | number)[]): ((ctx: Ctx) => boolean) | undefined {
    return compileCondition(c, { resolve: (path, where) => this.path(path, scope, where), problem: (m, where) => this.problem(m, where) }, at);
  }
}

const COERCION_NAMES: Record<Coercion, { en: string; fr: string }> = {
  string: { en: 'text', fr: 'texte' },
  json: { en: 'JSON value', fr: 'valeur JSON' },
  date: { en: 'date', fr: 'date' },
  datetime: { en: 'date', fr: 'date' },
  epoch: { en: 'timestamp (seconds)', fr: 'horodatage (secondes)' },
  integer: { en: 'whole number', fr: 'nombre entier' },
  number: { en: 'number', fr: 'nombre' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  uri: { en: 'URI', fr: 'URI' },
  email: { en: 'email address', fr: 'adresse courriel' },
  mediatype: { en: 'media type', fr: 'type de média' },
};

function toLookup(m: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(m)) {
    out.set(k, v);
    if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v);
  }
  return out;
}

/** The field a path reads, as a pattern from its start: `*` for each item, and for the items a filter keeps. */
function fieldPattern(segs: Segment[]): string {
  return segs.map((s) => `/${filterOf(s) ? WILDCARD : s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A path in crosswalk syntax: `resources[*].format`, `contacts[role=custodian].email`. */
function dotted(segs: Segment[]): string {
  return segs.reduce((acc, s) => (s === WILDCARD ? `${acc}[*]` : /^\d+$/.test(s) || filterOf(s) ? `${acc}${/^\d+$/.test(s) ? `[${s}]` : s}` : acc ? `${acc}.${s}` : s), '');
}

/** The declared source of a path: `*` for each item; a filter's items are unknown in advance, so the list itself. */
function pointerPattern(segs: Segment[]): string {
  const at = segs.findIndex((s) => filterOf(s) !== undefined);
  return (at < 0 ? segs : segs.slice(0, at)).map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Whether a template's results all pass `as: uri` unchanged: it starts with a scheme, its literal
 * text has no white space and its fields are percent-encoded (never white space, never empty).
 */
function alwaysUri(t: string): boolean {
  if (/\{\+/.test(t)) return false;
  const literal = t.replace(/\{(\+?)([^{}]+)\}/g, '');
  if (/\s/.test(literal)) return false;
  const first = t.split(/\{(?:\+?)[^{}]+\}/)[0];
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(first);
  return scheme !== null && (first.length > scheme[0].length || first.length < t.length);
}

/**
 * Coercions whose results they give back unchanged (a URI, a date, a trimmed text…), so that
 * values one has given need not go through it again. Not integer nor number (a text of 400 digits
 * gives Infinity), nor the others.
 */
const IDEMPOTENT: ReadonlySet<Coercion> = new Set<Coercion>(['uri', 'date', 'datetime', 'string', 'email', 'mediatype']);

function defaultCoercion(def: PropertyDef): Coercion | undefined {
  switch (def.kind) {
    case 'uri':
      return 'uri';
    case 'email':
      return 'email';
    case 'date':
      return 'datetime';
    case 'integer':
      return 'integer';
    case 'string':
      return 'string';
    default:
      return undefined;
  }
}

/** "the Theme vocabulary" / "le vocabulaire Thème", for messages. */
function vocabularyName(v: { id: string; title?: LangText }): { en: string; fr: string } {
  return { en: `the ${v.title?.en ?? v.id} vocabulary`, fr: `le vocabulaire ${v.title?.fr ?? v.title?.en ?? v.id}` };
}

/** `via` names the map or vocabulary in both languages. */
function unmappedFinding(value: unknown, property: string, via: { en: string; fr: string }, sourcePath: string | undefined): Emitted {
  return {
    ruleId: 'odc/unmapped-value',
    messageId: 'unmapped',
    data: { value, property, via },
    property,
    sourcePath,
    value,
  };
}

/** JSON text (`["en", "fr"]`) parsed; anything else (`en,fr`) as it is. */
function parseJsonText(text: string): unknown {
  const t = text.trim();
  if (!t.startsWith('[') && !t.startsWith('{') && !t.startsWith('"')) return text;
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

function textList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' && x.trim()).map((x) => (x as string).trim());
  return undefined;
}

/**
 * A source value that is a language map (`{en: …, fr: …}`). Its provenance is per language
 * (`langSources`); of `sources`, only the first is read (for findings): it holds that one.
 */
function languageMap(value: Record<string, unknown>, pointer: string, def: PropertyDef): Val | undefined {
  let out: Record<string, unknown> | undefined;
  let langSources: Record<string, string> | undefined;
  let first: string | undefined;
  const texts = def.kind === 'texts';
  for (const lang of Object.keys(value)) {
    const text = value[lang];
    const v = texts ? textList(text) : typeof text === 'string' ? text.trim() : undefined;
    if (v === undefined || v === '' || (texts && (v as string[]).length === 0) || !isLanguageTag(lang)) continue;
    const src = `${pointer}/${lang}`;
    if (!out) {
      out = {};
      langSources = {};
      first = src;
    }
    out[lang] = v;
    (langSources as Record<string, string>)[lang] = src;
  }
  return out ? { value: out, sources: [first as string], langSources } : undefined;
}

/** The candidates of the language maps a path reached (other values give none). */
function languageMaps(found: Located[], def: PropertyDef): Val[] {
  const out: Val[] = [];
  for (const f of found) {
    const v = isObj(f.value) ? languageMap(f.value, f.pointer, def) : undefined;
    if (v) out.push(v);
  }
  return out;
}

/** Whether one source value gives several candidates (a list of codes, not text nor an object): see `explodeInto`. */
function isList(value: unknown, kind: PropertyDef['kind']): value is unknown[] {
  return kind !== 'text' && kind !== 'texts' && kind !== 'object' && Array.isArray(value) && value.length > 0;
}

/**
 * The one candidate of a source value that is not a list (`isList`), or none. Plain text has no
 * `langSources`: its one language comes from `sources[0]`, which `assign` falls back to.
 */
function candidateOf(value: unknown, pointer: string | undefined, def: PropertyDef, language: string): Val | undefined {
  const kind = def.kind;
  if (kind === 'text' || kind === 'texts') {
    if (value === undefined || value === null) return undefined;
    // a language map with nothing in it gives nothing (so it needs no isEmpty first)
    if (isObj(value)) return languageMap(value, pointer ?? '', def);
    if (kind === 'text') {
      if (typeof value !== 'string') return undefined;
      const text = value.trim();
      return text !== '' ? { value: { [language]: text } as LangText, sources: pointer === undefined ? [] : [pointer] } : undefined;
    }
    if (isEmpty(value)) return undefined;
    const list = textList(value);
    return list?.length ? { value: { [language]: list } as LangTexts, sources: pointer === undefined ? [] : [pointer] } : undefined;
  }
  if (isEmpty(value)) return undefined;
  return { value, sources: pointer === undefined ? [] : [pointer] };
}

/** Turns one source value into candidate values for the target property, added to `out`. */
function explodeInto(out: Val[], value: unknown, pointer: string | undefined, def: PropertyDef, language: string): void {
  if (isList(value, def.kind)) {
    for (let i = 0; i < value.length; i++) explodeInto(out, value[i], pointer === undefined ? undefined : `${pointer}/${i}`, def, language);
    return;
  }
  const v = candidateOf(value, pointer, def, language);
  if (v) out.push(v);
}

/**
 * The candidate values of one source value. Most give one: its list is made at its size (a list
 * grown by push starts with room for 17).
 */
function explode(value: unknown, pointer: string | undefined, def: PropertyDef, language: string): Val[] {
  if (!isList(value, def.kind)) {
    const v = candidateOf(value, pointer, def, language);
    return v ? [v] : [];
  }
  const out: Val[] = [];
  explodeInto(out, value, pointer, def, language);
  return out;
}

/** `Statistics Canada | Statistique Canada` → {en: Statistics Canada, fr: Statistique Canada}. */
function splitLanguages(out: Val[], text: string, pointer: string, languages: string[], sep: string): void {
  const parts = text.split(sep).map((x) => x.trim());
  const value: Record<string, string> = {};
  const langSources: Record<string, string> = {};
  languages.forEach((l, i) => {
    if (parts[i]) {
      value[l] = parts[i];
      langSources[l] = pointer;
    }
  });
  if (Object.keys(value).length) out.push({ value, sources: [pointer], langSources });
}

const plainValue = (v: Val): unknown => v.value;

/** The sources of an object's candidate: never read (objects write their own provenance), so one list for all. */
const NO_SOURCES = Object.freeze([]) as unknown as string[];

function pick(distinct: Val[], all: Val[], combine: Combine): Val {
  if (typeof combine === 'object') {
    const rank = (v: Val): number => {
      const i = combine.prefer.indexOf(String(v.value));
      return i < 0 ? combine.prefer.length : i;
    };
    return distinct.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  }
  switch (combine) {
    case 'most-frequent': {
      let best = distinct[0];
      let bestCount = 0;
      for (const d of distinct) {
        const n = all.filter((v) => v.value === d.value).length;
        if (n > bestCount) [best, bestCount] = [d, n];
      }
      return best;
    }
    case 'min':
      return distinct.reduce((a, b) => (compare(b.value, a.value) < 0 ? b : a));
    case 'max':
      return distinct.reduce((a, b) => (compare(b.value, a.value) > 0 ? b : a));
    default:
      return distinct[0];
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** The texts not in `seen` appended to `list`, in order (`seen`: what `list` holds). */
function appendDistinct(list: string[], seen: Set<string>, texts: readonly string[]): void {
  for (const t of texts) {
    if (seen.has(t)) continue;
    seen.add(t);
    list.push(t);
  }
}

function getOrSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let v = map.get(key);
  if (!v) map.set(key, (v = new Set()));
  return v;
}

/**
 * Candidates with the same value (`===`) as one: the first keeps its sources. By a set, not a
 * comparison of each with those before it (a record may give thousands of values); NaN, which
 * `===` never finds equal, stays apart each time. `vals` itself when all differ.
 */
function firstOfEach(vals: Val[]): Val[] {
  const seen = new Set<unknown>();
  let distinct: Val[] | undefined;
  for (let i = 0; i < vals.length; i++) {
    const value = vals[i].value;
    const again = seen.has(value) && !Number.isNaN(value);
    if (again) distinct ??= vals.slice(0, i);
    else {
      seen.add(value);
      distinct?.push(vals[i]);
    }
  }
  return distinct ?? vals;
}
