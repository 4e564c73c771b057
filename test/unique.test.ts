/**
 * `odc/unique-identifier`: records of a run repeating an earlier record's identifier or dataset URI,
 * judged in input order on the main thread (the same with worker threads).
 */
import rule from '../src/rules/odc/unique-identifier.js';
import { checkAfter, KeyTable, SeenRecords } from '../src/engine/unique.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectEach, tempDir } from './helpers.js';

const NOW = ['--now', '2026-11-01'];

describe('the rule’s own examples', () => {
  const examples = rule.meta.examples ?? { pass: [], fail: [] };
  test.each(examples.pass.map((e) => [e.note?.en ?? 'pass', e] as const))('passes: %s', (_, e) => {
    expect(checkAfter(e.before ?? [], e.dataset)).toEqual([]);
  });
  test.each(examples.fail.map((e) => [e.note?.en ?? 'fail', e] as const))('fails: %s', (_, e) => {
    const found = checkAfter(e.before ?? [], e.dataset);
    expect(found).toHaveLength(1);
    expect(found[0].ruleId).toBe('odc/unique-identifier');
    expect(Object.keys(rule.meta.messages)).toContain(found[0].messageId);
  });
});

describe('SeenRecords', () => {
  test('names the first record with a key; one finding per record (its identifier first); keys kept apart by kind', () => {
    const seen = new SeenRecords();
    expect(
      seen.check({ identifier: 'a', uri: 'https://x/a' }, { file: 'one.jsonl', line: 3 }),
    ).toBeUndefined();
    expect(seen.check({ identifier: 'https://x/a' }, { file: 'two.json' })).toBeUndefined();
    expect(
      seen.check({ identifier: 'a', uri: 'https://x/a' }, { file: 'two.json', line: 9 }),
    ).toEqual({
      ruleId: 'odc/unique-identifier',
      messageId: 'identifier',
      property: 'identifier',
      data: { value: 'a', place: 'one.jsonl:3' },
      value: 'a',
    });
    expect(
      seen.check({ identifier: 'b', uri: 'https://x/a' }, { file: 'three.json' })?.data,
    ).toEqual({ value: 'https://x/a', place: 'one.jsonl:3' });
    // a file without lines (an RDF graph): the file alone
    expect(seen.check({ identifier: 'https://x/a' }, { file: 'four.json', line: 1 })?.data).toEqual(
      { value: 'https://x/a', place: 'two.json' },
    );
    expect(seen.check(undefined, { file: 'five.json' })).toBeUndefined();
  });

  test('the table keeps every key as it grows', () => {
    const table = new KeyTable();
    const ids = Array.from({ length: 20000 }, (_, i) => i);
    expectEach(ids, (i) => [table.seen(`id-${i}`, 1, { file: i % 7, line: i + 1 }), undefined]);
    for (let i = 0; i < 20000; i += 997)
      expect(table.seen(`id-${i}`, 1, { file: 99, line: 0 })).toEqual({ file: i % 7, line: i + 1 });
    expect(table.seen('id-5', 2, { file: 0, line: 1 })).toBeUndefined(); // another kind of key
  });
});

describe('passerelle validate', () => {
  test('the later copy of a package read twice is reported, naming the first; the same bytes with --workers 2', () => {
    const runs = ['1', '2'].map((w) =>
      cli([
        'validate',
        'fixtures/ca-gc',
        '--profile',
        'ca-gc',
        '-f',
        'json',
        '--workers',
        w,
        ...NOW,
      ]),
    );
    expect(runs[1].stdout).toBe(runs[0].stdout);
    const report = JSON.parse(runs[0].stdout);
    const found = report.records.flatMap(
      (r: {
        source: { file: string; line: number };
        findings: { ruleId: string; message: string; severity: string; line: number }[];
      }) =>
        r.findings
          .filter((f) => f.ruleId === 'odc/unique-identifier')
          .map((f) => [
            `${r.source.file}:${r.source.line}`,
            f.severity,
            f.message,
            f.line === r.source.line,
          ]),
    );
    expect(found).toEqual([
      [
        'fixtures/ca-gc/dataset.json:1',
        'warning',
        'Identifier "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d" is also the identifier of the record at fixtures/ca-gc/catalogue-extract.jsonl.gz:2',
        true,
      ],
      [
        expect.stringMatching(/^fixtures\/ca-gc\/package_show\.json:\d+$/),
        'warning',
        'Identifier "6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13" is also the identifier of the record at fixtures/ca-gc/catalogue-extract.jsonl.gz:1',
        true,
      ],
    ]);
    expect(report.summary.findings.warning).toBe(
      report.records.flatMap((r: { findings: { severity: string }[] }) =>
        r.findings.filter((f) => f.severity === 'warning'),
      ).length,
    );
  });

  test('configured: a severity of its own, or off (no key kept)', () => {
    const tmp = tempDir();
    try {
      const run = (severity: string) => {
        const config = join(tmp.dir, `${severity}.yaml`);
        writeFileSync(config, `rules:\n  odc/unique-identifier: ${severity}\n`);
        const r = cli([
          'validate',
          'fixtures/ca-gc/catalogue-extract.jsonl.gz',
          'fixtures/ca-gc/dataset.json',
          '-p',
          'ca-gc',
          '-f',
          'json',
          '-c',
          config,
          ...NOW,
        ]);
        return JSON.parse(r.stdout).records.flatMap(
          (x: { status: string; findings: { ruleId: string; severity: string }[] }) =>
            x.findings
              .filter((f) => f.ruleId === 'odc/unique-identifier')
              .map((f) => [x.status, f.severity]),
        );
      };
      expect(run('error')).toEqual([['invalid', 'error']]);
      expect(run('off')).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });

  test('in French', () => {
    const r = cli([
      'validate',
      'fixtures/ca-gc/catalogue-extract.jsonl.gz',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '-f',
      'json',
      '--lang',
      'fr',
      ...NOW,
    ]);
    const messages = JSON.parse(r.stdout).records.flatMap(
      (x: { findings: { ruleId: string; message: string }[] }) =>
        x.findings.filter((f) => f.ruleId === 'odc/unique-identifier').map((f) => f.message),
    );
    expect(messages).toEqual([
      "L'identifiant « 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d » est aussi celui de l'enregistrement situé à fixtures/ca-gc/catalogue-extract.jsonl.gz:2",
    ]);
  });
});
