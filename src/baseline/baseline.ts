/**
 * A baseline: the findings a catalogue is known to have, so that CI gates only on new ones
 * (`--baseline <file>`; `--update-baseline` writes it). A finding is known by what stays put from
 * one export to the next: the profile, the record id, the rule, the common-record property and the
 * source path; never its line (records move) or message (ages change with the date). Counts let a
 * record carry the same finding several times. Unreadable records (`input/parse-error`) have no
 * id and are never baselined: a broken export always needs fixing.
 */
import { readFileSync } from 'node:fs';
import { jsonText } from '../util/escape.js';
import type { RecordResult } from '../core/record.js';
import { statusOf } from '../core/record.js';
import { ConfigError } from '../util/errors.js';
import { jsonErrorReason } from '../i18n/read-errors.js';
import { relativeToCwd } from '../util/files.js';
import { LineIndex } from '../util/locate.js';
import { loadYaml } from '../util/yaml.js';

export const BASELINE_FORMAT = 1;

export interface BaselineEntry {
  profile: string;
  record: string;
  ruleId: string;
  property?: string;
  sourcePath?: string;
  /** How many such findings the record has; 1 when absent. */
  count?: number;
}

export interface BaselineFile {
  passerelleBaseline: typeof BASELINE_FORMAT;
  findings: BaselineEntry[];
}

type Keyed = Pick<BaselineEntry, 'profile' | 'record' | 'ruleId' | 'property' | 'sourcePath'>;
const keyOf = (e: Keyed): string =>
  [e.profile, e.record, e.ruleId, e.property ?? '', e.sourcePath ?? ''].join('\u0000');

function* keysOf(r: RecordResult): Generator<[string, RecordResult['findings'][number]]> {
  if (r.id === null || r.profile === null) return;
  for (const f of r.findings)
    yield [
      keyOf({
        profile: r.profile,
        record: r.id,
        ruleId: f.ruleId,
        property: f.property,
        sourcePath: f.sourcePath,
      }),
      f,
    ];
}

/** The known findings, consumed as records are checked. */
export class Baseline {
  private readonly remaining = new Map<string, number>();
  constructor(
    entries: readonly BaselineEntry[],
    /** The file it came from, for the report. */
    readonly file?: string,
  ) {
    for (const e of entries)
      this.remaining.set(keyOf(e), (this.remaining.get(keyOf(e)) ?? 0) + (e.count ?? 1));
  }

  /** Leaves out the record's known findings; its status and counts then concern new findings only. */
  apply(r: RecordResult): RecordResult {
    let known = 0;
    const kept = [];
    for (const [key, f] of keysOf(r)) {
      const left = this.remaining.get(key) ?? 0;
      if (left > 0) {
        this.remaining.set(key, left - 1);
        known++;
      } else {
        kept.push(f);
      }
    }
    if (known === 0) return r;
    r.findings = kept;
    r.baselined = known;
    r.status = statusOf(kept, r.status === 'rejected');
    return r;
  }
}

/** Gathers every finding of a run, to write as the new baseline (`--update-baseline`). */
export class BaselineRecorder {
  private readonly counts = new Map<string, { entry: BaselineEntry; count: number }>();

  add(r: RecordResult): void {
    for (const [key, f] of keysOf(r)) {
      const hit = this.counts.get(key);
      if (hit) hit.count++;
      else {
        const entry: BaselineEntry = {
          profile: r.profile as string,
          record: r.id as string,
          ruleId: f.ruleId,
        };
        if (f.property !== undefined) entry.property = f.property;
        if (f.sourcePath !== undefined) entry.sourcePath = f.sourcePath;
        this.counts.set(key, { entry, count: 1 });
      }
    }
  }

  /** Records the record's findings and leaves them out of it, as the new baseline will. */
  record(r: RecordResult): RecordResult {
    this.add(r);
    const entries = [...keysOf(r)].map(([, f]) => ({
      profile: r.profile as string,
      record: r.id as string,
      ruleId: f.ruleId,
      property: f.property,
      sourcePath: f.sourcePath,
    }));
    return new Baseline(entries).apply(r);
  }

  get size(): number {
    let n = 0;
    for (const { count } of this.counts.values()) n += count;
    return n;
  }

  /** The baseline file: entries in a stable order, one per line, so that it diffs well under version control. */
  toJSON(): string {
    const entries = [...this.counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { entry, count }]) => jsonText(count > 1 ? { ...entry, count } : entry));
    return `{"passerelleBaseline": ${BASELINE_FORMAT}, "findings": [${entries.length ? `\n  ${entries.join(',\n  ')}\n` : ''}]}\n`;
  }
}

/** Reads a baseline file; a problem is reported with the file, line and column. */
export function loadBaseline(file: string): Baseline {
  const shown = relativeToCwd(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ConfigError(
      `cannot read the baseline (${why})`,
      shown,
      `lecture du fichier de référence impossible (${why})`,
    );
  }
  const lines = new LineIndex(text);
  /** Where a value is, or the closest enclosing value that exists (a missing field: its entry). */
  const at = (pointer: string): string => {
    for (let ptr = pointer; ; ptr = ptr.slice(0, ptr.lastIndexOf('/'))) {
      const p = lines.locate(ptr);
      if (p) return `${shown}:${p.line}:${p.column}`;
      if (!ptr) return shown;
    }
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // JSON.parse seldom says where; the YAML parser (JSON is YAML) does
    let where = shown;
    try {
      loadYaml(file, text);
    } catch (y) {
      if (y instanceof ConfigError && y.where) where = y.where;
    }
    throw new ConfigError(
      `the baseline is not valid JSON (${(e as Error).message.split('\n')[0]})`,
      where,
      `le fichier de référence n’est pas du JSON valide (${jsonErrorReason(e as Error).fr})`,
    );
  }
  const d = data as Partial<BaselineFile>;
  if (
    !d ||
    typeof d !== 'object' ||
    d.passerelleBaseline !== BASELINE_FORMAT ||
    !Array.isArray(d.findings)
  ) {
    throw new ConfigError(
      `not a Passerelle baseline (expected {"passerelleBaseline": ${BASELINE_FORMAT}, "findings": [...]})`,
      at(''),
      `pas un fichier de référence de Passerelle ({"passerelleBaseline": ${BASELINE_FORMAT}, "findings": [...]} attendu)`,
    );
  }
  d.findings.forEach((e, i) => {
    const bad = (field: string, what: string, fr: string): never => {
      throw new ConfigError(
        `finding ${i + 1}: ${field} ${what}`,
        at(`/findings/${i}${field === 'entry' ? '' : `/${field}`}`),
        `constat ${i + 1} : ${field} ${fr}`,
      );
    };
    if (!e || typeof e !== 'object' || Array.isArray(e))
      bad('entry', 'must be an object', 'doit être un objet');
    for (const k of ['profile', 'record', 'ruleId'] as const)
      if (typeof e[k] !== 'string' || !e[k])
        bad(k, 'must be a non-empty string', 'doit être un texte non vide');
    for (const k of ['property', 'sourcePath'] as const)
      if (e[k] !== undefined && typeof e[k] !== 'string')
        bad(k, 'must be a string', 'doit être du texte');
    if (e.count !== undefined && !(Number.isInteger(e.count) && e.count > 0))
      bad('count', 'must be a positive whole number', 'doit être un nombre entier positif');
  });
  return new Baseline(d.findings, shown);
}
