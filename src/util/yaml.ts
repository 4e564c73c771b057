/**
 * YAML loading that remembers where every node came from, so that a bad profile, crosswalk or
 * config is reported as file:line:col.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { ConfigError, type Said } from './errors.js';
import { relativeToCwd } from './files.js';
import { PACKAGE_ROOT } from '../paths.js';

export interface YamlSource<T = unknown> {
  file: string;
  data: T;
  /** `file:line:col` of the node at `path` (or of its closest existing ancestor). */
  where(path: readonly (string | number)[], key?: boolean): string;
  /** The file the node at `path` came from, when sources are merged (`extends:`); else `file`. */
  fileAt?(path: readonly (string | number)[]): string;
}

/** Limits against hostile documents (alias bombs, huge files, nesting that exhausts the stack). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Aliases (`*name`) a document may expand: a few in real files, billions in an alias bomb. */
export const MAX_ALIASES = 1000;

/**
 * The yaml library's errors in French, by their code (its messages are English; the English
 * message keeps the library's words, which name the place in the YAML grammar).
 */
const YAML_ERRORS_FR: Record<string, string> = {
  ALIAS_PROPS: 'un alias ne peut porter ni ancre ni étiquette',
  BAD_ALIAS: 'alias non valide',
  BAD_DIRECTIVE: 'directive non valide',
  BAD_DQ_ESCAPE: 'échappement non valide dans une chaîne entre guillemets doubles',
  BAD_INDENT: 'indentation incorrecte',
  BAD_PROP_ORDER: 'ancre et étiquette dans le mauvais ordre',
  BAD_SCALAR_START: 'une valeur ne peut commencer par ce caractère',
  BLOCK_AS_IMPLICIT_KEY: 'un bloc ne peut servir de clé implicite',
  BLOCK_IN_FLOW: 'un bloc ne peut figurer entre crochets ou accolades',
  DUPLICATE_KEY: 'les clés d’une table doivent être uniques',
  IMPOSSIBLE: 'structure impossible',
  KEY_OVER_1024_CHARS: 'une clé implicite dépasse 1024 caractères',
  MISSING_CHAR: 'il manque un caractère (un crochet, une accolade, un guillemet ou « : » ?)',
  MULTILINE_IMPLICIT_KEY: 'une clé implicite tient sur une seule ligne',
  MULTIPLE_ANCHORS: 'un nœud n’a qu’une ancre',
  MULTIPLE_DOCS: 'le fichier ne contient qu’un document',
  MULTIPLE_TAGS: 'un nœud n’a qu’une étiquette',
  NON_STRING_KEY: 'une clé est du texte',
  TAB_AS_INDENT: 'une tabulation ne peut servir d’indentation',
  TAG_RESOLVE_FAILED: 'étiquette inconnue',
  UNEXPECTED_TOKEN: 'élément inattendu',
  BAD_COLLECTION_TYPE: 'type de collection inattendu',
};

/** The yaml library's messages, said plainly: hostile documents, and its errors by code, in both languages. */
function hostile(message: string, code?: string): Said {
  if (/call stack/i.test(message))
    return {
      en: 'the document is nested too deeply',
      fr: 'le document est imbriqué trop profondément',
    };
  if (/alias count/i.test(message))
    return {
      en: `the document expands more than ${MAX_ALIASES} aliases (an alias bomb?)`,
      fr: `le document développe plus de ${MAX_ALIASES} alias (une bombe d’alias ?)`,
    };
  return {
    en: message,
    fr: `YAML non valide : ${YAML_ERRORS_FR[code ?? ''] ?? 'erreur de syntaxe'}`,
  };
}

/** Why a file cannot be read (its error code), in both languages. */
const unreadable = (e: unknown): Said => {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return { en: `cannot read file (${why})`, fr: `lecture du fichier impossible (${why})` };
};

const tooLarge: Said = {
  en: `the file is larger than ${MAX_BYTES / 1024 / 1024} MiB`,
  fr: `le fichier dépasse ${MAX_BYTES / 1024 / 1024} Mio`,
};

