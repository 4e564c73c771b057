/**
 * Which RDF syntax a file is in, from its name and first characters. Kept apart from the parsers
 * (N3.js, rdfxml-streaming-parser, jsonld) so that recognising a file loads none of them.
 */
import { extname } from 'node:path';

export type RdfSyntax = 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'rdfxml' | 'jsonld';

/** The syntaxes `convert` and `federate` write. */
export const RDF_FORMATS = ['jsonld', 'turtle', 'ntriples', 'nquads'] as const;
export type RdfFormat = (typeof RDF_FORMATS)[number];

const BY_EXTENSION: Record<string, RdfSyntax> = {
  '.ttl': 'turtle',
  '.turtle': 'turtle',
  '.trig': 'trig',
  '.nt': 'ntriples',
  '.ntriples': 'ntriples',
  '.nq': 'nquads',
  '.nquads': 'nquads',
  '.rdf': 'rdfxml',
  '.owl': 'rdfxml',
  '.jsonld': 'jsonld',
};
export const RDF_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The syntax of a file, from its name and its first characters. */
export function syntaxOf(file: string, head: string): RdfSyntax | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  const byName = BY_EXTENSION[extname(name)];
  if (byName) return byName;
  const h = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<\?xml[^>]*\?>\s*(<!--[\s\S]*?-->\s*)*<rdf:RDF\b/.test(h) || /^<rdf:RDF\b/.test(h))
    return 'rdfxml';
  if (h.startsWith('{') || h.startsWith('[')) return undefined;
  if (/^(@prefix|@base|PREFIX\b|BASE\b)/i.test(h)) return 'turtle';
  // N-Triples: a line `<s> <p> …` or `_:b <p> …`
  if (/^(<[^>\s]*>|_:\S+)\s+<[^>\s]*>\s+/.test(h)) return 'turtle';
  return undefined;
}

/** A JSON file that is JSON-LD (a `@context` or `@graph` at the top) rather than plain records. */
export function looksLikeJsonLd(head: string, file: string): boolean {
  if (/\.jsonld(\.gz)?$/i.test(file)) return true;
  return /^\s*[{[]\s*\{?\s*"@context"\s*:\s*[{[]/.test(head) || /^\s*\{\s*"@graph"\s*:/.test(head);
}

export function rdfSyntaxOf(head: string, file: string): RdfSyntax | undefined {
  const s = syntaxOf(file, head);
  if (s) return s;
  return looksLikeJsonLd(head, file) ? 'jsonld' : undefined;
}
