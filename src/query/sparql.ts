/**
 * A SPARQL 1.1 query, read and run on an Oxigraph store: its form (SELECT, ASK, CONSTRUCT,
 * DESCRIBE) from its text, SERVICE refused before it runs (no query reaches the network), errors
 * named by the query's file, line and column (Oxigraph's syntax messages), exit 2.
 */
import type { Store } from 'oxigraph';
import { UsageError } from '../util/errors.js';
import { LineIndex } from '../util/locate.js';

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

export interface PreparedQuery {
  text: string;
  /** Where the query comes from, as errors name it (a file, or `<query>` for --query). */
  file: string;
  form: QueryForm;
}

/** Comments, strings and IRIs, which may hold any word: blanked (offsets and lines kept) before keywords are looked for. */
const OPAQUE =
  /#[^\n]*|"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>/g;
const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** A keyword as a word of the query, not part of a variable, prefixed name or IRI (after a dot too: `?o .SERVICE`). */
const keyword = (words: string): RegExp => new RegExp(`(?<![\\w?$:-])(${words})(?![\\w:-])`, 'i');
const FORM = keyword('SELECT|ASK|CONSTRUCT|DESCRIBE');
const SERVICE = keyword('SERVICE');

function located(text: string, file: string, offset: number): string {
  const at = new LineIndex(text).position(offset);
  return `${file}:${at.line}:${at.column}`;
}

/**
 * The query's form, checked before it runs: a query that calls a SERVICE is refused (Oxigraph
 * has no HTTP client here, and the federation is queried offline whatever the query says).
 */
export async function prepareQuery(text: string, file: string): Promise<PreparedQuery> {
  const words = text.replace(OPAQUE, blank);
  const service = SERVICE.exec(words);
  if (service) {
    const where = located(text, file, service.index);
    throw new UsageError(
      `${where}: SERVICE is not run: passerelle query reads the federation offline and calls no remote SPARQL endpoint`,
      `${where} : SERVICE n'est pas exécuté : passerelle query lit la fédération hors ligne et n'appelle aucun point d'accès SPARQL distant`,
    );
  }
  // checked on an empty store before any input is read: a syntax error costs no loading
  const { Store } = await loadOxigraph();
  try {
    new Store().query(text);
  } catch (e) {
    throw errorOf(e, file);
  }
  const form = FORM.exec(words)?.[1]?.toLowerCase() as QueryForm | undefined;
  if (!form)
    throw new UsageError(
      `${file}: not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)`,
      `${file} : pas une requête SPARQL (SELECT, ASK, CONSTRUCT ou DESCRIBE)`,
    );
  return { text, file, form };
}

function errorOf(e: unknown, file: string): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (m)
    return new UsageError(
      `${file}:${m[1]}:${m[2]}: SPARQL syntax error: ${m[3]}`,
      `${file}:${m[1]}:${m[2]} : erreur de syntaxe SPARQL : ${m[3]}`,
    );
  return new UsageError(
    `${file}: the query failed: ${message}`,
    `${file} : la requête a échoué : ${message}`,
  );
}

type Oxigraph = typeof import('oxigraph');
let oxigraph: Promise<Oxigraph> | undefined;

/** Oxigraph (WebAssembly, CommonJS), loaded once, when a command needs a store. */
export function loadOxigraph(): Promise<Oxigraph> {
  oxigraph ??= import('oxigraph').then(
    (m) => ((m as { default?: Oxigraph }).default ?? m) as Oxigraph,
  );
  return oxigraph;
}

/** What a query returns, as Oxigraph gives it: the results' text in a SPARQL results format, a boolean, or quads. */
export function execute(
  store: Store,
  q: PreparedQuery,
  resultsFormat?: 'json' | 'csv' | 'tsv' | 'xml',
): string | boolean | ReturnType<Store['match']> {
  try {
    const out = store.query(q.text, {
      use_default_graph_as_union: true,
      ...(resultsFormat && (q.form === 'select' || q.form === 'ask')
        ? { results_format: resultsFormat }
        : {}),
    });
    return out as string | boolean | ReturnType<Store['match']>;
  } catch (e) {
    throw errorOf(e, q.file);
  }
}
