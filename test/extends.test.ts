/**
 * `extends: <id>` (docs/profiles.md, "Extending a profile"): a profile or crosswalk that declares
 * only what differs from its parent's, the parent found on the search path; errors at the file
 * each entry came from; cycles and unknown parents named; caches that follow the parents found.
 * Then the shipped extension, ca-yt (Yukon), on real records of the portal.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCrosswalk, loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { detectableProfiles, detectProfile } from '../src/engine/detect.js';
import { loadProfile } from '../src/profiles/load.js';
import { ConfigError } from '../src/util/errors.js';
import { setSearchPath } from '../src/util/search-path.js';
import { cli, ROOT, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let n = 0;

/** A fresh folder of the search path (profiles/, crosswalks/) holding these files. */
function folder(files: { profiles?: Record<string, string>; crosswalks?: Record<string, string> }) {
  const dir = join(tmp.dir, `f${n++}`);
  for (const kind of ['profiles', 'crosswalks'] as const) {
    mkdirSync(join(dir, kind), { recursive: true });
    for (const [id, text] of Object.entries(files[kind] ?? {}))
      writeFileSync(join(dir, kind, `${id}.yaml`), text);
  }
  return dir;
}
const use = (...folders: string[]) => setSearchPath({ folders, allowShadow: false });
/** The 1-based line of the first line of `file` that starts with `text` (after indentation). */
const lineOf = (file: string, text: string): number =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.trimStart().startsWith(text)) + 1;
const error = (f: () => unknown): ConfigError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error');
};

const CITY = `id: city
extends: ckan
name: {en: A city}
rules:
  odc/bilingual: off
fields:
  title: {type: string, label: {en: Title}, required: true}
  ward: {type: string, label: {en: Ward}}
  version: null
`;

beforeAll(() => {
  tmp = tempDir();
});
afterEach(() => use());
afterAll(() => tmp.cleanup());

