import { stars } from './stars.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import type { Distribution } from '../model/types.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const OGL = 'https://open.canada.ca/en/open-government-licence-canada';
const OGL_BC = 'https://www2.gov.bc.ca/gov/content/data/open-data/open-government-licence-bc';
const dist = (format: string, license = OGL, url = true): Distribution => ({
  ...(url ? { accessURL: [`https://example.ca/x.${format}`] } : {}),
  format: `${FT}${format}`,
  license,
});

describe('5-star levels', () => {
  test.each([
    ['PDF, open licence', dist('PDF'), 1],
    ['XLSX: machine-readable, proprietary', dist('XLSX'), 2],
    ['CSV: machine-readable, non-proprietary', dist('CSV'), 3],
    ['RDF/Turtle: linked data', dist('RDF_TURTLE'), 4],
    [
      'CSV under a non-commercial licence',
      dist('CSV', 'https://creativecommons.org/licenses/by-nc/4.0/'),
      0,
    ],
    ['CSV with no URL', dist('CSV', OGL, false), 0],
  ])('%s', (_, d, level) =>
    expect(stars({ distribution: [d] }, defaultVocabularies()).dataset).toBe(level),
  );

  test('the dataset takes its best distribution; each distribution keeps its own', () => {
    expect(
      stars({ distribution: [dist('PDF'), dist('CSV'), dist('XLSX')] }, defaultVocabularies()),
    ).toEqual({ dataset: 3, distributions: [1, 3, 2] });
    expect(stars({}, defaultVocabularies())).toEqual({ dataset: 0, distributions: [] });
  });

  test('the licence policy of odc/open-licence decides for provincial licences', () => {
    expect(
      stars({ distribution: [dist('CSV', OGL_BC)] }, defaultVocabularies(), true).dataset,
    ).toBe(3);
    expect(
      stars({ distribution: [dist('CSV', OGL_BC)] }, defaultVocabularies(), false).dataset,
    ).toBe(0);
  });
});
