/**
 * Several reports from one run, after ESLint and Spectral: `-f/--format` may be repeated, and
 * `--output.<format> <file>` sends one format to a file (and asks for that format). Each format
 * without a file of its own goes to `-o/--output <file>`, or to standard output: at most one may.
 *
 *   passerelle validate exports/ --output.sarif report.sarif --output.json report.json
 *     → stylish on the terminal, SARIF and JSON in files
 *
 * `--quiet` keeps errors only in every report (the exit code still counts every finding, as in
 * ESLint); `--max-warnings <n>` makes a run with more than n warnings exit 1.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  FORMATTERS,
  pieces,
  type Chunk,
  type Formatter,
  type FormatterOptions,
} from '../report/formatters/index.js';
import type { RecordResult } from '../core/record.js';
import type { Summary } from '../core/summary.js';
import { UsageError } from '../util/errors.js';
import { supportsHyperlinks } from '../util/escape.js';
import { suggestion } from '../util/file-schema.js';
import { fileSink, stdoutSink, type Sink } from './output.js';
import { colourLevel } from './colour.js';
import type { OutputFlags } from './flags.js';
import { FORMAT_NAMES } from '../report/formatters/names.js';

export interface PlannedOutput {
  format: string;
  /** Absent: standard output. */
  file?: string;
}

/** Which format goes where; every problem is a usage error, raised before anything is read. */
export function planOutputs(o: OutputFlags): PlannedOutput[] {
  const files = new Map<string, string>();
  for (const name of FORMAT_NAMES) {
    const f = o[`output.${name}`];
    if (f !== undefined) files.set(name, f);
  }
  const formats: string[] = [];
  for (const f of o.format ?? ['stylish']) {
    if (!FORMATTERS[f])
      throw new UsageError(
        `--format: unknown format "${f}"${suggestion(f, FORMAT_NAMES)}`,
        `--format : format inconnu « ${f} »${suggestion(f, FORMAT_NAMES, 'fr')}`,
      );
    if (!formats.includes(f)) formats.push(f);
  }
  for (const f of files.keys()) if (!formats.includes(f)) formats.push(f);

  const rest = formats.filter((f) => !files.has(f));
  if (rest.length > 1) {
    throw new UsageError(
      `--format: ${rest.join(', ')} would all go to ${o.output ?? 'standard output'}; give all but one a file of its own with --output.<format> <file>`,
      `--format : ${rest.join(', ')} iraient tous vers ${o.output ?? 'la sortie standard'} ; donnez à tous sauf un leur propre fichier avec --output.<format> <fichier>`,
    );
  }
  const plan = formats.map((format) => ({
    format,
    file: files.get(format) ?? (rest[0] === format ? o.output : undefined),
  }));
  if (o.output !== undefined && rest.length === 0) {
    throw new UsageError(
      `--output: every format already has its own file (--output.<format>); nothing would go to ${o.output}`,
      `--output : chaque format a déjà son propre fichier (--output.<format>) ; rien n’irait vers ${o.output}`,
    );
  }
  const seen = new Map<string, string>();
  for (const p of plan) {
    if (p.file === undefined) continue;
    const flag = files.has(p.format) ? `--output.${p.format}` : '--output';
    if (!isDirectory(dirname(resolve(p.file))))
      throw new UsageError(
        `${flag}: ${p.file}: no such directory`,
        `${flag} : ${p.file} : dossier introuvable`,
      );
    const key = resolve(p.file);
    if (seen.has(key))
      throw new UsageError(
        `--output: ${p.file} is given for both ${seen.get(key)} and ${p.format}`,
        `--output : ${p.file} est donné à la fois pour ${seen.get(key)} et ${p.format}`,
      );
    seen.set(key, p.format);
  }
  return plan;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function parseMaxWarnings(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()))
    throw new UsageError(
      `--max-warnings: "${v}" is not a whole number (0 or more)`,
      `--max-warnings : « ${v} » n’est pas un nombre entier (0 ou plus)`,
    );
  return Number(v);
}

/** A record as `--quiet` shows it: errors only. Its status does not change (it depends on errors). */
export function errorsOnly(r: RecordResult): RecordResult {
  return r.findings.every((f) => f.severity === 'error')
    ? r
    : { ...r, findings: r.findings.filter((f) => f.severity === 'error') };
}

function errorsOnlySummary(s: Summary): Summary {
  return { ...s, findings: { error: s.findings.error, warning: 0, info: 0 } };
}

/** The reports of one run: each record goes to every format, each format to its destination. */
export class Outputs {
  private constructor(
    private readonly outputs: { formatter: Formatter; sink: Sink; toStdout: boolean }[],
    private readonly quiet: boolean,
    private readonly beforeWrite: () => void,
  ) {}

  /**
   * Opens every destination. `color` is `--color`/`--no-color` (colour.ts); `failOn` is the
   * run's threshold (JUnit marks records failed by it).
   */
  static open(
    plan: PlannedOutput[],
    options: Omit<FormatterOptions, 'color'> & {
      color?: boolean;
      quiet?: boolean;
      /** Called before a piece goes to standard output (the progress line is erased then). */
      beforeWrite?: () => void;
    },
  ): Outputs {
    const coloured = colourLevel(options.color) > 0;
    const outputs = plan.map((p) => ({
      formatter: FORMATTERS[p.format]({
        ...options,
        // files are never coloured; standard output as --color, FORCE_COLOR, NO_COLOR and a terminal say
        color: p.file === undefined && coloured,
        hyperlinks: p.file === undefined && supportsHyperlinks(process.stdout, process.env),
      }),
      sink: p.file === undefined ? stdoutSink() : fileSink(p.file),
      toStdout: p.file === undefined,
    }));
    return new Outputs(outputs, options.quiet ?? false, options.beforeWrite ?? (() => undefined));
  }

  private async write(pick: (f: Formatter) => Chunk): Promise<void> {
    for (const o of this.outputs)
      for (const piece of pieces(pick(o.formatter))) {
        if (piece && o.toStdout) this.beforeWrite();
        await o.sink.write(piece);
      }
  }

  start(): Promise<void> {
    return this.write((f) => f.start());
  }

  /** One record; `json`, when given, is `result` as JSON text (made by a worker), written as is by the formats that can. */
  record(checked: { result: RecordResult; json?: string }): Promise<void> {
    if (this.quiet) {
      const shown = errorsOnly(checked.result);
      return this.write((f) => f.record(shown));
    }
    // `result` is read only by formats that need it: a worker's result is parsed from its text then
    const json = checked.json;
    return this.write((f) =>
      json !== undefined && f.recordJson ? f.recordJson(json) : f.record(checked.result),
    );
  }

  /** Writes the summary and moves every file into place. */
  async end(summary: Summary): Promise<void> {
    const shown = this.quiet ? errorsOnlySummary(summary) : summary;
    await this.write((f) => f.end(shown));
    for (const o of this.outputs) await o.sink.close();
  }

  /** Drops partial files and what formatters hold. */
  abort(): void {
    for (const o of this.outputs) {
      o.formatter.dispose?.();
      o.sink.abort();
    }
  }
}