/**
 * A YAML file's text, its size checked before it is read: a regular file of at most MAX_BYTES.
 * A device, FIFO or link to one (`/dev/zero`, `/dev/stdin`) would be read without end or block.
 */
function readText(file: string, shown: string): string {
  let fd: number;
  try {
    // not blocking: opening a FIFO that no one writes to would wait for ever
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ConfigError(unreadable(e).en, shown, unreadable(e).fr);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new ConfigError('not a regular file', shown, 'pas un fichier ordinaire');
    if (st.size > MAX_BYTES) throw new ConfigError(tooLarge.en, shown, tooLarge.fr);
    return readFileSync(fd, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(unreadable(e).en, shown, unreadable(e).fr);
  } finally {
    closeSync(fd);
  }
}

export function loadYaml<T = unknown>(file: string, text?: string): YamlSource<T> {
  const shown = relativeToCwd(file);
  const src = text ?? readText(file, shown);
  if (src.length > MAX_BYTES) throw new ConfigError(tooLarge.en, shown, tooLarge.fr);
  const snapshot = readSnapshot(src);
  if (snapshot)
    return {
      file: shown,
      data: snapshot.data as T,
      where: (path, key = false) => whereIn(snapshot.pos, shown, path, key),
    };
  const { doc, lineCounter } = parse(src, shown);
  let data: T;
  try {
    // keys are own properties (`__proto__` is a key like any other: the yaml library defines it)
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as T;
  } catch (e) {
    const said = hostile((e as Error).message);
    throw new ConfigError(said.en, shown, said.fr);
  }
  return {
    file: shown,
    data,
    where: (path, key = false) => {
      const node = nodeAt(doc, path, key);
      if (!node?.range) return shown;
      const p = lineCounter.linePos(node.range[0]);
      return `${shown}:${p.line}:${p.col}`;
    },
  };
}

/** The YAML library, loaded on first use: with snapshots, most runs never need it. */
let yamlLib: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  // its Node entry point is CommonJS: required synchronously, the same module `import` would give
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function parse(src: string, shown: string): { doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // keys are checked unique here, not by the library, whose check scans the map for each key
  // (a configuration of 20,000 rules took 46 s)
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const p = lineCounter.linePos(e.pos[0]);
    const said = hostile(e.message.split('\n')[0], e.code);
    throw new ConfigError(said.en, `${shown}:${p.line}:${p.col}`, said.fr);
  }
  const repeated = repeatedKey(doc.contents);
  if (repeated?.range) {
    const p = lineCounter.linePos(repeated.range[0]);
    throw new ConfigError(
      'Map keys must be unique',
      `${shown}:${p.line}:${p.col}`,
      'les clés d’une table doivent être uniques',
    );
  }
  return { doc, lineCounter };
}

/** The first key that a map of the document repeats (in document order), by a set per map. */
function repeatedKey(root: unknown): Node | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const stack: unknown[] = [root];
  let first: Node | undefined;
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = isScalar(p.key) ? p.key.value : p.key;
        if (seen.has(k) && (!first || (p.key as Node).range![0] < first.range![0]))
          first = p.key as Node;
        seen.add(k);
        stack.push(p.value);
      }
    } else if (isSeq(n)) {
      for (const i of n.items) stack.push(i);
    }
  }
  return first;
}

/*
 * Snapshots. The YAML parser is thorough but slow (the shipped profiles, crosswalks and
 * vocabularies take most of a second to parse), and a one-record check should start at once. The
 * build (`npm run build`) parses the shipped files once and writes each one's data and node
 * positions as JSON, named by a hash of the file's text: a file that changes is parsed again.
 */
const SNAPSHOT_FORMAT = 1;
const SNAPSHOT_DIR = join(PACKAGE_ROOT, 'dist', 'yaml-snapshots');

