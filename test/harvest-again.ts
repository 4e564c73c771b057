/**
 * A new harvest of Alberta, for the incremental tests of every output kept in a folder
 * (incremental.test.ts: the engines and N-Quads; site.test.ts: the search site): a copy of
 * fixtures/ca-ab with one record edited, one gone and one new — a copy of a federal record, so
 * that "also published by" changes on a federal dataset the run does not read.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/** Every fixtures folder that has a profile. */
export const PROFILES = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);

/** open.canada.ca's copy of Alberta's traffic sign inventory (fixtures/ca-gc/catalogue.jsonl line 8). */
export const FEDERAL_TRAFFIC_SIGNS =
  'https://open.canada.ca/data/dataset/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';

/** Alberta's exports copied into `dir/name`, to be harvested again; the inputs of every jurisdiction with them. */
export function albertaCopy(dir: string, name: string): { ab: string; inputs: string[] } {
  const ab = join(dir, name);
  mkdirSync(ab);
  for (const f of readdirSync(join(ROOT, 'fixtures', 'ca-ab')))
    copyFileSync(join(ROOT, 'fixtures', 'ca-ab', f), join(ab, f));
  return {
    ab,
    inputs: PROFILES.map((p) => (p === 'ca-ab' ? `ca-ab=${ab}` : `${p}=fixtures/${p}`)),
  };
}

/** ca-ab's page of a record: /publications/<name> for publications, else /opendata/<name>. */
const iriOf = (r: { type?: string; name: string }) =>
  `https://open.alberta.ca/${r.type === 'publications' ? 'publications' : 'opendata'}/${r.name}`;

/** The new harvest of a copy: line 1 edited, line 3 removed, a new record at the end. */
export function harvestAgain(folder: string): { changed: string; removed: string; added: string } {
  const file = join(folder, 'publications.jsonl');
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l));
  const [first, , third] = records;
  first.title = `${first.title} (revised)`;
  first.notes = `${first.notes} Revised in November.`;
  // Alberta's own record of the traffic sign inventory open.canada.ca carries a copy of
  // (fixtures/ca-gc/catalogue.jsonl line 8: same title, publisher "Government of Alberta")
  const added = {
    ...first,
    id: '3c9e1b7a-52d4-4f08-9a6e-1d2b3c4d5e6f',
    name: 'traffic-sign-inventory',
    title: 'Traffic sign inventory',
    notes: 'Location and type of traffic signs on provincial highways.',
    organization: {
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      name: 'transportation',
      title: 'Government of Alberta',
      type: 'organization',
      is_organization: true,
      state: 'active',
    },
    tags: [{ name: 'traffic signs' }, { name: 'roads' }],
    resources: [
      {
        id: '6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817',
        package_id: '3c9e1b7a-52d4-4f08-9a6e-1d2b3c4d5e6f',
        name: 'Traffic sign inventory (CSV)',
        format: 'CSV',
        url: 'https://open.alberta.ca/dataset/3c9e1b7a-52d4-4f08-9a6e-1d2b3c4d5e6f/resource/6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817/download/traffic-signs.csv',
        position: 0,
      },
    ],
  };
  writeFileSync(file, `${[first, records[1], added].map((r) => JSON.stringify(r)).join('\n')}\n`);
  return { changed: iriOf(first), removed: iriOf(third), added: iriOf(added) };
}
