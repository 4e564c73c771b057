/** The data-rule engine (core checks, `match`, `onlyIf`), the not-applicable signal, and per-profile settings. */
import { runRules, settingsFor, type RuleChecks } from './run.js';
import { codeRule, dataRule } from './define.js';
import { loadProfile } from '../profiles/load.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import type { Dataset } from '../model/types.js';
import type { DataRule } from './types.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const meta = {
  id: 'odc/test',
  principle: 'P3' as const,
  severity: 'warning' as const,
  title: { en: 'x', fr: 'x' },
  docs: { en: 'x', fr: 'x' },
  messages: { bad: { en: 'bad', fr: 'mauvais' }, none: { en: 'none', fr: 'aucun' } },
};
const run = (rule: DataRule, dataset: Dataset) => {
  const checks: RuleChecks = { ran: new Set(), notApplicable: new Set() };
  const found = runRules(dataset, {
    profile: loadProfile('ca-gc'),
    now: new Date(),
    vocabularies: defaultVocabularies(),
    rules: [rule],
    checks,
  });
  return {
    props: found.map((f) => f.property),
    applicable: !checks.notApplicable.has('odc/test'),
    ran: checks.ran.has('odc/test'),
  };
};
const two: Dataset = {
  distribution: [
    { accessURL: ['https://example.ca/a.pdf'], format: `${FT}PDF` },
    {
      accessURL: ['https://example.ca/a.csv'],
      downloadURL: ['https://example.ca/a.csv'],
      format: `${FT}CSV`,
    },
  ],
};

describe('data rules', () => {
  const fact = dataRule({
    meta,
    given: 'distribution[*]',
    field: 'format',
    then: { check: 'fact', vocabulary: 'file-type', fact: 'machineReadable' },
    messageId: 'bad',
  });

  test('`every` (default): one finding per failing node, on its property', () => {
    expect(run(fact, two).props).toEqual(['distribution[0].format']);
  });

  test('`some`: one passing node is enough; otherwise one finding on the `given` property', () => {
    const some = { ...fact, match: 'some' as const, messageId: 'none' };
    expect(run(some, two).props).toEqual([]);
    expect(run(some, { distribution: [two.distribution![0]] }).props).toEqual(['distribution']);
  });

  test('`fact`: an absent value fails; `equals` names the value', () => {
    expect(run(fact, { distribution: [{ accessURL: ['https://example.ca/x'] }] }).props).toEqual([
      'distribution[0].format',
    ]);
    const proprietary = dataRule({
      ...fact,
      then: { check: 'fact', vocabulary: 'file-type', fact: 'nonProprietary', equals: false },
    });
    expect(
      run(proprietary, { distribution: [{ accessURL: ['x:y'], format: `${FT}XLSX` }] }).props,
    ).toEqual([]);
  });

  test("`given` is the dataset or one list's items; another path is the rule's mistake, named", () => {
    expect(() => run({ ...fact, given: 'distribution[*].format' }, two)).toThrow(
      /odc\/test: `given` is '' \(the dataset\) or 'name\[\*\]'/,
    );
  });

  test('`onlyIf` leaves out nodes without the field; no node left and no `ifNone` is not applicable', () => {
    const size = dataRule({
      meta,
      given: 'distribution[*]',
      field: 'byteSize',
      then: { check: 'present' },
      onlyIf: 'downloadURL',
      messageId: 'bad',
    });
    expect(run(size, two)).toEqual({
      props: ['distribution[1].byteSize'],
      applicable: true,
      ran: true,
    });
    expect(run(size, { distribution: [two.distribution![0]] })).toEqual({
      props: [],
      applicable: false,
      ran: true,
    });
  });
});

describe('released data only', () => {
  const AR = 'http://publications.europa.eu/resource/authority/access-right/';
  const released = [
    'odc/licence-present',
    'odc/open-licence',
    'odc/machine-readable-format',
    'odc/non-proprietary-format',
    'odc/access-url',
    'odc/download-url',
  ];
  const findings = (dataset: Dataset) => {
    const checks: RuleChecks = { ran: new Set(), notApplicable: new Set() };
    const ids = runRules(dataset, {
      profile: loadProfile('ca-gc'),
      now: new Date('2026-11-01'),
      vocabularies: defaultVocabularies(),
      checks,
    }).map((f) => f.ruleId);
    return { ids, ran: released.filter((id) => checks.ran.has(id)) };
  };

  test('a non-public record with nothing released: no finding about files, formats or licence, and no such check counted', () => {
    const hidden = findings({
      title: { en: 'Caribou telemetry' },
      accessRights: `${AR}NON_PUBLIC`,
    });
    expect(hidden.ids.filter((id) => released.includes(id))).toEqual([]);
    expect(hidden.ran).toEqual([]);
    expect(hidden.ids).toEqual(
      expect.arrayContaining(['odc/access-rights-public', 'odc/access-restriction-justified']),
    );
  });

  test('the same record, public, is judged on all of them', () => {
    const open = findings({ title: { en: 'Caribou telemetry' }, accessRights: `${AR}PUBLIC` });
    expect(open.ids).toEqual(
      expect.arrayContaining([
        'odc/licence-present',
        'odc/machine-readable-format',
        'odc/access-url',
      ]),
    );
    expect(open.ran).toEqual(released);
  });
});

describe('settingsFor', () => {
  test("a profile's overrides win over the general settings, options merged key by key", () => {
    const s = settingsFor(
      {
        severity: { 'odc/bilingual': 'warning', 'odc/keywords': 'error' },
        options: { 'odc/freshness': { graceDays: 10, warnFactor: 2 } },
        profiles: {
          'ca-gc': {
            severity: { 'odc/bilingual': 'off' },
            options: { 'odc/freshness': { graceDays: 0 } },
          },
        },
      },
      'ca-gc',
    );
    expect(s).toEqual({
      severity: { 'odc/bilingual': 'off', 'odc/keywords': 'error' },
      options: { 'odc/freshness': { graceDays: 0, warnFactor: 2 } },
    });
    expect(
      settingsFor({ severity: { 'odc/keywords': 'error' }, profiles: { 'ca-gc': {} } }, 'ca-on'),
    ).toEqual({ severity: { 'odc/keywords': 'error' }, options: undefined });
  });
});

describe('rule options', () => {
  test("each rule's own defaults, even for two rules of one id (a rule in the making and its new version)", () => {
    const seen = (limit: number) =>
      codeRule({
        meta: { ...meta, options: { limit } },
        check: (ctx) => ctx.report({ messageId: 'bad', value: ctx.options.limit }),
      });
    const optionSeen = (rule: ReturnType<typeof seen>) =>
      runRules(
        {},
        {
          profile: loadProfile('ca-gc'),
          now: new Date(),
          vocabularies: defaultVocabularies(),
          rules: [rule],
        },
      )[0].value;
    expect(optionSeen(seen(1))).toBe(1);
    expect(optionSeen(seen(2))).toBe(2);
  });
});
