/**
 * `passerelle federate --to solr|opensearch --output DIR`: search-engine documents,
 * `--to nquads --output DIR/`: N-Quads per named graph, and `--to site --output DIR`: the static
 * search site, all kept up to date per jurisdiction (src/federate/kept.ts).
 */
import { mkdirSync, statSync } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { writeEngineFiles } from '../federate/engines/write.js';
import { writeGraphFiles } from '../federate/engines/graphs.js';
import type { EngineName } from '../federate/engines/engines.js';
import type { FolderRun } from '../federate/kept.js';
import { render } from '../i18n/render.js';
import { count } from '../i18n/plural.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError } from '../util/errors.js';
import { readableInputs } from './stdin.js';
import { parseNow } from './validate.js';

export interface EngineCommandOptions {
  profile?: string;
  to: EngineName | 'nquads' | 'site';
  output?: string;
  base?: string;
  publisher?: string;
  now?: string;
  full?: boolean;
  index?: string;
  lang: Lang;
}

// the counts come with their words, agreeing with their numbers (count())
const TOTAL = {
  en: '{{documents}} in {{dir}} ({{read}} of {{jurisdictions}} read)',
  fr: '{{documents}} dans {{dir}} (administrations lues : {{read}} sur {{total}})',
};
const SITE = {
  en: 'search site written to {{dir}}: {{datasets}} in {{chunks}} ({{mb}} MB; {{read}} of {{jurisdictions}} read); open {{dir}}/index.html',
  fr: 'site de recherche écrit dans {{dir}} : {{datasets}} en {{chunks}} ({{mb}} Mo ; administrations lues : {{read}} sur {{total}}) ; ouvrez {{dir}}/index.html',
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
  if (o.to === 'site' && o.output !== undefined)
    (await import('../federate/site/write.js')).requireSiteFolder(o.output);
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
  let site: { chunks: number; bytes: number } | undefined;
  let run: FolderRun;
  if (o.to === 'site') {
    const { writeSite } = await import('../federate/site/site.js');
    const s = await writeSite(dir, paths, { ...options, now: options.now ?? new Date() });
    site = {
      chunks: s.catalogue.jurisdictions.reduce((n, j) => n + j.chunks.length, 0),
      bytes: s.bytes,
    };
    run = s;
  } else if (o.to === 'nquads') run = await writeGraphFiles(dir, paths, options);
  else run = await writeEngineFiles(dir, paths, { ...options, format: o.to });
  for (const e of run.rejected)
    for (const f of e.result.findings)
      process.stderr.write(
        `${escapeTerminal(`${[e.result.source.file, f.line ?? e.result.source.line, f.column].filter((x) => x !== undefined).join(':')}: ${f.message}`)}\n`,
      );
  const documents = run.jurisdictions.reduce((n, j) => n + j.documents, 0);
  const total = render((site ? SITE : TOTAL)[o.lang], {
    documents: count(documents, 'document', o.lang),
    datasets: count(documents, 'dataset', o.lang),
    dir,
    read: run.jurisdictions.filter((j) => j.read).length,
    jurisdictions: count(run.jurisdictions.length, 'jurisdiction', o.lang),
    total: run.jurisdictions.length,
    chunks: count(site?.chunks ?? 0, 'dataFile', o.lang),
    // 0.2 MB, 0,2 Mo
    mb: ((site?.bytes ?? 0) / 1e6).toLocaleString(o.lang === 'fr' ? 'fr-CA' : 'en-CA', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
  });
  process.stderr.write(`${[...run.lines, total].map(escapeTerminal).join('\n')}\n`);
  return run.rejected.length ? 1 : 0;
}
