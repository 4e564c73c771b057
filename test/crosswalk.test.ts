import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintCrosswalk, loadCrosswalk, type Crosswalk } from '../src/crosswalk/crosswalk.js';
import { parseProfile } from '../src/profiles/load.js';
import type { Profile } from '../src/profiles/types.js';
import { ConfigError } from '../src/util/errors.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import { loadYaml } from '../src/util/yaml.js';
import { ROOT, tempDir } from './helpers.js';
import { VOCABULARIES_DIR } from '../src/paths.js';
import { defaultVocabularies, VocabularyRegistry } from '../src/vocab/vocabulary.js';

const FREQ = 'http://publications.europa.eu/resource/authority/frequency/';
const FT = 'http://publications.europa.eu/resource/authority/file-type/';

// A small CKAN-like portal profile, in the shapes real portals use.
const PROFILE = `
id: ca-gc
name: {en: Test portal}
languages: [en, fr]
fields:
  id: string
  name: string
  title_en: string
  title_fr: string
  title_translated: {type: text}
  keywords: {type: tags}
  tag_string: string
  owner_org: string
  org_title: string
  license_id: string
  frequency: string
  created: date
  size: string
  email: string
  website: string
  spatial: json
  state: string
  extras: {type: list, fields: {key: string, value: string}}
  resources:
    type: list
    fields:
      url: string
      format: string
      size: string
      mimetype: string
      update_cycle: string
      start: date
      end: date
      kind: string
`;

