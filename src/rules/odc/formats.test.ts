/** Format rules: non-proprietary, vocabulary-aligned format and media type, byte size, download URL. */
import nonProprietary from './non-proprietary-format.js';
import formatVocabulary from './format-vocabulary.js';
import byteSize from './byte-size.js';
import downloadUrl from './download-url.js';
import { checkRule } from '../testing.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = 'http://www.iana.org/assignments/media-types/';
const ids = (rule: Parameters<typeof checkRule>[0], d: Parameters<typeof checkRule>[1]) =>
  checkRule(rule, d).map((f) => [f.messageId, f.property]);

test('odc/non-proprietary-format: formats from the MQA list; no distribution is not judged here', () => {
  expect(
    ids(nonProprietary, {
      distribution: [
        { accessURL: ['x:a'], format: `${FT}SHP` },
        { accessURL: ['x:b'], format: `${FT}GEOJSON` },
      ],
    }),
  ).toEqual([]);
  expect(
    ids(nonProprietary, {
      distribution: [{ accessURL: ['x:a'], format: `${FT}SHP` }, { accessURL: ['x:b'] }],
    }),
  ).toEqual([['none', 'distribution']]);
  expect(ids(nonProprietary, {})).toEqual([]);
});

test('odc/format-vocabulary: media types the file-type vocabulary knows, with or without the IANA prefix', () => {
  const f = ids(formatVocabulary, {
    distribution: [
      { accessURL: ['x:a'], format: `${FT}GEOJSON`, mediaType: `${IANA}application/geo+json` },
      {
        accessURL: ['x:b'],
        format: 'https://example.ca/formats/esri',
        mediaType: `${IANA}text/csv`,
      },
      { accessURL: ['x:c'], format: `${FT}CSV`, mediaType: `${IANA}application/x-unheard-of` },
    ],
  });
  expect(f).toEqual([
    ['unknownFormat', 'distribution[1].format'],
    ['unknownMediaType', 'distribution[2].mediaType'],
  ]);
});

test('odc/byte-size and odc/download-url: files only', () => {
  const d = {
    distribution: [
      { accessURL: ['https://example.ca/page'] },
      { accessURL: ['x:b'], downloadURL: ['https://example.ca/b.csv'] },
    ],
  };
  expect(ids(byteSize, d)).toEqual([['missing', 'distribution[1].byteSize']]);
  expect(ids(downloadUrl, d)).toEqual([]);
});
