import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Finding } from '../src/core/finding.js';
import { fixesOf } from '../src/fix/fix.js';
import { jsonLike } from '../src/fix/edit.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { fixFolders } from './fix-folders.js';

describe('passerelle fix on every fixture (with the real corpus: fix-corpus.test.ts)', () => {
  // the fixtures' fixable defects: eight fixes on five lines of three files (ca-ab, ca-gc)
  fixFolders(['fixtures'], { changedLines: 4, applied: 7 });
});

describe('fixes of one record', () => {
  const finding = (ruleId: string, pointer: string, old: unknown, value: unknown): Finding => ({
    ruleId,
    severity: 'warning',
    message: `${ruleId} ${pointer}`,
    fix: { pointer, old, new: value, kind: 'legacy-code' },
  });

  test('two fixes of the same field, or of a field and its container: a conflict, neither applied', () => {
    const { fixes, conflicts } = fixesOf([
      finding('profile/vocabulary', '/title/fr', 'a', 'b'),
      finding('input/encoding', '/title', { fr: 'a' }, { fr: 'c' }),
      finding('profile/vocabulary', '/license_id', 'ABOGPL', 'OGLA'),
      // the same change said twice is one fix
      finding('odc/open-licence', '/license_id', 'ABOGPL', 'OGLA'),
      finding('profile/vocabulary', '/topic/0', 'x', 'y'),
      finding('input/encoding', '/topic/0', 'x', 'z'),
    ]);
    expect(fixes.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['profile/vocabulary', '/license_id'],
    ]);
    expect(conflicts.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['profile/vocabulary', '/title/fr'],
      ['input/encoding', '/title'],
      ['profile/vocabulary', '/topic/0'],
      ['input/encoding', '/topic/0'],
    ]);
  });

  test('--rule and --fix-type choose the fixes', () => {
    const all = [
      finding('profile/vocabulary', '/a', 'x', 'y'),
      {
        ...finding('input/encoding', '/b', 'Ã©', 'é'),
        fix: { pointer: '/b', old: 'Ã©', new: 'é', kind: 'encoding' as const },
      },
    ];
    expect(fixesOf(all, { ruleIds: ['input/encoding'] }).fixes.map((f) => f.pointer)).toEqual([
      '/b',
    ]);
    expect(fixesOf(all, { kinds: ['legacy-code'] }).fixes.map((f) => f.pointer)).toEqual(['/a']);
  });

  test('a new value is written as the old one was: \\u escapes and \\/ kept', () => {
    expect(jsonLike('Québec/Montréal', '"Qu\\u00c3\\u00a9bec"')).toBe(
      '"Qu\\u00e9bec\\/Montr\\u00e9al"'.replace('\\/', '/'),
    );
    expect(jsonLike('a/b', '"x\\/y"')).toBe('"a\\/b"');
    expect(jsonLike('Québec', '"QuÃ©bec"')).toBe('"Québec"');
  });
});

