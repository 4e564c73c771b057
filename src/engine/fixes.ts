/**
 * A finding's fix is kept only when the source record holds the value it corrects, where it says:
 * a rule judging the common record (`input/encoding`) knows the text, and the crosswalk tells the
 * source field it came from, which may be a language map or a list holding it. The fix then names
 * the one string inside that field equal to the text; when there is none, or several, it is dropped
 * (a fix is certain or it is not given).
 */
import type { Finding, Fix } from '../core/finding.js';
import { hasOwn } from '../util/own.js';
import { parsePath, toPointer } from '../util/paths.js';

/** The value at a JSON Pointer of `root`, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of parsePath(pointer)) {
    if (Array.isArray(node) && /^\d+$/.test(seg)) node = node[Number(seg)];
    else if (node && typeof node === 'object' && hasOwn(node, seg))
      node = (node as Record<string, unknown>)[seg];
    else return undefined;
  }
  return node;
}

/** Pointers, under `base`, of the strings inside `node` equal to `text` (at most two: one is wanted). */
function stringsEqual(node: unknown, text: string, base: string, out: string[]): void {
  if (out.length > 1) return;
  if (node === text) out.push(base);
  else if (Array.isArray(node)) node.forEach((v, i) => stringsEqual(v, text, `${base}/${i}`, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) stringsEqual(v, text, base + toPointer([k]), out);
}

/** Deep equality of JSON values (a fix's old value against the record's). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fix as it applies to `record`, or undefined when the record does not hold its old value. */
export function fixIn(record: unknown, fix: Fix): Fix | undefined {
  const at = valueAt(record, fix.pointer);
  if (at === undefined) return undefined;
  if (sameJson(at, fix.old)) return fix;
  if (typeof fix.old !== 'string' || typeof at !== 'object' || at === null) return undefined;
  const found: string[] = [];
  stringsEqual(at, fix.old, fix.pointer, found);
  return found.length === 1 ? { ...fix, pointer: found[0] } : undefined;
}

/** Each finding's fix checked against the source record: kept (its pointer made exact) or dropped. */
export function checkFixes(findings: Finding[], record: unknown): void {
  for (const f of findings) {
    if (!f.fix) continue;
    // a fix with no source field (the finding has none) cannot be placed
    const fix = f.fix.pointer === undefined ? undefined : fixIn(record, f.fix);
    if (fix) f.fix = fix;
    else delete f.fix;
  }
}
