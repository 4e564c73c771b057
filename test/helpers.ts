import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { parseProfile } from '../src/profiles/load.js';
import type { Profile } from '../src/profiles/types.js';
import { loadYaml } from '../src/util/yaml.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'passerelle.js');
/** Reference material beside the checkout (../shared/reference); tests that need it skip without it. */
export { REFERENCE } from './support/optional.mjs';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command, as a user would (the package is built by `npm test`'s pretest). */
export function cli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', LANG: 'en_CA.UTF-8', LC_ALL: '', ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `expect(got).toEqual(want)` for each of many cases at the cost of one assertion: each pair is
 * compared with node's isDeepStrictEqual, and only those that differ go to jest, whose toEqual
 * decides (it is the looser of the two: an undefined property equals a missing one) and shows the
 * diff. A jest assertion per case cost most of a
 * 20,000-case test's time.
 */
export function expectEach<T>(
  cases: Iterable<T>,
  pair: (c: T) => [got: unknown, want: unknown],
): void {
  const got: unknown[] = [];
  const want: unknown[] = [];
  for (const c of cases) {
    const [a, b] = pair(c);
    if (isDeepStrictEqual(a, b)) continue;
    got.push(a);
    want.push(b);
  }
  expect(got).toEqual(want);
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Profiles parsed from YAML texts, each written to a file of a temporary folder (made and removed around the `describe`). */
export function profileParser(): (yaml: string) => Profile {
  let tmp: ReturnType<typeof tempDir>;
  let n = 0;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  return (yaml) => {
    const f = join(tmp.dir, `p-${++n}.yaml`);
    writeFileSync(f, yaml);
    return parseProfile(loadYaml(f));
  };
}

/** What test/expected/<profile>.yaml holds: each record's findings by rule id, and the profile's gates. */
export interface Expected {
  /** Record id (or `rejected@<file>:<line>`) → the rule ids of its findings, merged ones included. */
  records: Record<string, string[]>;
  gates: {
    /** `convert` writes at least this many distinct statements from the profile's fixtures. */
    minStatements: number;
    /** The best record's MQA band when the source cannot reach "good", and why (checked both ways). */
    bestBand?: { band: string; why: string };
  };
}

/** The profiles with fixtures and expectations: every fixtures/<id>/ folder (each must have both). */
export function fixtureProfiles(): string[] {
  return readdirSync(join(ROOT, 'fixtures'))
    .filter((d) => statSync(join(ROOT, 'fixtures', d)).isDirectory())
    .sort();
}

/** test/expected/<profile>.yaml: `gates` is the one key that is not a record. */
export function loadExpected(profile: string): Expected {
  const { gates, ...records } = parse(
    readFileSync(join(ROOT, 'test', 'expected', `${profile}.yaml`), 'utf8'),
  ) as Record<string, unknown>;
  return { records: records as Expected['records'], gates: gates as Expected['gates'] };
}
