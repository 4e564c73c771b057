/**
 * Options several commands share, registered without loading the code that reads them: `passerelle
 * --help` and every command start with the option lists alone (docs/performance.md, "Start-up").
 * What they mean is in outputs.ts (the reports of a run) and workers.ts (`--workers`).
 */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { FORMAT_NAMES } from '../report/formatters/names.js';

export interface OutputFlags {
  format?: string[];
  output?: string;
  quiet?: boolean;
  maxWarnings?: string;
  /** `--output.<format>` values, as commander names them. */
  [outputFor: `output.${string}`]: string | undefined;
}

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** Registers the output flags on a command (outputs.ts says what they do). */
export function addOutputOptions(cmd: Command): Command {
  cmd
    .addOption(
      new Option(
        '-f, --format <format>',
        `report format, repeatable: ${FORMAT_NAMES.join(', ')} (default: stylish)`,
      ).argParser(collect),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file instead of standard output (the format that has no --output.<format>)',
    )
    .option(
      '--output.<format> <file>',
      'write one format to a file, e.g. --output.sarif report.sarif (repeatable, one per format)',
    );
  // commander knows options by name: one hidden option per format stands for `--output.<format>`
  for (const name of FORMAT_NAMES) cmd.addOption(new Option(`--output.${name} <file>`).hideHelp());
  cmd
    .option(
      '-q, --quiet',
      'report errors only (warnings and infos still count for --fail-on and --max-warnings)',
    )
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings');
  return cmd;
}

/**
 * Worker threads at most: the machine's cores, at least 4, at most 16. Each holds a pipeline
 * (~50 MB) and wants a core, so more only costs memory (a thousand took 11 GB and ignored SIGTERM).
 */
export const MAX_WORKERS = Math.min(16, Math.max(4, availableParallelism()));

/** `--workers <n|auto>`, shared by `validate` and `convert` (workers.ts reads it). */
export function addWorkersOption(cmd: Command): Command {
  return cmd.option(
    '--workers <n>',
    `worker threads for JSON Lines inputs (1: none; at most ${MAX_WORKERS}: the cores, at least 4, at most 16; auto: one per core, up to 4, for inputs of 4 MB or more)`,
    'auto',
  );
}
