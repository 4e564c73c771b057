/**
 * Producers: the compiled entries that read a record's values where the crosswalk says (`from`,
 * `value`, `template`, `lang`) and give them as candidates. Entries made of other entries
 * (`first`, `all`, `each`, `object`) are put together in compile.ts.
 */
import type { PropertyDef } from '../model/properties.js';
import type { FieldPath } from '../profiles/fields.js';
import { isEmpty } from '../util/empty.js';
import { isLanguageTag } from '../core/lang.js';
import { plainField, pointerBelow, WILDCARD, type Located } from '../util/paths.js';
import {
  explode,
  explodeInto,
  isPlainObject,
  languageMap,
  languageMaps,
  parseJsonText,
  splitLanguages,
  textList,
} from './candidates.js';
import type { CrosswalkCheck, Scope, YamlPath } from './check.js';
import { reader, type Candidate, type CompiledEntry, type RecordContext } from './context.js';
import type { DeclaredWays } from './declared.js';
import type { EntrySpec } from './types.js';

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

const own = Object.prototype.hasOwnProperty;

/** The same path ending on each older name of its field (`topics` → `topic`). */
function aliasPaths(p: FieldPath): FieldPath[] {
  const names = p.field?.aliases ?? [];
  const at = p.segs.lastIndexOf(p.field?.name as string);
  if (!names.length || at < 0) return [];
  return names.map((a) => ({
    segs: [...p.segs.slice(0, at), a, ...p.segs.slice(at + 1)],
    absolute: p.absolute,
  }));
}

/** Reads `p`, or when it gives nothing, the first of `aliases` that gives something. */
function withAliases(p: FieldPath, aliases: FieldPath[]): (ctx: RecordContext) => Located[] {
  const read = reader(p);
  if (aliases.length === 0) return read;
  const alternatives = aliases.map(reader);
  return (ctx) => {
    const found = read(ctx);
    if (found.some((f) => !isEmpty(f.value))) return found;
    for (const alternative of alternatives) {
      const hits = alternative(ctx);
      if (hits.some((f) => !isEmpty(f.value))) return hits;
    }
    return found;
  };
}

/** One plain field (most entries): read on an object and made candidates at once, without the reader's list. */
function fieldOnObject(
  p: FieldPath,
  field: { name: string; escaped: string },
  def: PropertyDef,
  language: string,
): CompiledEntry {
  const read = reader(p);
  const { name, escaped } = field;
  const absolute = p.absolute;
  return (ctx) => {
    const node = absolute ? ctx.root : ctx.node;
    if (node === null || typeof node !== 'object') return [];
    if (Array.isArray(node)) {
      const out: Candidate[] = [];
      for (const f of read(ctx)) explodeInto(out, f.value, f.pointer, def, language);
      return out;
    }
    if (!own.call(node, name)) return [];
    const value = (node as Record<string, unknown>)[name];
    return value !== undefined
      ? explode(value, pointerBelow(absolute ? '' : ctx.base, escaped), def, language)
      : [];
  };
}

/** The plain field a template part reads directly on an object (undefined: read by the path reader). */
type FieldPart = { name: string; escaped: string } | undefined;

/** One part of a template: literal text, or a field's value (`raw`: `{+field}`, not percent-encoded). */
type TemplatePart = {
  literal: string | undefined;
  read: ((ctx: RecordContext) => Located[]) | undefined;
  field: FieldPart;
  absolute: boolean;
  raw: boolean;
};

