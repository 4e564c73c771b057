/**
 * Compiles a crosswalk (YAML) into a plan of closures, checking it on the way: every source path
 * must exist in the profile, every target property in the common model, every map and vocabulary
 * must exist. Problems carry the crosswalk's file:line:col.
 */
import { CLASSES, propertyOf, type ClassName, type PropertyDef } from '../model/properties.js';
import type { Provenance } from '../model/types.js';
import type { FieldDef, Profile } from '../profiles/types.js';
import type { Emitted } from '../rules/types.js';
import { COERCIONS, coerce, type Coercion } from '../util/coerce.js';
import { isEmpty } from '../util/empty.js';
import { isLanguageTag, type LangText, type LangTexts } from '../util/lang.js';
import { filterOf, getAll, hasWildcard, isPointer, isSelector, parsePath, PathError, WILDCARD, type Segment } from '../util/paths.js';
import type { YamlSource } from '../util/yaml.js';
import type { Vocabulary, VocabularyRegistry } from '../vocab/vocabulary.js';
import { COMBINES, ENTRY_KEYS, PRODUCERS, TOP_KEYS, type Combine, type Condition, type CrosswalkFile, type EntrySpec } from './types.js';

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
  profile: string;
  emit(e: Emitted): void;
  prov: Provenance[];
}

type Run = (ctx: Ctx) => Val[];

/** Where a property's values are read from, for findings about values that are missing. */
export interface Declared {
  /** Source paths as JSON Pointers, `*` for each item; relative to the item when `relative`. */
  paths: string[];
  relative: boolean;
  entry: string;
}

interface Scope {
  /** Profile fields at the current item (for checking dotted paths). */
  fields: Record<string, FieldDef> | undefined;
  cls: ClassName;
  /** Property pattern of the current object: '' for the dataset, `distribution[*]`. */
  pattern: string;
  relative: boolean;
  at: (string | number)[];
  /** Set by `each` for an object list: the pattern of the items it builds (`distribution[*]`). */
  itemPattern?: string;
  /** The source list being iterated (`resources`), for messages. */
  itemOf?: string;
}

const own = Object.prototype.hasOwnProperty;

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

