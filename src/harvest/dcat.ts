/**
 * DCAT-AP catalogues published as RDF pages (Turtle, RDF/XML, JSON-LD) linked by Hydra paging, as
 * ckanext-dcat's `/catalog.ttl?page=N` writes them: a `hydra:PagedCollection` (or
 * `hydra:PartialCollectionView`) with `hydra:next` (or the older `hydra:nextPage`) and
 * `hydra:totalItems`. Each page's records are its `dcat:Dataset` nodes, identified by IRI; a page is
 * written as N-Triples, less the datasets an earlier page already gave.
 */
import N3 from 'n3';
import { parseRdf, RdfSyntaxError } from '../rdf/parse.js';
import { rdfSyntaxOf } from '../rdf/syntax.js';
import type { Quad } from '../rdf/terms.js';
import { RetryableError } from './http.js';
import type { Page, Protocol } from './protocols.js';

const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DATASET = 'http://www.w3.org/ns/dcat#Dataset';

/** A page's datasets, its total and next page, and its triples for writing. */
export interface RdfPage extends Page {
  quads?: Quad[];
}

export function dcatAp(url0: string): Protocol {
  return {
    kind: 'dcat-ap',
    format: 'rdf',
    first: { url: url0 },
    url: (c) => (c as { url: string }).url,
    async parse(body, _c, url) {
      const text = body.toString('utf8');
      const syntax = rdfSyntaxOf(text.slice(0, 4096), new URL(url).pathname);
      if (!syntax)
        throw new RetryableError(`${url}: not an RDF document`, `${url} : pas un document RDF`);
      let quads: Quad[];
      try {
        quads = await parseRdf(text, syntax, url);
      } catch (e) {
        if (e instanceof RdfSyntaxError)
          throw new RetryableError(`${url}: ${e.message}`, `${url} : ${e.reason.fr}`);
        throw e;
      }
      const datasets = quads
        .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === DATASET)
        .map((q) => q.subject.value);
      const next = quads.find(
        (q) => q.predicate.value === `${HYDRA}next` || q.predicate.value === `${HYDRA}nextPage`,
      )?.object.value;
      const total = Number(
        quads.find((q) => q.predicate.value === `${HYDRA}totalItems`)?.object.value,
      );
      const page: RdfPage = {
        records: [...new Set(datasets)].map((id) => ({ id, text: '' })),
        ...(Number.isFinite(total) ? { total } : {}),
        // a page pointing at itself would never end
        ...(next && next !== url ? { next: { url: new URL(next, url).href } } : {}),
        quads,
      };
      return page;
    },
  };
}

/** The page's triples as N-Triples, less those about its datasets not in `keep` (already written). */
export function rdfPageText(page: RdfPage, keep: ReadonlySet<string>): string {
  const left = new Set(page.records.map((r) => r.id).filter((id) => !keep.has(id)));
  const writer = new N3.Writer({ format: 'N-Triples' });
  let out = '';
  for (const q of page.quads ?? []) {
    if (left.has(q.subject.value)) continue;
    out += writer.quadToString(q.subject, q.predicate, q.object);
  }
  return out;
}
