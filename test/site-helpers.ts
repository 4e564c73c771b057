/**
 * Reading a written search site back as the page would: data/links.js, data/catalogue.js and every
 * chunk run in a bare VM context whose only global is a `passerelle` that records what they
 * register (so a chunk that did anything but call it would fail here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Catalogue } from '../src/federate/site/shared.js';
import type { SiteLinks, SiteRecord } from '../src/federate/site/record.js';
import { cli } from './helpers.js';
import { PROFILES } from './harvest-again.js';

export interface ReadSite {
  catalogue: Catalogue;
  /** data/links.js: "also published by" of each dataset that has copies in other jurisdictions. */
  links: Record<string, SiteLinks>;
  /**
   * Records in chunk order, each with its jurisdiction's folder and chunk number, and the copies
   * the page lists on its page (data/links.js; none: empty).
   */
  records: (SiteRecord & SiteLinks & { chunk: string })[];
  /** Each chunk's call: its jurisdiction argument, number, record count and index. */
  calls: { file: string; jurisdiction: string; n: number; records: number; index: unknown }[];
}

export function readSite(dir: string): ReadSite {
  let catalogue: Catalogue | undefined;
  let links: Record<string, SiteLinks> | undefined;
  runInNewContext(readFileSync(join(dir, 'data', 'links.js'), 'utf8'), {
    passerelle: { links: (l: Record<string, SiteLinks>) => (links = l) },
  });
  runInNewContext(readFileSync(join(dir, 'data', 'catalogue.js'), 'utf8'), {
    passerelle: { catalogue: (c: Catalogue) => (catalogue = c) },
  });
  if (!catalogue || !links) throw new Error('catalogue.js or links.js registered nothing');
  const copies = links;
  const records: ReadSite['records'] = [];
  const calls: ReadSite['calls'] = [];
  for (const j of catalogue.jurisdictions)
    for (const c of j.chunks) {
      runInNewContext(readFileSync(join(dir, c.file), 'utf8'), {
        passerelle: {
          chunk: (jurisdiction: string, n: number, rs: SiteRecord[], index: unknown) => {
            calls.push({ file: c.file, jurisdiction, n, records: rs.length, index });
            for (const r of rs)
              records.push({ ...r, ...(copies[r.id] ?? { duplicates: [] }), chunk: c.file });
          },
        },
      });
    }
  return { catalogue, links, records, calls };
}

/** Every fixtures folder that has a profile, as `<profile>=fixtures/<profile>`. */
export function fixtureInputs(): string[] {
  return PROFILES.map((p) => `${p}=fixtures/${p}`);
}

/** `federate … --to site` into `dir`. */
export function buildSite(inputs: string[], dir: string, ...more: string[]) {
  return cli([
    'federate',
    ...inputs,
    '--to',
    'site',
    '--output',
    dir,
    '--now',
    '2026-11-01',
    ...more,
  ]);
}

/** Alberta's own record of a dataset open.canada.ca republishes (fixtures/ca-gc/catalogue.jsonl, line 8). */
export const ALBERTA_TTL = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://open.alberta.ca/dataset/traffic-sign-inventory> a dcat:Dataset ;
  dct:identifier "traffic-sign-inventory" ;
  dct:title "Traffic Sign Inventory"@en ;
  dct:description "Location and type of traffic signs on provincial highways."@en ;
  dct:publisher [ a foaf:Agent ; foaf:name "Government of Alberta"@en ] ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://open.alberta.ca/dataset/traffic-sign-inventory/resource/traffic-signs.csv> ] .
`;
export { FEDERAL_TRAFFIC_SIGNS as FEDERAL_COPY } from './harvest-again.js';
export const ALBERTA_ORIGINAL = 'https://open.alberta.ca/dataset/traffic-sign-inventory';
