/** `passerelle validate`: a thin shell over the library's pipeline. */
import { validateRecords, tool, type RecordCheck, type ValidateOptions } from '../engine/pipeline.js';
import { render } from '../i18n/render.js';
import { t } from '../i18n/ui.js';
import { addToSummary, emptySummary, exitCodeFor, type FailOn } from '../report/model.js';
import type { Lang } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import { Outputs, parseMaxWarnings, planOutputs, type OutputFlags } from './outputs.js';
import { Progress } from './progress.js';

/** shacl-engine is loaded only when SHACL is asked for. */
async function loadShacl(shapes: string[]): Promise<RecordCheck> {
  const { ShaclChecker } = await import('../shacl/check.js');
  return ShaclChecker.load(shapes);
}

export interface ValidateCommandOptions extends OutputFlags {
  profile?: string;
  failOn: string;
  now?: string;
  lang: Lang;
  color?: boolean;
  shacl?: boolean;
  shapes?: string[];
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
  const plan = planOutputs(o);
  const maxWarnings = parseMaxWarnings(o.maxWarnings);
  if (!FAIL_ON.includes(o.failOn)) throw new UsageError(`--fail-on: must be one of ${FAIL_ON.join(', ')}`);
  const options: Partial<ValidateOptions> = { profile: o.profile, now: parseNow(o.now), lang: o.lang };
  if (o.shacl || o.shapes?.length) options.checks = [await loadShacl(o.shapes ?? [])];
  // Loading the profile and crosswalk and listing the inputs happen before any output, so that a
  // usage or configuration error leaves no half-written report.
  const records = validateRecords(paths, options);
  const first = await records.next();

  const outputs = Outputs.open(plan, { lang: o.lang, color: o.color, tool: tool(), failOn: o.failOn as FailOn, quiet: o.quiet });
  const summary = emptySummary();
  const progress = new Progress(o.lang);
  try {
    await outputs.start();
    for (let r = first; !r.done; r = await records.next()) {
      addToSummary(summary, r.value.result);
      progress.tick();
      await outputs.record(r.value.result);
    }
    await outputs.end(summary);
  } catch (e) {
    outputs.abort();
    throw e;
  } finally {
    progress.stop();
  }
  const code = exitCodeFor(summary, o.failOn as FailOn);
  if (maxWarnings !== undefined && summary.findings.warning > maxWarnings) {
    process.stderr.write(`passerelle: ${render(t('tooManyWarnings', o.lang), { n: summary.findings.warning, max: maxWarnings })}\n`);
    return 1;
  }
  return code;
}