/** Where a node is: its line and column, its key's (map entries), and its children's. */
interface Pos {
  v?: [number, number];
  k?: [number, number];
  c?: Record<string, Pos> | (Pos | null)[];
}

/** Where the snapshot of a YAML text is (or would be). */
export function snapshotFile(text: string): string {
  const hash = createHash('sha256')
    .update(`${SNAPSHOT_FORMAT}\n${text}`)
    .digest('hex')
    .slice(0, 32);
  return join(SNAPSHOT_DIR, `${hash}.json`);
}

function readSnapshot(text: string): { data: unknown; pos: Pos } | undefined {
  try {
    return JSON.parse(readFileSync(snapshotFile(text), 'utf8')) as { data: unknown; pos: Pos };
  } catch {
    return undefined; // none (an edited or user file): parse it
  }
}

/** Parses a YAML file and writes its snapshot; a file that does not parse gets none. */
export function writeSnapshot(file: string): void {
  const text = readFileSync(file, 'utf8');
  const { doc, lineCounter } = parse(text, file);
  const at = (n: Node | null | undefined): [number, number] | undefined => {
    if (!n?.range) return undefined;
    const p = lineCounter.linePos(n.range[0]);
    return [p.line, p.col];
  };
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const pos = (n: unknown): Pos | null => {
    if (!n) return null;
    const out: Pos = { v: at(n as Node) };
    if (isMap(n)) {
      const c: Record<string, Pos> = Object.create(null) as Record<string, Pos>;
      for (const p of n.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const name = String(p.key.value);
        if (name in c) continue; // the first entry of a key, as nodeAt finds it
        c[name] = { ...(pos(p.value) ?? {}), k: at(p.key as Node) };
      }
      out.c = c;
    } else if (isSeq(n)) {
      out.c = n.items.map((i) => pos(i));
    }
    return out;
  };
  const snapshot = { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), pos: pos(doc.contents) ?? {} };
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  writeFileSync(snapshotFile(text), JSON.stringify(snapshot));
}

/** `where` from a snapshot: the same answers as `nodeAt` on the parsed document. */
function whereIn(
  root: Pos,
  shown: string,
  path: readonly (string | number)[],
  key: boolean,
): string {
  let node: Pos | null | undefined = root;
  let at = root.v; // of the closest node found so far
  for (let i = 0; i < path.length && node; i++) {
    const c: Pos['c'] = node.c;
    if (Array.isArray(c)) {
      node = c[Number(path[i])];
    } else if (c) {
      const entry: Pos | undefined = Object.hasOwn(c, String(path[i]))
        ? c[String(path[i])]
        : undefined;
      if (!entry) break;
      if (key && i === path.length - 1)
        return entry.k ? `${shown}:${entry.k[0]}:${entry.k[1]}` : shown;
      node = entry.v ? entry : undefined; // an entry without a value: its map is the closest
    } else {
      break;
    }
    if (node) at = node.v;
  }
  return at ? `${shown}:${at[0]}:${at[1]}` : shown;
}

/**
 * Each map's entries by key, made on first use: a document with many problems (a configuration
 * with 20,000 unknown rules) asks for as many places, and a scan per question was quadratic.
 */
const entriesOf = new WeakMap<object, Map<string, Pair>>();
function entry(map: YAMLMap, name: string): Pair | undefined {
  let index = entriesOf.get(map);
  if (!index) {
    const { isPair, isScalar } = yaml();
    index = new Map();
    for (const p of map.items) {
      // the first entry of a key, as the snapshot's positions have it
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value)))
        index.set(String(p.key.value), p);
    }
    entriesOf.set(map, index);
  }
  return index.get(name);
}

function nodeAt(doc: Document, path: readonly (string | number)[], key: boolean): Node | undefined {
  const { isMap, isSeq } = yaml();
  let node: unknown = doc.contents;
  let last: Node | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = entry(node, String(seg));
      if (!pair) return last;
      if (key && i === path.length - 1) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
    } else {
      return last;
    }
    if (node) last = node as Node;
  }
  return last;
}
