/**
 * The name caches: property paths of the common record (`distribution[2].title@en`) made once and
 * kept. The same few come back in every record, and a name kept is hashed once (for the language
 * entries already given, `RecordContext.provenanceKeys`), not once per record.
 */

/** `prefix.name` (`name` for the dataset). */
export function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** Names kept in all (past it, started again: a record may give any number of items and languages). */
const MAX_NAMES = 10000;
/** Languages and items one property keeps the names of. */
const MAX_NAMED = 64;
/** Prefixes an object keeps the names of its properties below (past it, started again). */
export const MAX_PREFIXES = 1000;

/** Names made of two parts, kept by both. Bounded: past MAX_NAMES, started again. */
class NameCache {
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

/** `prefix.name` (`name` for the dataset). */
export const PROPERTY_NAMES = new NameCache((prefix, name) => join(prefix, name as string));
/** `property@lang`. */
export const LANGUAGE_NAMES = new NameCache((property, lang) => `${property}@${lang}`);
/** `property[i]`. */
export const ITEM_NAMES = new NameCache((property, i) => `${property}[${i}]`);

/**
 * The names of one property of one object (`distribution[2].title`): of its languages and items,
 * looked up once here rather than in the shared caches each time.
 */
export class PropertyNames {
  private readonly languages = new Map<string, string>();
  private readonly items: string[] = [];
  constructor(readonly property: string) {}

  /** `property@lang`. */
  language(lang: string): string {
    let name = this.languages.get(lang);
    if (name === undefined) {
      name = LANGUAGE_NAMES.get(this.property, lang);
      if (this.languages.size < MAX_NAMED) this.languages.set(lang, name);
    }
    return name;
  }

  /** `property[i]`. */
  item(i: number): string {
    if (i >= MAX_NAMED) return ITEM_NAMES.get(this.property, i);
    return (this.items[i] ??= ITEM_NAMES.get(this.property, i));
  }
}
