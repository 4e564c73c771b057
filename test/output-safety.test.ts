/**
 * Output files are written whole or not at all (a temporary file renamed at the end): a run that
 * fails half-way, or is interrupted with Ctrl-C, leaves an existing report as it was and no
 * temporary file behind. Piped into `head`, a command ends quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BIN, cli, ROOT, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let broken: string;
beforeAll(() => {
  tmp = tempDir();
  // a catalogue whose gzip stream is cut short: reading stops half-way with an error (exit 2)
  const lines = readFileSync(join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl'));
  const gz = gzipSync(Buffer.concat([lines, lines, lines]));
  broken = join(tmp.dir, 'cut.jsonl.gz');
  writeFileSync(broken, gz.subarray(0, Math.floor(gz.length * 0.8)));
});
afterAll(() => tmp.cleanup());

const OLD = 'the report of yesterday\n';
const leftovers = (): string[] => readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'));
const good = join(ROOT, 'fixtures', 'ca-gc', 'catalogue.jsonl');

describe('temporary outputs', () => {
  test('are created afresh under an unguessable name: a link planted beside the report is never written through', () => {
    const dir = join(tmp.dir, 'planted');
    mkdirSync(dir);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    const out = join(dir, 'linked.json');
    // the names an attacker could guess: the old fixed pattern, with this and nearby process ids
    for (let pid = 1; pid < 64; pid++) symlinkSync(victim, join(dir, `.linked.json.${pid}.tmp`));
    const r = cli(['validate', good, '-p', 'ca-gc', '-f', 'json', '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
    expect(JSON.parse(readFileSync(out, 'utf8')).records.length).toBeGreaterThan(0);
  });

  test('those a killed run left behind are removed by the next run writing the same report', () => {
    const out = join(tmp.dir, 'swept.json');
    // a pid above Linux's maximum (2^22) is no process: its run was killed
    const dead = join(tmp.dir, `.swept.json.4194305.0123456789ab.tmp`);
    writeFileSync(dead, '{"records":[');
    const r = cli(['validate', good, '-p', 'ca-gc', '-f', 'json', '-o', out], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith('.swept.json.'))).toEqual([]);
  });
});

describe('a run that fails half-way leaves existing files as they were', () => {
  test.each([
    [
      'validate -o',
      (o: string) => ['validate', good, broken, '-p', 'ca-gc', '-f', 'json', '-o', o],
    ],
    [
      'validate --output.sarif',
      (o: string) => ['validate', good, broken, '-p', 'ca-gc', '--output.sarif', o],
    ],
    [
      'validate --output.html and junit on stdout',
      (o: string) => ['validate', good, broken, '-p', 'ca-gc', '-f', 'junit', '--output.html', o],
    ],
    [
      'validate --update-baseline',
      (o: string) => [
        'validate',
        good,
        broken,
        '-p',
        'ca-gc',
        '--baseline',
        o,
        '--update-baseline',
      ],
    ],
    [
      'convert -o',
      (o: string) => ['convert', good, broken, '-p', 'ca-gc', '--to', 'turtle', '-o', o],
    ],
    ['federate -o', (o: string) => ['federate', `ca-gc=${good}`, `ca-gc=${broken}`, '-o', o]],
    [
      'federate --index',
      (o: string) => ['federate', `ca-gc=${good}`, `ca-gc=${broken}`, '--index', o],
    ],
  ])('%s', (_name, args) => {
    const out = join(tmp.dir, 'existing.out');
    writeFileSync(out, OLD);
    const r = cli(args(out), { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cut\.jsonl\.gz: cannot read/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(leftovers()).toEqual([]);
  });

  test('an output that cannot be written is named, and the other outputs of the run are not written either', () => {
    const out = join(tmp.dir, 'existing.json');
    writeFileSync(out, OLD);
    const r = cli(
      [
        'validate',
        good,
        '-p',
        'ca-gc',
        '--output.json',
        out,
        '--output.sarif',
        '/proc/report.sarif',
        '-f',
        'stylish',
      ],
      { cwd: tmp.dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^passerelle: \/proc\/report\.sarif: cannot write \(E[A-Z]+\)$/m);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(leftovers()).toEqual([]);
  });
});

test('piped into head: ends quietly, without EPIPE or a stack trace', () => {
  // enough output to fill the pipe after head has gone
  const big = join(tmp.dir, 'big.jsonl');
  const text = readFileSync(good, 'utf8');
  writeFileSync(big, text.repeat(40));
  for (const cmd of [
    `validate ${big} -p ca-gc --fail-on never`,
    `validate ${big} -p ca-gc -f json`,
    `convert ${big} -p ca-gc --to ntriples`,
  ]) {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${BIN}" ${cmd} | head -n 3 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(r.stderr).toMatch(/^status (0|1)$/m);
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
  }
});

describe('Ctrl-C', () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    // a server that never answers: the run waits on it, with its report file open
    server = createServer(() => void requests++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('SIGINT half-way: no partial report, the existing one untouched, exit 130', async () => {
    const port = (server.address() as AddressInfo).port;
    const input = join(tmp.dir, 'waiting.jsonl');
    // the first record has no URL (it is written at once); the second one's URL never answers
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'first', name: 'first', title: 'First' }),
        JSON.stringify({
          id: 'second',
          name: 'second',
          title: 'Second',
          resources: [{ url: `http://127.0.0.1:${port}/data.csv`, format: 'CSV' }],
        }),
      ].join('\n'),
    );
    const out = join(tmp.dir, 'report.json');
    copyFileSync(good, out);
    const before = readFileSync(out, 'utf8');
    const child = spawn(
      process.execPath,
      [
        BIN,
        'validate',
        input,
        '-p',
        'ckan',
        '-f',
        'json',
        '-o',
        out,
        '--check-urls',
        '--allow-private',
        '--url-timeout',
        '300',
      ],
      { cwd: tmp.dir, stdio: 'pipe' },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // wait (no timing: by events) until the run is half-way: the URL asked, the report file open;
    // bounded in count, and a run that ended first fails here rather than hanging
    let ended = false;
    void exited.then(() => (ended = true));
    for (let i = 0; i < 3000 && !ended && (requests === 0 || leftovers().length === 0); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect([ended, stderr]).toEqual([false, '']);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(leftovers()).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
