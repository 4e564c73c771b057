/**
 * A progress line on stderr for people at a terminal waiting on a large catalogue: records read,
 * and when the inputs' size is known, bytes read of the total, percentage, rate and time left.
 * The line is cleared before anything else is written to the terminal (the report, a message), so
 * that none is left inside the report.
 */
import { statSync } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { word } from '../i18n/plural.js';
import { expandPaths } from '../sources/read.js';
import { inputBytesRead } from '../sources/meter.js';

export interface ProgressOptions {
  /** Draw at all: by default when stderr is a terminal and not in CI. */
  enabled?: boolean;
  /** Where the line goes (stderr). */
  stream?: { write(s: string): unknown };
  /** Milliseconds since some origin (Date.now): tests give their own clock. */
  now?: () => number;
  /** Bytes read so far (the input files' meter). */
  bytes?: () => number;
  /** Bytes of all inputs, when known (files): percentage and time left need it. */
  total?: number;
  /** Redraw every so many milliseconds (0: only when `draw()` is called). */
  every?: number;
}

/** Shown only once a run lasts long enough for a person to wonder whether it is still going. */
const AFTER_MS = 1000;
const CLEAR = '\r\x1b[2K';

export class Progress {
  private records = 0;
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly started: number;
  private readonly enabled: boolean;
  private readonly stream: { write(s: string): unknown };
  private readonly now: () => number;
  private readonly bytes: () => number;
  private readonly total: number | undefined;

  constructor(
    private readonly lang: Lang,
    o: ProgressOptions = {},
  ) {
    this.enabled = o.enabled ?? (Boolean(process.stderr.isTTY) && !process.env.CI);
    this.stream = o.stream ?? process.stderr;
    this.now = o.now ?? Date.now;
    const base = (o.bytes ?? inputBytesRead)();
    // bytes of this run only, whatever was read before it in the process
    this.bytes = () => (o.bytes ?? inputBytesRead)() - base;
    this.total = o.total;
    this.started = this.now();
    const every = o.every ?? 250;
    if (this.enabled && every > 0) this.timer = setInterval(() => this.draw(), every).unref();
  }

  tick(): void {
    this.records++;
  }

  /** The text of the line, e.g. "1,200 records read · 3.1 MB of 12 MB (25%) · 1.2 MB/s · 8 s left". */
  text(): string {
    const l = this.lang;
    const locale = `${l}-CA`;
    const seconds = Math.max((this.now() - this.started) / 1000, 0.001);
    const parts = [
      `${this.records.toLocaleString(locale)} ${word('recordsRead', this.records, l)}`,
    ];
    const total = this.total;
    const done = total !== undefined ? Math.min(this.bytes(), total) : this.bytes();
    if (total !== undefined && total > 0) {
      const unit = unitFor(total);
      const share = new Intl.NumberFormat(locale, { style: 'percent' }).format(done / total);
      parts.push(`${size(done, unit, l)} ${WORDS.of[l]} ${size(total, unit, l)} (${share})`);
      const rate = done / seconds;
      parts.push(`${size(rate, unitFor(rate), l)}/s`);
      if (rate > 0 && done < total)
        parts.push(WORDS.left[l].replace('{{t}}', duration((total - done) / rate)));
    } else {
      const rate = Math.round(this.records / seconds);
      parts.push(`${rate.toLocaleString(locale)}/s`);
    }
    return parts.join(' · ');
  }

  /** Shows the line, once the run has lasted a second. */
  draw(): void {
    if (!this.enabled || this.now() - this.started < AFTER_MS) return;
    this.shown = true;
    this.stream.write(`${CLEAR}  ${this.text()}`);
  }

  /** Erases the line before something else is written to the terminal; the next draw shows it again. */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stream.write(CLEAR);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }
}

const WORDS = {
  of: { en: 'of', fr: 'sur' },
  left: { en: 'about {{t}} left', fr: 'environ {{t}} restantes' },
} as const;

type Unit = 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte';

function unitFor(n: number): Unit {
  return n >= 1e9 ? 'gigabyte' : n >= 1e6 ? 'megabyte' : n >= 1e3 ? 'kilobyte' : 'byte';
}

const SCALE: Record<Unit, number> = { byte: 1, kilobyte: 1e3, megabyte: 1e6, gigabyte: 1e9 };

/** "3.1 MB", "3,1 Mo": one unit for the part and the whole, so that they compare at a glance. */
function size(n: number, unit: Unit, lang: Lang): string {
  return new Intl.NumberFormat(`${lang}-CA`, {
    style: 'unit',
    unit,
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(n / SCALE[unit]);
}

/** "8 s", "4 min", "1 h 5 min". */
function duration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Bytes of the files `paths` stand for, or undefined when one of them has no known size. */
export function inputSize(paths: readonly string[], followLinks = false): number | undefined {
  try {
    let total = 0;
    for (const e of expandPaths(paths, { followLinks })) {
      const s = statSync(e.path);
      if (!s.isFile()) return undefined;
      total += s.size;
    }
    return total;
  } catch {
    return undefined;
  }
}
