/**
 * Reading a written search site back as the page would: data/catalogue.js and every chunk run in a
 * bare VM context whose only global is a `passerelle` that records what they register (so a chunk
 * that did anything but call it would fail here).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Catalogue } from '../src/federate/site/shared.js';
import type { SiteRecord } from '../src/federate/site/record.js';
import { cli, ROOT } from './helpers.js';

export interface ReadSite {
  catalogue: Catalogue;
  /** Records in chunk order, each with its jurisdiction's folder and chunk number. */
  records: (SiteRecord & { chunk: string })[];
  /** Each chunk's call: its jurisdiction argument, number, record count and index. */
  calls: { file: string; jurisdiction: string; n: number; records: number; index: unknown }[];
}

export function readSite(dir: string): ReadSite {
  let catalogue: Catalogue | undefined;
  runInNewContext(readFileSync(join(dir, 'data', 'catalogue.js'), 'utf8'), {
    passerelle: { catalogue: (c: Catalogue) => (catalogue = c) },
  });
  if (!catalogue) throw new Error('catalogue.js registered nothing');
  const records: ReadSite['records'] = [];
  const calls: ReadSite['calls'] = [];
  for (const j of catalogue.jurisdictions)
    for (const c of j.chunks) {
      runInNewContext(readFileSync(join(dir, c.file), 'utf8'), {
        passerelle: {
          chunk: (jurisdiction: string, n: number, rs: SiteRecord[], index: unknown) => {
            calls.push({ file: c.file, jurisdiction, n, records: rs.length, index });
            for (const r of rs) records.push({ ...r, chunk: c.file });
          },
        },
      });
    }
  return { catalogue, records, calls };
}

/** Every fixtures folder that has a profile, as `<profile>=fixtures/<profile>`. */
export function fixtureInputs(): string[] {
  return readdirSync(join(ROOT, 'fixtures'))
    .filter((d) => existsSync(join(ROOT, 'profiles', `${d}.yaml`)))
    .map((p) => `${p}=fixtures/${p}`);
}

/** `federate … --to site` into `dir`, with its JSON Lines index beside. */
export function buildSite(inputs: string[], dir: string, index: string) {
  return cli([
    'federate',
    ...inputs,
    '--to',
    'site',
    '--output',
    dir,
    '--index',
    index,
    '--now',
    '2026-11-01',
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
export const FEDERAL_COPY =
  'https://open.canada.ca/data/dataset/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';
export const ALBERTA_ORIGINAL = 'https://open.alberta.ca/dataset/traffic-sign-inventory';
