import { checkAgainstProfile, isoDateOf } from '../src/profiles/check.js';
import { listProfileIds, loadProfile, parseProfile } from '../src/profiles/load.js';
import { ConfigError, UsageError } from '../src/util/errors.js';
import { loadYaml } from '../src/util/yaml.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE, ROOT, tempDir } from './helpers.js';
import { existsSync } from 'node:fs';

const clean = () => JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));

describe('ca-gc profile', () => {
  const gc = loadProfile('ca-gc');

  test('states the open.canada.ca schema: required and bilingual fields, resource fields, code lists', () => {
    const required = Object.values(gc.fields)
      .filter((f) => f.required)
      .map((f) => f.name);
    expect(required).toEqual(
      expect.arrayContaining([
        'collection',
        'title_translated',
        'owner_org',
        'notes_translated',
        'keywords',
        'subject',
        'frequency',
        'date_published',
        'jurisdiction',
        'license_id',
        'restrictions',
      ]),
    );
    expect(gc.fields.title_translated).toMatchObject({ type: 'text', bilingual: true });
    expect(gc.fields.keywords.type).toBe('tags');
    const res = gc.fields.resources.fields ?? {};
    expect(
      Object.values(res)
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['language', 'name_translated', 'resource_type']);
    expect(gc.vocabularies.frequency.codes.has('P1M')).toBe(true);
    expect(gc.vocabularies.frequency.legacy.get('monthly')).toBe('P1M');
    expect(gc.vocabularies.subject.codes.size).toBe(19);
    expect(gc.vocabularies.license.codes.has('ca-ogl-lgo')).toBe(true);
    expect(gc.rules['odc/bilingual']).toBe('error');
  });

  test('a clean record has no profile finding', () => {
    expect(checkAgainstProfile(gc, clean())).toEqual([]);
  });

  test('required: missing, null and empty (blank text, empty language map) are all missing', () => {
    const r = clean();
    delete r.subject;
    r.frequency = null;
    r.title_translated = { en: ' ', fr: '' };
    r.resources[0].language = [];
    const f = checkAgainstProfile(gc, r);
    expect(
      f
        .filter((x) => x.ruleId === 'profile/required')
        .map((x) => x.sourcePath)
        .sort(),
    ).toEqual(['/frequency', '/resources/0/language', '/subject', '/title_translated']);
  });

  test('vocabulary: unknown codes are errors naming the value; legacy codes are warnings naming the current one', () => {
    const r = clean();
    r.subject = ['nature_and_environment', 'wildlife'];
    r.frequency = 'annually';
    r.resources[1].format = 'json';
    const f = checkAgainstProfile(gc, r);
    expect(f.map((x) => [x.ruleId, x.messageId, x.sourcePath, x.value, x.severity])).toEqual([
      ['profile/vocabulary', 'unknown', '/subject/1', 'wildlife', undefined],
      ['profile/vocabulary', 'legacy', '/frequency', 'annually', 'warning'],
      ['profile/vocabulary', 'unknown', '/resources/1/format', 'json', undefined],
    ]);
    expect(f[1].data).toMatchObject({ current: 'P1Y' });
  });

  test('vocabulary fixes: a legacy code, a code in another case, spaces around a code; none when unsure', () => {
    const r = clean();
    // codes of the ca-gc subject list: nature_and_environment, science_and_technology…
    r.subject = ['Nature_And_Environment', ' science_and_technology ', 'wildlife'];
    r.frequency = 'annually';
    r.resources[1].format = 'csv';
    const fixes = checkAgainstProfile(gc, r).map((x) => [x.sourcePath, x.fix]);
    expect(fixes).toEqual([
      [
        '/subject/0',
        {
          pointer: '/subject/0',
          old: 'Nature_And_Environment',
          new: 'nature_and_environment',
          kind: 'code-spelling',
        },
      ],
      [
        '/subject/1',
        {
          pointer: '/subject/1',
          old: ' science_and_technology ',
          new: 'science_and_technology',
          kind: 'whitespace',
        },
      ],
      // no code is spelled "wildlife": a person chooses
      ['/subject/2', undefined],
      ['/frequency', { pointer: '/frequency', old: 'annually', new: 'P1Y', kind: 'legacy-code' }],
      // CSV is the list's spelling of csv
      [
        '/resources/1/format',
        { pointer: '/resources/1/format', old: 'csv', new: 'CSV', kind: 'code-spelling' },
      ],
    ]);
  });

  test('date fixes: to ISO 8601 when the date reads only one way', () => {
    expect(
      ['2017/03/15', '2017.3.5', '20170315', '15/03/2017', '03/15/2017', '07/07/2017'].map(
        isoDateOf,
      ),
    ).toEqual(['2017-03-15', '2017-03-05', '2017-03-15', '2017-03-15', '2017-03-15', '2017-07-07']);
    // 01/02/2017: January 2nd or February 1st; 2017-13-01 is no date; 2017-03-15 needs nothing
    expect(['01/02/2017', '2017-13-01', '2017/02/30', '2017-03-15', 'soon'].map(isoDateOf)).toEqual(
      [undefined, undefined, undefined, undefined, undefined],
    );
    const r = clean();
    r.date_published = '2017/03/15';
    const f = checkAgainstProfile(gc, r).find((x) => x.sourcePath === '/date_published');
    expect(f?.fix).toEqual({
      pointer: '/date_published',
      old: '2017/03/15',
      new: '2017-03-15',
      kind: 'date',
    });
  });

  test('type: dates, emails, URLs, numbers, language maps', () => {
    const r = clean();
    r.date_published = '2017-13-01';
    r.maintainer_email = 'not an email';
    r.resources[0].url = 'ftp:/broken';
    r.resources[0].size = 'large';
    r.notes_translated = 'English only';
    const f = checkAgainstProfile(gc, r).filter((x) => x.ruleId === 'profile/type');
    expect(f.map((x) => x.sourcePath).sort()).toEqual([
      '/date_published',
      '/maintainer_email',
      '/notes_translated',
      '/resources/0/size',
      '/resources/0/url',
    ]);
  });
});