describe('passerelle fix (command)', () => {
  const AB = 'test/real/ca-ab/ab_scheming-Imports-datasets.jsonl';

  test('review by default: per record the field, old → new and the rule; nothing written', () => {
    const r = cli(['fix', AB, '--profile', 'ca-ab', '--now', '2026-11-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `${AB}:1:403  petroleum-and-natural-gas-public-offerings-and-sales-results  license_id: "ABOGPL" → "OGLA"  profile/vocabulary (legacy-code)`,
    );
    expect(r.stdout).toMatch(/\d+ fixes in 4 records of 1 file; 0 not applied\n$/);
  });

  test('--to json-patch: RFC 6902 operations that turn the record into the corrected one', () => {
    const r = cli([
      'fix',
      AB,
      '--profile',
      'ca-ab',
      '--to',
      'json-patch',
      '--rule',
      'profile/vocabulary',
      '--fix-type',
      'legacy-code',
    ]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].source).toEqual({ file: AB, line: 1 });
    expect(lines[0].patch.slice(0, 2)).toEqual([
      { op: 'test', path: '/license_id', value: 'ABOGPL' },
      { op: 'replace', path: '/license_id', value: 'OGLA' },
    ]);
    // applied to the record as exported, the patch gives the corrected record
    const record = JSON.parse(readFileSync(join(ROOT, AB), 'utf8').split('\n')[0]);
    for (const op of lines[0].patch as { op: string; path: string; value: unknown }[]) {
      const segs = op.path.split('/').slice(1);
      const last = segs.pop() as string;
      const parent = segs.reduce(
        (n: Record<string, unknown>, s) => n[s] as Record<string, unknown>,
        record,
      );
      if (op.op === 'test') expect(parent[last]).toEqual(op.value);
      else parent[last] = op.value;
    }
    expect(record.topic).toEqual(['Business and Industry', 'Environment']);
    expect(record.updatefrequency).toBe('Every 2 weeks');
  });

  test('--to ckan: package_patch payloads with the id and each changed field whole', () => {
    const r = cli(['fix', AB, '--profile', 'ca-ab', '--to', 'ckan']);
    const first = JSON.parse(r.stdout.split('\n')[0]);
    const record = JSON.parse(readFileSync(join(ROOT, AB), 'utf8').split('\n')[0]);
    // the export has "id": null: the package's name stands for it, as package_patch accepts
    expect(first).toEqual({
      id: record.name,
      license_id: 'OGLA',
      topic: ['Business and Industry', 'Environment'],
      updatefrequency: 'Every 2 weeks',
    });
  });

  test('--output keeps the shape: gzipped JSON Lines stay gzipped; --in-place keeps a backup', () => {
    const tmp = tempDir();
    try {
      // ca-gc's catalogue: line 4 has the legacy frequency "monthly" (now P1M)
      const text = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8');
      const gz = join(tmp.dir, 'catalogue.jsonl.gz');
      writeFileSync(gz, gzipSync(Buffer.from(text)));
      const out = join(tmp.dir, 'out');
      const r = cli(['fix', gz, '--profile', 'ca-gc', '--output', out], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      const fixed = gunzipSync(readFileSync(join(out, 'catalogue.jsonl.gz'))).toString('utf8');
      const lines = fixed.split('\n');
      const before = text.split('\n');
      expect(lines.filter((l, i) => l !== before[i])).toHaveLength(1);
      expect(JSON.parse(lines[3]).frequency).toBe('P1M');

      const plain = join(tmp.dir, 'catalogue.jsonl');
      writeFileSync(plain, text);
      const p = cli(['fix', plain, '--profile', 'ca-gc', '--in-place'], { cwd: tmp.dir });
      expect(p.code).toBe(0);
      expect(readFileSync(`${plain}.bak`, 'utf8')).toBe(text);
      expect(JSON.parse(readFileSync(plain, 'utf8').split('\n')[3]).frequency).toBe('P1M');
      // a second run has nothing to fix: the backup stays the original
      const again = cli(['fix', plain, '--profile', 'ca-gc', '--in-place'], { cwd: tmp.dir });
      expect(again.stdout).toBe('nothing to fix\n');
      expect(readFileSync(`${plain}.bak`, 'utf8')).toBe(text);
    } finally {
      tmp.cleanup();
    }
  });

  test('encoding damage in a language map and a keyword list: repaired where it stands, then clean', () => {
    const tmp = tempDir();
    try {
      // ca-gc's first record, its French title and a French keyword damaged as a Windows export would
      const misread = (s: string): string =>
        [...Buffer.from(s)].map((b) => String.fromCharCode(b)).join('');
      const line = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split(
        '\n',
      )[0];
      const damaged = line
        .replace('non désaisonnalisé', misread('non désaisonnalisé'))
        .replace(
          '"indice des prix à la consommation"',
          `"${misread('indice des prix à la consommation')}"`,
        );
      expect(damaged).not.toBe(line);
      const file = join(tmp.dir, 'one.jsonl');
      writeFileSync(file, `${damaged}\n`);
      const r = cli(['fix', file, '--profile', 'ca-gc', '--to', 'json-patch']);
      const patch = JSON.parse(r.stdout).patch;
      // in the report's order of findings (by property: keyword before title)
      expect(patch.filter((op: { op: string }) => op.op === 'replace')).toEqual([
        { op: 'replace', path: '/keywords/fr/0', value: 'indice des prix à la consommation' },
        {
          op: 'replace',
          path: '/title_translated/fr',
          value: 'Indice des prix à la consommation, mensuel, non désaisonnalisé',
        },
      ]);
      const out = join(tmp.dir, 'out');
      cli(['fix', file, '--profile', 'ca-gc', '--output', out], { cwd: tmp.dir });
      expect(readFileSync(join(out, 'one.jsonl'), 'utf8')).toBe(`${line}\n`);
    } finally {
      tmp.cleanup();
    }
  });

  test('dates written year/month/day: back to ISO 8601, the file as it was before', () => {
    const tmp = tempDir();
    try {
      // ca-gc's first record: released on the portal, and its three resources published, "2019-05-21"
      const line = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split(
        '\n',
      )[0];
      const slashed = line.replaceAll('"2019-05-21"', '"2019/05/21"');
      expect(slashed.split('2019/05/21')).toHaveLength(5);
      const file = join(tmp.dir, 'dates.jsonl');
      writeFileSync(file, `${slashed}\n`);
      const r = cli(['fix', file, '--profile', 'ca-gc', '--fix-type', 'date'], { cwd: tmp.dir });
      expect(r.stdout).toMatch(/^4 fixes in 1 record of 1 file; 0 not applied$/m);
      const out = join(tmp.dir, 'out');
      cli(['fix', file, '--profile', 'ca-gc', '--output', out], { cwd: tmp.dir });
      expect(readFileSync(join(out, 'dates.jsonl'), 'utf8')).toBe(`${line}\n`);
    } finally {
      tmp.cleanup();
    }
  });

  test('a package_search response: the record found by its pointer, the rest of the document untouched', () => {
    const tmp = tempDir();
    try {
      // Alberta's package_search fixture, its first licence written as the legacy code (line 35)
      const text = readFileSync(join(ROOT, 'fixtures/ca-ab/package_search.json'), 'utf8');
      const legacy = text.replace('"license_id": "OGLA"', '"license_id": "ABOGPL"');
      expect(legacy).not.toBe(text);
      const file = join(tmp.dir, 'package_search.json');
      writeFileSync(file, legacy);
      const ckan = cli(['fix', file, '--profile', 'ca-ab', '--to', 'ckan'], { cwd: tmp.dir });
      const record = JSON.parse(text).result.results[0];
      expect(JSON.parse(ckan.stdout)).toEqual({ id: record.id, license_id: 'OGLA' });
      const out = join(tmp.dir, 'out');
      cli(['fix', file, '--profile', 'ca-ab', '--output', out], { cwd: tmp.dir });
      expect(readFileSync(join(out, 'package_search.json'), 'utf8')).toBe(text);
    } finally {
      tmp.cleanup();
    }
  });

  test("the configuration's rulesets: their settings and rules are the run's; their own rules have no fixes", () => {
    const tmp = tempDir();
    try {
      // publications.jsonl: lines 2 and 3 hold the legacy licence "ABOGPL", line 2 the legacy topic
      copyFileSync(join(ROOT, 'fixtures/ca-ab/publications.jsonl'), join(tmp.dir, 'pub.jsonl'));
      writeFileSync(
        join(tmp.dir, 'policy.yaml'),
        [
          'rules:',
          '  profile/vocabulary: off',
          '  city/title-short:',
          '    title: { en: The title is short, fr: Le titre est court }',
          '    target: title',
          '    then: { check: length, max: 10 }',
          '    message: { en: "Long title: {{value}}", fr: "Titre long : {{value}}" }',
          '',
        ].join('\n'),
      );
      writeFileSync(join(tmp.dir, 'passerelle.config.yaml'), 'extends: [./policy.yaml]\n');
      const fix = (...args: string[]) =>
        cli(['fix', 'pub.jsonl', '-p', 'ca-ab', '--now', '2026-11-01', ...args], { cwd: tmp.dir });
      // the ruleset turns off the rule that gives these fixes
      expect(fix().stdout).toBe('nothing to fix\n');
      // a ruleset's rule is a rule of the run: --rule takes it, and it has nothing to fix
      const own = fix('--rule', 'city/title-short');
      expect([own.code, own.stdout]).toEqual([0, 'nothing to fix\n']);
      const without = fix('--no-config');
      expect(without.stdout).toContain(
        'pub.jsonl:2:575  high-school-completion-rates-handbook  license_id: "ABOGPL" → "OGLA"',
      );
      expect(without.stdout).toMatch(/3 fixes in 2 records of 1 file; 0 not applied\n$/);
      expect(fix('--no-config', '--rule', 'city/title-short').code).toBe(2);
      // --config names the file, from anywhere
      const named = cli([
        'fix',
        join(tmp.dir, 'pub.jsonl'),
        '-p',
        'ca-ab',
        '--config',
        join(tmp.dir, 'passerelle.config.yaml'),
      ]);
      expect(named.stdout).toBe('nothing to fix\n');
    } finally {
      tmp.cleanup();
    }
  });

  test('a harvest snapshot folder: its pages read, the profile its manifest names', () => {
    const tmp = tempDir();
    try {
      const snap = join(tmp.dir, 'harvest-ca-ab');
      mkdirSync(join(snap, 'records'), { recursive: true });
      const text = readFileSync(join(ROOT, 'fixtures/ca-ab/publications.jsonl'));
      writeFileSync(join(snap, 'records', 'page-00001.jsonl.gz'), gzipSync(text));
      const manifest = {
        format: 'passerelle-harvest/1',
        portal: 'ca-ab',
        profile: 'ca-ab',
        api: { kind: 'ckan', url: 'https://open.alberta.ca/api/3/action/package_search' },
        userAgent: 'test',
        started: '2026-11-01T00:00:00Z',
        updated: '2026-11-01T00:00:00Z',
        complete: true,
        written: 3,
        duplicates: 0,
        recovered: 0,
        requests: 1,
        retries: 0,
        notModified: 0,
        failures: [],
        pages: [],
      };
      writeFileSync(join(snap, 'manifest.json'), JSON.stringify(manifest));
      // no --profile: the manifest's; line 2 of the page holds "license_id": "ABOGPL" at column 575
      const r = cli(['fix', 'harvest-ca-ab', '--now', '2026-11-01', '--no-config'], {
        cwd: tmp.dir,
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'harvest-ca-ab/records/page-00001.jsonl.gz:2:575  high-school-completion-rates-handbook  license_id: "ABOGPL" → "OGLA"',
      );
      expect(r.stdout).toMatch(/3 fixes in 2 records of 1 file; 0 not applied\n$/);
    } finally {
      tmp.cleanup();
    }
  });

  test('a wrong --fix-type or --rule is a usage error naming it', () => {
    expect(cli(['fix', AB, '--profile', 'ca-ab', '--fix-type', 'spelling']).stderr).toContain(
      '--fix-type: "spelling" is not one of legacy-code, code-spelling, encoding, whitespace, date\n',
    );
    expect(cli(['fix', AB, '--profile', 'ca-ab', '--rule', 'odc/nope']).code).toBe(2);
  });
});
