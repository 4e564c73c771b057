/** `passerelle convert`: records as DCAT-AP RDF, streamed to standard output or a file. */
import { render } from '../i18n/render.js';
import { counted } from '../i18n/plural.js';
import { convertRecords } from '../engine/convert.js';
import type { RdfFormat } from '../rdf/write.js';
import { escapeTerminal } from '../util/escape.js';
import type { Lang } from '../core/lang.js';
import { fileSink, requireDirectoryOf, stdoutSink, type Sink } from './output.js';
import { inputSize, Progress } from './progress.js';
import { parseWorkers } from './workers.js';
import { readableInputs } from './stdin.js';

export interface ConvertCommandOptions {
  profile?: string;
  to: RdfFormat;
  output?: string;
  lang: Lang;
  /** A number, or `auto`. */
  workers?: string;
  followLinks?: boolean;
}

const WORDS = {
  merged: {
    en: 'dataset <{{iri}}> has the IRI of the record at {{place}}: RDF merges their statements into one node',
    fr: "le jeu de données <{{iri}}> a l'IRI de l'enregistrement situé à {{place}} : en RDF, leurs énoncés se fondent en un seul nœud",
  },
  mergedCount: {
    en: '{{n}} merged with an earlier record under the same IRI',
    fr: '{{n}} fondus avec un enregistrement précédent de même IRI',
  },
} as const;

/** Exit 0 when every record was converted, 1 when a record could not be read (it is named on stderr). */
export async function convertCommand(paths: string[], o: ConvertCommandOptions): Promise<number> {
  requireDirectoryOf('--output', o.output);
  paths = await readableInputs(paths);
  const { writer, records } = convertRecords(paths, {
    profile: o.profile,
    lang: o.lang,
    to: o.to,
    workers: parseWorkers(o.workers, paths),
    followLinks: o.followLinks === true,
  });
  // profile, crosswalk and paths are checked before anything is written
  const first = await records.next();
  const sink: Sink = o.output !== undefined ? fileSink(o.output) : stdoutSink();
  const progress = new Progress(o.lang, { total: inputSize(paths, o.followLinks === true) });
  let converted = 0;
  let rejected = 0;
  let merged = 0;
  try {
    await sink.write(writer.start());
    for (let r = first; !r.done; r = await records.next()) {
      progress.tick();
      const { rejected: unreadable, text } = r.value;
      if (unreadable) {
        rejected++;
        const s = unreadable.source;
        for (const f of unreadable.findings) {
          const at = [s.file, f.line ?? s.line, f.column].filter((x) => x !== undefined).join(':');
          progress.clear();
          process.stderr.write(`${escapeTerminal(`${at}: ${f.message}`)}\n`);
        }
        continue;
      }
      converted++;
      if (r.value.merged) {
        merged++;
        const s = r.value.source;
        progress.clear();
        process.stderr.write(
          `${escapeTerminal(`${[s.file, s.line].filter((x) => x !== undefined).join(':')}: ${render(WORDS.merged[o.lang], { iri: r.value.iri, place: r.value.merged })}`)}\n`,
        );
      }
      if (o.output === undefined) progress.clear();
      await sink.write(text);
    }
    progress.stop();
    await sink.write(writer.end());
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  } finally {
    progress.stop();
  }
  const summary = [counted('converted', converted, o.lang, { format: o.to })];
  if (merged) summary.push(render(WORDS.mergedCount[o.lang], { n: merged }));
  if (rejected) summary.push(counted('notConverted', rejected, o.lang));
  process.stderr.write(`${summary.join('; ')}\n`);
  return rejected ? 1 : 0;
}
