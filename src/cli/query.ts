/** `passerelle query`: SPARQL 1.1 on a federation, offline (docs/search.md). */
import { readFileSync } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { pluralForm } from '../i18n/plural.js';
import { render } from '../i18n/render.js';
import { exampleQuery, listExamples } from '../query/examples.js';
import type { ResultFormat } from '../query/formats.js';
import { defaultFormat, queryText } from '../query/results.js';
import { prepareQuery } from '../query/sparql.js';
import { loadStore, type LoadProblem } from '../query/store.js';
import { escapeTerminal } from '../util/escape.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';
import { fileSink, requireDirectoryOf, stdoutSink, type Sink } from './output.js';
import { readableInputs } from './stdin.js';
import { parseNow } from './validate.js';

export interface QueryCommandOptions {
  query?: string;
  example?: string;
  listExamples?: boolean;
  format?: ResultFormat;
  output?: string;
  profile?: string;
  followLinks?: boolean;
  base?: string;
  now?: string;
  lang: Lang;
}

const LEFT_OUT = {
  en: {
    one: '{{n}} input or record left out (named above); the query ran on the others',
    other: '{{n}} inputs or records left out (named above); the query ran on the others',
  },
  fr: {
    one: '{{n}} entrée ou enregistrement laissé de côté (nommé ci-dessus) ; la requête a porté sur les autres',
    other:
      '{{n}} entrées ou enregistrements laissés de côté (nommés ci-dessus) ; la requête a porté sur les autres',
  },
};

/** The query's text and the name its errors give: --query, --example, or the last argument (a file). */
function theQuery(
  inputs: string[],
  o: QueryCommandOptions,
): { text: string; file: string; inputs: string[] } {
  if (o.query !== undefined && o.example !== undefined)
    throw new UsageError(
      'give --query or --example, not both',
      'donnez --query ou --example, pas les deux',
    );
  if (o.query !== undefined) return { text: o.query, file: '<query>', inputs };
  if (o.example !== undefined) {
    const e = exampleQuery(o.example);
    return { ...e, file: relativeToCwd(e.file), inputs };
  }
  const file = inputs.at(-1);
  if (file === undefined)
    throw new UsageError(
      'no query: give a query file (.rq) after the inputs, --query or --example',
      'aucune requête : donnez un fichier de requête (.rq) après les entrées, --query ou --example',
    );
  try {
    return { text: readFileSync(file, 'utf8'), file, inputs: inputs.slice(0, -1) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(
      `${file}: cannot read the query (${code})`,
      `${file} : impossible de lire la requête (${code})`,
    );
  }
}

function examplesText(lang: Lang): string {
  const examples = listExamples();
  const width = Math.max(...examples.map((e) => e.name.length));
  return examples.map((e) => `${e.name.padEnd(width)}  ${e.title[lang]}\n`).join('');
}

function problemLine(p: LoadProblem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined]
    .filter((x) => x !== undefined)
    .join(':');
  return `${escapeTerminal(`${where}: ${p.message}`)}\n`;
}

/** Exit 0 when every input was read, 1 when some were left out (named on stderr), 2 for a usage or query error. */
export async function queryCommand(args: string[], o: QueryCommandOptions): Promise<number> {
  if (o.listExamples) {
    process.stdout.write(examplesText(o.lang));
    return 0;
  }
  requireDirectoryOf('--output', o.output);
  const given = theQuery(args, o);
  const q = await prepareQuery(given.text, given.file);
  if (given.inputs.length === 0)
    throw new UsageError(
      'no inputs: give the federation (an RDF file) or the exports to federate',
      'aucune entrée : donnez la fédération (un fichier RDF) ou les exportations à fédérer',
    );
  const format =
    o.format ?? defaultFormat(q, Boolean(process.stdout.isTTY) && o.output === undefined);
  const loaded = await loadStore(await readableInputs(given.inputs), {
    profile: o.profile,
    followLinks: o.followLinks,
    base: o.base,
    now: parseNow(o.now),
    lang: o.lang,
  });
  for (const p of loaded.problems) process.stderr.write(problemLine(p));
  const text = await queryText(loaded.store, q, format, o.lang);
  const sink: Sink = o.output !== undefined ? fileSink(o.output) : stdoutSink();
  try {
    await sink.write(text);
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
  if (loaded.problems.length === 0) return 0;
  process.stderr.write(
    `${render(pluralForm(loaded.problems.length, LEFT_OUT, o.lang), { n: loaded.problems.length })}\n`,
  );
  return 1;
}
