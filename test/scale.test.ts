/**
 * Catalogue scale: reading JSON Lines line by line as readline does, results in order with a
 * bounded number in flight, the same results with one or two workers, back-pressure from a slow
 * output all the way to reading, bounded catalogue scores, YAML snapshots that answer like the
 * parser, heavy modules loaded only when used. Nothing here is timed (see `npm run bench`).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { CatalogueScorer } from '../src/scores/catalogue.js';
import type { RecordScores } from '../src/core/scores.js';
import { readLines } from '../src/sources/lines.js';
import { batches, inOrder } from '../src/util/ordered.js';
import { loadYaml, snapshotFile } from '../src/util/yaml.js';
import { BIN, cli, ROOT, tempDir } from './helpers.js';
import { have } from './support/optional.mjs';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const NOW = ['--now', '2026-11-01'];

/** Generated open.canada.ca records (test/bench/generate.mjs), as plain JSON Lines. */
function generate(count: number, file: string): string {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'test/bench/generate.mjs'), String(count), file],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return file;
}

describe('reading JSON Lines', () => {
  test('lines break where readline breaks them (\\n, \\r\\n, \\r), however the chunks are cut', async () => {
    const texts = [
      'a\nb\n',
      'a\r\nb',
      'a\rb\r',
      'a\r\n\r\nb\n\n',
      '\n\n',
      'x',
      'a\r',
      '\r\n',
      'é\r\nü\rx\n',
      '{"a":1}\n{"b":"c\\nd"}\r\n',
    ];
    for (const text of texts) {
      for (let i = 0; i <= text.length; i++) {
        for (let j = i; j <= text.length; j++) {
          const chunks = [text.slice(0, i), text.slice(i, j), text.slice(j)].filter(
            (c) => c !== '',
          );
          const expected: string[] = [];
          for await (const l of createInterface({
            input: Readable.from(chunks),
            crlfDelay: Infinity,
          }))
            expected.push(l);
          const got: { line: number; text: string }[] = [];
          for await (const l of readLines('x.jsonl', Readable.from(chunks))) got.push(l);
          expect(got.map((l) => l.text)).toEqual(expected);
          expect(got.map((l) => l.line)).toEqual(expected.map((_, k) => k + 1));
        }
      }
    }
  });
});

describe('work in flight', () => {
  test('results come in the order of the source, whatever order the work finishes in', async () => {
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 40; i++) yield i;
    }
    // later items finish first
    const start = (i: number): Promise<number> =>
      new Promise((resolve) => setTimeout(() => resolve(i * 10), (40 - i) % 7));
    const out: number[] = [];
    for await (const r of inOrder(source(), start, 5)) out.push(r);
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 10));
  });

  test('a consumer that stops taking results stops the reading: at most `limit` items ahead', async () => {
    let read = 0;
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 10000; i++) {
        read++;
        yield i;
      }
    }
    const results = inOrder(source(), async (i) => i, 8);
    for (let taken = 1; taken <= 50; taken++) {
      await results.next();
      expect(read - taken).toBeLessThanOrEqual(8);
    }
    await results.return(undefined);
    expect(read).toBeLessThan(60);
  });

  test('a failure is raised when its turn comes, and never as an unhandled rejection', async () => {
    async function* source(): AsyncGenerator<number> {
      yield* [1, 2, 3, 4];
    }
    const start = (i: number): Promise<number> =>
      i === 3 ? Promise.reject(new Error('record 3')) : Promise.resolve(i);
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const r of inOrder(source(), start, 4)) out.push(r);
      })(),
    ).rejects.toThrow('record 3');
    expect(out).toEqual([1, 2]);
  });

  test('batches hold at most their size, and close early past their weight', async () => {
    async function* source(): AsyncGenerator<string> {
      yield* ['a', 'bb', 'cccccc', 'd', 'e', 'f', 'g'];
    }
    const got: string[][] = [];
    for await (const b of batches(source(), 3, 5, (s) => s.length)) got.push(b);
    expect(got).toEqual([['a', 'bb', 'cccccc'], ['d', 'e', 'f'], ['g']]);
  });
});

