/**
 * `passerelle federate --to solr|opensearch --output DIR`: search-engine documents, and
 * `--to nquads --output DIR/`: N-Quads per named graph, both kept up to date per jurisdiction.
 */
import { mkdirSync, statSync } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { writeEngineFiles } from '../federate/engines/write.js';
import { writeGraphFiles } from '../federate/engines/graphs.js';
import type { EngineName } from '../federate/engines/engines.js';
import { render } from '../i18n/render.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError } from '../util/errors.js';
import { readableInputs } from './stdin.js';
import { parseNow } from './validate.js';

export interface EngineCommandOptions {
  profile?: string;
  to: EngineName | 'nquads';
  output?: string;
  base?: string;
  publisher?: string;
  now?: string;
  full?: boolean;
  index?: string;
  lang: Lang;
}

const TOTAL = {
  en: '{{documents}} documents in {{dir}} ({{read}} of {{jurisdictions}} jurisdictions read)',
  fr: '{{documents}} documents dans {{dir}} ({{read}} administrations lues sur {{jurisdictions}})',
};

/** An output folder: created when missing; a file there is refused. */
function outputFolder(dir: string | undefined, to: string): string {
  if (dir === undefined)
    throw new UsageError(
      `--to ${to} writes a folder: give it with --output <dir>`,
      `--to ${to} écrit un dossier : donnez-le avec --output <dossier>`,
    );
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(
      `--output: ${dir}: cannot create (${code})`,
      `--output : ${dir} : création impossible (${code})`,
    );
  }
  if (!statSync(dir).isDirectory())
    throw new UsageError(
      `--output: ${dir}: not a folder`,
      `--output : ${dir} : n'est pas un dossier`,
    );
  return dir;
}

/** Exit 0 when every record read could be, 1 when some could not (named on stderr). */
export async function engineCommand(paths: string[], o: EngineCommandOptions): Promise<number> {
  if (o.index !== undefined)
    throw new UsageError(
      `--index goes with one catalogue file; --to ${o.to} into a folder writes its own documents`,
      `--index va avec un seul fichier de catalogue ; --to ${o.to} dans un dossier écrit ses propres documents`,
    );
  const dir = outputFolder(o.output, o.to);
  paths = await readableInputs(paths);
  const options = {
    profile: o.profile,
    lang: o.lang,
    now: parseNow(o.now),
    base: o.base,
    publisher: o.publisher,
    full: o.full,
  };
  const run =
    o.to === 'nquads'
      ? await writeGraphFiles(dir, paths, options)
      : await writeEngineFiles(dir, paths, { ...options, format: o.to });
  for (const e of run.rejected)
    for (const f of e.result.findings)
      process.stderr.write(
        `${escapeTerminal(`${[e.result.source.file, f.line ?? e.result.source.line, f.column].filter((x) => x !== undefined).join(':')}: ${f.message}`)}\n`,
      );
  const total = render(TOTAL[o.lang], {
    documents: run.jurisdictions.reduce((n, j) => n + j.documents, 0),
    dir,
    read: run.jurisdictions.filter((j) => j.read).length,
    jurisdictions: run.jurisdictions.length,
  });
  process.stderr.write(`${[...run.lines, total].map(escapeTerminal).join('\n')}\n`);
  return run.rejected.length ? 1 : 0;
}
