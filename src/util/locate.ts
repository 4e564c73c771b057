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

function skipValue(t: string, i: number): number {
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

/** The pointers still looked for below one value: a trie of their segments. */
interface Wanted {
  /** The pointer that ends here, if one does. */
  pointer?: string;
  children?: Map<string, Wanted>;
}

function trieOf(pointers: readonly string[]): { root: Wanted; count: number } {
  const root: Wanted = {};
  let count = 0;
  for (const p of pointers) {
    let node = root;
    for (const seg of parsePath(p)) {
      node.children ??= new Map();
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = {}));
      node = next;
    }
    if (node.pointer === undefined) count++;
    node.pointer = p;
  }
  return { root, count };
}

/** A key's text: sliced as is unless it holds an escape (then JSON decodes it). */
function keyAt(text: string, i: number, end: number): string | undefined {
  const raw = text.slice(i + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(i, end)) as string;
  } catch {
    return undefined;
  }
}

/**
 * Offsets of the values at several JSON Pointers (relative to the value starting at `start`), in
 * one pass over the text: only the branches that lead to a wanted pointer are entered, the rest
 * is skipped. Pointers that do not exist (a missing field) are absent from the result.
 */
export function offsetsOf(text: string, pointers: readonly string[], start = 0): Map<string, number> {
  const found = new Map<string, number>();
  const { root, count } = trieOf(pointers);
  let left = count;
  // Returns where the value ends; once every pointer is found, the text's end (nothing more to read).
  const visit = (i: number, want: Wanted): number => {
    i = skipWs(text, i);
    if (want.pointer !== undefined && !found.has(want.pointer)) {
      found.set(want.pointer, i);
      if (--left === 0) return text.length;
    }
    const children = want.children;
    if (!children) return skipValue(text, i);
    const c = text[i];
    if (c === '{') {
      i = skipWs(text, i + 1);
      while (text[i] === '"') {
        const end = skipString(text, i);
        const key = keyAt(text, i, end);
        i = skipWs(text, end);
        if (text[i] !== ':') return text.length; // not JSON after all: stop looking
        const next = key === undefined ? undefined : children.get(key);
        i = skipWs(text, next ? visit(i + 1, next) : skipValue(text, i + 1));
        if (left === 0) return text.length;
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      return i + 1;
    }
    if (c === '[') {
      i = skipWs(text, i + 1);
      for (let n = 0; i < text.length && text[i] !== ']'; n++) {
        const next = children.get(String(n));
        i = skipWs(text, next ? visit(i, next) : skipValue(text, i));
        if (left === 0) return text.length;
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      return i + 1;
    }
    return skipValue(text, i);
  };
  if (count > 0) visit(start, root);
  return found;
}

/** Offset of the value at `pointer` (relative to the value starting at `start`), or -1. */
export function offsetOf(text: string, pointer: string, start = 0): number {
  return offsetsOf(text, [pointer], start).get(pointer) ?? -1;
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
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
    const offsets = offsetsOf(this.text, pointers, start);
    return pointers.map((p) => {
      const off = offsets.get(p);
      return off === undefined ? undefined : this.position(off);
    });
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
