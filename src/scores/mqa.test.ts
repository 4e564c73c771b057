import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bandOf, INDICATORS, MQA_MAX, mqaScore, recordMqaScore, round2 } from './mqa.js';
import { loadCrosswalk } from '../crosswalk/crosswalk.js';
import { loadProfile } from '../profiles/load.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { Dataset } from '../model/types.js';

/** The Consumer Price Index record of the federal fixtures, mapped to the common record. */
function cpi(): Dataset {
  const line = readFileSync(
    join(PACKAGE_ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'),
    'utf8',
  ).split('\n')[0];
  const cw = loadCrosswalk(loadProfile('ca-gc'), undefined, defaultVocabularies());
  return cw.apply(JSON.parse(line)).dataset;
}

describe('MQA-equivalent score', () => {
  test('the weights are the MQA methodology: 405 points in five dimensions', () => {
    const sum = (d: string) =>
      INDICATORS.filter((i) => i.dimension === d).reduce((s, i) => s + i.weight, 0);
    expect([
      sum('findability'),
      sum('accessibility'),
      sum('interoperability'),
      sum('reusability'),
      sum('contextuality'),
    ]).toEqual([100, 100, 110, 75, 20]);
    expect(INDICATORS.reduce((s, i) => s + i.weight, 0)).toBe(MQA_MAX);
    expect(INDICATORS).toHaveLength(23);
  });

  test('bands: excellent > 350, good 221–350, sufficient 121–220, bad ≤ 120', () => {
    expect([351, 350, 221, 220, 121, 120, 0].map(bandOf)).toEqual([
      'excellent',
      'good',
      'good',
      'sufficient',
      'sufficient',
      'bad',
      'bad',
    ]);
  });

  test('the Consumer Price Index record, computed by hand', () => {
    // Three distributions: a CSV table (download URL, 1 843 122 bytes), an SDMX (XML) file (download
    // URL, 2 211 048 bytes), an HTML reference paper (access URL only, no size). No dct:rights anywhere.
    // Findability:      keyword 30 + theme 30 + spatial 20 (region 0, Canada: a GeoNames place)
    //                   + temporal 20 (from 1914)                                           = 100
    // Accessibility:    download URL on 2 of 3 distributions: 20 × 2/3 = 13.33;
    //                   reachability (50 + 30) not assessed without --check-urls              =  13.33 of 20
    // Interoperability: the best distribution (CSV): format 20 + media type 10 + both from the
    //                   vocabularies 10 + non-proprietary 20 + machine-readable 20 = 80;
    //                   DCAT-AP mandatory properties all present 30                           = 110
    // Reusability:      licence 3/3 × 20 = 20 + known licence 3/3 × 10 = 10 + access rights 10
    //                   + from the EU table 5 + contact point 20 + publisher 10                =  75
    // Contextuality:    rights 0/3 × 5 = 0 + byte size 2/3 × 5 = 3.33 + issued 5 + modified 5  =  13.33
    // Total: 100 + 13.33 + 110 + 75 + 13.33 = 311.67 of 325 assessed: good (221–350)
    const s = mqaScore(cpi(), defaultVocabularies());
    expect(s.dimensions).toEqual({
      findability: { points: 100, max: 100 },
      accessibility: { points: 13.33, max: 20 },
      interoperability: { points: 110, max: 110 },
      reusability: { points: 75, max: 75 },
      contextuality: { points: 13.33, max: 20 },
    });
    expect([s.points, s.max, s.band, s.notAssessed]).toEqual([
      311.67,
      325,
      'good',
      ['accessUrlStatusCode', 'downloadUrlStatusCode'],
    ]);
    expect(s.indicators.spatialAvailability).toBe(20);
    expect(s.indicators.downloadUrlAvailability).toBeCloseTo(40 / 3, 10);
  });

  test('with --check-urls, reachability is scored per distribution', () => {
    const d = cpi();
    const sdmx = d.distribution?.[1].accessURL?.[0] as string;
    // every URL answers but the SDMX one:
    // access URLs 2/3 × 50 = 33.33; download URLs all reachable on 1 of 3 distributions: 1/3 × 30 = 10
    // 311.67 + 33.33 + 10 = 355 of 405: excellent
    const s = mqaScore(d, defaultVocabularies(), (url) => url !== sdmx);
    expect([s.points, s.max, s.band, s.notAssessed]).toEqual([355, 405, 'excellent', undefined]);
    expect(s.dimensions.accessibility).toEqual({ points: 56.67, max: 100 });
    // every URL answers: 311.67 + 50 + 2/3 × 30 = 381.67: excellent
    expect(mqaScore(d, defaultVocabularies(), () => true)).toMatchObject({
      points: 381.67,
      band: 'excellent',
    });
  });

  test('a dataset with nothing scores nothing but DCAT-AP compliance is not given either', () => {
    const s = mqaScore({}, defaultVocabularies());
    expect([s.points, s.band]).toEqual([0, 'bad']);
    // with title and description, DCAT-AP compliance (30) and nothing else
    expect(
      mqaScore({ title: { en: 'A' }, description: { en: 'B' } }, defaultVocabularies()).points,
    ).toBe(30);
  });

  test("a record's score is mqaScore with each indicator rounded, keys in the same order (JSON alike)", () => {
    const d = cpi();
    const sdmx = d.distribution?.[1].accessURL?.[0] as string;
    const noFormat = {
      ...d,
      distribution: d.distribution?.map((x, i) => (i === 0 ? { ...x, format: undefined } : x)),
    };
    for (const dataset of [d, noFormat, {}, { title: { en: 'A' }, description: { en: 'B' } }]) {
      for (const reachable of [undefined, () => true, (url: string) => url !== sdmx]) {
        const { indicators, ...rest } = mqaScore(dataset, defaultVocabularies(), reachable);
        const rounded = Object.fromEntries(
          Object.entries(indicators).map(([k, v]) => [k, round2(v)]),
        );
        expect(JSON.stringify(recordMqaScore(dataset, defaultVocabularies(), reachable))).toBe(
          JSON.stringify({ ...rest, indicators: rounded }),
        );
      }
    }
  });
});
