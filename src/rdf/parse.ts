/**
 * Reads RDF text in the syntaxes catalogues and shape files come in: Turtle, TriG, N-Triples,
 * N-Quads (N3.js), RDF/XML (rdfxml-streaming-parser) and JSON-LD (jsonld, with the offline
 * document loader). Broken input is an `RdfSyntaxError` with the line and column where reading
 * stopped, whatever the syntax.
 */
import N3 from 'n3';
import type { Bilingual } from '../core/lang.js';
import { jsonErrorReason, xmlErrorReason } from '../i18n/read-errors.js';
import { LineIndex } from '../util/locate.js';
import { linearNamespaces } from '../util/saxes.js';
import type { Quad } from './terms.js';

import type { RdfSyntax } from './syntax.js';

export { RDF_EXTENSIONS, syntaxOf, type RdfSyntax } from './syntax.js';

/** Broken RDF: why (in English and French) and where. */
export class RdfSyntaxError extends Error {
  constructor(
    readonly reason: Bilingual,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(reason.en);
    this.name = 'RdfSyntaxError';
  }
}

const SYNTAX_NAMES: Record<RdfSyntax, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  rdfxml: 'RDF/XML',
  jsonld: 'JSON-LD',
};
const invalid = (syntax: RdfSyntax | 'json', why: Bilingual): Bilingual => {
  const name = syntax === 'json' ? 'JSON' : SYNTAX_NAMES[syntax];
  return { en: `invalid ${name}: ${why.en}`, fr: `${name} non valide : ${why.fr}` };
};
const SYNTAX_ERROR: Bilingual = { en: 'syntax error', fr: 'erreur de syntaxe' };

/** N3.js's messages (without their line), in English and French. */
function n3Reason(message: string): Bilingual {
  let m = /^Undefined prefix "([^"]*)"/.exec(message);
  if (m) return { en: `undefined prefix "${m[1]}"`, fr: `préfixe « ${m[1]} » non défini` };
  m = /^Unexpected "(.*)"/.exec(message);
  if (m) return { en: `unexpected "${m[1]}"`, fr: `« ${m[1]} » inattendu` };
  m = /^Expected (\S+) but got (\S+)/.exec(message);
  if (m) return { en: `${m[1]} expected, found ${m[2]}`, fr: `${m[1]} attendu, trouvé : ${m[2]}` };
  if (/^Unexpected (eof|end)/i.test(message))
    return { en: 'the text ends too early', fr: 'le texte se termine trop tôt' };
  if (/language tag/i.test(message))
    return {
      en: 'a language tag is not valid (BCP 47)',
      fr: "une étiquette de langue n'est pas valide (BCP 47)",
    };
  return SYNTAX_ERROR;
}

const N3_FORMAT: Record<string, string> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
};

/** Column of an N3.js error: where the offending token sits on its line. */
function n3Column(
  text: string,
  line: number | undefined,
  e: Error & { context?: { token?: { prefix?: string; value?: string } } },
): number | undefined {
  if (line === undefined) return undefined;
  const lineText = text.split('\n')[line - 1] ?? '';
  const t = e.context?.token;
  const needle =
    t?.prefix !== undefined
      ? `${t.prefix}:`
      : (/Unexpected "(.{1,40}?)"( on line|$)/.exec(e.message)?.[1] ?? t?.value);
  if (!needle) return undefined;
  const i = lineText.indexOf(needle);
  return i >= 0 ? i + 1 : undefined;
}

function parseN3(text: string, syntax: RdfSyntax, baseIRI: string): Quad[] {
  try {
    return new N3.Parser({ format: N3_FORMAT[syntax], baseIRI }).parse(text) as Quad[];
  } catch (err) {
    const e = err as Error & {
      context?: { line?: number; token?: { prefix?: string; value?: string } };
    };
    const line =
      e.context?.line ??
      (/on line (\d+)/.exec(e.message) ? Number(/on line (\d+)/.exec(e.message)?.[1]) : undefined);
    const message = e.message.replace(/ on line \d+\.?$/, '').replace(/\.$/, '');
    throw new RdfSyntaxError(invalid(syntax, n3Reason(message)), line, n3Column(text, line, e));
  }
}

async function parseRdfXml(text: string, baseIRI: string): Promise<Quad[]> {
  const { RdfXmlParser } = await import('rdfxml-streaming-parser');
  const parser = new RdfXmlParser({ baseIRI, dataFactory: N3.DataFactory as never });
  linearNamespaces((parser as unknown as { saxParser: object }).saxParser);
  const quads: Quad[] = [];
  return new Promise((resolve, reject) => {
    parser.on('data', (q: Quad) => quads.push(q));
    // only the first error counts: the parser goes on reporting what follows from it
    let failed = false;
    parser.on('error', (e: Error) => {
      if (failed) return;
      failed = true;
      const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
      // saxes's (XML) errors carry a position; the RDF/XML parser's own do not
      reject(
        new RdfSyntaxError(
          invalid('rdfxml', m ? xmlErrorReason(m[3]) : SYNTAX_ERROR),
          m ? Number(m[1]) : undefined,
          m ? Number(m[2]) : undefined,
        ),
      );
    });
    parser.on('end', () => resolve(quads));
    parser.end(text);
  });
}

async function parseJsonLd(text: string, baseIRI: string): Promise<Quad[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const e = err as Error;
    const pos = /position (\d+)/.exec(e.message);
    const at = pos ? new LineIndex(text).position(Number(pos[1])) : undefined;
    throw new RdfSyntaxError(invalid('json', jsonErrorReason(e)), at?.line, at?.column);
  }
  const { documentLoader, jsonldReason, loadJsonld } = await import('./jsonld.js');
  const jsonld = await loadJsonld();
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(
      doc as never,
      { format: 'application/n-quads', base: baseIRI, documentLoader } as never,
    )) as unknown as string;
  } catch (e) {
    throw new RdfSyntaxError(invalid('jsonld', jsonldReason(e)));
  }
  // jsonld writes what the document says (a language tag `__proto__`): N3 may still refuse it
  try {
    return new N3.Parser({ format: 'N-Quads' }).parse(nquads) as Quad[];
  } catch (err) {
    throw new RdfSyntaxError(
      invalid('jsonld', n3Reason((err as Error).message.replace(/ on line \d+\.?$/, ''))),
    );
  }
}

/** Every quad of an RDF text. `baseIRI` resolves relative IRIs (the file's own `file:` URL). */
export async function parseRdf(text: string, syntax: RdfSyntax, baseIRI: string): Promise<Quad[]> {
  const t = text.replace(/^\uFEFF/, '');
  switch (syntax) {
    case 'rdfxml':
      return parseRdfXml(t, baseIRI);
    case 'jsonld':
      return parseJsonLd(t, baseIRI);
    default:
      return parseN3(t, syntax, baseIRI);
  }
}
