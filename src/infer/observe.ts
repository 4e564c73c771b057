/**
 * What a sample of an unknown portal's records shows, field by field: where each field sits (its
 * path in the record tree; lists as items), in how many records it is filled, what its values look
 * like (text, dates, URLs, emails, numbers, language maps, codes a vocabulary knows) and which
 * values were seen. `infer` drafts a profile and a crosswalk from it.
 */
import { coerce, parseDate } from '../util/coerce.js';
import { isEmpty } from '../util/empty.js';
import { isLanguageTag } from '../core/lang.js';

/** Distinct values remembered per field (counts stay exact for those). */
export const MAX_DISTINCT = 100;

const URL_RE = /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface StringShape {
  count: number;
  dates: number;
  /** Dates with a time. */
  times: number;
  urls: number;
  emails: number;
  integers: number;
  numbers: number;
  booleans: number;
  /** JSON lists or maps written as text (CKAN extras). */
  json: number;
  /** With a space (sentences, names) rather than a code or a slug. */
  spaced: number;
  totalLength: number;
  maxLength: number;
}

/** One field of the records: a key of an object, or the items of a list (`*`). */
export class FieldNode {
  readonly children = new Map<string, FieldNode>();
  /** The items, when the field holds lists. */
  item?: FieldNode;
  /** Records in which the field has a value, and which (by their order in the sample). */
  records = 0;
  readonly inRecords: number[] = [];
  private lastRecord = -1;
  /** Records in which it holds a plain value (text, number, true or false), not an object or a list. */
  readonly scalarRecords: number[] = [];
  private lastScalar = -1;
  /** Values seen (each item of a list counts on the item). */
  values = 0;
  /** Plain strings (not texts of a language map). */
  plain = 0;
  /** Shapes of every text seen, plain or in a language map. */
  strings: StringShape = {
    count: 0,
    dates: 0,
    times: 0,
    urls: 0,
    emails: 0,
    integers: 0,
    numbers: 0,
    booleans: 0,
    json: 0,
    spaced: 0,
    totalLength: 0,
    maxLength: 0,
  };
  numbers = 0;
  integers = 0;
  /** Whole numbers of 9 or 10 digits: seconds since 1970 (Socrata dates). */
  epochs = 0;
  booleans = 0;
  objects = 0;
  arrays = 0;
  /** Items of the lists, all together (for the mean length). */
  arrayItems = 0;
  /** Objects whose keys are all language tags: language → values. */
  langMaps = 0;
  readonly languages = new Map<string, number>();
  /** Language maps whose values are lists (keywords per language). */
  langLists = 0;
  readonly distinct = new Map<string, number>();
  /** More distinct values were seen than remembered. */
  overflow = false;

  constructor(
    readonly name: string,
    readonly parent?: FieldNode,
  ) {}

  /** Names from the record root, lists as `*`. */
  get segments(): string[] {
    const out: string[] = [];
    for (let n: FieldNode | undefined = this; n?.parent; n = n.parent) out.unshift(n.name);
    return out;
  }

  child(name: string): FieldNode {
    let c = this.children.get(name);
    if (!c) this.children.set(name, (c = new FieldNode(name, this)));
    return c;
  }

  items(): FieldNode {
    return (this.item ??= new FieldNode('*', this));
  }

  hit(record: number): void {
    if (this.lastRecord !== record) {
      this.lastRecord = record;
      this.records++;
      this.inRecords.push(record);
    }
  }

  scalar(record: number): void {
    if (this.lastScalar !== record) {
      this.lastScalar = record;
      this.scalarRecords.push(record);
    }
  }

  remember(value: string): void {
    const n = this.distinct.get(value);
    if (n !== undefined) this.distinct.set(value, n + 1);
    else if (this.distinct.size < MAX_DISTINCT) this.distinct.set(value, 1);
    else this.overflow = true;
  }

