/** What `--workers <n|auto>` asks for (flags.ts registers it), for `validate` and `convert`. */
import { autoWorkers } from '../engine/parallel.js';
import type { Bilingual } from '../core/lang.js';
import { UsageError } from '../util/errors.js';
import { MAX_WORKERS } from './flags.js';

/** A whole number from 1 to MAX_WORKERS, or `auto`: one per core when the inputs are large enough to pay for starting them. */
export function parseWorkers(v: string | undefined, paths: readonly string[]): number {
  if (v === undefined || v === 'auto') return autoWorkers(paths);
  return wholeNumber('--workers', v, 1, MAX_WORKERS, { en: ' (or auto)', fr: ' (ou auto)' });
}

/** A whole number within [min, max] from an option's text, or a usage error naming the range. */
export function wholeNumber(
  option: string,
  v: string,
  min: number,
  max: number,
  also: Bilingual = { en: '', fr: '' },
): number {
  const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(
      `${option}: "${v}" is not a whole number from ${min} to ${max}${also.en}`,
      `${option} : « ${v} » n’est pas un nombre entier de ${min} à ${max}${also.fr}`,
    );
  return n;
}
