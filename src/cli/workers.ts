/** `--workers <n|auto>`, shared by `validate` and `convert`. */
import type { Command } from 'commander';
import { autoWorkers } from '../engine/parallel.js';
import { UsageError } from '../util/errors.js';

export function addWorkersOption(cmd: Command): Command {
  return cmd.option('--workers <n>', 'worker threads for JSON Lines inputs (1: none; auto: one per core, up to 4, for inputs of 4 MB or more)', 'auto');
}

/** A whole number above 0, or `auto`: one per core when the inputs are large enough to pay for starting them. */
export function parseWorkers(v: string | undefined, paths: readonly string[]): number {
  if (v === undefined || v === 'auto') return autoWorkers(paths);
  if (!/^\d+$/.test(v.trim()) || Number(v) < 1) throw new UsageError(`--workers: "${v}" is not a whole number above 0 (or auto)`);
  return Number(v);
}
