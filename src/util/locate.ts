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

const WS = new Set([0x20, 0x0a, 0x0d, 0x09, 0xfeff]);

function skipWs(t: string, i: number): number {
  while (i < t.length && WS.has(t.charCodeAt(i))) i++;
  return i;
}

function skipString(t: string, i: number): number {
  // t[i] === '"'
  i++;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

function skipValue(t: string, i: number): number {
  i = skipWs(t, i);
  const c = t[i];
  if (c === '"') return skipString(t, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < t.length) {
      const ch = t[i];
      if (ch === '"') {
        i = skipString(t, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < t.length && !',}] \n\r\t'.includes(t[i])) i++;
  return i;
}

/** Offset of the value at `pointer` (relative to the value starting at `start`), or -1. */
export function offsetOf(text: string, pointer: string, start = 0): number {
  const segments = parsePath(pointer);
  let i = skipWs(text, start);
  for (const seg of segments) {
    const c = text[i];
    if (c === '{') {
      i = skipWs(text, i + 1);
      let found = false;
      while (i < text.length && text[i] !== '}') {
        if (text[i] !== '"') return -1;
        const end = skipString(text, i);
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return -1;
        }
        i = skipWs(text, end);
        if (text[i] !== ':') return -1;
        i = skipWs(text, i + 1);
        if (key === seg) {
          found = true;
          break;
        }
        i = skipWs(text, skipValue(text, i));
        if (text[i] === ',') i = skipWs(text, i + 1);
      }
      if (!found) return -1;
    } else if (c === '[') {
      if (!/^\d+$/.test(seg)) return -1;
      let n = Number(seg);
      i = skipWs(text, i + 1);
      while (n > 0 && i < text.length && text[i] !== ']') {
        i = skipWs(text, skipValue(text, i));
        if (text[i] === ',') i = skipWs(text, i + 1);
        n--;
      }
      if (n > 0 || text[i] === ']') return -1;
    } else {
      return -1;
    }
  }
  return i;
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
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 0x0a) this.starts.push(i + 1);
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
}
