/** Shape files: the project's own DCAT-AP 3 shapes, and users' (`--shapes`), in any RDF syntax. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { parseRdf, RdfSyntaxError, syntaxOf } from '../rdf/parse.js';
import type { Quad } from '../rdf/terms.js';
import { ConfigError, InputError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';

export const SHAPES_DIR = join(PACKAGE_ROOT, 'src', 'shacl', 'shapes');
/** Passerelle's DCAT-AP 3 shapes (docs/rdf.md). */
export const OWN_SHAPES = join(SHAPES_DIR, 'dcat-ap-3.ttl');

/** The quads of shape files; a file that cannot be read stops the run with its file:line:col. */
export async function readShapes(files: readonly string[]): Promise<Quad[]> {
  const out: Quad[] = [];
  for (const file of files) {
    const shown = relativeToCwd(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new InputError(
        `cannot read shapes (${why})`,
        shown,
        `lecture des formes impossible (${why})`,
      );
    }
    const syntax =
      syntaxOf(file, text.slice(0, 4096)) ??
      (text.trimStart().startsWith('{') ? 'jsonld' : 'turtle');
    try {
      out.push(...(await parseRdf(text, syntax, pathToFileURL(resolve(file)).href)));
    } catch (e) {
      if (!(e instanceof RdfSyntaxError)) throw e;
      const where = [shown, e.line, e.column].filter((x) => x !== undefined).join(':');
      throw new ConfigError(e.message, where, e.reason.fr);
    }
  }
  return out;
}
