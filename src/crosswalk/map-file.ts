/**
 * Named value maps kept in a table beside the crosswalk (`maps: {licence: licences.sssom.tsv}`),
 * for code lists too long to read in YAML. The table is SSSOM-like TSV, the format the mapping
 * community uses for term-to-term mappings: `#` lines (SSSOM's metadata block) are skipped, the
 * first other line names the columns; `subject_id` (or `subject_label`) is the local value,
 * `object_id` the common value (empty, or `sssom:NoTermFound`: a known value with no common
 * equivalent, as `null` in a YAML map); `predicate_id`, when given, is a SKOS mapping relation.
 * A metadata block written as SSSOM's YAML (`#mapping_set_id: …`) is checked against the map-table
 * schema (file-schema.ts); `#` lines of prose are comments.
 *
 * Confinement: a crosswalk may only name a table in its own folder or below (no absolute path, no
 * `..` out of it, no symbolic link that leads out of it), of at most MAX_BYTES: a crosswalk from a
 * pull request cannot make Passerelle read any other file of the machine.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { checkFile, dottedOr } from '../util/file-schema.js';
import { relativeToCwd } from '../util/files.js';
import { loadYaml, MAX_BYTES } from '../util/yaml.js';
import { mapTableFile } from './file-schema.js';

export const MAP_FILE_EXTENSION = /\.tsv$/i;
const RELATIONS = new Set([
  'skos:exactMatch',
  'skos:closeMatch',
  'skos:broadMatch',
  'skos:narrowMatch',
]);
const NO_TERM = 'sssom:NoTermFound';

export interface MapFileProblem {
  message: string;
  fr: string;
  /** `file:line:col` in the table; absent for problems of the reference itself (said at the crosswalk's line). */
  where?: string;
}

/** Whether `path` is `dir` or inside it. */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Reads the table `ref` names, relative to the crosswalk's folder; problems instead when it may not or cannot. */
export function loadMapFile(
  crosswalkFile: string,
  ref: string,
): { entries?: [string, unknown][]; problems: MapFileProblem[] } {
  // `map file "x": …` / `fichier de table « x » : …`
  const refuse = (en: string, fr: string) => ({
    problems: [{ message: `map file "${ref}"${en}`, fr: `fichier de table « ${ref} »${fr}` }],
  });
  if (ref.includes('\0') || isAbsolute(ref) || /^[a-z]:/i.test(ref) || ref.startsWith('\\'))
    return refuse(
      ": give a path relative to the crosswalk's folder",
      ' : donnez un chemin relatif au dossier de la correspondance',
    );
  if (!MAP_FILE_EXTENSION.test(ref))
    return refuse(
      ': a map file is an SSSOM-like table (.tsv)',
      ' : un fichier de table est un tableau à la SSSOM (.tsv)',
    );
  const dir = dirname(resolve(crosswalkFile));
  const target = resolve(dir, ref);
  if (!inside(dir, target))
    return refuse(
      " is outside the crosswalk's folder",
      ' est hors du dossier de la correspondance',
    );
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return refuse(
      ': no such file beside the crosswalk',
      ' : aucun fichier de ce nom à côté de la correspondance',
    );
  }
  // a symbolic link inside the folder may still lead out of it
  if (!inside(realpathSync(dir), real))
    return refuse(
      " leads outside the crosswalk's folder (symbolic link)",
      ' mène hors du dossier de la correspondance (lien symbolique)',
    );
  const st = statSync(real);
  if (!st.isFile()) return refuse(' is not a file', ' n’est pas un fichier');
  if (st.size > MAX_BYTES)
    return refuse(
      ` is larger than ${MAX_BYTES / 1024 / 1024} MiB`,
      ` dépasse ${MAX_BYTES / 1024 / 1024} Mio`,
    );
  return parseMapTable(readFileSync(real, 'utf8'), relativeToCwd(target));
}