describe('catalogue scores in bounded memory', () => {
  const scores = (points: number): RecordScores => ({
    mqa: {
      points,
      max: 325,
      band: 'good',
      dimensions: {
        findability: { points: 0, max: 100 },
        accessibility: { points: 0, max: 20 },
        interoperability: { points: 0, max: 110 },
        reusability: { points: 0, max: 75 },
        contextuality: { points: 0, max: 20 },
      },
      indicators: {},
    },
    stars: 3,
    distributionStars: [3],
    principles: {},
  });

  test.each([1, 2, 7, 1000, 1001])(
    'the median of %i records is exactly the median of their sorted points',
    (n) => {
      const scorer = new CatalogueScorer();
      const points: number[] = [];
      let seed = n;
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const p = Math.round((seed % 40500) * (i % 3 === 0 ? 0.37 : 1)) / 100; // many repeats, hundredths
        points.push(p);
        scorer.add(scores(p));
      }
      const sorted = [...points].sort((a, b) => a - b);
      const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      const result = scorer.result();
      expect(result?.mqa.median).toBe(Math.round(median * 100) / 100);
      expect(result?.mqa.mean).toBe(
        Math.round((points.reduce((a, b) => a + b, 0) / n) * 100) / 100,
      );
      expect(result?.records).toBe(n);
    },
  );
});

describe('YAML snapshots', () => {
  const shipped = [
    join(ROOT, 'profiles'),
    join(ROOT, 'crosswalks'),
    join(ROOT, 'crosswalks', 'vocabularies'),
  ].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(d, f)),
  );

  test('every shipped profile, crosswalk and vocabulary has a snapshot (written by npm run build)', () => {
    expect(shipped.length).toBeGreaterThan(10);
    for (const f of shipped) expect(existsSync(snapshotFile(readFileSync(f, 'utf8')))).toBe(true);
  });

  test.each(shipped.map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s: the snapshot gives the same data and the same positions as the parser',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      const fromSnapshot = loadYaml(file);
      // the same text with a comment added at the end has no snapshot: it is parsed, positions unchanged
      const parsed = loadYaml(file, `${text}\n# parsed\n`);
      expect(fromSnapshot.data).toEqual(parsed.data);
      const paths: (string | number)[][] = [[]];
      const walk = (v: unknown, path: (string | number)[]): void => {
        if (Array.isArray(v)) {
          v.forEach((x, i) => {
            paths.push([...path, i]);
            walk(x, [...path, i]);
          });
        } else if (v && typeof v === 'object') {
          paths.push([...path, 'not-a-key']);
          for (const [k, x] of Object.entries(v)) {
            paths.push([...path, k]);
            walk(x, [...path, k]);
          }
        }
      };
      walk(parsed.data, []);
      for (const p of paths) {
        expect(fromSnapshot.where(p)).toBe(parsed.where(p));
        expect(fromSnapshot.where(p, true)).toBe(parsed.where(p, true));
      }
    },
  );
});

