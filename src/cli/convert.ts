/** `passerelle convert`: records as DCAT-AP RDF, streamed to standard output or a file. */
import { render } from '../i18n/render.js';
import { t } from '../i18n/ui.js';
import { convertRecords } from '../rdf/convert.js';
import type { RdfFormat } from '../rdf/write.js';
import type { Lang } from '../rules/types.js';
import { fileSink, requireDirectoryOf, stdoutSink, type Sink } from './output.js';
import { Progress } from './progress.js';
import { parseWorkers } from './workers.js';
import { readableInputs } from './stdin.js';

export interface ConvertCommandOptions {
  profile?: string;
  to: RdfFormat;
  output?: string;
  lang: Lang;
  /** A number, or `auto`. */
  workers?: string;
}

/** Exit 0 when every record was converted, 1 when a record could not be read (it is named on stderr). */
export async function convertCommand(paths: string[], o: ConvertCommandOptions): Promise<number> {
  requireDirectoryOf('--output', o.output);
  paths = await readableInputs(paths);
  const { writer, records } = convertRecords(paths, { profile: o.profile, lang: o.lang, to: o.to, workers: parseWorkers(o.workers, paths) });
  // profile, crosswalk and paths are checked before anything is written
  const first = await records.next();
  const sink: Sink = o.output !== undefined ? fileSink(o.output) : stdoutSink();
  const progress = new Progress(o.lang);
  let converted = 0;
  let rejected = 0;
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
          process.stderr.write(`${at}: ${f.message}\n`);
        }
        continue;
      }
      converted++;
      await sink.write(text);
    }
    await sink.write(writer.end());
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  } finally {
    progress.stop();
  }
  const summary = render(t('converted', o.lang), { n: converted, format: o.to });
  process.stderr.write(rejected ? `${summary}; ${render(t('notConverted', o.lang), { n: rejected })}\n` : `${summary}\n`);
  return rejected ? 1 : 0;
}