/** A URI built from a template's parts, with the fields it read; none when a field has no value. */
function fillTemplate(parts: TemplatePart[], ctx: RecordContext): Candidate[] {
  let s = '';
  let first: string | undefined;
  // kept as provenance: made at its size (one or two fields), not grown
  let sources: string[] | undefined;
  for (const part of parts) {
    if (part.literal !== undefined) {
      s += part.literal;
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
      const hit = (part.read as (ctx: RecordContext) => Located[])(ctx)[0];
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
}

/** The producers of one crosswalk; each checks its entry and records its way in the ledger. */
export class Producers {
  constructor(
    private readonly check: CrosswalkCheck,
    private readonly ledger: DeclaredWays,
  ) {}

  /** `from`: a source field (or its older names), made candidates of the property. */
  from(e: EntrySpec, def: PropertyDef, scope: Scope, at: YamlPath): CompiledEntry | undefined {
    const language = e.language ?? this.check.defaultLanguage;
    const p = this.check.path(e.from, scope, [...at, 'from']);
    if (!p) return undefined;
    // a field's older names (profile `aliases`) are read when the field itself is absent
    const aliases = aliasPaths(p);
    this.ledger.declare(def, scope, [p, ...aliases], at, undefined, 'field');
    const languages =
      def.kind === 'text' && Array.isArray(e.languages) && e.split !== undefined
        ? { list: e.languages.map(String), separator: e.split }
        : undefined;
    this.check.parse(e);
    const parse = e.parse === 'json';
    const field = aliases.length === 0 && !languages && !parse ? plainField(p.segs) : undefined;
    if (field) return fieldOnObject(p, field, def, language);
    const read = withAliases(p, aliases);
    return (ctx) => {
      const out: Candidate[] = [];
      for (const f of read(ctx)) {
        if (languages && typeof f.value === 'string')
          splitLanguages(out, f.value, f.pointer, languages.list, languages.separator);
        else if (parse && typeof f.value === 'string') {
          // a list or map written as JSON text (CKAN extras): its items all come from the one field
          const parsed = parseJsonText(f.value);
          const items = Array.isArray(parsed) ? parsed : [parsed];
          for (const item of items)
            for (const c of explode(item, undefined, def, language))
              out.push({ ...c, sources: [f.pointer] });
        } else explodeInto(out, f.value, f.pointer, def, language);
      }
      return out;
    };
  }

  /** `value`: a constant. */
  constant(e: EntrySpec, def: PropertyDef, scope: Scope, at: YamlPath): CompiledEntry {
    const language = e.language ?? this.check.defaultLanguage;
    const value = e.value;
    this.ledger.declare(def, scope, [], at, undefined, 'constant');
    return () => explode(value, undefined, def, language);
  }

  /** `template`: a URI built from fields (`https://…/{id}`), each percent-encoded unless `{+field}`. */
  template(t: string, def: PropertyDef, scope: Scope, at: YamlPath): CompiledEntry | undefined {
    const parts: TemplatePart[] = [];
    const re = /\{(\+?)([^{}]+)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    const paths: FieldPath[] = [];
    while ((m = re.exec(t)) !== null) {
      if (m.index > last)
        parts.push({
          literal: t.slice(last, m.index),
          read: undefined,
          field: undefined,
          absolute: false,
          raw: false,
        });
      const p = this.check.path(m[2], scope, at);
      if (!p) return undefined;
      // a filter (`extras[key=uri].value`) names one value: its first match
      if (p.segs.includes(WILDCARD))
        this.check.problem(
          {
            en: `template "${t}": {${m[2]}} must name one value`,
            fr: `modèle « ${t} » : {${m[2]}} doit nommer une seule valeur`,
          },
          at,
        );
      paths.push(p);
      parts.push({
        literal: undefined,
        read: reader(p),
        field: plainField(p.segs),
        absolute: p.absolute,
        raw: m[1] === '+',
      });
      last = re.lastIndex;
    }
    if (last < t.length)
      parts.push({
        literal: t.slice(last),
        read: undefined,
        field: undefined,
        absolute: false,
        raw: false,
      });
    this.ledger.declare(def, scope, paths, at.slice(0, -1), undefined, 'template');
    return (ctx) => fillTemplate(parts, ctx);
  }

  /** `lang`: a path to a language map, or a map of language → path (paired fields). */
  lang(
    spec: string | Record<string, string>,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    if (typeof spec === 'string') return this.languageMap(spec, def, scope, at);
    if (!isPlainObject(spec)) return undefined; // said by the schema
    const pairs: { lang: string; read: (ctx: RecordContext) => Located[] }[] = [];
    for (const [lang, path] of Object.entries(spec)) {
      if (!isLanguageTag(lang))
        this.check.problem(
          {
            en: `"${lang}" is not a language tag`,
            fr: `« ${lang} » n’est pas une étiquette de langue`,
          },
          [...at, lang],
          true,
        );
      const p = this.check.path(path, scope, [...at, lang]);
      if (!p) continue;
      this.ledger.declare(def, scope, [p], at.slice(0, -1), lang, 'field');
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
        const v =
          def.kind === 'texts'
            ? hits.flatMap((h) => textList(h.value) ?? [])
            : typeof hit.value === 'string'
              ? hit.value.trim()
              : undefined;
        if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
        value[pair.lang] = v;
        langSources[pair.lang] = hit.pointer;
      }
      return Object.keys(value).length
        ? [{ value, sources: Object.values(langSources), langSources }]
        : [];
    };
  }

  /** `lang: path`: the language map a path reaches. */
  private languageMap(
    path: string,
    def: PropertyDef,
    scope: Scope,
    at: YamlPath,
  ): CompiledEntry | undefined {
    const p = this.check.path(path, scope, at);
    if (!p) return undefined;
    this.ledger.declare(def, scope, [p], at.slice(0, -1), undefined, 'field');
    const read = reader(p);
    const field = plainField(p.segs);
    if (!field) return (ctx) => languageMaps(read(ctx), def);
    // one field (most entries): read directly on an object, without the reader's list
    const { name, escaped } = field;
    const absolute = p.absolute;
    return (ctx) => {
      const node = absolute ? ctx.root : ctx.node;
      if (node === null || typeof node !== 'object' || Array.isArray(node))
        return languageMaps(read(ctx), def);
      if (!own.call(node, name)) return [];
      const value = (node as Record<string, unknown>)[name];
      const c = isPlainObject(value)
        ? languageMap(value, pointerBelow(absolute ? '' : ctx.base, escaped), def)
        : undefined;
      return c ? [c] : []; // (a list at its size, not grown)
    };
  }
}
