/** `--workers <n|auto>`, shared by `validate` and `convert`. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { autoWorkers } from '../engine/parallel.js';
import type { Bilingual } from '../core/lang.js';
import { UsageError } from '../util/errors.js';

/**
 * Worker threads at most: the machine's cores, at least 4, at most 16. Each holds a pipeline
 * (~50 MB) and wants a core, so more only costs memory (a thousand took 11 GB and ignored SIGTERM).
 */
export const MAX_WORKERS = Math.min(16, Math.max(4, availableParallelism()));

export function addWorkersOption(cmd: Command): Command {
  return cmd.option(
    '--workers <n>',
    `worker threads for JSON Lines inputs (1: none; at most ${MAX_WORKERS}: the cores, at least 4, at most 16; auto: one per core, up to 4, for inputs of 4 MB or more)`,
    'auto',
  );
}

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
