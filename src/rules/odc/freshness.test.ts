import rule from './freshness.js';
import { checkRule } from '../testing.js';

const MONTHLY = 'http://publications.europa.eu/resource/authority/frequency/MONTHLY';
const ANNUAL = 'http://publications.europa.eu/resource/authority/frequency/ANNUAL';

describe('odc/freshness', () => {
  // monthly: 30.4 days; warning after 30.4 × 1.5 + 7 = 53 days, error after 30.4 × 3 + 7 = 99 days
  test.each([
    ['2026-09-09', []],
    ['2026-09-08', ['warning']],
    ['2026-07-25', ['warning']],
    ['2026-07-24', ['error']],
  ])('monthly data last modified %s, as of 2026-11-01', (modified, severities) => {
    const f = checkRule(rule, { accrualPeriodicity: MONTHLY, modified });
    expect(f.map((x) => x.severity)).toEqual(severities);
  });

  test('--now moves the reference date', () => {
    expect(
      checkRule(
        rule,
        { accrualPeriodicity: ANNUAL, modified: '2025-01-01' },
        { now: '2025-06-01' },
      ),
    ).toEqual([]);
    expect(
      checkRule(
        rule,
        { accrualPeriodicity: ANNUAL, modified: '2025-01-01' },
        { now: '2026-11-01' },
      ),
    ).toHaveLength(1);
  });

  test('falls back on the release date, names the property and the figures', () => {
    const [f] = checkRule(rule, { accrualPeriodicity: ANNUAL, issued: '2020-03-15' });
    expect(f.property).toBe('issued');
    expect(f.data).toMatchObject({ date: '2020-03-15', frequency: 'Annual', limit: 555 });
  });

  test.each(['AS_NEEDED', 'IRREG', 'NOT_PLANNED', 'UNKNOWN', 'NEVER'])(
    '%s is not judged',
    (code) => {
      expect(
        checkRule(rule, {
          accrualPeriodicity: `http://publications.europa.eu/resource/authority/frequency/${code}`,
          modified: '1990-01-01',
        }),
      ).toEqual([]);
    },
  );

  test('a continuous series or a live service is not judged by its release date alone', () => {
    const CONT = 'http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT';
    const FT = 'http://publications.europa.eu/resource/authority/file-type/';
    const wms = {
      accessURL: ['https://geo.weather.gc.ca/geomet?service=WMS'],
      format: `${FT}WMS_SRVC`,
    };
    expect(checkRule(rule, { accrualPeriodicity: CONT, issued: '2023-02-02' })).toEqual([]);
    expect(
      checkRule(rule, {
        accrualPeriodicity: MONTHLY,
        issued: '2023-02-02',
        distribution: [wms, { ...wms, format: `${FT}REST` }],
      }),
    ).toEqual([]);
    // a modification date still judges them; a file beside the service is judged by the release date
    expect(checkRule(rule, { accrualPeriodicity: CONT, modified: '2023-02-02' })).toHaveLength(1);
    expect(
      checkRule(rule, {
        accrualPeriodicity: MONTHLY,
        issued: '2023-02-02',
        distribution: [wms, { accessURL: ['https://x.ca/a.csv'], format: `${FT}CSV` }],
      }),
    ).toHaveLength(1);
  });

  test('grace period is an option', () => {
    expect(
      checkRule(
        rule,
        { accrualPeriodicity: MONTHLY, modified: '2026-09-08' },
        { options: { graceDays: 30 } },
      ),
    ).toEqual([]);
  });

  test('no frequency or no date: nothing to judge (other rules report those)', () => {
    expect(checkRule(rule, { modified: '2001-01-01' })).toEqual([]);
    expect(checkRule(rule, { accrualPeriodicity: MONTHLY })).toEqual([]);
  });
});