describe('worker threads', () => {
  const dir = join(tmp.dir, 'catalogue');
  const outputs = ['sarif', 'junit', 'csv', 'markdown', 'github', 'stylish'] as const;
  /** The lines of a-generated.jsonl where its records are (one each; two for objects written on one line), and those that cannot be read. */
  const recordLines: number[] = [];
  const broken: number[] = [];

  beforeAll(() => {
    mkdirSync(dir);
    // generated records with bad lines planted in the middle: inside a batch, on either side of a
    // batch boundary (64 texts), in the second worker's batches, one after another; a line cut
    // short by the generator (line 7); blank lines, which shift the batches; a record written over
    // many lines (pretty-printed) and two written on one line, as some portals' exports have them
    const generated = readFileSync(generate(900, join(tmp.dir, 'a.jsonl')), 'utf8')
      .split('\n')
      .slice(0, -1);
    const readable = (text: string): boolean => {
      try {
        const v: unknown = JSON.parse(text);
        return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
      } catch {
        return false;
      }
    };
    const entries = generated.map((text) => ({ text, records: 1, broken: !readable(text) }));
    const planted: [number, { text: string; records: number; broken: boolean }][] = [
      [40, { text: '{"id": "cut-short", "title": {"en": "Fish', records: 1, broken: true }],
      [64, { text: '[1, 2, 3]', records: 1, broken: true }],
      [65, { text: 'null', records: 1, broken: true }],
      [128, { text: '{"id": "trailing", } ', records: 1, broken: true }],
      [129, { text: '', records: 0, broken: false }],
      [130, { text: '   ', records: 0, broken: false }],
      [333, { text: '{"id": "x" "title": 1}', records: 1, broken: true }],
      [334, { text: '42', records: 1, broken: true }],
      [
        400,
        { text: JSON.stringify(JSON.parse(generated[399]), null, 2), records: 1, broken: false },
      ],
      [500, { text: generated[10] + generated[11], records: 2, broken: false }],
      [700, { text: '{"id": "unterminated', records: 1, broken: true }],
    ];
    for (const [at, entry] of planted) entries.splice(at - 1, 0, entry);
    writeFileSync(join(dir, 'a-generated.jsonl'), `${entries.map((e) => e.text).join('\n')}\n`);
    let line = 1;
    for (const e of entries) {
      for (let k = 0; k < e.records; k++) recordLines.push(line);
      if (e.broken) broken.push(line);
      line += e.text.split('\n').length;
    }
    // the fixtures' JSON Lines (a broken line), a JSON document, read in the main thread between the
    // JSON Lines files, and gzipped generated records
    copyFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), join(dir, 'b-fixtures.jsonl'));
    copyFileSync(join(ROOT, 'fixtures/ca-gc/package_search.json'), join(dir, 'c-search.json'));
    generate(300, join(dir, 'd-generated.jsonl.gz'));
    writeFileSync(
      join(tmp.dir, 'passerelle.config.yaml'),
      'rules:\n  odc/freshness:\n    options: {graceDays: 400}\nprofiles:\n  ca-gc:\n    rules: {odc/bilingual: warning}\n',
    );
  });

  /** Every format of one run, by format. */
  function reports(
    workers: string,
    extra: string[] = [],
    formats: readonly string[] = outputs,
  ): Record<string, string> {
    const out = join(tmp.dir, `w${workers}${extra.length ? '-x' : ''}`);
    mkdirSync(out, { recursive: true });
    const r = cli(
      [
        'validate',
        dir,
        '-p',
        'ca-gc',
        ...NOW,
        '-f',
        'json',
        ...formats.flatMap((f) => [`--output.${f}`, join(out, f)]),
        '--workers',
        workers,
        ...extra,
      ],
      { cwd: tmp.dir },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    return {
      json: r.stdout,
      ...Object.fromEntries(formats.map((f) => [f, readFileSync(join(out, f), 'utf8')])),
    };
  }

  test('one worker or two: every report the same, byte for byte, in input order, bad lines reported where they are', () => {
    const one = reports('1');
    const two = reports('2');
    for (const f of Object.keys(one))
      expect({ format: f, text: two[f] }).toEqual({ format: f, text: one[f] });
    const report = JSON.parse(two.json) as {
      records: {
        source: { file: string; line?: number };
        status: string;
        findings: { ruleId: string; severity: string; line?: number; column?: number }[];
      }[];
      summary: { records: number; rejected: number };
    };
    const aRecords = recordLines;
    expect(broken.slice(0, 7)).toEqual([7, 40, 64, 65, 128, 333, 334]);
    expect(aRecords.length).toBe(900 + 9 + 1);
    expect(aRecords.filter((l, i) => aRecords[i + 1] === l)).toHaveLength(1); // the two objects on one line
    // every record accounted for, in input order: one per text that is not blank, the JSON
    // document's two packages between the JSON Lines files, read in the main thread
    expect(report.summary.records).toBe(aRecords.length + 8 + 2 + 300);
    expect(
      report.records.map((r) => `${r.source.file.split('/').pop()}:${r.source.line ?? ''}`),
    ).toEqual([
      ...aRecords.map((l) => `a-generated.jsonl:${l}`),
      ...Array.from({ length: 8 }, (_, i) => `b-fixtures.jsonl:${i + 1}`),
      ...report.records
        .slice(aRecords.length + 8, aRecords.length + 10)
        .map((r) => `c-search.json:${r.source.line}`),
      ...Array.from({ length: 300 }, (_, i) => `d-generated.jsonl.gz:${i + 1}`),
    ]);
    // the bad lines are rejected, each with a parse error on its own line
    const rejected = report.records.filter((r) => r.status === 'rejected');
    expect(rejected.map((r) => `${r.source.file.split('/').pop()}:${r.source.line}`)).toEqual([
      ...broken.map((l) => `a-generated.jsonl:${l}`),
      'b-fixtures.jsonl:7',
      'd-generated.jsonl.gz:7',
    ]);
    expect(report.summary.rejected).toBe(broken.length + 2);
    for (const r of rejected)
      expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([
        ['input/parse-error', r.source.line],
      ]);
    // the records around them are checked as usual
    for (const l of [39, 41, 63, 66, 127, 131, 332, 335])
      expect(report.records[aRecords.indexOf(l)].status).not.toBe('rejected');
    // the pretty-printed record's findings point into its own lines
    const at = aRecords.indexOf(400);
    const pretty = report.records[at];
    expect(pretty.status).not.toBe('rejected');
    const prettyLines = pretty.findings
      .map((f) => f.line)
      .filter((l): l is number => l !== undefined);
    expect(prettyLines.length).toBeGreaterThan(0);
    expect(Math.max(...prettyLines)).toBeGreaterThan(pretty.source.line as number);
    expect(Math.max(...prettyLines)).toBeLessThan(aRecords[at + 1]);
    // the per-profile configuration reached the workers: bilingual findings are warnings
    const bilingual = report.records
      .slice(0, aRecords.length)
      .flatMap((r) => r.findings.filter((f) => f.ruleId === 'odc/bilingual'));
    expect(bilingual.length).toBeGreaterThan(0);
    expect(bilingual.every((f) => f.severity === 'warning')).toBe(true);
  });

  test('a baseline is applied in input order with workers too', () => {
    const baseline = join(tmp.dir, 'known.json');
    expect(
      cli(
        [
          'validate',
          dir,
          '-p',
          'ca-gc',
          ...NOW,
          '--workers',
          '2',
          '--update-baseline',
          '--baseline',
          baseline,
          '-q',
        ],
        { cwd: tmp.dir },
      ).code,
    ).toBe(1);
    const one = reports('1', ['--baseline', baseline, '--no-config'], []);
    const two = reports('2', ['--baseline', baseline, '--no-config'], []);
    expect(two.json).toBe(one.json);
    const summary = (
      JSON.parse(two.json) as { summary: { baselined?: number; findings: Record<string, number> } }
    ).summary;
    expect(summary.baselined).toBeGreaterThan(500);
  });

  test('convert --to ntriples: the same RDF with one worker or two', () => {
    const one = cli(['convert', dir, '-p', 'ca-gc', '--to', 'ntriples', '--workers', '1']);
    const two = cli(['convert', dir, '-p', 'ca-gc', '--to', 'ntriples', '--workers', '2']);
    expect(one.code).toBe(1); // some records cannot be read
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    // every record that could be read is a dataset of the output, and only those
    const datasets = one.stdout
      .split('\n')
      .filter((l) =>
        l.endsWith(
          ' <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .',
        ),
      );
    expect(datasets.length).toBe(recordLines.length - broken.length + 7 + 2 + 299);
  });

  test('--workers takes a whole number from 1 to a bounded maximum, or auto; other numeric options are bounded too', () => {
    for (const bad of ['0', 'two', '-1', '17', '1000']) {
      const r = cli(['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--workers', bad]);
      expect([bad, r.code]).toEqual([bad, 2]);
      expect(r.stderr).toMatch(/--workers: ".*" is not a whole number from 1 to \d+ \(or auto\)/);
    }
    for (const [option, bad] of [
      ['--url-timeout', '0'],
      ['--url-timeout', '301'],
      ['--url-concurrency', '65'],
      ['--url-concurrency', '0'],
    ]) {
      const r = cli(['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--check-urls', option, bad]);
      expect([option, bad, r.code]).toEqual([option, bad, 2]);
      expect(r.stderr).toContain(`${option}: "${bad}" is not a whole number from 1 to`);
    }
  });
});

