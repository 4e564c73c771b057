/** `passerelle validate`: a thin shell over the library's pipeline. */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validateRecords } from '../engine/run.js';
import { tool } from '../tool.js';
import type { RecordCheck, ValidateOptions } from '../engine/options.js';
import { render } from '../i18n/render.js';
import { t } from '../i18n/ui.js';
import { counted } from '../i18n/plural.js';
import { escapeTerminal } from '../util/escape.js';
import { addToSummary, closeSummary, emptySummary } from '../scores/summary.js';
import { exitCodeFor, type FailOn } from '../report/model.js';
import type { Lang } from '../core/lang.js';
import { BaselineRecorder, loadBaseline } from '../baseline/baseline.js';
import { resolveConfig } from '../config/load.js';
import { UrlChecker } from '../net/urls.js';
import { UsageError } from '../util/errors.js';
import { parseWorkers, wholeNumber } from './workers.js';

/** `--url-timeout` at most (seconds) and `--url-concurrency` at most: a run's URL checks stay bounded. */
export const MAX_URL_TIMEOUT = 300;
export const MAX_URL_CONCURRENCY = 64;
import { readableInputs } from './stdin.js';
import { relativeToCwd } from '../util/files.js';
import { fileSink } from './output.js';
import { Outputs, parseMaxWarnings, planOutputs } from './outputs.js';
import type { OutputFlags } from './flags.js';
import { inputSize, Progress } from './progress.js';
import { ruleBook } from '../rules/book.js';

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
  /** A file, or `false` for --no-config; the nearest passerelle.config.yaml when undefined. */
  config?: string | false;
  baseline?: string;
  updateBaseline?: boolean;
  checkUrls?: boolean;
  urlTimeout?: string;
  urlConcurrency?: string;
  allowPrivate?: boolean;
  /** A number, or `auto`. */
  workers?: string;
  followLinks?: boolean;
  /** HTML: records shown in full at most. */
  htmlMaxRecords?: string;
}

const FAIL_ON = ['error', 'warning', 'info', 'never'];

export function parseNow(s: string | undefined): Date | undefined {
  if (s === undefined) return undefined;
  const m = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  const d = m ? new Date(m[1] ? s : `${s}T00:00:00Z`) : undefined;
  if (!d || Number.isNaN(d.getTime()))
    throw new UsageError(
      `--now: "${s}" is not an ISO date (YYYY-MM-DD)`,
      `--now : « ${s} » n’est pas une date ISO (AAAA-MM-JJ)`,
    );
  return d;
}

