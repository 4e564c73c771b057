/** `passerelle validate`: a thin shell over the library's pipeline. */
import { validateRecords, tool, type ValidateOptions } from '../engine/pipeline.js';
import { addToSummary, emptySummary, exitCodeFor, type FailOn } from '../report/model.js';
import { FORMATTERS } from '../report/formatters/index.js';
import type { Lang } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import { fileSink, stdoutSink, type Sink } from './output.js';
import { Progress } from './progress.js';

export interface ValidateCommandOptions {
  profile?: string;
  format: string;
  output?: string;
  failOn: string;
  now?: string;
  lang: Lang;
  color?: boolean;
}

const FAIL_ON = ['error', 'warning', 'info', 'never'];

export function parseNow(s: string | undefined): Date | undefined {
  if (s === undefined) return undefined;
  const m = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  const d = m ? new Date(m[1] ? s : `${s}T00:00:00Z`) : undefined;
  if (!d || Number.isNaN(d.getTime())) throw new UsageError(`--now: "${s}" is not an ISO date (YYYY-MM-DD)`);
  return d;
}

export async function validateCommand(paths: string[], o: ValidateCommandOptions): Promise<number> {
  const factory = FORMATTERS[o.format];
  if (!factory) throw new UsageError(`--format: unknown format "${o.format}" (known: ${Object.keys(FORMATTERS).join(', ')})`);
  if (!FAIL_ON.includes(o.failOn)) throw new UsageError(`--fail-on: must be one of ${FAIL_ON.join(', ')}`);
  const options: Partial<ValidateOptions> = { profile: o.profile, now: parseNow(o.now), lang: o.lang };
  // Loading the profile and crosswalk and listing the inputs happen before any output, so that a
  // usage or configuration error leaves no half-written report.
  const records = validateRecords(paths, options);
  const first = await records.next();

  const toFile = o.output !== undefined;
  const sink: Sink = toFile ? fileSink(o.output as string) : stdoutSink();
  const color = o.color ?? (!toFile && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  const formatter = factory({ lang: o.lang, color, tool: tool() });
  const summary = emptySummary();
  const progress = new Progress(o.lang);
  try {
    await sink.write(formatter.start());
    for (let r = first; !r.done; r = await records.next()) {
      addToSummary(summary, r.value.result);
      progress.tick();
      await sink.write(formatter.record(r.value.result));
    }
    await sink.write(formatter.end(summary));
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  } finally {
    progress.stop();
  }
  return exitCodeFor(summary, o.failOn as FailOn);
}
