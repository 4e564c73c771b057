/** --baseline / --update-baseline end to end: a catalogue with known debt gates only on new findings. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';
import { validatedText } from './report-helpers.js';

const NOW = ['--now', '2026-11-01'];
const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean);
// the catalogue without its broken line: every record can be baselined
const readable = lines.filter(
  (l) =>
    !l.startsWith('{"id": "broken') &&
    (() => {
      try {
        JSON.parse(l);
        return true;
      } catch {
        return false;
      }
    })(),
);

describe('baseline', () => {
  let tmp: ReturnType<typeof tempDir>;
  let catalogue: string;
  let baseline: string;
  beforeAll(() => {
    tmp = tempDir();
    catalogue = join(tmp.dir, 'catalogue.jsonl');
    baseline = join(tmp.dir, 'known.json');
    writeFileSync(catalogue, `${readable.join('\n')}\n`);
  });
  afterAll(() => tmp.cleanup());

  test('--update-baseline records every finding, by record, rule, property and source path', async () => {
    // the report without a baseline, made in-process: the command's own runs follow
    const before = JSON.parse(await validatedText([catalogue], 'json', { profile: 'ca-gc' }));
    const total =
      before.summary.findings.error +
      before.summary.findings.warning +
      before.summary.findings.info;
    const r = cli([
      'validate',
      catalogue,
      '-p',
      'ca-gc',
      '-f',
      'json',
      '--baseline',
      baseline,
      '--update-baseline',
      ...NOW,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`passerelle: baseline: ${total} findings written to ${baseline}\n`);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({
      findings: { error: 0, warning: 0, info: 0 },
      baselined: total,
    });
    const file = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(file.passerelleBaseline).toBe(1);
    expect(file.findings.reduce((n: number, e: { count?: number }) => n + (e.count ?? 1), 0)).toBe(
      total,
    );
    expect(file.findings).toContainEqual({
      profile: 'ca-gc',
      record: 'd7f3a1c5-6e2b-4a8d-9f0c-1b3e5d7a9c02',
      ruleId: 'odc/freshness',
      property: 'modified',
      sourcePath: '/date_modified',
    });
    // no line numbers, no messages: they change from one export to the next
    expect(readFileSync(baseline, 'utf8')).not.toMatch(/"line"|"message"/);
    // written whole: no temporary file left beside it
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('with the baseline, known findings are left out, whatever the order of the records: exit 0', async () => {
    const shuffled = join(tmp.dir, 'shuffled.jsonl');
    writeFileSync(shuffled, `${[...readable].reverse().join('\n')}\n`);
    const r = cli([
      'validate',
      shuffled,
      '-p',
      'ca-gc',
      '-f',
      'json',
      '--baseline',
      baseline,
      ...NOW,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.findings).toEqual({ error: 0, warning: 0, info: 0 });
    expect(report.summary.invalid).toBe(0);
    // scores are facts about the metadata: the baseline does not change them
    const plain = JSON.parse(await validatedText([shuffled], 'json', { profile: 'ca-gc' }));
    expect(report.summary.scores).toEqual(plain.summary.scores);
  });

  test('a new finding is reported and gates the run; stylish says how many were left out', () => {
    const changed = join(tmp.dir, 'changed.jsonl');
    // the CPI record loses its contact email: a new error
    writeFileSync(
      changed,
      `${[readable[0].replace('"maintainer_email": "infostats@statcan.gc.ca"', '"maintainer_email": ""'), ...readable.slice(1)].join('\n')}\n`,
    );
    const r = cli([
      'validate',
      changed,
      '-p',
      'ca-gc',
      '-f',
      'json',
      '--baseline',
      baseline,
      ...NOW,
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const found = report.records.flatMap(
      (x: { id: string; findings: { ruleId: string; related?: { ruleId: string }[] }[] }) =>
        x.findings.map(
          (f) => `${x.id} ${[f.ruleId, ...(f.related ?? []).map((o) => o.ruleId)].join(' + ')}`,
        ),
    );
    // one gap, one finding: DCAT-AP's missing contact point is named by the contact-point error
    expect(found).toEqual([
      '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51 odc/contact-point + dcat-ap/recommended',
    ]);
    const stylish = cli([
      'validate',
      changed,
      '-p',
      'ca-gc',
      '--baseline',
      baseline,
      ...NOW,
    ]).stdout;
    expect(stylish).toMatch(
      new RegExp(`${report.summary.baselined} known findings left out by the baseline`),
    );
    const md = cli([
      'validate',
      changed,
      '-p',
      'ca-gc',
      '--baseline',
      baseline,
      '-f',
      'markdown',
      ...NOW,
    ]).stdout;
    expect(md).toMatch(
      new RegExp(`^${report.summary.baselined} known findings left out by the baseline$`, 'm'),
    );
  });

  test('the same finding twice needs two entries: the second copy of a record is reported', async () => {
    const twice = join(tmp.dir, 'twice.jsonl');
    writeFileSync(twice, `${[readable[3], readable[3]].join('\n')}\n`);
    const r = await validatedText([twice], 'json', { profile: 'ca-gc', baseline });
    const [a, b] = JSON.parse(r).records;
    expect(a.findings).toEqual([]);
    expect(b.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('odc/freshness');
  });

  test('unreadable records are never baselined', () => {
    const broken = join(tmp.dir, 'broken.jsonl');
    writeFileSync(broken, `${readable[0]}\n{"id": "x", "title":\n`);
    cli([
      'validate',
      broken,
      '-p',
      'ca-gc',
      '--baseline',
      join(tmp.dir, 'b2.json'),
      '--update-baseline',
      ...NOW,
    ]);
    expect(
      JSON.parse(readFileSync(join(tmp.dir, 'b2.json'), 'utf8')).findings.map(
        (e: { ruleId: string }) => e.ruleId,
      ),
    ).not.toContain('input/parse-error');
    const r = cli([
      'validate',
      broken,
      '-p',
      'ca-gc',
      '--baseline',
      join(tmp.dir, 'b2.json'),
      ...NOW,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/input\/parse-error/);
  });

  test.each([
    [
      'not JSON',
      '{"passerelleBaseline": 1,\n "findings": [}',
      /bad\.json:2:15: the baseline is not valid JSON/,
    ],
    ['not a baseline', '{"findings": []}', /bad\.json:1:1: not a Passerelle baseline/],
    [
      'an entry without a record',
      '{"passerelleBaseline": 1, "findings": [\n  {"profile": "ca-gc", "ruleId": "odc/keywords"}]}',
      /bad\.json:2:3: finding 1: record must be a non-empty string/,
    ],
    [
      'a bad count',
      '{"passerelleBaseline": 1, "findings": [\n  {"profile": "ca-gc", "record": "x", "ruleId": "odc/keywords", "count": 0}]}',
      /bad\.json:2:74: finding 1: count must be a positive whole number/,
    ],
  ])('a baseline that is %s: exit 2 with its position, no report', (_, text, message) => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, text);
    const r = cli(['validate', catalogue, '-p', 'ca-gc', '--baseline', bad, ...NOW]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
  });

  test('a missing baseline, or --update-baseline without a file: exit 2', () => {
    expect(
      cli(['validate', catalogue, '-p', 'ca-gc', '--baseline', join(tmp.dir, 'nope.json')]).stderr,
    ).toMatch(/nope\.json: cannot read the baseline \(ENOENT\)/);
    expect(cli(['validate', catalogue, '-p', 'ca-gc', '--update-baseline']).stderr).toMatch(
      /--update-baseline: name the file with --baseline <file>/,
    );
  });
});