describe('a profile that extends another', () => {
  test('inherits the parent’s fields, replaces the ones it gives, removes the ones set to null', () => {
    const dir = folder({ profiles: { city: CITY } });
    use(dir);
    const city = loadProfile('city');
    const ckan = loadProfile('ckan');
    // its own field, and ckan's, untouched
    expect(city.fields.ward.type).toBe('string');
    expect(city.fields.tags).toEqual(ckan.fields.tags);
    expect(city.fields.resources.fields?.url).toBeDefined();
    // a field given again is the child's definition, whole: required now, ckan's label gone
    expect(ckan.fields.title.required).toBe(false);
    expect(city.fields.title.required).toBe(true);
    expect(city.fields.title.label).toEqual({ en: 'Title' });
    // removed
    expect(ckan.fields.version).toBeDefined();
    expect(city.fields.version).toBeUndefined();
    // rules merged; the detect condition is the child's own (none here)
    expect(city.rules['odc/bilingual']).toBe('off');
    expect(ckan.detect).toBeDefined();
    expect(city.detect).toBeUndefined();
    expect(city.extends).toBe('ckan');
    expect(city.lineage).toEqual(['city', 'ckan']);
    // each field says the file it is declared in
    const file = join(dir, 'profiles', 'city.yaml');
    expect(city.fields.ward.where).toMatch(new RegExp(`city\\.yaml:${lineOf(file, 'ward:')}:3$`));
    const ckanFile = join(ROOT, 'profiles', 'ckan.yaml');
    expect(city.fields.tags.where).toMatch(
      new RegExp(`ckan\\.yaml:${lineOf(ckanFile, 'tags:')}:3$`),
    );
  });

  test('adds codes to a parent’s vocabulary with add:, replaces it with codes:', () => {
    const base = `id: base
fields:
  frequency: {type: code, vocabulary: frequency}
vocabularies:
  frequency: {codes: [daily, weekly], legacy: {day: daily}}
`;
    const dir = folder({
      profiles: {
        base,
        more: 'id: more\nextends: base\nvocabularies:\n  frequency: {add: [monthly]}\n',
        other: 'id: other\nextends: base\nvocabularies:\n  frequency: {codes: [yearly]}\n',
        // a grandchild: the codes of both steps
        most: 'id: most\nextends: more\nvocabularies:\n  frequency:\n    add: {hourly: {en: Hourly}}\n',
      },
    });
    use(dir);
    expect([...loadProfile('more').vocabularies.frequency.codes.keys()]).toEqual([
      'daily',
      'weekly',
      'monthly',
    ]);
    expect(loadProfile('more').vocabularies.frequency.legacy.get('day')).toBe('daily');
    expect([...loadProfile('other').vocabularies.frequency.codes.keys()]).toEqual(['yearly']);
    const most = loadProfile('most');
    expect([...most.vocabularies.frequency.codes.keys()]).toEqual([
      'daily',
      'weekly',
      'monthly',
      'hourly',
    ]);
    expect(most.vocabularies.frequency.codes.get('hourly')).toEqual({ en: 'Hourly' });
    expect(most.lineage).toEqual(['most', 'more', 'base']);
  });

  test('a problem is reported at the file and line it is in: the parent’s or the child’s', () => {
    const dir = folder({
      profiles: {
        base: 'id: base\nfields:\n  title: {type: string}\n  size: {type: sise}\n',
        kid: 'id: kid\nextends: base\nfields:\n  ward: {type: string}\n',
        bad: 'id: bad\nextends: base\nfields:\n  size: {type: integer}\n  ward: {type: wrd}\n',
        addless: 'id: addless\nextends: base\nvocabularies:\n  ward: {add: [a]}\n',
      },
    });
    use(dir);
    // the parent's bad field: the parent's file and line, also when loading the child
    const inherited = error(() => loadProfile('kid'));
    expect(inherited.where).toMatch(/[/\\]profiles[/\\]base\.yaml:4:\d+$/);
    expect(inherited.message).toMatch(/field size: type must be one of/);
    // the child replaces it: the child's own bad field is reported in the child
    const own = error(() => loadProfile('bad'));
    expect(own.where).toMatch(/[/\\]profiles[/\\]bad\.yaml:5:\d+$/);
    expect(own.message).toMatch(/field ward: type must be one of/);
    const add = error(() => loadProfile('addless'));
    expect(add.where).toMatch(/addless\.yaml:4:\d+$/);
    expect(add.message).toMatch(/vocabulary ward: `add` adds codes to the parent's vocabulary/);
  });

  test('a cycle, an unknown parent, a child without id or with a bad extends: a clear error at the line', () => {
    const dir = folder({
      profiles: {
        a: 'id: a\nextends: b\n',
        b: 'id: b\nname: {en: B}\nextends: a\n',
        self: 'id: self\nextends: self\n',
        orphan: '# a draft\nid: orphan\nextends: no-such-profile\n',
        noid: 'extends: ckan\nname: {en: No id}\n',
        many: 'id: many\nextends: [ckan, ca-on]\n',
      },
    });
    use(dir);
    const cycle = error(() => loadProfile('a'));
    expect(cycle.where).toMatch(/[/\\]b\.yaml:3:10$/);
    expect(cycle.message).toMatch(/"a" extends this profile in turn \(a → b → a\)/);
    expect(error(() => loadProfile('self')).where).toMatch(/self\.yaml:2:10$/);
    const orphan = error(() => loadProfile('orphan'));
    expect(orphan.where).toMatch(/orphan\.yaml:3:10$/);
    expect(orphan.message).toMatch(/extends: unknown profile "no-such-profile" \(known: .*ckan/);
    expect(error(() => loadProfile('noid')).message).toMatch(/`id` is required/);
    expect(error(() => loadProfile('many')).where).toMatch(/many\.yaml:2:10$/);
  });

  test('a parent found elsewhere (another search path) makes another profile', () => {
    const one = folder({ profiles: { base: 'id: base\nfields:\n  a: {type: string}\n' } });
    const two = folder({ profiles: { base: 'id: base\nfields:\n  b: {type: string}\n' } });
    const kid = folder({ profiles: { kid: 'id: kid\nextends: base\n' } });
    use(kid, one);
    expect(Object.keys(loadProfile('kid').fields)).toEqual(['a']);
    use(kid, two);
    expect(Object.keys(loadProfile('kid').fields)).toEqual(['b']);
    use(kid, one);
    expect(Object.keys(loadProfile('kid').fields)).toEqual(['a']);
  });
});

describe('a crosswalk that extends another', () => {
  const RECORD = {
    name: 'trees',
    title: 'Street trees',
    notes: 'Every street tree of the city, with its species and the ward it grows in.',
    ward: 'Ward 3',
    version: '2.0',
    tags: [{ name: 'trees' }, { name: 'parks' }],
  };

  test('inherits the parent’s entries, replaces the ones it gives, removes the ones set to null', () => {
    const dir = folder({
      profiles: { city: CITY },
      crosswalks: {
        city: `crosswalk: city
profile: city
extends: ckan
dataset:
  title: {from: title, language: en}
  spatial: {object: {label: ward}}
  version: null
`,
      },
    });
    use(dir);
    const cw = loadCrosswalk(loadProfile('city'));
    const { dataset } = cw.apply(RECORD);
    // its own entries: the title in English, the ward as the place
    expect(dataset.title).toEqual({ en: 'Street trees' });
    expect(dataset.spatial).toEqual([{ label: { und: 'Ward 3' } }]);
    // ckan's: the description and keywords (language unknown), the identifier from the name
    expect(dataset.description).toEqual({ und: RECORD.notes });
    expect(dataset.keyword).toEqual({ und: ['trees', 'parks'] });
    expect(dataset.identifier).toBe('trees');
    // removed: the record's version is not read
    expect(dataset.version).toBeUndefined();
    expect(cw.sourceOf(cw.apply(RECORD), 'keyword')).toBe('/tags/0/name');
  });

  test('a problem is reported in the file of the entry: the parent’s or the child’s', () => {
    const parent = `crosswalk: base
profile: ckan
dataset:
  title: title
  keyword: {from: 'tagz[*].name'}
`;
    const dir = folder({
      crosswalks: {
        base: parent,
        kid: 'crosswalk: kid\nprofile: ckan\nextends: base\ndataset:\n  description: {from: notez}\n',
        fixed:
          'crosswalk: fixed\nprofile: ckan\nextends: base\ndataset:\n  keyword: tags[*].name\n',
        loop: 'crosswalk: loop\nprofile: ckan\nextends: loop\ndataset: {}\n',
        orphan: 'crosswalk: orphan\nprofile: ckan\nextends: nowhere\ndataset: {}\n',
      },
    });
    use(dir);
    const ckan = loadProfile('ckan');
    const file = (id: string) => join(dir, 'crosswalks', `${id}.yaml`);
    const { issues } = lintCrosswalk(file('kid'), ckan);
    const where = issues.map((i) => i.where.replace(/^.*[/\\]/, ''));
    // the child's unknown field on its line 5, then (other files after the child's) the parent's unknown vocabulary on its own line 5
    expect(where).toEqual([
      expect.stringMatching(/^kid\.yaml:5:\d+$/),
      expect.stringMatching(/^base\.yaml:5:\d+$/),
    ]);
    expect(issues.find((i) => /kid\.yaml:5:\d+$/.test(i.where))?.message).toMatch(/notez/);
    expect(issues.find((i) => /base\.yaml:5:\d+$/.test(i.where))?.message).toMatch(/tagz/);
    // the child replaces the parent's bad entry: no problem left
    expect(lintCrosswalk(file('fixed'), ckan).issues).toEqual([]);
    const loop = lintCrosswalk(file('loop'), ckan).issues;
    expect(loop).toEqual([
      {
        message: expect.stringMatching(/a crosswalk cannot extend itself/),
        fr: expect.stringMatching(/une correspondance ne peut s’étendre elle-même$/),
        where: expect.stringMatching(/loop\.yaml:3:10$/),
      },
    ]);
    const orphan = lintCrosswalk(file('orphan'), ckan).issues;
    expect(orphan[0].message).toBe('extends: unknown crosswalk "nowhere"');
    expect(orphan[0].where).toMatch(/orphan\.yaml:3:10$/);
  });

  test('a map table named by the parent is read beside the parent, not beside the child', () => {
    const AR = 'http://publications.europa.eu/resource/authority/access-right/';
    const parent = folder({
      crosswalks: {
        base: 'crosswalk: base\nprofile: ckan\nmaps:\n  status: status.tsv\ndataset:\n  accessRights: {from: state, map: status}\n',
      },
    });
    writeFileSync(
      join(parent, 'crosswalks', 'status.tsv'),
      `subject_id\tobject_id\nactive\t${AR}PUBLIC\n`,
    );
    const kid = folder({
      crosswalks: { kid: 'crosswalk: kid\nprofile: ckan\nextends: base\ndataset: {}\n' },
    });
    use(parent);
    const cw = loadCrosswalk(loadProfile('ckan'), join(kid, 'crosswalks', 'kid.yaml'));
    expect(cw.apply({ state: 'active' }).dataset.accessRights).toBe(`${AR}PUBLIC`);
  });

  test('the cache follows the parent found: another search path, another crosswalk', () => {
    const base = (from: string) =>
      folder({
        crosswalks: { base: `crosswalk: base\nprofile: ckan\ndataset:\n  title: ${from}\n` },
      });
    const one = base('title');
    const two = base('name');
    const kid = folder({
      crosswalks: { kid: 'crosswalk: kid\nprofile: ckan\nextends: base\ndataset: {}\n' },
    });
    const file = join(kid, 'crosswalks', 'kid.yaml');
    const ckan = loadProfile('ckan');
    use(one);
    expect(loadCrosswalk(ckan, file).apply(RECORD).dataset.title).toEqual({ und: 'Street trees' });
    use(two);
    expect(loadCrosswalk(ckan, file).apply(RECORD).dataset.title).toEqual({ und: 'trees' });
  });
});

describe('a file that extends nothing', () => {
  test('may not remove entries (null): said at the line, for profiles and crosswalks', () => {
    const dir = folder({
      profiles: { lone: 'id: lone\nname: {en: Lone}\nfields:\n  title: string\n  version: null\n' },
      crosswalks: {
        solo: 'crosswalk: solo\nprofile: ckan\ndataset:\n  title: {from: title}\n  version: null\n',
      },
    });
    use(dir);
    const e = error(() => loadProfile('lone'));
    expect(e.message).toMatch(
      /lone\.yaml:5:\d+: fields\.version: null removes a parent's entry, and this profile extends nothing/,
    );
    const { issues } = lintCrosswalk(join(dir, 'crosswalks', 'solo.yaml'), loadProfile('ckan'));
    expect(
      issues.map((i) => [i.where.replace(/^.*[/\\]/, '').replace(/:\d+$/, ''), i.message]),
    ).toEqual([
      [
        'solo.yaml:5',
        "dataset.version: null removes a parent's entry, and this crosswalk extends nothing (`extends: <id>`)",
      ],
    ]);
  });
});

describe('ca-yt: Yukon (open.yukon.ca), written as an extension of ckan', () => {
  const lines = (f: string) => readFileSync(join(ROOT, f), 'utf8').trimEnd().split('\n').length;

  test('is well under half the lines of a stand-alone profile and crosswalk', () => {
    const own = lines('profiles/ca-yt.yaml') + lines('crosswalks/ca-yt.yaml');
    const standAlone = lines('profiles/ckan.yaml') + lines('crosswalks/ckan.yaml');
    expect(own).toBeLessThan(standAlone / 2);
    const yt = loadProfile('ca-yt');
    expect(yt.extends).toBe('ckan');
    // ckan's fields are there (resources, organization), and Yukon's
    expect(yt.fields.resources.fields?.format).toBeDefined();
    expect(yt.fields.internal_contact_email.required).toBe(true);
    expect([...yt.vocabularies.frequency.codes.keys()]).toContain('semiannual');
  });

  // the real records (test/real/ca-yt/SOURCES.md): the portal's bulk-upload rows
  const CSV = 'test/real/ca-yt/yukon-data-migration.csv';
  const PAGE = 'https://open.yukon.ca/data/datasets/';

  test('--profile auto recognises the real records as ca-yt, and ckan records still as ckan', () => {
    const r = cli([
      'validate',
      CSV,
      '--profile',
      'auto',
      '-f',
      'json',
      '--now',
      '2026-12-01',
      '--fail-on',
      'never',
    ]);
    expect(r.stderr).toMatch(/yukon-data-migration\.csv: profile ca-yt \(detected\)/);
    const { records } = JSON.parse(r.stdout) as { records: { profile: string }[] };
    expect(records.map((x) => x.profile)).toEqual(Array(7).fill('ca-yt'));
    // a ckan package is not Yukon's
    const ckan = JSON.parse(readFileSync(join(ROOT, 'fixtures/ckan/dataset.json'), 'utf8'));
    expect(detectProfile(ckan, detectableProfiles()).profile).toBe('ckan');
  });

  test('reports what a reader of each record sees missing', () => {
    const r = cli([
      'validate',
      CSV,
      '--profile',
      'auto',
      '-f',
      'json',
      '--now',
      '2026-12-01',
      '--fail-on',
      'never',
    ]);
    type F = { ruleId: string; severity: string; sourcePath?: string; related?: F[] };
    const { records } = JSON.parse(r.stdout) as { records: { id: string; findings: F[] }[] };
    const got = Object.fromEntries(
      records.map((x) => [
        x.id.slice(PAGE.length),
        [
          ...new Set(
            // each finding and the ones said with it (`related`), infos aside
            x.findings
              .flatMap((f) => [f, ...(f.related ?? [])])
              .filter((f) => f.severity !== 'info')
              .map((f) => `${f.severity} ${f.ruleId}`),
          ),
        ].sort(),
      ]),
    );
    // every row: no resources (they are in another file), no access rights, no theme (Yukon's topics are its own
    // names), no data dictionary or standard, and a place named without a URI
    const every = [
      'error odc/access-url',
      'error odc/licence-present',
      'error odc/machine-readable-format',
      'error odc/access-rights-public',
      'warning odc/theme-vocabulary',
      'warning odc/documentation-link',
      'warning odc/spatial-coverage',
    ];
    const noLanguage = 'warning odc/language-vocabulary'; // `language` empty
    const noFrequency = 'error odc/update-frequency'; // `update_frequency` empty
    const noPeriod = 'warning odc/temporal-coverage'; // no temporal_coverage_* dates
    const short = 'warning odc/title-description'; // description under 100 characters
    // older than its update frequency: a warning past 1.5 periods, an error past 3 (odc/freshness)
    const stale = 'warning odc/freshness';
    const long = 'error odc/freshness';
    const expected: Record<string, string[]> = {
      // 64-character description, no frequency, no language, no period
      'designated-historic-sites-yukon': [...every, short, noFrequency, noLanguage, noPeriod],
      // ad hoc: freshness not judged
      'yukon-aerial-photographs-locator': [...every, noLanguage, noPeriod],
      // semiannual, last updated 2025-06-24: 525 days on 2026-12-01, under three periods; English, 1958–2019
      'yukon-snow-survey-network': [...every, stale],
      // no frequency, no language; a period (2011-07-08)
      'yukon-government-closed-tenders': [...every, noFrequency, noLanguage],
      // daily, last updated 2021-07-22: years, far past three days
      'yukon-government-public-contract-registry': [...every, long, noLanguage, noPeriod],
      // no tags at all; English, 2019-05-15 to 2019-06-30
      'lgbtq2s-inclusion-prioritization-survey': [...every, 'warning odc/keywords'],
      // 51-character description
      'enrolment-reports-2011-12': [...every, short, noLanguage, noPeriod],
    };
    for (const k of Object.keys(expected)) expected[k] = [...new Set(expected[k])].sort();
    expect(got).toEqual(expected);
    // the dates the portal's form asks for are given under CKAN's names: not missing, and read
    const snow = records.find((x) => x.id.endsWith('yukon-snow-survey-network'));
    expect(snow?.findings.filter((f) => f.ruleId === 'profile/required')).toEqual([]);
    expect(snow?.findings.find((f) => f.ruleId === 'odc/freshness')?.sourcePath).toBe(
      '/metadata_modified',
    );
  });

  test('maps Yukon’s own fields into the common record', () => {
    const yt = loadProfile('ca-yt');
    const cw = loadCrosswalk(yt);
    const { dataset } = cw.apply({
      title: 'Yukon Snow Survey Network',
      tags: 'climate,hydrology,snow,water',
      internal_contact_name: 'Water Resources Branch',
      internal_contact_email: 'water.resources@gov.yk.ca',
      organization_title: 'Environment',
      update_frequency: 'semiannual',
      language: 'english',
      temporal_coverage_start_date: '1958-01-01',
      temporal_coverage_end_date: '2019-05-31',
      dkan_uri: `${PAGE}yukon-snow-survey-network`,
    });
    expect(dataset.keyword).toEqual({ en: ['climate', 'hydrology', 'snow', 'water'] });
    expect(dataset.publisher).toMatchObject({ name: { en: 'Environment' } });
    expect(dataset.contactPoint).toMatchObject([{ email: 'water.resources@gov.yk.ca' }]);
    expect(dataset.accrualPeriodicity).toBe(
      'http://publications.europa.eu/resource/authority/frequency/ANNUAL_2',
    );
    expect(dataset.language).toEqual([
      'http://publications.europa.eu/resource/authority/language/ENG',
    ]);
    expect(dataset.temporal).toMatchObject([{ startDate: '1958-01-01', endDate: '2019-05-31' }]);
    expect(dataset.landingPage).toEqual([`${PAGE}yukon-snow-survey-network`]);
    // a package_show record's licence id, through ckan's entry and Yukon's code
    const lic = cw.apply({
      title: 't',
      license_id: 'OGL-Yukon-2.0',
      resources: [{ url: 'https://x.example/a.csv' }],
    });
    expect(lic.dataset.distribution?.[0].license).toBe(
      'https://open.yukon.ca/open-government-licence-yukon',
    );
  });
});
