import rule from './dates-valid.js';
import { checkRule } from '../testing.js';

const found = (dataset: Parameters<typeof checkRule>[1], now?: string) =>
  checkRule(rule, dataset, { now }).map((f) => [f.messageId, f.property]);

describe('odc/dates-valid', () => {
  test('dates are compared at the precision both give', () => {
    expect(found({ issued: '2024-05-01', modified: '2024' })).toEqual([]);
    expect(found({ issued: '2024-05', modified: '2024-05-01' })).toEqual([]);
    expect(found({ issued: '2024-05-02', modified: '2024-05-01' })).toEqual([
      ['beforeIssued', 'modified'],
    ]);
  });

  test('the future is judged against --now, from the first day a date covers', () => {
    expect(found({ modified: '2026-11-01' }, '2026-11-01')).toEqual([]);
    expect(found({ modified: '2026-11-02' }, '2026-11-01')).toEqual([['future', 'modified']]);
    expect(found({ issued: '2026' }, '2026-11-01')).toEqual([]);
    expect(found({ issued: '2027' }, '2026-11-01')).toEqual([['future', 'issued']]);
  });

  test("each distribution's dates are checked too, named by their path", () => {
    const f = found({
      issued: '2020-01-01',
      distribution: [
        { accessURL: ['https://example.ca/a'] },
        { accessURL: ['https://example.ca/b'], issued: '2021-02-30', modified: '2030-01-01' },
      ],
    });
    expect(f).toEqual([
      ['invalid', 'distribution[1].issued'],
      ['future', 'distribution[1].modified'],
    ]);
  });

  test('the message gives both dates', () => {
    const [f] = checkRule(rule, { issued: '2020-06-01', modified: '2020-05-31' });
    expect(f.data).toMatchObject({ modified: '2020-05-31', issued: '2020-06-01' });
  });
});