function urlChecker(o: ValidateCommandOptions): UrlChecker {
  const timeout = wholeNumber('--url-timeout', o.urlTimeout ?? '10', 1, MAX_URL_TIMEOUT, {
    en: ' (seconds)',
    fr: ' (secondes)',
  });
  const concurrency = wholeNumber(
    '--url-concurrency',
    o.urlConcurrency ?? '8',
    1,
    MAX_URL_CONCURRENCY,
  );
  return new UrlChecker({
    timeoutMs: timeout * 1000,
    concurrency,
    allowPrivate: o.allowPrivate === true,
    userAgent: `passerelle/${tool().version} (metadata checker; --check-urls)`,
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The options checked before any input is read: a usage error stops the run at once. */
function checkOptions(o: ValidateCommandOptions): void {
  if (!FAIL_ON.includes(o.failOn))
    throw new UsageError(
      `--fail-on: must be one of ${FAIL_ON.join(', ')}`,
      `--fail-on : doit être l’un de ${FAIL_ON.join(', ')}`,
    );
  if (o.updateBaseline && !o.baseline)
    throw new UsageError(
      '--update-baseline: name the file with --baseline <file>',
      '--update-baseline : nommez le fichier avec --baseline <fichier>',
    );
  if (o.updateBaseline && !isDirectory(dirname(resolve(o.baseline as string))))
    throw new UsageError(
      `--baseline: ${o.baseline}: no such directory`,
      `--baseline : ${o.baseline} : dossier introuvable`,
    );
}

export async function validateCommand(paths: string[], o: ValidateCommandOptions): Promise<number> {
  const plan = planOutputs(o);
  const maxWarnings = parseMaxWarnings(o.maxWarnings);
  checkOptions(o);
  const htmlMaxRecords =
    o.htmlMaxRecords === undefined
      ? undefined
      : wholeNumber('--html-max-records', o.htmlMaxRecords, 0, 10_000_000);
  // the inputs as named on the command line, for the reports that say what was read
  const inputs = [...paths];
  const config = resolveConfig(o.config);
  // the run's rules, once: its records' findings and its reports take them from here
  const rules = ruleBook(config?.rules);
  paths = await readableInputs(paths);
  // made once the inputs are known to be readable; a message on stderr erases it first
  let progress: Progress | undefined;
  const options: Partial<ValidateOptions> = {
    profile: o.profile,
    now: parseNow(o.now),
    lang: o.lang,
    settings: config?.settings,
    rules,
    // with --update-baseline the old baseline is replaced, not applied
    baseline: o.baseline && !o.updateBaseline ? loadBaseline(o.baseline) : undefined,
    urlChecker: o.checkUrls ? urlChecker(o) : undefined,
    // --profile auto: which profile each file was recognised as, on stderr (the report stays clean)
    onDetect: (file, profile) => {
      progress?.clear();
      process.stderr.write(`${escapeTerminal(render(t('detected', o.lang), { file, profile }))}\n`);
    },
    workers: parseWorkers(o.workers, paths),
    followLinks: o.followLinks === true,
  };
  const recorder = o.updateBaseline ? new BaselineRecorder() : undefined;
  if (o.shacl || o.shapes?.length) options.checks = [await loadShacl(o.shapes ?? [])];
  // Loading the profile and crosswalk and listing the inputs happen before any output, so that a
  // usage or configuration error leaves no half-written report.
  const records = validateRecords(paths, options);
  const first = await records.next();

  const shown = new Progress(o.lang, { total: inputSize(paths, o.followLinks === true) });
  progress = shown;
  const outputs = Outputs.open(plan, {
    lang: o.lang,
    color: o.color,
    tool: tool(),
    failOn: o.failOn as FailOn,
    rules,
    quiet: o.quiet,
    run: { inputs, ...(o.profile ? { profile: o.profile } : {}), ...(o.now ? { now: o.now } : {}) },
    htmlMaxRecords,
    // the progress line is erased before the report writes to the terminal
    beforeWrite: () => shown.clear(),
  });
  const summary = emptySummary();
  try {
    await outputs.start();
    for (let r = first; !r.done; r = await records.next()) {
      // --update-baseline: every finding goes to the new baseline, and the report is as it will read it
      const checked = recorder ? { result: recorder.record(r.value.result) } : r.value;
      addToSummary(summary, checked.tally ?? checked.result);
      shown.tick();
      await outputs.record(checked);
    }
    shown.stop();
    await outputs.end(closeSummary(summary));
    if (recorder && o.baseline) {
      const out = fileSink(o.baseline);
      try {
        await out.write(recorder.toJSON());
        await out.close();
      } catch (e) {
        out.abort();
        throw e;
      }
      process.stderr.write(
        `passerelle: ${counted('baselineWritten', recorder.size, o.lang, { file: relativeToCwd(o.baseline) })}\n`,
      );
    }
  } catch (e) {
    outputs.abort();
    throw e;
  } finally {
    shown.stop();
  }
  const code = exitCodeFor(summary, o.failOn as FailOn);
  if (maxWarnings !== undefined && summary.findings.warning > maxWarnings) {
    process.stderr.write(
      `passerelle: ${render(t('tooManyWarnings', o.lang), { n: summary.findings.warning, max: maxWarnings })}\n`,
    );
    return 1;
  }
  return code;
}
