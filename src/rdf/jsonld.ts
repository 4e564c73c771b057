/**
 * JSON-LD without the network: the document loader serves the project's own context and refuses
 * every other URL, and the JSON-LD writer compacts each chunk of quads with the project's context.
 * The jsonld library is heavy: it is loaded only when JSON-LD is read or written.
 */
import { CONTEXT_URL, jsonldContext } from '../model/context.js';
import type { Bilingual } from '../core/lang.js';

type JsonLd = typeof import('jsonld');
type Node = Record<string, unknown>;

let lib: Promise<JsonLd> | undefined;
export function loadJsonld(): Promise<JsonLd> {
  return (lib ??= import('jsonld').then(
    (m) => ((m as { default?: JsonLd }).default ?? m) as JsonLd,
  ));
}

/** Raised for a context the loader will not fetch; the message says what to do. */
export class RemoteContextError extends Error {
  constructor(readonly url: string) {
    super(
      `the JSON-LD context ${url} is not available offline (Passerelle never uses the network): put the context in the document`,
    );
  }
}

/** Local contexts only: Passerelle never uses the network. */
export async function documentLoader(
  url: string,
): Promise<{ contextUrl?: string; documentUrl: string; document: unknown }> {
  if (url === CONTEXT_URL)
    return { contextUrl: undefined, documentUrl: url, document: jsonldContext() };
  throw new RemoteContextError(url);
}

/** Why jsonld failed, in English and French, down to its cause (a refused context, a bad term). */
export function jsonldReason(e: unknown): Bilingual {
  let err = e as {
    message?: string;
    name?: string;
    details?: { cause?: unknown; code?: string };
    cause?: unknown;
  };
  let code = err?.details?.code;
  for (let i = 0; i < 5; i++) {
    if (err instanceof RemoteContextError) {
      return {
        en: err.message,
        fr: `le contexte JSON-LD ${err.url} n'est pas disponible hors ligne (Passerelle n'utilise jamais le réseau) : mettez le contexte dans le document`,
      };
    }
    const next = (err?.details?.cause ?? err?.cause) as typeof err | undefined;
    if (!next) break;
    err = next;
    code = err?.details?.code ?? code;
  }
  // jsonld's codes are the JSON-LD specification's error names (`invalid @id value`)
  return code
    ? { en: `JSON-LD error "${code}"`, fr: `erreur JSON-LD « ${code} »` }
    : { en: 'syntax error', fr: 'erreur de syntaxe' };
}

const isRef = (v: unknown): v is { '@id': string } =>
  v !== null && typeof v === 'object' && Object.keys(v).length === 1 && '@id' in (v as Node);

/**
 * Nests, in expanded JSON-LD, each node referenced exactly once inside the node that refers to it,
 * so that a distribution sits in its dataset and a publisher in its record. Expanded JSON-LD has
 * no context, so nesting keeps the meaning; compaction then applies the property-scoped contexts.
 */
export function nestOnceReferenced(nodes: Node[]): Node[] {
  const byId = new Map<string, Node>();
  const refs = new Map<string, number>();
  for (const n of nodes) byId.set(n['@id'] as string, n);
  for (const n of nodes)
    for (const [k, vs] of Object.entries(n))
      if (!k.startsWith('@') && Array.isArray(vs))
        for (const v of vs) if (isRef(v)) refs.set(v['@id'], (refs.get(v['@id']) ?? 0) + 1);
  const placed = new Set<Node>();
  const nest = (n: Node): void => {
    placed.add(n);
    for (const [k, vs] of Object.entries(n)) {
      if (k.startsWith('@') || !Array.isArray(vs)) continue;
      vs.forEach((v, i) => {
        if (!isRef(v) || refs.get(v['@id']) !== 1) return;
        const target = byId.get(v['@id']);
        if (!target || placed.has(target)) return;
        vs[i] = target;
        nest(target);
        if (v['@id'].startsWith('_:')) delete target['@id'];
      });
    }
  };
  const top = nodes.filter((n) => refs.get(n['@id'] as string) !== 1);
  top.forEach(nest);
  // nodes only reachable through a cycle of single references stay at the top
  for (const n of nodes) {
    if (!placed.has(n)) {
      top.push(n);
      nest(n);
    }
  }
  return top;
}

/** One chunk of N-Quads as compacted node objects (without their `@context`). */
export async function compactChunk(nquads: string): Promise<Node[]> {
  if (!nquads) return [];
  const jsonld = await loadJsonld();
  const expanded = (await jsonld.fromRDF(nquads, { format: 'application/n-quads' })) as Node[];
  const ctx = jsonldContext();
  const compacted = (await jsonld.compact(nestOnceReferenced(expanded) as never, ctx as never, {
    documentLoader: documentLoader as never,
  })) as Node;
  delete compacted['@context'];
  return Array.isArray(compacted['@graph']) ? (compacted['@graph'] as Node[]) : [compacted];
}
