/**
 * The store a query runs on: RDF files loaded as they are (a catalogue `passerelle federate`
 * wrote, or any RDF), and exports of any profile federated in memory first (`Federation.rdf()`,
 * the same RDF `federate` writes, with one named graph per jurisdiction). A file that cannot be
 * read is named and left out; the others are still loaded.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Store } from 'oxigraph';
import type { Lang } from '../core/lang.js';
import { AUTO, profileAndPath, recogniseFiles, type Recognised } from '../engine/detect.js';
import type { Input } from '../engine/run.js';
import { Federation, type FederateOptions, type FederationSummary } from '../federate/federate.js';
import { parseRdf, RdfSyntaxError } from '../rdf/parse.js';
import { syntaxOf, type RdfSyntax } from '../rdf/syntax.js';
import { lineText, type RdfWriter } from '../rdf/write.js';
import { decode, detectEncoding } from '../sources/decode.js';
import { render } from '../i18n/render.js';
import { relativeToCwd } from '../util/files.js';
import { loadOxigraph } from './sparql.js';

export interface LoadOptions extends FederateOptions {
  /** In input folders, also read links leading outside the folder. */
  followLinks?: boolean;
}

/** An input, or part of one, left out: where and why, in the run's language. */
export interface LoadProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface LoadedStore {
  store: Store;
  problems: LoadProblem[];
  /** RDF files loaded as they are. */
  rdfFiles: string[];
  /** What was federated in memory, when exports were given. */
  federation?: FederationSummary;
}

const WORDS = {
  missing: {
    en: 'cannot read (no such file or directory)',
    fr: 'illisible (fichier ou dossier absent)',
  },
  unreadable: { en: 'cannot read ({{code}})', fr: 'illisible ({{code}})' },
  invalid: { en: 'invalid {{syntax}}: {{why}}', fr: '{{syntax}} non valide : {{why}}' },
  noRecord: {
    en: 'no readable record; left out',
    fr: 'aucun enregistrement lisible ; laissé de côté',
  },
} as const;
const SYNTAX_NAMES: Record<RdfSyntax, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  rdfxml: 'RDF/XML',
  jsonld: 'JSON-LD',
};

/** Characters of N-Quads loaded at once. */
const BATCH = 1 << 20;

/** Syntaxes Oxigraph reads itself (quicker on a large federation); RDF/XML and JSON-LD go through the project's parser (offline JSON-LD contexts). */
const OXIGRAPH_FORMAT: Partial<Record<RdfSyntax, string>> = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
};

/**
 * Whether an argument is loaded as RDF as it is: a file whose name says RDF (`.ttl`, `.nq`,
 * `.jsonld`…, also gzipped), named with no profile (no `<profile>=`, no --profile). Folders and
 * other files are exports, federated first; `dcat-ap=catalogue.ttl` federates an RDF export.
 */
export function isRdfArgument(arg: string, profile: string | undefined): boolean {
  if ((profile && profile !== AUTO) || profileAndPath(arg)) return false;
  const name = arg.toLowerCase().replace(/\.gz$/, '');
  if (!syntaxOf(name, '') || !/\.[a-z]+$/.test(name)) return false;
  return existsSync(arg) && statSync(arg).isFile();
}

/** Every input in one store: RDF files as they are, exports federated. */
export async function loadStore(
  args: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedStore> {
  const { Store } = await loadOxigraph();
  const loaded: LoadedStore = { store: new Store(), problems: [], rdfFiles: [] };
  const lang = options.lang ?? 'en';
  const exports: string[] = [];
  for (const arg of args) {
    const path = profileAndPath(arg)?.path ?? arg;
    if (!existsSync(path)) {
      loaded.problems.push({
        file: relativeToCwd(path),
        message: WORDS.missing[lang],
      });
      continue;
    }
    if (isRdfArgument(arg, options.profile)) await loadRdfFile(loaded, arg, lang);
    else exports.push(arg);
  }
  if (exports.length) await federateInto(loaded, exports, options);
  return loaded;
}

/**
 * A file's bytes a MiB at a time, gzip undone, a UTF-8 byte order mark dropped: Turtle, TriG,
 * N-Triples and N-Quads are UTF-8, and Oxigraph parses them as they come (a 148 MB federation
 * takes a third of the memory it takes read whole as text).
 */
function* fileBytes(file: string): Generator<Uint8Array> {
  if (/\.gz$/i.test(file)) {
    const bytes = gunzipSync(readFileSync(file));
    yield bytes.subarray(bomLength(bytes));
    return;
  }
  const fd = openSync(file, 'r');
  try {
    for (let first = true; ; first = false) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return;
      yield chunk.subarray(first ? bomLength(chunk.subarray(0, n)) : 0, n);
    }
  } finally {
    closeSync(fd);
  }
}
const bomLength = (b: Uint8Array): number =>
  b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;