/** The rows of an SSSOM-like table as [local value, common value] pairs, with every problem at its line. */
export function parseMapTable(
  text: string,
  shown: string,
): { entries?: [string, unknown][]; problems: MapFileProblem[] } {
  const problems: MapFileProblem[] = [];
  const at = (line: number, column = 1) => `${shown}:${line}:${column}`;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  problems.push(...metadataProblems(lines, shown));
  let header: string[] | undefined;
  let col = { subject: -1, object: -1, predicate: -1 };
  const entries: [string, unknown][] = [];
  const seen = new Map<string, { value: unknown; line: number }>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (!header) {
      header = cells;
      const subject =
        header.indexOf('subject_id') >= 0
          ? header.indexOf('subject_id')
          : header.indexOf('subject_label');
      col = {
        subject,
        object: header.indexOf('object_id'),
        predicate: header.indexOf('predicate_id'),
      };
      if (col.subject < 0 || col.object < 0)
        problems.push({
          message:
            'the header row needs the columns subject_id (or subject_label) and object_id, separated by tabs',
          fr: 'la ligne d’en-tête a besoin des colonnes subject_id (ou subject_label) et object_id, séparées par des tabulations',
          where: at(line),
        });
      return;
    }
    if (col.subject < 0 || col.object < 0) return;
    if (cells.length !== header.length) {
      problems.push({
        message: `this row has ${cells.length} cells, the header row has ${header.length}`,
        fr: `cette ligne a ${cells.length} cellules, la ligne d’en-tête en a ${header.length}`,
        where: at(line),
      });
      return;
    }
    const local = cells[col.subject];
    if (!local) {
      problems.push({
        message: 'the local value (subject) is empty',
        fr: 'la valeur locale (subject) est vide',
        where: at(line),
      });
      return;
    }
    const relation = col.predicate >= 0 ? cells[col.predicate] : 'skos:exactMatch';
    if (!RELATIONS.has(relation)) {
      problems.push({
        message: `predicate_id "${relation}" is not a mapping relation (${[...RELATIONS].join(', ')})`,
        fr: `predicate_id « ${relation} » n’est pas une relation de correspondance (${[...RELATIONS].join(', ')})`,
        where: at(line),
      });
      return;
    }
    const common =
      cells[col.object] === '' || cells[col.object] === NO_TERM ? null : cells[col.object];
    const before = seen.get(local);
    if (before && before.value !== common) {
      problems.push({
        message: `"${local}" is mapped twice, differently (line ${before.line})`,
        fr: `« ${local} » a deux correspondances différentes (ligne ${before.line})`,
        where: at(line),
      });
      return;
    }
    seen.set(local, { value: common, line });
    entries.push([local, common]);
  });
  if (!header)
    problems.push({
      message: 'the table has no header row',
      fr: 'le tableau n’a pas de ligne d’en-tête',
      where: at(1),
    });
  return problems.length ? { problems } : { entries, problems };
}

/**
 * The problems of the table's metadata block (its first `#` lines), when it is SSSOM's YAML: a map.
 * Each `#` becomes a space, so that lines and columns are the table's own.
 */
function metadataProblems(lines: string[], shown: string): MapFileProblem[] {
  const end = lines.findIndex((l) => !l.startsWith('#'));
  const block = (end < 0 ? lines : lines.slice(0, end)).map((l) => ` ${l.slice(1)}`);
  if (!block.some((l) => /^\s*[A-Za-z_]+:/.test(l))) return [];
  let y: ReturnType<typeof loadYaml>;
  try {
    y = loadYaml(shown, block.join('\n'));
  } catch {
    return []; // prose, not YAML
  }
  if (!y.data || typeof y.data !== 'object' || Array.isArray(y.data)) return [];
  return checkFile(y, mapTableFile(), {
    name: dottedOr({ en: 'the metadata', fr: 'les métadonnées' }),
  });
}