export class Compiler {
  readonly issues: LintIssue[] = [];
  readonly declared = new Map<string, Declared>();
  private readonly maps = new Map<string, Map<string, unknown>>();
  private readonly defaultLanguage: string;

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
          if (!isObj(m)) this.problem(`map ${name} must be a map of local value → common value`, ['maps', name]);
          else this.maps.set(name, toLookup(m));
        }
    }
    if (!isObj(d.dataset)) {
      this.problem('`dataset` must map common properties to entries', ['dataset']);
      return undefined;
    }
    const scope: Scope = { fields: this.profile.fields, cls: 'Dataset', pattern: '', relative: false, at: ['dataset'] };
    return this.compileObject(d.dataset, scope);
  }

  /** An object of the common model: each key a property of `scope.cls`. */
  private compileObject(spec: Record<string, unknown>, scope: Scope): (ctx: Ctx) => Record<string, unknown> {
    const parts: { def: PropertyDef; run: Run; combine: Combine; conflict: boolean; where: string }[] = [];
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
      let combine: Combine = entry.combine ?? (def.multiple ? 'all' : 'first');
      if (entry.combine !== undefined && !COMBINES.has(entry.combine)) {
        this.problem(`combine must be one of ${[...COMBINES].join(', ')}`, [...at, 'combine']);
        combine = 'first';
      }
      if (combine === 'all' && !def.multiple && def.kind !== 'text' && def.kind !== 'texts') {
        this.problem(`${name} holds one value: combine cannot be "all"`, [...at, 'combine']);
      }
      parts.push({ def, run, combine, conflict: entry.conflict !== 'ignore', where: this.y.where(at, true) });
    }
    return (ctx) => {
      const out: Record<string, unknown> = {};
      for (const p of parts) {
        const vals = p.run(ctx);
        if (vals.length > 0) this.assign(out, p, vals, ctx);
      }
      return out;
    };
  }

  /** Puts the values of one property on the object, with cardinality and provenance. */
  private assign(
    out: Record<string, unknown>,
    p: { def: PropertyDef; combine: Combine; conflict: boolean; where: string },
    vals: Val[],
    ctx: Ctx,
  ): void {
    const { def } = p;
    const property = join(ctx.prefix, def.name);
    if (def.kind === 'text' || def.kind === 'texts') {
      const merged: Record<string, unknown> = {};
      for (const v of vals) {
        for (const [lang, text] of Object.entries(v.value as Record<string, unknown>)) {
          const src = v.langSources?.[lang] ?? v.sources[0];
          if (def.kind === 'text') {
            if (merged[lang] !== undefined) continue;
            merged[lang] = text;
          } else {
            const list = (merged[lang] ??= []) as string[];
            for (const t of text as string[]) if (!list.includes(t)) list.push(t);
          }
          if (!ctx.prov.some((x) => x.property === `${property}@${lang}`)) {
            ctx.prov.push({ property: `${property}@${lang}`, source: src ? [src] : [], entry: p.where });
          }
        }
      }
      if (Object.keys(merged).length) out[def.name] = merged;
      return;
    }
    if (def.kind === 'object') {
      // objects wrote their own provenance while they were built
      out[def.name] = def.multiple ? vals.map((v) => v.value) : vals[0].value;
      return;
    }
    const distinct: Val[] = [];
    for (const v of vals) if (!distinct.some((d) => d.value === v.value)) distinct.push(v);
    if (def.multiple) {
      out[def.name] = distinct.map((v) => v.value);
      distinct.forEach((v, i) => ctx.prov.push({ property: `${property}[${i}]`, source: v.sources, entry: p.where }));
      return;
    }
    const chosen = pick(distinct, vals, p.combine);
    if (distinct.length > 1 && p.conflict && (p.combine === 'first' || p.combine === 'most-frequent')) {
      ctx.emit({
        ruleId: 'profile/conflicting-values',
        messageId: 'conflict',
        data: { property, values: distinct.map((v) => String(v.value)).join(', '), chosen: String(chosen.value) },
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
  private path(path: unknown, scope: Scope, at: (string | number)[]): { segs: Segment[]; absolute: boolean } | undefined {
    if (typeof path !== 'string') {
      this.problem('a source path is a string', at);
      return undefined;
    }
    let segs: Segment[];
    try {
      segs = parsePath(path);
    } catch (e) {
      this.problem((e as PathError).message, at);
      return undefined;
    }
    const absolute = isPointer(path);
    let fields = absolute ? this.profile.fields : scope.fields;
    let field: FieldDef | undefined;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      if (isSelector(seg)) {
        if (field && !['list', 'strings', 'codes', 'object', 'json', 'any', 'text', 'tags'].includes(field.type)) {
          this.problem(`"${path}": ${field.name} is not a list`, at);
          return undefined;
        }
        continue;
      }
      if (field && (field.type === 'text' || field.type === 'tags')) {
        if (!isLanguageTag(seg)) this.problem(`"${path}": ${field.name} is a language map; "${seg}" is not a language`, at);
        return { segs, absolute };
      }
      if (field && !field.fields && (field.type === 'object' || field.type === 'json' || field.type === 'any' || field.type === 'list')) {
        return { segs, absolute }; // free-form object: anything below is allowed
      }
      if (!fields || !own.call(fields, seg)) {
        const where = field ? field.name : !absolute && scope.itemOf ? scope.itemOf : `profile ${this.profile.id}`;
        this.problem(`"${path}": field "${seg}" is not in ${where}`, at);
        return undefined;
      }
      field = fields[seg];
      fields = field.fields;
    }
    return { segs, absolute };
  }

  private declare(def: PropertyDef, scope: Scope, paths: string[], at: (string | number)[], lang?: string): void {
    const key = join(scope.pattern, def.name) + (lang ? `@${lang}` : '');
    const entry = this.y.where(at, true);
    const prev = this.declared.get(key);
    if (prev) prev.paths.push(...paths.filter((p) => !prev.paths.includes(p)));
    else this.declared.set(key, { paths, relative: scope.relative, entry });
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
    if (e.each !== undefined) return this.compileEach(e, def, scope, at);
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

    const produce = this.producer(e, def, scope, at);
    if (!produce) return undefined;
    const transform = this.transformer(e, def, at);
    const when = e.when !== undefined ? this.condition(e.when, scope, [...at, 'when']) : undefined;
    const dflt = e.default;
    if (dflt !== undefined && def.kind === 'object') this.problem('`default` does not apply to objects', [...at, 'default']);

    return (ctx) => {
      if (when && !when(ctx)) return [];
      let vals = produce(ctx);
      if (transform) vals = transform(vals, ctx, join(ctx.prefix, def.name));
      if (vals.length === 0 && dflt !== undefined) {
        // a default is written in common terms (a code or URI of the vocabulary), not in local ones
        const d = explode(dflt, undefined, def, e.language ?? this.defaultLanguage);
        vals = transform ? transform(d, ctx, join(ctx.prefix, def.name), true) : d;
      }
      return vals;
    };
  }

  /** `each`: the rest of the entry runs once per item, with the item as the current node. */
  private compileEach(e: EntrySpec, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    if (!def.multiple && def.kind !== 'texts') this.problem(`${def.name} holds one value: \`each\` does not apply`, [...at, 'each']);
    const p = this.path(e.each, scope, [...at, 'each']);
    if (!p) return undefined;
    const last = p.segs[p.segs.length - 1];
    const segs = hasWildcard(p.segs) || filterOf(last) ? p.segs : [...p.segs, WILDCARD];
    const itemField = this.fieldAtSegments(p.absolute ? this.profile.fields : scope.fields, p.segs);
    const isObject = def.kind === 'object';
    const inner: Scope = {
      fields: itemField?.fields,
      cls: scope.cls,
      pattern: scope.pattern,
      relative: true,
      at,
      itemPattern: isObject ? `${join(scope.pattern, def.name)}[*]` : undefined,
      itemOf: itemField?.name,
    };
    const { each: _each, ...rest } = e;
    void _each;
    this.declare(def, scope, [pointerPattern(segs)], at);
    const run = this.compileEntry(rest, def, inner, at);
    if (!run) return undefined;
    const where = this.y.where(at, true);
    const absolute = p.absolute;
    return (ctx) => {
      const items = absolute ? getAll(ctx.root, segs) : getAll(ctx.node, segs, ctx.base);
      const out: Val[] = [];
      for (const item of items) {
        if (!isObj(item.value)) continue;
        if (!isObject) {
          out.push(...run({ ...ctx, node: item.value, base: item.pointer }));
          continue;
        }
        const prefix = `${join(ctx.prefix, def.name)}[${out.length}]`;
        const vals = run({ ...ctx, node: item.value, base: item.pointer, itemPrefix: prefix });
        for (const v of vals) {
          ctx.prov.push({ property: prefix, source: [item.pointer], entry: where });
          out.push({ value: v.value, sources: [item.pointer] });
        }
      }
      return out;
    };
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
      this.declare(def, scope, [pointerPattern(p.segs)], at);
      const { segs, absolute } = p;
      const languages = def.kind === 'text' && Array.isArray(e.languages) && e.split !== undefined ? { list: e.languages.map(String), sep: e.split } : undefined;
      return (ctx) => {
        const found = absolute ? getAll(ctx.root, segs) : getAll(ctx.node, segs, ctx.base);
        const out: Val[] = [];
        for (const f of found) {
          if (languages && typeof f.value === 'string') out.push(...splitLanguages(f.value, f.pointer, languages.list, languages.sep));
          else out.push(...explode(f.value, f.pointer, def, language));
        }
        return out;
      };
    }
    if (e.value !== undefined) {
      const v = e.value;
      return () => explode(v, undefined, def, language);
    }
    if (e.template !== undefined) return this.template(String(e.template), def, scope, [...at, 'template']);
    if (e.lang !== undefined) return this.lang(e.lang, def, scope, [...at, 'lang']);
    if (e.first !== undefined) {
      const runs = this.candidates(e.first, def, scope, at, 'first');
      if (!runs) return undefined;
      return (ctx) => {
        for (const r of runs) {
          const v = r(ctx);
          if (v.length) return v;
        }
        return [];
      };
    }
    if (e.all !== undefined) {
      const runs = this.candidates(e.all, def, scope, at, 'all');
      if (!runs) return undefined;
      return (ctx) => runs.flatMap((r) => r(ctx));
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
      pattern: scope.itemPattern ?? join(scope.pattern, def.name),
      at: [...at, 'object'],
      itemPattern: undefined,
    };
    const build = this.compileObject(e.object, inner);
    return (ctx) => {
      const prefix = ctx.itemPrefix ?? (def.multiple ? `${join(ctx.prefix, def.name)}[0]` : join(ctx.prefix, def.name));
      const obj = build({ ...ctx, prefix, itemPrefix: undefined });
      return Object.keys(obj).length ? [{ value: obj, sources: [] }] : [];
    };
  }

  private fieldAtSegments(fields: Record<string, FieldDef> | undefined, segs: Segment[]): FieldDef | undefined {
    let f: FieldDef | undefined;
    for (const s of segs) {
      if (isSelector(s)) continue;
      f = fields?.[s];
      fields = f?.fields;
    }
    return f;
  }

  private template(t: string, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    const parts: ({ lit: string } | { segs: Segment[]; absolute: boolean; raw: boolean })[] = [];
    const re = /\{(\+?)([^{}]+)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    const paths: string[] = [];
    while ((m = re.exec(t)) !== null) {
      if (m.index > last) parts.push({ lit: t.slice(last, m.index) });
      const p = this.path(m[2], scope, at);
      if (!p) return undefined;
      if (hasWildcard(p.segs)) this.problem(`template "${t}": {${m[2]}} must name one value`, at);
      paths.push(pointerPattern(p.segs));
      parts.push({ segs: p.segs, absolute: p.absolute, raw: m[1] === '+' });
      last = re.lastIndex;
    }
    if (last < t.length) parts.push({ lit: t.slice(last) });
    this.declare(def, scope, paths, at.slice(0, -1));
    return (ctx) => {
      let s = '';
      const sources: string[] = [];
      for (const part of parts) {
        if ('lit' in part) {
          s += part.lit;
          continue;
        }
        const [hit] = part.absolute ? getAll(ctx.root, part.segs) : getAll(ctx.node, part.segs, ctx.base);
        if (!hit || isEmpty(hit.value) || typeof hit.value === 'object') return [];
        const text = String(hit.value).trim();
        s += part.raw ? text : encodeURIComponent(text);
        sources.push(hit.pointer);
      }
      return [{ value: s, sources }];
    };
  }

  private lang(spec: string | Record<string, string>, def: PropertyDef, scope: Scope, at: (string | number)[]): Run | undefined {
    if (typeof spec === 'string') {
      const p = this.path(spec, scope, at);
      if (!p) return undefined;
      this.declare(def, scope, [pointerPattern(p.segs)], at.slice(0, -1));
      const { segs, absolute } = p;
      return (ctx) => {
        const out: Val[] = [];
        for (const f of absolute ? getAll(ctx.root, segs) : getAll(ctx.node, segs, ctx.base)) {
          const v = languageMap(f.value, f.pointer, def);
          if (v) out.push(v);
        }
        return out;
      };
    }
    if (!isObj(spec)) {
      this.problem('`lang` is a path to a language map, or a map of language → path', at);
      return undefined;
    }
    const pairs: { lang: string; segs: Segment[]; absolute: boolean }[] = [];
    for (const [lang, path] of Object.entries(spec)) {
      if (!isLanguageTag(lang)) this.problem(`"${lang}" is not a language tag`, [...at, lang], true);
      const p = this.path(path, scope, [...at, lang]);
      if (!p) continue;
      this.declare(def, scope, [pointerPattern(p.segs)], at.slice(0, -1), lang);
      pairs.push({ lang, ...p });
    }
    return (ctx) => {
      const value: Record<string, unknown> = {};
      const langSources: Record<string, string> = {};
      for (const pair of pairs) {
        const hits = pair.absolute ? getAll(ctx.root, pair.segs) : getAll(ctx.node, pair.segs, ctx.base);
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

  /** split → map → vocabulary (→ fact) → coercion, reporting values that do not resolve. */
  private transformer(
    e: EntrySpec,
    def: PropertyDef,
    at: (string | number)[],
  ): ((vals: Val[], ctx: Ctx, property: string, isDefault?: boolean) => Val[]) | undefined {
    if (def.kind === 'object' || def.kind === 'text' || def.kind === 'texts') {
      if (e.map !== undefined || e.vocabulary !== undefined) this.problem(`${def.name}: maps and vocabularies apply to codes, not to ${def.kind}`, at);
      if (e.split !== undefined && def.kind !== 'texts' && !e.languages) this.problem('`split` applies to lists and keywords', [...at, 'split']);
      if (e.split === undefined || def.kind !== 'texts') return undefined;
      const sep = e.split;
      // keywords given as one delimited string per language
      return (vals) =>
        vals.map((v) => ({
          ...v,
          value: Object.fromEntries(
            Object.entries(v.value as LangTexts).map(([l, list]) => [l, list.flatMap((t) => t.split(sep).map((x) => x.trim()).filter((x) => x))]),
          ),
        }));
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
    if (e.vocabulary !== undefined) {
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
    const as: Coercion | undefined = e.as ?? defaultCoercion(def);
    const split = e.split;
    const fact = e.fact;
    const unmapped = e.unmapped ?? 'report';
    const profile = this.profile.id;
    return (vals, ctx, property, isDefault = false) => {
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
      const result: Val[] = [];
      for (const v of out) {
        let value: unknown = v.value;
        const src = v.sources[0];
        if (map && !isDefault) {
          const key = String(value).trim();
          if (map.has(key) || map.has(key.toLowerCase())) {
            value = map.has(key) ? map.get(key) : map.get(key.toLowerCase());
            if (value === null) continue; // known local value with no common equivalent
          } else if (!vocab) {
            if (unmapped === 'report') ctx.emit(unmappedFinding(v.value, property, mapName as { en: string; fr: string }, src));
            if (unmapped !== 'keep') continue;
          }
        }
        if (vocab) {
          const concept = vocab.lookup(value, profile);
          if (!concept) {
            if (unmapped === 'report') ctx.emit(unmappedFinding(v.value, property, vocabularyName(vocab), src));
            if (unmapped !== 'keep') continue;
          } else {
            value = fact ? concept[fact] : concept.uri;
            if (value === undefined || value === null) continue;
          }
        }
        if (as) {
          const c = coerce(value, as);
          if (c === undefined) {
            if (!isEmpty(value)) {
              ctx.emit({
                ruleId: 'profile/type',
                messageId: 'coerce',
                data: { property, value: String(value), expected: COERCION_NAMES[as].en, expectedFr: COERCION_NAMES[as].fr },
                property,
                sourcePath: src,
                value,
              });
            }
            continue;
          }
          value = c;
        }
        result.push({ ...v, value });
      }
      return result;
    };
  }

  private condition(c: unknown, scope: Scope, at: (string | number)[]): ((ctx: Ctx) => boolean) | undefined {
    if (!isObj(c)) {
      this.problem('a condition is a map (path with equals/in/exists, or not/all/any)', at);
      return undefined;
    }
    if ('not' in c) {
      const inner = this.condition(c.not, scope, [...at, 'not']);
      return inner && ((ctx) => !inner(ctx));
    }
    if ('all' in c || 'any' in c) {
      const key = 'all' in c ? 'all' : 'any';
      const list = c[key];
      if (!Array.isArray(list)) {
        this.problem(`\`${key}\` is a list of conditions`, [...at, key]);
        return undefined;
      }
      const parts = list.map((x, i) => this.condition(x, scope, [...at, key, i])).filter((x): x is (ctx: Ctx) => boolean => !!x);
      return key === 'all' ? (ctx) => parts.every((p) => p(ctx)) : (ctx) => parts.some((p) => p(ctx));
    }
    const p = this.path(c.path, scope, [...at, 'path']);
    if (!p) return undefined;
    const values = (ctx: Ctx): unknown[] =>
      (p.absolute ? getAll(ctx.root, p.segs) : getAll(ctx.node, p.segs, ctx.base)).map((x) => x.value).filter((v) => !isEmpty(v));
    const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase());
    if ('equals' in c) return (ctx) => values(ctx).some((v) => same(v, c.equals) || (Array.isArray(v) && v.some((x) => same(x, c.equals))));
    if ('in' in c) {
      if (!Array.isArray(c.in)) {
        this.problem('`in` is a list of values', [...at, 'in']);
        return undefined;
      }
      const list = c.in;
      return (ctx) => values(ctx).some((v) => list.some((x) => same(v, x)));
    }
    if ('exists' in c) return (ctx) => (values(ctx).length > 0) === (c.exists !== false);
    this.problem('a condition needs equals, in or exists', at);
    return undefined;
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

function pointerPattern(segs: Segment[]): string {
  return segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

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
    data: { value: String(value), property, via },
    property,
    sourcePath,
    value,
  };
}

function textList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' && x.trim()).map((x) => (x as string).trim());
  return undefined;
}

/** A source value that is a language map (`{en: …, fr: …}`). */
function languageMap(value: unknown, pointer: string, def: PropertyDef): Val | undefined {
  if (!isObj(value)) return undefined;
  const out: Record<string, unknown> = {};
  const langSources: Record<string, string> = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!isLanguageTag(lang)) continue;
    const v = def.kind === 'texts' ? textList(text) : typeof text === 'string' ? text.trim() : undefined;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[lang] = v;
    langSources[lang] = `${pointer}/${lang}`;
  }
  return Object.keys(out).length ? { value: out, sources: Object.values(langSources), langSources } : undefined;
}

/** Turns one source value into candidate values for the target property. */
function explode(value: unknown, pointer: string | undefined, def: PropertyDef, language: string): Val[] {
  const sources = pointer === undefined ? [] : [pointer];
  if (isEmpty(value)) return [];
  if (def.kind === 'text') {
    if (isObj(value)) {
      const v = languageMap(value, pointer ?? '', def);
      return v ? [v] : [];
    }
    if (typeof value === 'string') return [{ value: { [language]: value.trim() } as LangText, sources, langSources: pointer ? { [language]: pointer } : undefined }];
    return [];
  }
  if (def.kind === 'texts') {
    if (isObj(value)) {
      const v = languageMap(value, pointer ?? '', def);
      return v ? [v] : [];
    }
    const list = textList(value);
    if (!list?.length) return [];
    return [{ value: { [language]: list } as LangTexts, sources, langSources: pointer ? { [language]: pointer } : undefined }];
  }
  if (Array.isArray(value) && def.kind !== 'object') {
    return value.flatMap((v, i) => explode(v, pointer === undefined ? undefined : `${pointer}/${i}`, def, language));
  }
  return [{ value, sources }];
}

/** `Statistics Canada | Statistique Canada` → {en: Statistics Canada, fr: Statistique Canada}. */
function splitLanguages(text: string, pointer: string, languages: string[], sep: string): Val[] {
  const parts = text.split(sep).map((x) => x.trim());
  const value: Record<string, string> = {};
  const langSources: Record<string, string> = {};
  languages.forEach((l, i) => {
    if (parts[i]) {
      value[l] = parts[i];
      langSources[l] = pointer;
    }
  });
  return Object.keys(value).length ? [{ value, sources: [pointer], langSources }] : [];
}

function pick(distinct: Val[], all: Val[], combine: Combine): Val {
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