describe('profile files', () => {
  test('every shipped profile loads', () => {
    for (const id of listProfileIds()) expect(loadProfile(id).id).toBe(id);
  });

  test("the README's profiles table has a row for each profile, and none for a profile that is not there", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('| id | portal | notes |'),
      readme.indexOf('\n\n', readme.indexOf('| id | portal | notes |')),
    );
    const rows = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    const ids = listProfileIds();
    expect({
      missing: ids.filter((id) => !rows.includes(id)),
      extra: rows.filter((id) => !ids.includes(id)),
    }).toEqual({ missing: [], extra: [] });
  });

  test('an unknown profile is a usage error listing the known ones', () => {
    expect(() => loadProfile('ca-zz')).toThrow(UsageError);
    expect(() => loadProfile('ca-zz')).toThrow(/known: .*ca-gc/);
  });

  test('a malformed profile is a configuration error at file:line:col', () => {
    const tmp = tempDir();
    try {
      const f = join(tmp.dir, 'p.yaml');
      writeFileSync(f, 'id: x\nfields:\n  a: {type: strng}\n');
      expect(() => parseProfile(loadYaml(f))).toThrow(ConfigError);
      expect(() => parseProfile(loadYaml(f))).toThrow(
        /p\.yaml:3:\d+: field a: type must be one of/,
      );
      writeFileSync(f, 'id: x\nfields:\n  a: {type: code, vocabulary: nope}\nvocabularies: {}\n');
      expect(() => parseProfile(loadYaml(f))).toThrow(/field a: unknown vocabulary "nope"/);
    } finally {
      tmp.cleanup();
    }
  });

  // Checks the project against an outside standard: the portal's own schema facts.
  const canada = join(REFERENCE, 'profiles', 'canada', 'fields.derived.csv');
  (existsSync(canada) ? test : test.skip)(
    'ca-gc agrees with the open.canada.ca schema (reference material)',
    () => {
      const rows = readFileSync(canada, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const gc = loadProfile('ca-gc');
      for (const [level, name, preset, , , required] of rows) {
        if (preset.startsWith('_legacy')) continue;
        const field = level === 'dataset' ? gc.fields[name] : gc.fields.resources.fields?.[name];
        expect(field).toBeDefined();
        expect([name, field?.required === true]).toEqual([name, required === 'yes']);
      }
    },
  );
});