// Linux tells where a process has read a file up to (/proc/<pid>/fdinfo): the check of back-pressure
// from the output to the reading, workers included, needs it.
const PROC = have('proc');

describe('back-pressure', () => {
  const files: Record<string, string> = {};
  beforeAll(() => {
    files.plain = generate(12000, join(tmp.dir, 'big.jsonl'));
    files.gzipped = join(tmp.dir, 'big.jsonl.gz');
    writeFileSync(files.gzipped, gzipSync(readFileSync(files.plain)));
  });

  /** How far the process has read `file`, in bytes: the position of the descriptor it has open on it. */
  function readUpTo(pid: number, file: string): number | undefined {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (target !== file) continue;
      const pos = /pos:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
      if (pos) return Number(pos[1]);
    }
    return undefined;
  }

  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  (PROC ? test.each : test.skip.each)([
    ['plain', '1'],
    ['plain', '2'],
    ['gzipped', '2'],
  ])(
    'a report nobody reads stops the reading (%s, --workers %s): a few batches ahead, not the file',
    async (kind, workers) => {
      const file = files[kind];
      const size = readFileSync(file).length;
      const child = spawn(
        process.execPath,
        [BIN, 'validate', file, '-p', 'ca-gc', ...NOW, '-f', 'json', '--workers', workers],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      try {
        // take the first output, then read no more: the pipe fills, writing waits, and so must reading
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
        child.stdout.pause();
        let last = -1;
        let pos: number | undefined;
        for (let stable = 0; stable < 10; ) {
          await sleep(200);
          pos = readUpTo(child.pid as number, file);
          stable = pos === last ? stable + 1 : 0;
          last = pos ?? -1;
        }
        expect(pos).toBeDefined();
        expect(child.exitCode).toBeNull(); // still waiting on its output
        // what is held is the records in flight (a few batches of 64 per worker), the report's
        // lines waiting for the pipe and the streams' buffers: a few hundred of the 12,000 records
        expect((pos as number) / size).toBeLessThan(0.1);
      } finally {
        child.kill();
      }
    },
    60000,
  );
});

