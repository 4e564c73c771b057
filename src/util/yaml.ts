/**
 * YAML loading that remembers where every node came from, so that a bad profile, crosswalk or
 * config is reported as file:line:col.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import { ConfigError } from './errors.js';
import { relativeToCwd } from './files.js';

export interface YamlSource<T = unknown> {
  file: string;
  data: T;
  /** `file:line:col` of the node at `path` (or of its closest existing ancestor). */
  where(path: readonly (string | number)[], key?: boolean): string;
}

/** Limits against hostile documents (alias bombs, huge files, nesting that exhausts the stack). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Aliases (`*name`) a document may expand: a few in real files, billions in an alias bomb. */
export const MAX_ALIASES = 1000;

/** The yaml library's messages about hostile documents, said plainly. */
function hostile(message: string): string {
  if (/call stack/i.test(message)) return 'the document is nested too deeply';
  if (/alias count/i.test(message)) return `the document expands more than ${MAX_ALIASES} aliases (an alias bomb?)`;
  return message;
}

export function loadYaml<T = unknown>(file: string, text?: string): YamlSource<T> {
  const shown = relativeToCwd(file);
  let src: string;
  try {
    src = text ?? readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, shown);
  }
  if (src.length > MAX_BYTES) throw new ConfigError(`the file is larger than ${MAX_BYTES / 1024 / 1024} MiB`, shown);
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): string => {
    const p = lineCounter.linePos(offset);
    return `${shown}:${p.line}:${p.col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(hostile(e.message.split('\n')[0]), at(e.pos[0]));
  }
  let data: T;
  try {
    // keys are own properties (`__proto__` is a key like any other: the yaml library defines it)
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as T;
  } catch (e) {
    throw new ConfigError(hostile((e as Error).message), shown);
  }
  return {
    file: shown,
    data,
    where: (path, key = false) => {
      const node = nodeAt(doc, path, key);
      return node?.range ? at(node.range[0]) : `${shown}`;
    },
  };
}

function nodeAt(doc: Document, path: readonly (string | number)[], key: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = node as Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
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
