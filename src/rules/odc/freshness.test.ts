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
    expect(checkRule(rule, { accrualPeriodicity: ANNUAL, modified: '2025-01-01' }, { now: '2025-06-01' })).toEqual([]);
    expect(checkRule(rule, { accrualPeriodicity: ANNUAL, modified: '2025-01-01' }, { now: '2026-11-01' })).toHaveLength(1);
  });

  test('falls back on the release date, names the property and the figures', () => {
    const [f] = checkRule(rule, { accrualPeriodicity: ANNUAL, issued: '2020-03-15' });
    expect(f.property).toBe('issued');
    expect(f.data).toMatchObject({ date: '2020-03-15', frequency: 'Annual', limit: 555 });
  });

  test.each(['AS_NEEDED', 'IRREG', 'NOT_PLANNED', 'UNKNOWN', 'NEVER'])('%s is not judged', (code) => {
    expect(checkRule(rule, { accrualPeriodicity: `http://publications.europa.eu/resource/authority/frequency/${code}`, modified: '1990-01-01' })).toEqual([]);
  });

  test('grace period is an option', () => {
    expect(checkRule(rule, { accrualPeriodicity: MONTHLY, modified: '2026-09-08' }, { options: { graceDays: 30 } })).toEqual([]);
  });

  test('no frequency or no date: nothing to judge (other rules report those)', () => {
    expect(checkRule(rule, { modified: '2001-01-01' })).toEqual([]);
    expect(checkRule(rule, { accrualPeriodicity: MONTHLY })).toEqual([]);
  });
});