/** RDF/XML and JSON-LD: read whole (the encoding an XML declaration names; offline JSON-LD contexts). */
async function parsedText(file: string, syntax: RdfSyntax, base: string): Promise<string> {
  let bytes: Uint8Array = readFileSync(file);
  if (/\.gz$/i.test(file)) bytes = gunzipSync(bytes);
  // as N-Quads text: one call rather than one per quad across the WebAssembly boundary
  return lineText(await parseRdf(decode(bytes, detectEncoding(bytes, true)), syntax, base), true);
}

async function loadRdfFile(loaded: LoadedStore, file: string, lang: Lang): Promise<void> {
  const shown = relativeToCwd(file);
  const problem = (message: string, line?: number, column?: number): void =>
    void loaded.problems.push({ file: shown, line, column, message });
  const syntax = syntaxOf(file, '') ?? 'turtle';
  const base = pathToFileURL(resolve(file)).href;
  const format = OXIGRAPH_FORMAT[syntax];
  try {
    // in one transaction: a file that turns out broken leaves nothing behind
    if (format) loaded.store.load(fileBytes(file), { format, base_iri: base });
    else loaded.store.load(await parsedText(file, syntax, base), { format: 'application/n-quads' });
    loaded.rdfFiles.push(shown);
  } catch (e) {
    if (e instanceof RdfSyntaxError) return problem(e.reason[lang], e.line, e.column);
    const code = (e as NodeJS.ErrnoException).code;
    const message = e instanceof Error ? e.message : String(e);
    if (code) return problem(render(WORDS.unreadable[lang], { code }));
    // Oxigraph: "Parser error at line 3 column 7: …", "… between line 3 column 7 and line 4
    // column 1: …", "Parser error at line 1 between columns 1 and 2: …"
    const at = /line (\d+),? (?:between )?columns? (\d+)/.exec(message);
    const why = message.replace(/^Parser error[^:]*: /, '');
    problem(
      render(WORDS.invalid[lang], { syntax: SYNTAX_NAMES[syntax], why }),
      at ? Number(at[1]) : undefined,
      at ? Number(at[2]) : undefined,
    );
  }
}

/** `--profile auto` (or no profile): each file's profile recognised first; a file none recognises is named and left out. */
async function resolveInputs(
  args: readonly string[],
  options: LoadOptions,
  problems: LoadProblem[],
): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    const named = profileAndPath(arg);
    const profile = named?.profile ?? options.profile ?? AUTO;
    const path = named?.path ?? arg;
    if (profile !== AUTO) {
      inputs.push({ profile, path });
      continue;
    }
    for (const r of await recogniseFiles([path], undefined, { followLinks: options.followLinks })) {
      if (r.profile !== undefined)
        inputs.push({ profile: r.profile, path: r.file, entries: [r.entry] });
      else problems.push(unrecognised(r, options.lang ?? 'en'));
    }
  }
  return inputs;
}

function unrecognised(r: Extract<Recognised, { profile?: undefined }>, lang: Lang): LoadProblem {
  const file = relativeToCwd(r.file);
  const p = r.problem;
  if (r.entry.rejected) return { file, message: r.entry.rejected[lang] };
  if (p.kind === 'unreadable') return { file, message: WORDS.noRecord[lang] };
  const message =
    p.kind === 'unknown'
      ? {
          en: 'no profile recognises its records; name one with <profile>=<path>',
          fr: 'aucun profil ne reconnaît ses enregistrements ; nommez-en un avec <profil>=<chemin>',
        }
      : {
          en: `its records fit several profiles (${p.candidates.join(', ')}); name one with <profile>=<path>`,
          fr: `ses enregistrements conviennent à plusieurs profils (${p.candidates.join(', ')}) ; nommez-en un avec <profil>=<chemin>`,
        };
  return { file, line: p.line, message: message[lang] };
}

/** The exports federated in memory, straight into the store (N-Quads: one named graph per jurisdiction). */
async function federateInto(
  loaded: LoadedStore,
  args: readonly string[],
  options: LoadOptions,
): Promise<void> {
  const inputs = await resolveInputs(args, options, loaded.problems);
  if (inputs.length === 0) return;
  const federation = new Federation(inputs, options);
  loaded.federation = await federation.scan();
  for (const e of federation.entries) {
    if (e.iri) continue;
    for (const f of e.result.findings)
      loaded.problems.push({
        file: e.result.source.file,
        line: f.line ?? e.result.source.line,
        column: f.column,
        message: f.message,
      });
  }
  // N-Quads text loaded a batch of records at a time: Oxigraph's own parser is several times
  // quicker than adding quads one by one across the WebAssembly boundary. Oxigraph renames blank
  // nodes per load; none spans two records (each record's are its own, `f<n>…`), and a batch
  // holds whole records, so none is split.
  const store = loaded.store;
  let batch = '';
  const flush = (): void => {
    if (batch) store.load(batch, { format: 'application/n-quads', no_transaction: true });
    batch = '';
  };
  const writer: RdfWriter = {
    format: 'nquads',
    quads: true,
    start: () => '',
    write: async (quads) => {
      batch += lineText(quads, true);
      if (batch.length >= BATCH) flush();
      return '';
    },
    end: () => '',
  };
  for await (const _ of federation.rdf(writer));
  flush();
}