describe('fast start', () => {
  test("validating JSON Lines loads no RDF, XML, CSV, JSON-LD, SHACL or YAML library, nor ajv (the shipped profiles' validators are built ahead); convert to Turtle loads N3.js", () => {
    const hooks = join(tmp.dir, 'hooks.mjs');
    const register = join(tmp.dir, 'register.mjs');
    writeFileSync(
      hooks,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, its template literal run by the hook
      'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write(`loaded ${r.url}\\n`); return r; }\n',
    );
    // ES modules through the hook; CommonJS ones (ajv, required when a validator must be compiled) from require's cache at exit
    writeFileSync(
      register,
      `import { createRequire, register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n` +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source, its template literal run at exit
        "process.on('exit', () => { for (const f of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write(`loaded ${f}\\n`); });\n",
    );
    const loaded = (args: string[]): string[] => {
      const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      return r.stderr
        .split('\n')
        .filter((l) => l.startsWith('loaded '))
        .map((l) => l.slice(7));
    };
    // ajv's compiler, not the few-line runtime helpers prebuilt validators call (ajv/dist/runtime/ucs2length: minLength)
    const heavy =
      /node_modules\/(n3|saxes|csv-parse|jsonld|shacl-engine|rdfxml-streaming-parser|yaml|ajv\/(?!dist\/runtime\/))/;
    const validate = loaded([
      'validate',
      'fixtures/ca-gc/catalogue.jsonl',
      '-p',
      'ca-gc',
      ...NOW,
      '-f',
      'json',
    ]);
    expect(validate.some((u) => u.includes('/dist/engine/pipeline.js'))).toBe(true);
    expect(validate.filter((u) => heavy.test(u))).toEqual([]);
    const convert = loaded([
      'convert',
      'fixtures/ca-gc/catalogue.jsonl',
      '-p',
      'ca-gc',
      '--to',
      'turtle',
    ]);
    expect(convert.some((u) => /node_modules\/n3\//.test(u))).toBe(true);
  });
});
