/**
 * Fixes written into an export's own text: each fixed value's text is replaced where it stands,
 * and nothing else moves, so that unchanged records, fields, key order, indentation and escapes
 * stay byte for byte (a re-serialised record would lose them). A gzipped file stays gzipped. Only
 * JSON text can be edited so: JSON documents (CKAN package_show and package_search, DCAT-US
 * data.json, lists of records) and JSON Lines; records of other formats are reported as not
 * fixable, never silently skipped.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Bilingual } from '../core/lang.js';
import { sameJson } from '../engine/fixes.js';
import { spansOf } from '../util/locate.js';
import type { PlannedFix, RecordFixes } from './plan.js';

/** Why a fix or a file is left as it is, in both languages. */
export const NOT_APPLIED = {
  format: {
    en: 'not fixable: fix writes JSON, JSON Lines and CKAN exports only (this file is not JSON)',
    fr: 'non corrigeable : fix n’écrit que des exports JSON, JSON Lines et CKAN (ce fichier n’est pas du JSON)',
  },
  encoding: {
    en: 'not fixable: the file is not UTF-8 (export it again as UTF-8 first)',
    fr: 'non corrigeable : le fichier n’est pas en UTF-8 (exportez-le d’abord en UTF-8)',
  },
  differs: {
    en: 'not applied: the file does not hold the old value there (changed since it was read?)',
    fr: 'non appliquée : le fichier ne contient pas l’ancienne valeur à cet endroit (modifié depuis la lecture ?)',
  },
  conflict: {
    en: 'not applied: another fix touches the same field',
    fr: 'non appliquée : une autre correction touche le même champ',
  },
} satisfies Record<string, Bilingual>;

export type Reason = keyof typeof NOT_APPLIED;

/** A record as fixed: its fixes applied, those that could not be, and the record after them. */
export interface FixedRecord extends RecordFixes {
  applied: PlannedFix[];
  skipped: { fix: PlannedFix; reason: Reason }[];
  /** The record's value once fixed (for CKAN payloads); absent when nothing was applied. */
  after?: unknown;
}

export interface EditedFile {
  file: string;
  /** The new bytes (gzipped again when the input was); absent when the file cannot be edited. */
  bytes?: Buffer;
  /** Why the file cannot be edited. */
  unfixable?: Reason;
  records: FixedRecord[];
  /** Whether any fix was applied (else the bytes are the input's). */
  changed: boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The file's text, gzip undone; undefined when it is not UTF-8. */
function textOf(bytes: Buffer): { text: string; gzipped: boolean } | undefined {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  try {
    return { text: UTF8.decode(gzipped ? gunzipSync(bytes) : bytes), gzipped };
  } catch {
    return undefined;
  }
}

/** Offsets where each line starts (index 0: line 1), found once per file. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The new value written as the old one was: with `\u` escapes for non-ASCII characters when the
 * old text had them (Python's `ensure_ascii`), with `\/` when the old text escaped slashes (PHP).
 */
export function jsonLike(value: unknown, oldText: string): string {
  let s = JSON.stringify(value);
  if (/\\u[0-9a-fA-F]{4}/.test(oldText))
    s = s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (oldText.includes('\\/')) s = s.replace(/\//g, '\\/');
  return s;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** The text with its edits made (`base`: the text's offset in the file the edits count in); one pass. */
function applyEdits(text: string, edits: readonly Edit[], base = 0): string {
  const parts: string[] = [];
  let at = base;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    parts.push(text.slice(at - base, e.from - base), e.text);
    at = e.to;
  }
  parts.push(text.slice(at - base));
  return parts.join('');
}

/**
 * Where each record is in the text: by its pointer in a JSON document (all of the file's found in
 * one pass), else by its line (JSON Lines, a one-record document). Linear in the file, however many
 * records have fixes.
 */
function recordSpans(
  text: string,
  records: readonly RecordFixes[],
): Map<RecordFixes, [number, number] | undefined> {
  const pointers = records.flatMap((r) =>
    r.source.pointer === undefined ? [] : [r.source.pointer],
  );
  const byPointer = pointers.length ? spansOf(text, pointers) : new Map<string, [number, number]>();
  let starts: number[] | undefined;
  const out = new Map<RecordFixes, [number, number] | undefined>();
  for (const r of records) {
    if (r.source.pointer !== undefined) out.set(r, byPointer.get(r.source.pointer));
    else {
      starts ??= lineStarts(text);
      const start = starts[(r.source.line ?? 1) - 1];
      out.set(r, start === undefined ? undefined : spansOf(text, [''], start).get(''));
    }
  }
  return out;
}

/** One record's fixes as edits of the text, each checked against the old value it replaces. */
function editRecord(
  text: string,
  r: RecordFixes,
  span: [number, number] | undefined,
): { fixed: FixedRecord; edits: Edit[] } {
  const fixed: FixedRecord = {
    ...r,
    applied: [],
    skipped: r.conflicts.map((fix) => ({ fix, reason: 'conflict' as const })),
  };
  const edits: Edit[] = [];
  const spans = span
    ? spansOf(
        text,
        r.fixes.map((f) => f.pointer),
        span[0],
      )
    : undefined;
  for (const fix of r.fixes) {
    const at = spans?.get(fix.pointer);
    const old = at && text.slice(at[0], at[1]);
    let same = false;
    try {
      same = old !== undefined && sameJson(JSON.parse(old), fix.old);
    } catch {
      same = false;
    }
    if (!at || !same) {
      fixed.skipped.push({ fix, reason: 'differs' });
      continue;
    }
    edits.push({ from: at[0], to: at[1], text: jsonLike(fix.new, old as string) });
    fixed.applied.push(fix);
  }
  if (span && edits.length)
    fixed.after = JSON.parse(applyEdits(text.slice(span[0], span[1]), edits, span[0]));
  return { fixed, edits };
}

/** A file with its records' fixes applied to its text (records of other files are ignored). */
export function editFile(file: string, records: readonly RecordFixes[]): EditedFile {
  const unfixable = (reason: Reason): EditedFile => ({
    file,
    unfixable: reason,
    changed: false,
    records: records.map((r) => ({
      ...r,
      applied: [],
      skipped: [...r.fixes, ...r.conflicts].map((fix) => ({ fix, reason })),
    })),
  });
  const bytes = readFileSync(file);
  const read = textOf(bytes);
  if (!read) return unfixable('encoding');
  // JSON-LD is RDF: its records are graphs, not the file's objects
  const first = read.text.replace(/^[\uFEFF\s]+/, '')[0];
  if ((first !== '{' && first !== '[') || /\.jsonld(\.gz)?$/i.test(file))
    return unfixable('format');
  const edits: Edit[] = [];
  const out: FixedRecord[] = [];
  const spans = recordSpans(read.text, records);
  for (const r of records) {
    const e = editRecord(read.text, r, spans.get(r));
    out.push(e.fixed);
    edits.push(...e.edits);
  }
  if (edits.length === 0) return { file, bytes, records: out, changed: false };
  const text = applyEdits(read.text, edits);
  const raw = Buffer.from(text, 'utf8');
  return { file, bytes: read.gzipped ? gzipSync(raw) : raw, records: out, changed: true };
}
