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

/** Limits against hostile documents (alias bombs, huge files). */
const MAX_BYTES = 5 * 1024 * 1024;

export function loadYaml<T = unknown>(file: string, text?: string): YamlSource<T> {
  const shown = relativeToCwd(file);
  let src: string;
  try {
    src = text ?? readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, shown);
  }
  if (src.length > MAX_BYTES) throw new ConfigError(`file is larger than ${MAX_BYTES} bytes`, shown);
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): string => {
    const p = lineCounter.linePos(offset);
    return `${shown}:${p.line}:${p.col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(e.message.split('\n')[0], at(e.pos[0]));
  }
  let data: T;
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) as T;
  } catch (e) {
    throw new ConfigError((e as Error).message, shown);
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