function setup(dir: string, crosswalk: string): { profile: Profile; file: string } {
  const pfile = join(dir, 'profile.yaml');
  writeFileSync(pfile, PROFILE);
  const profile = parseProfile(loadYaml(pfile));
  const file = join(dir, `cw-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `crosswalk: test\nprofile: ca-gc\n${crosswalk}`);
  return { profile, file };
}

describe('crosswalk language', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const cw = (yaml: string): Crosswalk => {
    const { profile, file } = setup(tmp.dir, yaml);
    return loadCrosswalk(profile, file);
  };

  test('source paths: dotted and JSON Pointer; provenance names the source and the crosswalk entry', () => {
    const c = cw(`dataset:\n  identifier: id\n  version: /name\n`);
    const m = c.apply({ id: 'abc', name: 'v2' });
    expect(m.dataset).toEqual({ identifier: 'abc', version: 'v2' });
    expect(m.provenance).toEqual([
      { property: 'identifier', source: ['/id'], entry: expect.stringMatching(/cw-.*\.yaml:4:3$/) },
      { property: 'version', source: ['/name'], entry: expect.stringMatching(/:5:3$/) },
    ]);
  });

  test('first-of fallbacks, constants and defaults', () => {
    const c = cw(`dataset:
  identifier: {first: [id, name]}
  version: {value: '1.0'}
  accessRights: {from: state, map: {active: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC'}, default: 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC'}
`);
    expect(c.apply({ name: 'slug' }).dataset).toEqual({
      identifier: 'slug',
      version: '1.0',
      accessRights: 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
    });
    expect(c.apply({ id: '', name: 'slug', state: 'active' }).dataset.accessRights).toMatch(
      /PUBLIC$/,
    );
  });

  test('URI templates percent-encode values, {+path} inserts them as they are', () => {
    const c = cw(`dataset:
  id: {template: 'https://data.example.ca/dataset/{name}'}
  landingPage: {template: '{+website}/about'}
`);
    const m = c.apply({ name: 'air quality/2024', website: 'https://example.ca' });
    expect(m.dataset.id).toBe('https://data.example.ca/dataset/air%20quality%2F2024');
    expect(m.dataset.landingPage).toEqual(['https://example.ca/about']);
    expect(c.apply({}).dataset).toEqual({}); // a template with a missing value gives nothing
  });

  test('inline and named value maps; a value with no mapping is reported as odc/unmapped-value', () => {
    const c = cw(`maps:
  status:
    active: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC'
    draft: null
dataset:
  accessRights: {from: state, map: status}
  type: {from: frequency, map: {Hourly: 'http://example.ca/type/hourly'}}
`);
    expect(c.apply({ state: 'ACTIVE' }).dataset.accessRights).toMatch(/PUBLIC$/); // case-insensitive keys
    const draft = c.apply({ state: 'draft' });
    expect(draft.dataset.accessRights).toBeUndefined();
    expect(draft.findings).toEqual([]); // mapped to nothing on purpose: not a gap
    const odd = c.apply({ state: 'archived', frequency: 'Hourly' });
    expect(odd.dataset.type).toBe('http://example.ca/type/hourly');
    expect(odd.findings).toEqual([
      expect.objectContaining({
        ruleId: 'odc/unmapped-value',
        property: 'accessRights',
        sourcePath: '/state',
        value: 'archived',
        data: expect.objectContaining({
          via: { en: 'the map "status"', fr: 'la table « status »' },
        }),
      }),
    ]);
  });

  test('vocabularies resolve local codes to common URIs; facts of a concept can be taken instead', () => {
    const c = cw(`dataset:
  accrualPeriodicity: {from: frequency, vocabulary: frequency}
  distribution:
    each: resources
    object:
      accessURL: url
      format: {from: format, vocabulary: file-type}
      mediaType: {from: format, vocabulary: file-type, fact: mediaType, as: mediatype}
`);
    const m = c.apply({
      frequency: 'P1M',
      resources: [
        { url: 'https://example.ca/a.csv', format: 'csv' },
        { url: 'https://example.ca/b', format: 'Word 95' },
      ],
    });
    expect(m.dataset.accrualPeriodicity).toBe(`${FREQ}MONTHLY`);
    expect(m.dataset.distribution).toEqual([
      {
        accessURL: ['https://example.ca/a.csv'],
        format: `${FT}CSV`,
        mediaType: 'http://www.iana.org/assignments/media-types/text/csv',
      },
      { accessURL: ['https://example.ca/b'] },
    ]);
    expect(m.findings.map((f) => [f.ruleId, f.property, f.sourcePath])).toEqual([
      ['odc/unmapped-value', 'distribution[1].format', '/resources/1/format'],
      ['odc/unmapped-value', 'distribution[1].mediaType', '/resources/1/format'],
    ]);
  });

  test('coercion to date, datetime, integer, URI, email, JSON; a value of the wrong type is reported and left out', () => {
    const c = cw(`dataset:
  issued: {from: created, as: date}
  modified: {from: created}
  landingPage: website
  distribution:
    each: resources
    object:
      byteSize: size
  contactPoint:
    object:
      email: email
  spatial:
    object:
      geometry: {from: spatial, as: json}
`);
    const ok = c.apply({
      created: '2017-05-18 14:03:00',
      resources: [{ size: ' 42 ' }],
      website: 'https://example.ca/x y',
      email: 'mailto:open@example.ca',
      spatial: { type: 'Point', coordinates: [-75.7, 45.4] },
    });
    expect(ok.dataset).toEqual({
      issued: '2017-05-18',
      modified: '2017-05-18T14:03:00',
      distribution: [{ byteSize: 42 }],
      landingPage: ['https://example.ca/x%20y'],
      contactPoint: [{ email: 'open@example.ca' }],
      spatial: [{ geometry: '{"type":"Point","coordinates":[-75.7,45.4]}' }],
    });
    expect(ok.findings).toEqual([]);
    const bad = c.apply({
      created: '2017-02-30',
      website: 'www.example.ca',
      email: 'open at example.ca',
    });
    expect(bad.dataset).toEqual({});
    expect(bad.findings.map((f) => [f.ruleId, f.sourcePath, f.value])).toEqual([
      ['profile/type', '/created', '2017-02-30'],
      ['profile/type', '/created', '2017-02-30'],
      ['profile/type', '/website', 'www.example.ca'],
      ['profile/type', '/email', 'open at example.ca'],
    ]);
  });

  test('language maps: {en, fr} objects and paired fields, each language with its own source', () => {
    const c = cw(`dataset:
  title: {lang: {en: title_en, fr: title_fr}}
  description: {lang: title_translated}
  keyword: keywords
`);
    const m = c.apply({
      title_en: 'Wetlands',
      title_fr: 'Milieux humides',
      title_translated: {
        en: 'Wetland inventory',
        fr: 'Inventaire des milieux humides',
        'fr-t-en': 'Inventaire machine',
      },
      keywords: { en: ['wetlands', ' '], fr: ['milieux humides'] },
    });
    expect(m.dataset.title).toEqual({ en: 'Wetlands', fr: 'Milieux humides' });
    expect(m.dataset.description).toEqual({
      en: 'Wetland inventory',
      fr: 'Inventaire des milieux humides',
      'fr-t-en': 'Inventaire machine',
    });
    expect(m.dataset.keyword).toEqual({ en: ['wetlands'], fr: ['milieux humides'] });
    expect(
      m.provenance.filter((p) => p.property.startsWith('title')).map((p) => [p.property, p.source]),
    ).toEqual([
      ['title@en', ['/title_en']],
      ['title@fr', ['/title_fr']],
    ]);
    expect(c.sourceOf(m, 'description@fr')).toBe('/title_translated/fr');
  });

  test('untagged text takes the crosswalk language; one text can hold two languages; tags split', () => {
    const c = cw(`language: fr
dataset:
  title: title_en
  description: {from: org_title, split: ' | ', languages: [en, fr]}
  keyword: {from: tag_string, split: ','}
`);
    const m = c.apply({
      title_en: 'Permis de construction',
      org_title: 'Statistics Canada | Statistique Canada',
      tag_string: 'permis, bâtiments,,urbanisme',
    });
    expect(m.dataset.title).toEqual({ fr: 'Permis de construction' });
    expect(m.dataset.description).toEqual({ en: 'Statistics Canada', fr: 'Statistique Canada' });
    expect(m.dataset.keyword).toEqual({ fr: ['permis', 'bâtiments', 'urbanisme'] });
  });

  test('per-item mapping of arrays (resources → distributions), conditions, and absolute paths from inside an item', () => {
    const c = cw(`dataset:
  distribution:
    each: resources
    when: {path: url, exists: true}
    object:
      accessURL: url
      downloadURL: {from: url, when: {not: {path: format, in: [HTML, WMS]}}}
      license: {from: /license_id, map: {ogl: 'https://open.canada.ca/en/open-government-licence-canada'}}
  documentation:
    each: resources
    when: {all: [{path: kind, equals: guide}, {any: [{path: format, equals: PDF}, {path: format, equals: html}]}]}
    from: url
`);
    const m = c.apply({
      license_id: 'ogl',
      resources: [
        { url: 'https://example.ca/a.csv', format: 'CSV' },
        { format: 'CSV' },
        { url: 'https://example.ca/map', format: 'WMS' },
        { url: 'https://example.ca/guide.html', format: 'HTML', kind: 'guide' },
      ],
    });
    const OGL = 'https://open.canada.ca/en/open-government-licence-canada';
    expect(m.dataset.distribution).toEqual([
      {
        accessURL: ['https://example.ca/a.csv'],
        downloadURL: ['https://example.ca/a.csv'],
        license: OGL,
      },
      { accessURL: ['https://example.ca/map'], license: OGL },
      { accessURL: ['https://example.ca/guide.html'], license: OGL },
    ]);
    expect(m.dataset.documentation).toEqual(['https://example.ca/guide.html']);
    // the third resource became the second distribution: provenance keeps the link
    expect(c.sourceOf(m, 'distribution[1].accessURL[0]')).toBe('/resources/2/url');
    expect(c.sourceOf(m, 'distribution[1]')).toBe('/resources/2');
    // a property the crosswalk does not map points at the item it would come from
    expect(c.sourceOf(m, 'distribution[1].format')).toBe('/resources/2');
  });

  test('lifting values from resources to the dataset, with a finding when resources disagree', () => {
    const c = cw(`dataset:
  accrualPeriodicity:
    from: resources[*].update_cycle
    vocabulary: frequency
    combine: most-frequent
  temporal:
    object:
      startDate: {from: 'resources[*].start', combine: min}
      endDate: {from: resources.*.end, combine: max}
`);
    const agree = c.apply({
      resources: [
        { update_cycle: 'P1M', start: '2001-01-01', end: '2010-12-31' },
        { update_cycle: 'P1M', start: '1999-06-01', end: '2005-01-01' },
      ],
    });
    expect(agree.dataset).toEqual({
      accrualPeriodicity: `${FREQ}MONTHLY`,
      temporal: [{ startDate: '1999-06-01', endDate: '2010-12-31' }],
    });
    expect(agree.findings).toEqual([]);
    const disagree = c.apply({
      resources: [{ update_cycle: 'P1Y' }, { update_cycle: 'P1M' }, { update_cycle: 'P1M' }],
    });
    expect(disagree.dataset.accrualPeriodicity).toBe(`${FREQ}MONTHLY`);
    expect(disagree.findings).toEqual([
      expect.objectContaining({
        ruleId: 'profile/conflicting-values',
        property: 'accrualPeriodicity',
        data: expect.objectContaining({ chosen: `${FREQ}MONTHLY` }),
      }),
    ]);
  });

  test('union of several sources (all), deduplicated', () => {
    const c = cw(`dataset:
  theme:
    all:
      - {from: frequency, map: {x: 'http://publications.europa.eu/resource/authority/data-theme/ENVI'}}
      - {from: 'extras[*].value', map: {env: 'http://publications.europa.eu/resource/authority/data-theme/ENVI', gov: 'http://publications.europa.eu/resource/authority/data-theme/GOVE'}}
`);
    const m = c.apply({
      frequency: 'x',
      extras: [
        { key: 'theme', value: 'env' },
        { key: 'theme', value: 'gov' },
      ],
    });
    expect(m.dataset.theme).toEqual([
      'http://publications.europa.eu/resource/authority/data-theme/ENVI',
      'http://publications.europa.eu/resource/authority/data-theme/GOVE',
    ]);
  });

  test('missing values are traced to where the crosswalk looked for them', () => {
    const c = cw(`dataset:
  title: {lang: title_translated}
  description: {lang: {en: title_en, fr: title_fr}}
  distribution:
    each: resources
    object:
      accessURL: url
      format: {from: format, vocabulary: file-type}
`);
    const m = c.apply({
      title_translated: { en: 'A' },
      resources: [{ url: 'https://example.ca/a' }],
    });
    expect(c.sourceOf(m, 'title@fr')).toBe('/title_translated/fr');
    expect(c.sourceOf(m, 'description@fr')).toBe('/title_fr');
    expect(c.sourceOf(m, 'distribution[0].format')).toBe('/resources/0/format');
  });
});

describe('crosswalk checks at load time (file:line:col)', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const lint = (yaml: string) => {
    const { profile, file } = setup(tmp.dir, yaml);
    return lintCrosswalk(file, profile).issues.map(
      (i) => `${i.where.replace(/^.*cw-[a-z0-9]+\.yaml/, 'cw')} ${i.message}`,
    );
  };

  test('a source field unknown to the profile', () => {
    expect(lint(`dataset:\n  identifier: {from: identifer}\n`)).toEqual([
      'cw:4:22 "identifer": field "identifer" is not in profile ca-gc',
    ]);
    expect(
      lint(`dataset:\n  distribution:\n    each: resources\n    object:\n      accessURL: link\n`),
    ).toEqual(['cw:7:18 "link": field "link" is not in resources']);
  });

  test('a target property unknown to the model, with the known ones', () => {
    const [issue] = lint(`dataset:\n  headline: title_en\n`);
    expect(issue).toMatch(
      /^cw:4:3 Dataset has no property "headline" \(known: id, identifier, title/,
    );
  });

  test('unknown maps, vocabularies, keys and coercions; one producer per entry', () => {
    expect(
      lint(`dataset:
  accrualPeriodicity: {from: frequency, vocabulary: frequencies}
  accessRights: {from: state, map: status}
  identifier: {from: id, as: uuid}
  version: {from: id, value: x}
  type: {from: id, mapping: {}}
`),
    ).toEqual([
      'cw:4:53 unknown vocabulary "frequencies" (did you mean "frequency"?)',
      'cw:5:36 unknown map "status" (define it under `maps`)',
      expect.stringMatching(/^cw:6:30 dataset\.identifier\.as must be one of string, json, date/),
      'cw:7:12 version: use only one of from, value',
      expect.stringMatching(/^cw:8:20 dataset\.type: unknown key "mapping" \(known: from, first/),
    ]);
  });

  test('a vocabulary-valued property needs a vocabulary or a map; the right vocabulary', () => {
    expect(lint(`dataset:\n  accrualPeriodicity: frequency\n`)).toEqual([
      'cw:4:23 accrualPeriodicity takes frequency URIs: add `vocabulary: frequency` or a `map`',
    ]);
    expect(
      lint(`dataset:\n  accrualPeriodicity: {from: frequency, vocabulary: licence}\n`),
    ).toEqual([
      'cw:4:53 accrualPeriodicity takes values from the frequency vocabulary, not licence',
    ]);
  });

  test('a crosswalk loaded with other vocabularies maps with those, not with the first ones it was loaded with', () => {
    const { profile, file } = setup(
      tmp.dir,
      `dataset:\n  accrualPeriodicity: {from: frequency, vocabulary: frequency}\n`,
    );
    const own = join(tmp.dir, 'vocabularies');
    mkdirSync(own);
    writeFileSync(
      join(own, 'frequency.yaml'),
      `id: frequency\nconcepts:\n  MONTHLY:\n    uri: ${FREQ}MONTHLY\n    notations: {ca-gc: [every month]}\n`,
    );
    const record = { frequency: 'every month' };
    expect(
      loadCrosswalk(profile, file, defaultVocabularies()).apply(record).dataset.accrualPeriodicity,
    ).toBeUndefined();
    expect(
      loadCrosswalk(profile, file, new VocabularyRegistry([own, VOCABULARIES_DIR])).apply(record)
        .dataset.accrualPeriodicity,
    ).toBe(`${FREQ}MONTHLY`);
  });

  test('a crosswalk loaded for another profile of the same id is checked against that profile', () => {
    const { profile, file } = setup(
      tmp.dir,
      `dataset:\n  accrualPeriodicity: {from: frequency, vocabulary: frequency}\n`,
    );
    expect(
      loadCrosswalk(profile, file).apply({ frequency: 'P1M' }).dataset.accrualPeriodicity,
    ).toBe(`${FREQ}MONTHLY`);
    const other = join(tmp.dir, 'profile-without-frequency.yaml');
    writeFileSync(other, PROFILE.replace('  frequency: string\n', ''));
    expect(() => loadCrosswalk(parseProfile(loadYaml(other)), file)).toThrow(
      /invalid crosswalk: "frequency"/,
    );
  });

  test('loading an invalid crosswalk is a configuration error naming the first problem', () => {
    const { profile, file } = setup(
      tmp.dir,
      `dataset:\n  identifier: {from: nope}\n  title: {from: nope2}\n`,
    );
    expect(() => loadCrosswalk(profile, file)).toThrow(ConfigError);
    expect(() => loadCrosswalk(profile, file)).toThrow(
      /:4:22: invalid crosswalk: "nope".*and 1 more problem/,
    );
  });

  test('YAML syntax errors and duplicate keys point at their line', () => {
    expect(() => lint(`dataset:\n  identifier: [id\n`)).toThrow(/cw-[a-z0-9]+\.yaml:\d+:\d+/);
    expect(() => lint(`dataset:\n  identifier: id\n  identifier: name\n`)).toThrow(
      /:5:3: Map keys must be unique/,
    );
  });

  test('the shipped crosswalks load without a problem', () => {
    for (const id of listProfileIds()) {
      const { issues } = lintCrosswalk(join(ROOT, 'crosswalks', `${id}.yaml`), loadProfile(id));
      expect(issues).toEqual([]);
    }
  });
});
