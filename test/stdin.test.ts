/**
 * Inputs read only once: `-` (the standard input) and FIFOs (pipes, process substitution). They
 * give the same records and findings as the file they carry, named `<stdin>` or as written, and
 * their temporary copy is gone when the program ends.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BIN, ROOT, cli, tempDir } from './helpers.js';

const FIXTURE = 'fixtures/ca-gc/catalogue.jsonl';
const NOW = ['--now', '2026-11-01', '--fail-on', 'never'];
// the fixture's eight lines: seven records and one that cannot be read (line 7)
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The CLI with bytes on its standard input and TMPDIR of its own (to see its copy removed). */
function piped(
  args: string[],
  input: Buffer | string,
  tmpdir: string,
): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', TMPDIR: tmpdir },
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function freshDir(name: string): string {
  const dir = join(tmp.dir, name);
  spawnSync('mkdir', ['-p', dir]);
  return dir;
}

const fromFile = JSON.parse(cli(['validate', FIXTURE, '-p', 'ca-gc', ...NOW, '-f', 'json']).stdout);
const asFile = (report: string): unknown =>
  JSON.parse(report.split(JSON.stringify('<stdin>')).join(JSON.stringify(FIXTURE)));

describe('the standard input', () => {
  test('`validate -` reads the records piped in: the report of the file, the file named <stdin>, no copy left behind', () => {
    const dir = freshDir('plain');
    const r = piped(
      ['validate', '-', '-p', 'ca-gc', ...NOW, '-f', 'json'],
      readFileSync(join(ROOT, FIXTURE)),
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary.records).toBe(8);
    expect(report.records.map((x: { source: { file: string } }) => x.source.file)).toEqual(
      Array(8).fill('<stdin>'),
    );
    expect(asFile(r.stdout)).toEqual(fromFile);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('gzipped, with its profile named (`ca-gc=-`), checked by two workers', () => {
    const dir = freshDir('gz');
    const r = piped(
      ['validate', 'ca-gc=-', ...NOW, '-f', 'json', '--workers', '2'],
      gzipSync(readFileSync(join(ROOT, FIXTURE))),
      dir,
    );
    expect(r.code).toBe(0);
    expect(asFile(r.stdout)).toEqual(fromFile);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('`convert -` writes the RDF of the file', () => {
    const file = cli(['convert', FIXTURE, '-p', 'ca-gc', '--to', 'ntriples']);
    const r = piped(
      ['convert', '-', '-p', 'ca-gc', '--to', 'ntriples'],
      readFileSync(join(ROOT, FIXTURE)),
      freshDir('convert'),
    );
    // the fixture holds one broken record (line 7): exit 1 both ways, named after its input
    expect([r.code, file.code]).toEqual([1, 1]);
    expect(r.stdout.length).toBeGreaterThan(1000);
    expect(r.stdout).toBe(file.stdout);
    expect(r.stderr).toBe(file.stderr.split(FIXTURE).join('<stdin>'));
  });

  test('an unreadable record on stdin is named <stdin> with its line, and the others are kept', () => {
    const lines = readFileSync(join(ROOT, FIXTURE), 'utf8').split('\n');
    lines.splice(2, 0, '{"id": "broken", ');
    const r = piped(
      ['validate', '-', '-p', 'ca-gc', ...NOW, '-f', 'json'],
      lines.join('\n'),
      freshDir('broken'),
    );
    const report = JSON.parse(r.stdout);
    expect(report.summary.records).toBe(9);
    // the fixture's own broken record (line 7, now 8) and the one added
    const rejected = report.records
      .filter((x: { status: string }) => x.status === 'rejected')
      .map((x: { source: unknown }) => x.source);
    expect(rejected).toEqual([
      { file: '<stdin>', line: 3 },
      { file: '<stdin>', line: 8 },
    ]);
  });
});

describe('a FIFO', () => {
  test('is read whole once (recognised with --profile auto, then read), named as written', () => {
    const fifo = join(tmp.dir, 'export.jsonl');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // a writer feeds the FIFO while the command reads it, as process substitution does
    const r = spawnSync(
      'sh',
      [
        '-c',
        `cat "$1" > "$2" & exec "$3" "$4" validate "$2" -p auto ${NOW.join(' ')} -f json`,
        'sh',
        join(ROOT, FIXTURE),
        fifo,
        process.execPath,
        BIN,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', TMPDIR: freshDir('fifo') },
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('profile ca-gc');
    const report = JSON.parse(r.stdout);
    expect(report.summary.records).toBe(8);
    expect(report.records[0].source.file).toBe(fifo);
    expect(readdirSync(join(tmp.dir, 'fifo'))).toEqual([]);
  });
});
