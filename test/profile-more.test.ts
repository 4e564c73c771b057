/**
 * Profile features the provincial portals need: older field names (aliases), unset selects, and
 * the `detect` block `--profile auto` reads; and what `profiles show` derives from a profile.
 */
import { loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { checkAgainstProfile } from '../src/profiles/check.js';
import { describeProfile } from '../src/crosswalk/describe.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import { ConfigError } from '../src/util/errors.js';
import { profileParser } from './helpers.js';

describe('profiles: aliases, unset codes, detect', () => {
  const parse = profileParser();

  test('a required field given under an older name is not missing; under none, it is, once', () => {
    const ab = loadProfile('ca-ab');
    expect(ab.fields.topic).toMatchObject({ aliasOf: 'topics', type: 'codes', required: false });
    const base = {
      title: 't',
      notes: 'n',
      creator: ['Education'],
      owner_org: 'education',
      license_id: 'OGLA',
      updatefrequency: 'Annual',
      contact: 'c',
      contact_email: 'c@gov.ab.ca',
      sensitivity: 'unrestricted',
    };
    expect(checkAgainstProfile(ab, { ...base, topics: ['Government'] })).toEqual([]);
    expect(checkAgainstProfile(ab, { ...base, topic: ['Government'] })).toEqual([]);
    const missing = checkAgainstProfile(ab, base);
    expect(missing.map((f) => [f.ruleId, f.sourcePath])).toEqual([['profile/required', '/topics']]);
    // an older name given empty is that field missing
    const empty = checkAgainstProfile(ab, {
      ...base,
      topics: ['Government'],
      contact_email: undefined,
      email: '',
    });
    expect(empty.map((f) => [f.ruleId, f.sourcePath])).toEqual([['profile/required', '/email']]);
    // the field given empty beside a filled older name is not missing (BC's EDC records: resource_type null, edc_resource_type "Data")
    expect(checkAgainstProfile(ab, { ...base, topics: null, topic: ['Government'] })).toEqual([]);
    // empty under every name, it is missing, once, under its name
    const none = checkAgainstProfile(ab, { ...base, topics: [] });
    expect(none.map((f) => [f.ruleId, f.sourcePath])).toEqual([['profile/required', '/topics']]);
  });

  test('an unset select ("") is a missing value, not an unknown code', () => {
    const qc = loadProfile('ca-qc');
    const f = checkAgainstProfile(qc, {
      title: 't',
      notes: 'n',
      license_id: 'cc-by',
      owner_org: 'o',
      update_frequency: '',
      language: 'FR',
      author: 'a',
    });
    expect(f.map((x) => [x.ruleId, x.sourcePath])).toEqual([
      ['profile/required', '/update_frequency'],
    ]);
  });

  test('alias mistakes are configuration errors with their place', () => {
    expect(() => parse('id: x\nfields:\n  a: {type: string, aliases: [b]}\n  b: string\n')).toThrow(
      /p-.*\.yaml:3:\d+: field a: alias b is also a field/,
    );
    expect(() => parse('id: x\nfields:\n  a: {type: string, aliases: b}\n')).toThrow(
      /p-.*\.yaml:3:\d+: field a: aliases must be a list/,
    );
  });

  test("detect: a condition on the profile's own fields and a priority; mistakes point at their line", () => {
    const p = parse(
      'id: x\ndetect:\n  priority: 5\n  when: {path: kind, equals: thing}\nfields:\n  kind: string\n',
    );
    expect(p.detect?.priority).toBe(5);
    expect(p.detect?.when({ root: { kind: 'Thing' }, node: { kind: 'Thing' }, base: '' })).toBe(
      true,
    );
    expect(() =>
      parse(
        'id: x\ndetect:\n  priority: 5\n  when: {path: knd, equals: thing}\nfields:\n  kind: string\n',
      ),
    ).toThrow(/p-.*\.yaml:4:16: detect: "knd": field "knd" is not in profile x/);
    expect(() =>
      parse(
        'id: x\ndetect:\n  priority: high\n  when: {path: kind, exists: true}\nfields:\n  kind: string\n',
      ),
    ).toThrow(ConfigError);
    expect(() =>
      parse('id: x\ndetect:\n  priority: 1\n  when: {path: kind}\nfields:\n  kind: string\n'),
    ).toThrow(/detect: a condition needs equals, in, startsWith or exists/);
    expect(() =>
      parse(
        'id: x\ndetect:\n  priority: 1\n  if: {path: kind, exists: true}\nfields:\n  kind: string\n',
      ),
    ).toThrow(/detect: unknown key "if"/);
  });

  test("every shipped profile can be recognised; the generic CKAN one ranks below the jurisdictions' portals", () => {
    const ids = listProfileIds();
    for (const id of ids)
      expect([id, loadProfile(id).detect?.priority]).toEqual([id, expect.any(Number)]);
    const generic = loadProfile('ckan').detect?.priority ?? 0;
    for (const id of ids.filter((x) => x.startsWith('ca-')))
      expect(loadProfile(id).detect?.priority).toBeGreaterThan(generic);
  });
});

describe('profiles show: what each field maps to, from the crosswalk', () => {
  test('British Columbia: resource fields lifted to the dataset, contacts by role, older forms', () => {
    const bc = loadProfile('ca-bc');
    const d = describeProfile(bc, loadCrosswalk(bc));
    const row = (path: string) => d.fields.find((f) => f.path === path);
    expect(row('resources[*].resource_update_cycle')).toMatchObject({
      type: 'code',
      required: true,
      vocabulary: 'resource_update_cycle',
      mapsTo: ['accrualPeriodicity'],
    });
    expect(row('resources[*].temporal_extent[*].beginning_date')?.mapsTo).toEqual([
      'temporal[*].startDate',
    ]);
    expect(row('contacts[*].email')?.mapsTo).toEqual(['contactPoint[*].email', 'publisher.email']);
    expect(row('license_id')?.mapsTo).toEqual(['distribution[*].license']);
    expect(row('security_class')?.mapsTo).toEqual(['accessRights']);
    expect(row('metadata_visibility')?.mapsTo).toEqual([]);
    expect(d.vocabularies.find((v) => v.id === 'license')?.codes[0]).toEqual({
      code: '2',
      label: { en: 'Open Government Licence - British Columbia' },
    });
  });

  test('bilingual fields map to each language; older names are marked', () => {
    const on = describeProfile(loadProfile('ca-on'), loadCrosswalk(loadProfile('ca-on')));
    expect(on.fields.find((f) => f.path === 'title_translated')).toMatchObject({
      bilingual: true,
      required: true,
      mapsTo: ['title'],
    });
    expect(on.fields.find((f) => f.path === 'resources[*].language')?.mapsTo).toEqual([
      'distribution[*].language',
      'language',
    ]);
    const ab = describeProfile(loadProfile('ca-ab'), loadCrosswalk(loadProfile('ca-ab')));
    expect(ab.fields.find((f) => f.path === 'topic')).toMatchObject({
      aliasOf: 'topics',
      mapsTo: ['theme'],
    });
    expect(ab.vocabularies.find((v) => v.id === 'license')?.legacy).toEqual([
      { code: 'ABOGPL', current: 'OGLA' },
    ]);
  });
});
