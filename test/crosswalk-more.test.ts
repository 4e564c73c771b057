/**
 * The crosswalk language's forms for portals other than open.canada.ca: filters on lists, the
 * current item, lists of codes as objects, text facts of a vocabulary or of the profile's own code
 * lists, preferences among disagreeing sources, JSON text, older field names, and the reusable
 * condition module.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCrosswalk, loadCrosswalk, type Crosswalk } from '../src/crosswalk/crosswalk.js';
import { compileCondition } from '../src/core/conditions.js';
import { parseProfile } from '../src/profiles/load.js';
import type { Profile } from '../src/profiles/types.js';
import { parsePath } from '../src/util/paths.js';
import { loadYaml } from '../src/util/yaml.js';
import { tempDir } from './helpers.js';

const AR = 'http://publications.europa.eu/resource/authority/access-right/';
const LANG = 'http://publications.europa.eu/resource/authority/language/';

// A portal's profile in the shapes real ones use: contacts with roles, CKAN extras, lists of codes.
const PROFILE = `
id: test-portal
name: {en: Test portal}
languages: [en, fr]
fields:
  id: string
  name: string
  title: string
  security: string
  audience: string
  private: boolean
  regions: {type: codes, vocabulary: region}
  topics: {type: strings, aliases: [topic]}
  spatial_text: string
  created: {type: date, required: true, aliases: [createdate]}
  contacts:
    type: list
    fields: {name: string, email: string, role: string}
  extras:
    type: list
    fields: {key: string, value: string}
  resources:
    type: list
    fields:
      url: string
      cycle: string
      start: date
      end: date
      west: number
      east: number
vocabularies:
  region:
    codes:
      '0': {en: Canada, fr: Canada}
      '4': {en: Prairies, fr: Prairies}
      '35': {en: Ontario, fr: Ontario}
`;

describe('crosswalk language: lists, codes, labels, preferences', () => {
  let tmp: ReturnType<typeof tempDir>;
  let profile: Profile;
  beforeAll(() => {
    tmp = tempDir();
    const pfile = join(tmp.dir, 'profile.yaml');
    writeFileSync(pfile, PROFILE);
    profile = parseProfile(loadYaml(pfile));
  });
  afterAll(() => tmp.cleanup());
  const file = (yaml: string): string => {
    const f = join(tmp.dir, `cw-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(f, `crosswalk: test\nprofile: test-portal\n${yaml}`);
    return f;
  };
  const cw = (yaml: string): Crosswalk => loadCrosswalk(profile, file(yaml));
  const lint = (yaml: string): string[] =>
    lintCrosswalk(file(yaml), profile).issues.map((i) => i.message);

  test('[field=value] filters the items of a list (CKAN extras, contacts by role), in paths and templates', () => {
    const c = cw(`dataset:
  issued: {from: 'extras[key=issued].value', as: date}
  id: {template: 'https://example.ca/{+extras[key=uri].value}'}
  contactPoint:
    each: 'contacts[role=pointOfContact]'
    object:
      name: name
      email: email
`);
    const m = c.apply({
      extras: [
        { key: 'uri', value: 'dataset/42' },
        { key: 'issued', value: '2024-05-01' },
      ],
      contacts: [
        { name: 'Custodian', email: 'owner@example.ca', role: 'custodian' },
        { name: 'Open data', email: 'open@example.ca', role: 'pointOfContact' },
      ],
    });
    expect(m.dataset).toEqual({
      issued: '2024-05-01',
      id: 'https://example.ca/dataset/42',
      contactPoint: [{ name: { und: 'Open data' }, email: 'open@example.ca' }],
    });
    // values keep the pointer of the item the filter kept
    expect(m.provenance.find((p) => p.property === 'issued')?.source).toEqual(['/extras/1/value']);
    expect(c.sourceOf(m, 'contactPoint[0].email')).toBe('/contacts/1/email');
    // nothing matches: nothing, and where the crosswalk looked is the list
    expect(c.apply({ extras: [{ key: 'modified', value: '2024' }] }).dataset).toEqual({});
    expect(c.sourceOf(c.apply({}), 'issued')).toBe('/extras');
  });

  test('two objects built at one place record each language of a property once', () => {
    // `all` of objects for one object, and for one item of `each`: both objects are at one place
    const c = cw(`dataset:
  publisher:
    all:
      - object: {name: title}
      - object: {name: name}
  distribution:
    each: resources
    all:
      - object: {title: url}
      - object: {title: cycle}
`);
    const m = c.apply({ title: 'A', name: 'B', resources: [{ url: 'u', cycle: 'c' }] });
    const entries = (property: string) =>
      m.provenance.filter((p) => p.property === property).map((p) => p.source);
    expect(entries('publisher.name@und')).toEqual([['/title']]);
    expect(entries('distribution[0].title@und')).toEqual([['/resources/0/url']]);
  });

  test('filters are checked against the profile', () => {
    expect(lint(`dataset:\n  issued: 'extras[kee=issued].value'\n`)).toEqual([
      '"extras[kee=issued].value": field "kee" is not in extras (did you mean "key"?)',
    ]);
    expect(lint(`dataset:\n  issued: 'title[key=issued]'\n`)).toEqual([
      '"title[key=issued]": title is not a list',
    ]);
    expect(() => parsePath('extras[key=a')).toThrow(/invalid path/);
  });

  test('a list of codes becomes a list of objects with `each` and `.`; place names come in both languages', () => {
    const c = cw(`dataset:
  spatial:
    all:
      - object:
          label: spatial_text
      - each: regions
        object:
          id: {from: '.', map: {'0': 'http://sws.geonames.org/6251999/', '35': 'http://sws.geonames.org/6093943/'}, unmapped: ignore}
          label:
            first:
              - {from: '.', vocabulary: place, fact: label, unmapped: ignore}
              - {from: '.', vocabulary: profile, fact: label}
`);
    const m = c.apply({ spatial_text: 'Great Lakes', regions: ['35', '4', '99'] });
    expect(m.dataset.spatial).toEqual([
      { label: { und: 'Great Lakes' } },
      { id: 'http://sws.geonames.org/6093943/', label: { en: 'Ontario', fr: 'Ontario' } },
      { label: { en: 'Prairies', fr: 'Prairies' } }, // a grouping: the portal's own name
    ]);
    // "99" is in neither list: reported once, against the profile's code list
    expect(
      m.findings.map((f) => [
        f.ruleId,
        f.property,
        f.sourcePath,
        f.value,
        (f.data?.via as { en: string } | undefined)?.en,
      ]),
    ).toEqual([
      [
        'odc/unmapped-value',
        'spatial[3].label',
        '/regions/2',
        '99',
        'the region code list of profile test-portal',
      ],
    ]);
    // objects from `all` are numbered one after the other, with their sources
    expect(c.sourceOf(m, 'spatial[2].label@fr')).toBe('/regions/1');
    expect(
      m.provenance
        .filter((p) => /^spatial\[\d\]$/.test(p.property))
        .map((p) => [p.property, p.source]),
    ).toEqual([
      ['spatial[1]', ['/regions/0']],
      ['spatial[2]', ['/regions/1']],
    ]);
  });

  test('text facts need a vocabulary and a fact; `vocabulary: profile` reads a coded field', () => {
    expect(lint(`dataset:\n  title: {from: title, vocabulary: place}\n`)).toEqual([
      'title is text: with a vocabulary, say which text `fact` to take (label)',
    ]);
    expect(lint(`dataset:\n  title: {from: title, vocabulary: profile, fact: label}\n`)).toEqual([
      '`vocabulary: profile` reads a coded field of the profile (one with a `vocabulary`)',
    ]);
    expect(lint(`dataset:\n  accrualPeriodicity: {from: security, vocabulary: profile}\n`)).toEqual(
      ['`vocabulary: profile` gives labels: it goes with `fact: label` on a text property'],
    );
    expect(lint(`dataset:\n  title: '.'\n`)).toEqual([
      '"." (the current item) applies inside `each`',
    ]);
  });

  test('several sources for one value: `combine: {prefer}` takes the first of an order (access rights: the most restrictive)', () => {
    const c = cw(`dataset:
  accessRights:
    all:
      - {from: security, map: {public: PUBLIC, protected: NON_PUBLIC}, vocabulary: access-right}
      - {from: audience, map: {everyone: PUBLIC, government: RESTRICTED}, vocabulary: access-right}
      - {from: private, map: {'true': NON_PUBLIC, 'false': PUBLIC}, vocabulary: access-right}
    combine: {prefer: [NON_PUBLIC, RESTRICTED, PUBLIC]}
`);
    expect(
      c.apply({ security: 'public', audience: 'everyone', private: false }).dataset.accessRights,
    ).toBe(`${AR}PUBLIC`);
    const named = c.apply({ security: 'public', audience: 'government', private: false });
    expect(named.dataset.accessRights).toBe(`${AR}RESTRICTED`);
    expect(named.findings).toEqual([]); // an order, not a disagreement
    expect(
      c.apply({ security: 'protected', audience: 'government', private: false }).dataset
        .accessRights,
    ).toBe(`${AR}NON_PUBLIC`);
    expect(c.apply({ private: true }).dataset.accessRights).toBe(`${AR}NON_PUBLIC`);
    expect(
      lint(
        `dataset:\n  accessRights: {from: security, vocabulary: access-right, combine: {prefer: [PUBLIK]}}\n`,
      ),
    ).toEqual(['"PUBLIK" is not in the access-right vocabulary']);
    expect(lint(`dataset:\n  keyword: {from: title, combine: {prefer: [a]}}\n`)).toEqual([
      'keyword holds several values: nothing to prefer',
    ]);
  });

  test('lifting with min and max: the widest period, and `conflict: report` still says the resources disagree', () => {
    const c = cw(`dataset:
  temporal:
    object:
      startDate: {from: 'resources[*].start', combine: min, conflict: report}
      endDate: {from: 'resources[*].end', combine: max}
`);
    const m = c.apply({
      resources: [
        { start: '2010-01-01', end: '2020-12-31' },
        { start: '2001-01-01', end: '2024-12-31' },
      ],
    });
    expect(m.dataset.temporal).toEqual([{ startDate: '2001-01-01', endDate: '2024-12-31' }]);
    expect(m.findings.map((f) => [f.ruleId, f.property, f.sourcePath, f.data?.chosen])).toEqual([
      ['profile/conflicting-values', 'temporal[0].startDate', '/resources/1/start', '2001-01-01'],
    ]);
    expect(lint(`dataset:\n  version: {from: title, conflict: sometimes}\n`)).toEqual([
      'dataset.version.conflict must be one of report, ignore',
    ]);
  });

  test('`each` on a one-valued property: a value per item, combined (a bounding box per resource)', () => {
    const c = cw(`dataset:
  spatial:
    object:
      bbox:
        each: resources
        template: 'POLYGON(({+west} 0, {+east} 0))'
`);
    const same = c.apply({
      resources: [
        { west: -120, east: -110 },
        { west: -120, east: -110 },
      ],
    });
    expect(same.dataset.spatial).toEqual([{ bbox: 'POLYGON((-120 0, -110 0))' }]);
    expect(same.findings).toEqual([]);
    const differ = c.apply({
      resources: [
        { west: -120, east: -110 },
        { west: -125, east: -123 },
      ],
    });
    expect(differ.findings.map((f) => [f.ruleId, f.property, f.sourcePath])).toEqual([
      ['profile/conflicting-values', 'spatial[0].bbox', '/resources/1/west'],
    ]);
    expect(lint(`dataset:\n  publisher: {each: contacts, object: {name: name}}\n`)).toEqual([
      'publisher holds one object: `each` does not apply',
    ]);
  });

  test('parse: json reads lists kept as JSON text (CKAN extras); plain text is kept for split', () => {
    const c = cw(`dataset:
  language: {from: 'extras[key=language].value', parse: json, split: ',', vocabulary: language}
`);
    expect(
      c.apply({ extras: [{ key: 'language', value: '["en", "fr"]' }] }).dataset.language,
    ).toEqual([`${LANG}ENG`, `${LANG}FRA`]);
    expect(c.apply({ extras: [{ key: 'language', value: 'en,fr' }] }).dataset.language).toEqual([
      `${LANG}ENG`,
      `${LANG}FRA`,
    ]);
    const m = c.apply({ extras: [{ key: 'language', value: '["en", "xx"]' }] });
    expect(m.findings.map((f) => [f.value, f.sourcePath])).toEqual([['xx', '/extras/0/value']]);
    expect(
      lint(`dataset:\n  language: {from: title, parse: yaml, vocabulary: language}\n`),
    ).toEqual(['dataset.language.parse must be json']);
  });

  test('each with parse: json takes the items of a list kept as JSON text (BC 2019), or of the list', () => {
    const c = cw(`dataset:
  contactPoint: {each: contacts, parse: json, object: {name: name, email: email}}
`);
    const want = [
      { name: { und: 'A' }, email: 'a@gov.bc.ca' },
      { name: { und: 'B' }, email: 'b@gov.bc.ca' },
    ];
    const text = c.apply({
      contacts: '[{"name": "A", "email": "a@gov.bc.ca"}, {"name": "B", "email": "b@gov.bc.ca"}]',
    });
    expect(text.dataset.contactPoint).toEqual(want);
    expect(
      c.apply({
        contacts: [
          { name: 'A', email: 'a@gov.bc.ca' },
          { name: 'B', email: 'b@gov.bc.ca' },
        ],
      }).dataset.contactPoint,
    ).toEqual(want);
    expect(c.apply({ contacts: 'not JSON' }).dataset.contactPoint).toBeUndefined();
    expect(
      lint(
        `dataset:\n  contactPoint: {each: 'contacts[role=x]', parse: json, object: {name: name}}\n`,
      ),
    ).toEqual(['with `each`, `parse: json` reads a plain list path (no `[*]`, no filter)']);
  });

  test("a field's older names (profile aliases) are read when the field is absent", () => {
    const c = cw(`dataset:
  keyword: topics
  issued: created
`);
    expect(c.apply({ topic: ['Agriculture'], createdate: '2013-01-01' }).dataset).toEqual({
      keyword: { und: ['Agriculture'] },
      issued: '2013-01-01',
    });
    // the current name wins when both are there
    expect(c.apply({ topics: ['Environment'], topic: ['Agriculture'] }).dataset.keyword).toEqual({
      und: ['Environment'],
    });
    expect(c.declared.get('issued')?.fields).toEqual(['/created', '/createdate']);
  });

  test('a text missing a language points at where that language would be, or at the field that gave the text', () => {
    const c = cw(`dataset:
  title:
    first:
      - lang: {en: 'extras[key=title_en].value', fr: 'extras[key=title_fr].value'}
      - title
  description: {from: spatial_text}
`);
    // the crosswalk reads French from its own field: there
    expect(c.sourceOf(c.apply({ title: 'Road salt' }), 'title@fr')).toBe('/extras');
    // untagged text: the field that gave it
    expect(c.sourceOf(c.apply({ spatial_text: 'Great Lakes' }), 'description@fr')).toBe(
      '/spatial_text',
    );
  });

  test('a profile field type mismatch in `each` items, and list filters, are lint errors with file:line:col', () => {
    const { issues } = lintCrosswalk(
      file(`dataset:\n  contactPoint:\n    each: 'contacts[rol=x]'\n    object: {name: name}\n`),
      profile,
    );
    expect(issues).toEqual([
      {
        message: '"contacts[rol=x]": field "rol" is not in contacts (did you mean "role"?)',
        fr: '« contacts[rol=x] » : le champ « rol » n’est pas dans contacts (vouliez-vous dire « role » ?)',
        where: expect.stringMatching(/cw-.*\.yaml:5:11$/),
      },
    ]);
  });
});

describe('conditions (the module crosswalks and profile detection share)', () => {
  const resolve = (path: unknown) => ({ segs: parsePath(String(path)), absolute: false });
  // the English of each problem (every one has its French: the malformed conditions' test reads it)
  const host = (problems: string[]) => ({
    resolve,
    problem: (m: { en: string; fr: string }) => void problems.push(m.en),
  });
  const test1 = (c: unknown, record: unknown): boolean | string[] => {
    const problems: string[] = [];
    const t = compileCondition(c, host(problems), []);
    return t ? t({ root: record, node: record, base: '' }) : problems;
  };

  test('equals and in compare text without regard to case, numbers as text, lists by their items', () => {
    expect(test1({ path: 'type', equals: 'OpenData' }, { type: 'opendata' })).toBe(true);
    expect(test1({ path: 'license_id', in: [2, 24] }, { license_id: '24' })).toBe(true);
    expect(test1({ path: 'language', in: ['FR', 'EN'] }, { language: ['fr'] })).toBe(true);
    expect(
      test1(
        { path: 'contacts[role=custodian].email', exists: true },
        { contacts: [{ role: 'custodian', email: 'a@b.ca' }] },
      ),
    ).toBe(true);
  });

  test('exists treats empty values as absent; not, all, any combine', () => {
    expect(test1({ path: 'updatefrequency', exists: true }, { updatefrequency: '' })).toBe(false);
    expect(test1({ path: 'updatefrequency', exists: false }, { updatefrequency: ' ' })).toBe(true);
    const c = {
      all: [
        { path: 'a', exists: true },
        { any: [{ path: 'b', equals: 1 }, { not: { path: 'c', exists: true } }] },
      ],
    };
    expect(test1(c, { a: 'x', c: 'y' })).toBe(false);
    expect(test1(c, { a: 'x', b: 1, c: 'y' })).toBe(true);
  });

  test('startsWith matches a text by its beginning (trimmed, any case), as HNAP resource descriptions need', () => {
    const doc = {
      path: 'description',
      startsWith: ['Supporting Document;', 'Document de soutien;'],
    };
    expect(test1(doc, { description: 'Supporting Document;CSV;eng,fra' })).toBe(true);
    expect(test1(doc, { description: ' document de soutien;PDF;fra' })).toBe(true);
    expect(test1(doc, { description: 'Dataset;CSV;eng' })).toBe(false);
    expect(test1(doc, {})).toBe(false);
    expect(test1({ path: 'a', startsWith: [] }, {})).toEqual(['`startsWith` is a list of texts']);
  });

  test('malformed conditions are reported, not guessed', () => {
    expect(test1({ path: 'a' }, {})).toEqual([
      'a condition needs equals, in, startsWith or exists',
    ]);
    expect(test1({ path: 'a', exists: 'yes' }, {})).toEqual(['`exists` is true or false']);
    expect(test1({ any: [] }, {})).toEqual(['`any` is a list of conditions']);
    expect(test1({ path: 'a', equal: 1 }, {})).toEqual([
      'unknown condition key "equal" (known: path, equals, in, startsWith, exists, not, all, any)',
      'a condition needs equals, in, startsWith or exists',
    ]);
    expect(test1('type = opendata', {})).toEqual([
      'a condition is a map (path with equals/in/startsWith/exists, or not/all/any)',
    ]);
    // and in French
    const fr: string[] = [];
    compileCondition({ path: 'a', equal: 1 }, { resolve, problem: (m) => void fr.push(m.fr) }, []);
    expect(fr).toEqual([
      'clé de condition inconnue « equal » (connues : path, equals, in, startsWith, exists, not, all, any)',
      'une condition a besoin de equals, in, startsWith ou exists',
    ]);
  });
});