  /** Whether every value seen (non-empty) is of this shape. */
  only(kind: 'strings' | 'numbers' | 'booleans' | 'objects' | 'arrays' | 'langMaps'): boolean {
    const counts = {
      strings: this.plain,
      numbers: this.numbers,
      booleans: this.booleans,
      objects: this.objects,
      arrays: this.arrays,
      langMaps: this.langMaps,
    };
    return counts[kind] > 0 && Object.entries(counts).every(([k, n]) => k === kind || n === 0);
  }
}

/** The fields of a sample of records, gathered record by record. */
export class Observation {
  readonly root = new FieldNode('');
  records = 0;

  /** `isLanguage`: whether a key is a language (keys that look like tags, such as `fn`, may be fields). */
  constructor(
    private readonly isLanguage: (tag: string) => boolean = (t) => /^(en|fr|und)(-|$)/.test(t),
  ) {}

  private isLangMap(v: Record<string, unknown>): boolean {
    const keys = Object.keys(v);
    if (!keys.length || !keys.every((k) => isLanguageTag(k) && this.isLanguage(k))) return false;
    return Object.values(v).every(
      (x) =>
        x === null ||
        typeof x === 'string' ||
        (Array.isArray(x) && x.every((i) => typeof i === 'string')),
    );
  }

  add(record: unknown): void {
    const index = this.records++;
    if (record !== null && typeof record === 'object' && !Array.isArray(record))
      this.walkObject(record as Record<string, unknown>, this.root, index);
  }

  private walkObject(obj: Record<string, unknown>, node: FieldNode, record: number): void {
    for (const [k, v] of Object.entries(obj)) this.walk(v, node.child(k), record);
  }

  private walk(v: unknown, node: FieldNode, record: number): void {
    if (isEmpty(v)) return;
    node.hit(record);
    node.values++;
    if (typeof v !== 'object') node.scalar(record);
    if (typeof v === 'string') return this.string(v.trim(), node);
    if (typeof v === 'number') {
      node.numbers++;
      if (Number.isInteger(v)) {
        node.integers++;
        if (v >= 1e8 && v < 1e10) node.epochs++;
      }
      node.remember(String(v));
      return;
    }
    if (typeof v === 'boolean') {
      node.booleans++;
      node.remember(String(v));
      return;
    }
    if (Array.isArray(v)) {
      node.arrays++;
      const items = node.items();
      for (const x of v) {
        if (isEmpty(x)) continue;
        node.arrayItems++;
        this.walk(x, items, record);
      }
      return;
    }
    const obj = v as Record<string, unknown>;
    if (this.isLangMap(obj)) {
      node.langMaps++;
      for (const [lang, text] of Object.entries(obj)) {
        if (isEmpty(text)) continue;
        node.languages.set(lang, (node.languages.get(lang) ?? 0) + 1);
        if (Array.isArray(text)) {
          node.langLists++;
          for (const t of text) this.string(t.trim(), node, false);
        } else this.string(String(text).trim(), node, false);
      }
      return;
    }
    node.objects++;
    this.walkObject(obj, node, record);
  }

  private string(s: string, node: FieldNode, count = true): void {
    const x = node.strings;
    x.count++;
    if (count) node.plain++;
    const d = parseDate(s);
    if (d) {
      x.dates++;
      if (d.dateTime) x.times++;
    }
    if (URL_RE.test(s)) x.urls++;
    if (EMAIL_RE.test(s.replace(/^mailto:/i, ''))) x.emails++;
    if (/^\d+$/.test(s)) x.integers++;
    if (coerce(s, 'number') !== undefined) x.numbers++;
    if (/^(true|false)$/i.test(s)) x.booleans++;
    if ((s.startsWith('[') || s.startsWith('{')) && coerce(s, 'json') !== undefined) x.json++;
    if (/\s/.test(s)) x.spaced++;
    x.totalLength += s.length;
    x.maxLength = Math.max(x.maxLength, s.length);
    node.remember(s);
  }
}
