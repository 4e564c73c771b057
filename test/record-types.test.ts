/**
 * Record types with required fields of their own (profile `recordTypes`): open.canada.ca's `doc`
 * records are checked against doc.yaml's required fields, not the dataset's; and the data.gc.ca
 * schema of 2013–2015 is its own profile, recognised and mapped with its French.
 */
import { checkAgainstProfile } from '../src/profiles/check.js';
import { loadProfile } from '../src/profiles/load.js';
import { ConfigError } from '../src/util/errors.js';
import { profileParser } from './helpers.js';

const rules = (found: { ruleId: string; sourcePath?: string }[]) =>
  found.map((f) => `${f.ruleId} ${f.sourcePath}`).sort();

describe('record types (recordTypes)', () => {
  const parse = profileParser();

  const gc = () => loadProfile('ca-gc');
  const doc = {
    type: 'doc',
    collection: 'primary',
    title_translated: { en: 'Study', fr: 'Étude' },
    owner_org: 'statcan',
    subject: ['persons'],
    date_published: '2017-05-01 00:00:00',
    license_id: 'ca-ogl-lgo',
    resources: [
      {
        name_translated: { en: 'PDF', fr: 'PDF' },
        resource_type: 'dataset',
        language: ['en'],
        format: 'PDF',
      },
    ],
  };

  test("a doc record is checked with doc.yaml's required fields: no frequency, restrictions, approval", () => {
    expect(checkAgainstProfile(gc(), doc)).toEqual([]);
    // its own required fields still are
    expect(
      rules(
        checkAgainstProfile(gc(), {
          ...doc,
          subject: [],
          resources: [{ ...doc.resources[0], language: undefined }],
        }),
      ),
    ).toEqual(['profile/required /resources/0/language', 'profile/required /subject']);
    // and the fields' types and code lists are the profile's
    expect(rules(checkAgainstProfile(gc(), { ...doc, subject: ['nope'] }))).toEqual([
      'profile/vocabulary /subject/0',
    ]);
  });

  test("a dataset record (or one of no listed type) keeps the dataset's required fields", () => {
    for (const type of ['dataset', undefined]) {
      const found = rules(checkAgainstProfile(gc(), { ...doc, type }));
      expect(found).toEqual(
        expect.arrayContaining([
          'profile/required /frequency',
          'profile/required /restrictions',
          'profile/required /jurisdiction',
        ]),
      );
    }
  });

  test('a recordTypes block names fields of the profile', () => {
    const head = 'id: p\nfields:\n  type: string\n  title: {type: string, required: true}\n';
    expect(
      parse(`${head}recordTypes:\n  field: type\n  types:\n    doc: {required: [title]}\n`)
        .recordTypes?.types.doc.required,
    ).toEqual(new Set(['title']));
    expect(() =>
      parse(`${head}recordTypes:\n  field: type\n  types:\n    doc: {required: [titel]}\n`),
    ).toThrow(/record type doc: field "titel" is not in the profile/);
    expect(() => parse(`${head}recordTypes:\n  field: kind\n  types: {}\n`)).toThrow(ConfigError);
  });
});

describe('ca-gc-legacy: the data.gc.ca schema of 2013–2015', () => {
  test('its records are checked against their own mandatory fields and code lists', () => {
    const legacy = loadProfile('ca-gc-legacy');
    const record = {
      id: '27bfe874-b9cd-465f-963f-9b65f495972b',
      owner_org: 'statcan',
      title: 'T',
      title_fra: 'T fr',
      notes: 'N',
      notes_fra: 'N fr',
      catalog_type: 'Data | Données',
      subject: 'Persons  Personnes',
      keywords: 'a,b',
      keywords_fra: 'a,b',
      license_id: 'ca-ogl-lgo',
      date_published: '2013-05-08',
      maintenance_and_update_frequency: 'Unknown | Inconnu',
      ready_to_publish: '0',
      resources: [
        {
          name: 'Dataset',
          name_fra: 'Ensemble de données',
          resource_type: 'file',
          url: 'http://www12.statcan.gc.ca/x',
          format: 'XML',
          language: 'eng; CAN | fra; CAN',
        },
      ],
    };
    expect(checkAgainstProfile(legacy, record)).toEqual([]);
    expect(
      rules(
        checkAgainstProfile(legacy, {
          ...record,
          subject: '',
          resources: [{ ...record.resources[0], language: 'eng' }],
        }),
      ),
    ).toEqual(['profile/required /subject', 'profile/vocabulary /resources/0/language']);
  });
});
