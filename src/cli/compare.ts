/** `passerelle compare`: the crosswalk matrix of jurisdictions and, with their exports, what their records show. */
import { compare, parseCompareInputs } from '../compare/compare.js';
import { COMPARE_FORMATS, renderComparison, type CompareFormat } from '../compare/render/index.js';
import { resolveConfig } from '../config/load.js';
import { render } from '../i18n/render.js';
import { t } from '../i18n/ui.js';
import { escapeTerminal } from '../util/escape.js';
import { listProfileIds } from '../profiles/load.js';
import type { Lang } from '../core/lang.js';
import { suggestion } from '../util/file-schema.js';
import { UsageError } from '../util/errors.js';
import { fileSink, requireDirectoryOf, stdoutSink, type Sink } from './output.js';
import { parseNow } from './validate.js';
import { readableInputs } from './stdin.js';
import { ruleBook } from '../rules/book.js';

export interface CompareCommandOptions {
  profiles?: string;
  format: CompareFormat;
  output?: string;
  now?: string;
  lang: Lang;
  /** A file, or `false` for --no-config. */
  config?: string | false;
  /** A high-value list, or `false` for --no-hvd. */
  hvd?: string | false;
}

/** `--profiles ca-gc,ca-bc`: known profile ids, each once. */
function parseProfiles(s: string | undefined): string[] | undefined {
  if (s === undefined) return undefined;
  const known = listProfileIds();
  const ids = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (!ids.length)
    throw new UsageError(
      '--profiles: give profile ids separated by commas',
      '--profiles : donnez des identifiants de profils séparés par des virgules',
    );
  for (const id of ids)
    if (!known.includes(id))
      throw new UsageError(
        `--profiles: unknown profile "${id}"${suggestion(id, known)}`,
        `--profiles : profil inconnu « ${id} »${suggestion(id, known, 'fr')}`,
      );
  return [...new Set(ids)];
}

/** Exit 0, or 1 when some records could not be read (they are counted in the report). */
export async function compareCommand(args: string[], o: CompareCommandOptions): Promise<number> {
  if (!COMPARE_FORMATS.includes(o.format))
    throw new UsageError(
      `--format: must be one of ${COMPARE_FORMATS.join(', ')}`,
      `--format : doit être l’un de ${COMPARE_FORMATS.join(', ')}`,
    );
  requireDirectoryOf('--output', o.output);
  const config = resolveConfig(o.config);
  const comparison = await compare({
    profiles: parseProfiles(o.profiles),
    inputs: parseCompareInputs(await readableInputs(args)),
    now: parseNow(o.now),
    lang: o.lang,
    settings: config?.settings,
    rules: ruleBook(config?.rules),
    highValue: o.hvd === false ? false : o.hvd,
    onDetect: (file, profile) =>
      process.stderr.write(`${escapeTerminal(render(t('detected', o.lang), { file, profile }))}\n`),
    onRejected: (r) => {
      for (const f of r.findings)
        process.stderr.write(
          `${escapeTerminal(`${[r.source.file, f.line ?? r.source.line, f.column].filter((x) => x !== undefined).join(':')}: ${f.message}`)}\n`,
        );
    },
  });
  const sink: Sink = o.output !== undefined ? fileSink(o.output) : stdoutSink();
  try {
    await sink.write(renderComparison(comparison, o.format, o.lang));
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  return Object.values(comparison.measures ?? {}).some((m) => m.rejected > 0) ? 1 : 0;
}
