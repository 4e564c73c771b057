/**
 * Finds where a value sits in JSON text, so that findings can name a line and column
 * in the steward's own file (ajv and SHACL only give paths).
 * The scanner never builds values; it skips over them, so it costs one pass over the record text.
 */
import { parsePath } from './paths.js';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

/**
 * Characters the scanner has passed over (values skipped, keys looked into), for tests that check
 * its work grows with the text and not faster (test/quadratic.test.ts). Never reset here.
 */
export const scanned = { chars: 0 };

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

function skipWs(t: string, i: number): number {
  while (i < t.length && isWs(t.charCodeAt(i))) i++;
  return i;
}

function skipString(t: string, i: number): number {
  // t[i] === '"': find the closing quote, one that an odd run of backslashes does not escape
  for (;;) {
    const q = t.indexOf('"', i + 1);
    if (q < 0) return t.length;
    let b = q - 1;
    while (t.charCodeAt(b) === 0x5c) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    i = q;
  }
}

function skipValueAt(t: string, i: number): number {
  i = skipWs(t, i);
  const c = t.charCodeAt(i);
  if (c === 0x22) return skipString(t, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    while (i < t.length) {
      const ch = t.charCodeAt(i);
      if (ch === 0x22) {
        i = skipString(t, i);
        continue;
      }
      if (ch === 0x7b || ch === 0x5b) depth++;
      else if (ch === 0x7d || ch === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  // a number, true, false or null: up to the next delimiter
  for (;;) {
    const ch = t.charCodeAt(i);
    if (i >= t.length || ch === 0x2c || ch === 0x7d || ch === 0x5d || isWs(ch)) return i;
    i++;
  }
}

function skipValue(t: string, i: number): number {
  const end = skipValueAt(t, i);
  scanned.chars += end - i;
  return end;
}

/** The pointers still looked for below one value: a trie of their segments. */
interface Wanted {
  /** Offset of the value here once found (-1 until then); only looked at where a pointer ends. */
  offset: number;
  /** Whether a pointer ends here. */
  ends: boolean;
  /** The segments of the children, in the order first wanted (compared in the text while few). */
  keys: string[];
  /** Each segment's child, and each array index's child: looked up by hashing, see `childFor`. */
  byKey: Map<string, Wanted>;
  items: Map<number, Wanted>;
}

const wanted = (): Wanted => ({
  offset: -1,
  ends: false,
  keys: [],
  byKey: new Map(),
  items: new Map(),
});

/** Up to this many keys, a key in the text is compared with each in place (no slice); past it, hashed. */
const FEW_KEYS = 8;

/** Segments of each pointer, parsed once: the same source paths come back in every record (bounded all the same). */
const SEGMENTS = new Map<string, string[]>();
function segmentsOf(pointer: string): string[] {
  let segs = SEGMENTS.get(pointer);
  if (!segs) {
    segs = parsePath(pointer);
    if (SEGMENTS.size >= 10000) SEGMENTS.clear();
    SEGMENTS.set(pointer, segs);
  }
  return segs;
}

/** An array item's segment as its index (`2`), the way `String(n)` writes it; -1 for any other segment. */
function indexOf(seg: string): number {
  return /^(?:0|[1-9]\d*)$/.test(seg) ? Number(seg) : -1;
}

/**
 * The child of `node` for the segment `seg`, made if new. Looked up by hashing, not by a search of
 * the keys: a record with 300,000 audience codes has one finding per code, so /audience has 300,000
 * children, and a search of them for each pointer (and of the indices for each item scanned) cost
 * time quadratic in the size of the record (524 s for that record).
 */
function childFor(node: Wanted, seg: string): Wanted {
  let child = node.byKey.get(seg);
  if (!child) {
    child = wanted();
    node.byKey.set(seg, child);
    node.keys.push(seg);
    const n = indexOf(seg);
    if (n >= 0) node.items.set(n, child);
  }
  return child;
}

/** The trie of the pointers; `ends[k]`: the node where pointer k ends. */
function trieOf(pointers: readonly string[]): { root: Wanted; ends: Wanted[]; count: number } {
  const root = wanted();
  const ends: Wanted[] = [];
  let count = 0;
  for (const p of pointers) {
    let node = root;
    for (const seg of segmentsOf(p)) node = childFor(node, seg);
    if (!node.ends) count++;
    node.ends = true;
    ends.push(node);
  }
  return { root, ends, count };
}

/** One scan: the text and how many pointers are still to find. */
interface Scan {
  text: string;
  left: number;
}

/**
 * Whether the key whose quotes are at `i` and `end - 1` holds an escape (then it is compared
 * decoded). Looked for in the key only: a search for the next backslash of the text ran, in a
 * document with none, to its end for every record located (a 4,000-record package_search
 * response without one: 9.5 s, against 3 s for 2,000; now 3 s, and 2 s for 2,000).
 */
function hasEscape(text: string, i: number, end: number): boolean {
  scanned.chars += end - i;
  for (let k = i + 1; k < end - 1; k++) if (text.charCodeAt(k) === 0x5c) return true;
  return false;
}

/**
 * The child of `want` named by the key whose quotes are at `i` and `end - 1`, if one is wanted.
 * The key is compared in the text, without slicing it, unless it holds an escape (then JSON decodes it).
 */
function childAt(s: Scan, want: Wanted, i: number, end: number): Wanted | undefined {
  const text = s.text;
  const keys = want.keys;
  if (hasEscape(text, i, end)) {
    let key: string;
    try {
      key = JSON.parse(text.slice(i, end)) as string;
    } catch {
      return undefined;
    }
    return want.byKey.get(key);
  }
  // no escape: the text between the quotes is the key itself
  if (keys.length > FEW_KEYS) return want.byKey.get(text.slice(i + 1, end - 1));
  const n = end - i - 2;
  for (const key of keys)
    if (key.length === n && text.startsWith(key, i + 1)) return want.byKey.get(key);
  return undefined;
}

/** Returns where the value at `i` ends; once every pointer is found, the text's end (nothing more to read). */
function visit(s: Scan, i: number, want: Wanted): number {
  const text = s.text;
  i = skipWs(text, i);
  if (want.ends && want.offset < 0) {
    want.offset = i;
    if (--s.left === 0) return text.length;
  }
  if (!want.keys.length) return skipValue(text, i);
  const c = text.charCodeAt(i);
  if (c === 0x7b) {
    i = skipWs(text, i + 1);
    while (text.charCodeAt(i) === 0x22) {
      const end = skipString(text, i);
      const next = childAt(s, want, i, end);
      i = skipWs(text, end);
      if (text.charCodeAt(i) !== 0x3a) return text.length; // not JSON after all: stop looking
      i = skipWs(text, next ? visit(s, i + 1, next) : skipValue(text, i + 1));
      if (s.left === 0) return text.length;
      if (text.charCodeAt(i) === 0x2c) i = skipWs(text, i + 1);
    }
    return i + 1;
  }
  if (c === 0x5b) {
    i = skipWs(text, i + 1);
    for (let n = 0; i < text.length && text.charCodeAt(i) !== 0x5d; n++) {
      const item = want.items.get(n);
      i = skipWs(text, item ? visit(s, i, item) : skipValue(text, i));
      if (s.left === 0) return text.length;
      if (text.charCodeAt(i) === 0x2c) i = skipWs(text, i + 1);
    }
    return i + 1;
  }
  return skipValue(text, i);
}

/**
 * Offsets of the values at several JSON Pointers (relative to the value starting at `start`), in
 * one pass over the text, in the pointers' order (-1: not there). Only the branches that lead to a
 * wanted pointer are entered, the rest is skipped.
 */
function offsetList(text: string, pointers: readonly string[], start: number): number[] {
  const { root, ends, count } = trieOf(pointers);
  if (count > 0) visit({ text, left: count }, start, root);
  return ends.map((node) => node.offset);
}

/**
 * Offsets of the values at several JSON Pointers (relative to the value starting at `start`), in
 * one pass over the text: only the branches that lead to a wanted pointer are entered, the rest
 * is skipped. Pointers that do not exist (a missing field) are absent from the result.
 */
export function offsetsOf(
  text: string,
  pointers: readonly string[],
  start = 0,
): Map<string, number> {
  const found = new Map<string, number>();
  offsetList(text, pointers, start).forEach((off, k) => {
    if (off >= 0) found.set(pointers[k], off);
  });
  return found;
}

/** Offset of the value at `pointer` (relative to the value starting at `start`), or -1. */
export function offsetOf(text: string, pointer: string, start = 0): number {
  return offsetsOf(text, [pointer], start).get(pointer) ?? -1;
}

/**
 * Where the values at several JSON Pointers start and end in the text (relative to the value at
 * `start`), found in one pass; pointers that do not exist are absent.
 */
export function spansOf(
  text: string,
  pointers: readonly string[],
  start = 0,
): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const [p, from] of offsetsOf(text, pointers, start))
    out.set(p, [from, skipValue(text, from)]);
  return out;
}

/** Line/column arithmetic over one text, with the line index built once and only when asked for. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(
    private readonly text: string,
    /** Line number of the text's first character, for texts cut from a larger file (JSON Lines). */
    private readonly firstLine = 1,
  ) {}

  position(offset: number): Position {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1))
        this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: offset - this.starts[lo] + 1 };
  }

  locate(pointer: string, start = 0): Position | undefined {
    const off = offsetOf(this.text, pointer, start);
    return off < 0 ? undefined : this.position(off);
  }

  /** Several pointers in one pass over the text; the positions in the pointers' order. */
  locateAll(pointers: readonly string[], start = 0): (Position | undefined)[] {
    return offsetList(this.text, pointers, start).map((off) =>
      off < 0 ? undefined : this.position(off),
    );
  }
}

/** A record inside a JSON text: its fields are found by scanning the text from where the record starts. */
export class JsonLocator {
  constructor(
    private readonly index: LineIndex,
    private readonly offset: number,
  ) {}

  locate(pointer: string): Position | undefined {
    return this.index.locate(pointer, this.offset);
  }

  locateAll(pointers: readonly string[]): (Position | undefined)[] {
    return this.index.locateAll(pointers, this.offset);
  }
}
