/**
 * The profile search path (docs/profiles.md, "Your own profiles and crosswalks"), as a steward
 * uses it: the command run in a folder of their own, with `--profile-dir`, the configuration's
 * `profileDirs`, PASSERELLE_PROFILE_DIRS and the current folder; shipped profiles replaced only
 * when allowed.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures', 'ca-on', 'catalogue.jsonl');
const NOW = ['--now', '2026-11-01', '--fail-on', 'never'];

let tmp: ReturnType<typeof tempDir>;
/** `tmp/work`: where the steward stands (an export, nothing else); `tmp/mine`: their folder. */
let work: string;
let mine: string;

/** The profile of each record of a JSON report. */
const profilesOf = (stdout: string): string[] =>
  (JSON.parse(stdout) as { records: { profile: string }[] }).records.map((r) => r.profile);

/** A folder holding a copy of a shipped profile and crosswalk, under another id when `as` is given. */
function copyShipped(dir: string, id: string, as = id, edit = (s: string) => s): void {
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  mkdirSync(join(dir, 'crosswalks'), { recursive: true });
  const swap = (s: string) =>
    edit(s.replace(new RegExp(`^(id|crosswalk|profile): ${id}$`, 'gm'), `$1: ${as}`));
  writeFileSync(
    join(dir, 'profiles', `${as}.yaml`),
    swap(readFileSync(join(ROOT, 'profiles', `${id}.yaml`), 'utf8')),
  );
  writeFileSync(
    join(dir, 'crosswalks', `${as}.yaml`),
    swap(readFileSync(join(ROOT, 'crosswalks', `${id}.yaml`), 'utf8')),
  );
}

beforeAll(() => {
  tmp = tempDir();
  work = join(tmp.dir, 'work');
  mine = join(tmp.dir, 'mine');
  mkdirSync(work);
  copyFileSync(SAMPLE, join(work, 'export.jsonl'));
  // the steward's own folder: a draft of `passerelle infer`, written there
  const r = cli(['infer', SAMPLE, '--id', 'ca-yy', '-o', mine], { cwd: work });
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/^use it: passerelle validate ca-yy=<export> --profile-dir .*mine$/m);
});
afterAll(() => tmp.cleanup());

describe('a draft of passerelle infer', () => {
  test('validates an export at once, in the folder it was written to', () => {
    const here = join(tmp.dir, 'here');
    mkdirSync(here);
    copyFileSync(SAMPLE, join(here, 'export.jsonl'));
    const drafted = cli(['infer', 'export.jsonl', '--id', 'ca-xx'], { cwd: here });
    expect(drafted.code).toBe(0);
    // it says how to use them: here, with no flag
    expect(drafted.stderr).toMatch(/^use it: passerelle validate ca-xx=<export>$/m);
    const r = cli(['validate', 'ca-xx=export.jsonl', '-f', 'json', ...NOW], { cwd: here });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const profiles = profilesOf(r.stdout);
    expect(profiles.length).toBe(readFileSync(SAMPLE, 'utf8').trim().split('\n').length);
    expect(new Set(profiles)).toEqual(new Set(['ca-xx']));
    // and `profiles` says it comes from this folder
    const list = cli(['profiles'], { cwd: here });
    expect(list.stdout).toMatch(/^ca-xx .* \.$/m);
    expect(list.stdout).toMatch(/^ca-on .* package$/m);
  });

  test('is unknown elsewhere, without a search path', () => {
    const r = cli(['validate', 'ca-yy=export.jsonl', ...NOW], { cwd: work });
    expect(r.code).toBe(2);
  });
});

describe('the folders of the search path', () => {
  const validateYy = (extra: string[], env: NodeJS.ProcessEnv = {}) =>
    cli(['validate', 'ca-yy=export.jsonl', '-f', 'json', ...NOW, ...extra], { cwd: work, env });

  test('--profile-dir finds a profile and its crosswalk', () => {
    const r = validateYy(['--profile-dir', '../mine']);
    expect(r.stderr).toBe('');
    expect(new Set(profilesOf(r.stdout))).toEqual(new Set(['ca-yy']));
  });

  test('worker threads find it too', () => {
    const r = validateYy(['--profile-dir', '../mine', '--workers', '2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(validateYy(['--profile-dir', '../mine']).stdout);
  });

  test('PASSERELLE_PROFILE_DIRS finds it', () => {
    const r = validateYy([], { PASSERELLE_PROFILE_DIRS: mine });
    expect(r.stderr).toBe('');
    expect(new Set(profilesOf(r.stdout))).toEqual(new Set(['ca-yy']));
  });

  test("the configuration's profileDirs finds it, relative to the file, and may set its rules", () => {
    const dir = join(tmp.dir, 'configured');
    mkdirSync(dir);
    copyFileSync(SAMPLE, join(dir, 'export.jsonl'));
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'profileDirs: [../mine]\nprofiles:\n  ca-yy:\n    rules:\n      odc/update-frequency: off\n',
    );
    const r = cli(['validate', 'ca-yy=export.jsonl', '-f', 'json', ...NOW], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(new Set(profilesOf(r.stdout))).toEqual(new Set(['ca-yy']));
    expect(r.stdout).not.toContain('odc/update-frequency');
    const list = cli(['profiles', '-f', 'json'], { cwd: dir });
    const yy = (JSON.parse(list.stdout) as { id: string; origin: string; file: string }[]).find(
      (p) => p.id === 'ca-yy',
    );
    expect(yy).toMatchObject({ origin: mine, file: join(mine, 'profiles', 'ca-yy.yaml') });
  });

  test('profiles show and crosswalk check take the folder too, before or after the id', () => {
    const show = cli(['profiles', 'show', 'ca-yy', '--profile-dir', mine, '-f', 'json'], {
      cwd: work,
    });
    expect(show.stderr).toBe('');
    expect(JSON.parse(show.stdout).id).toBe('ca-yy');
    const check = cli(['crosswalk', 'check', '--profile-dir', mine, 'ca-yy'], { cwd: work });
    expect(check.stdout).toContain(`${join(mine, 'crosswalks', 'ca-yy.yaml')}: ok`);
    expect(check.code).toBe(0);
  });

  test("a configuration's folder that is not there is named at its line", () => {
    const dir = join(tmp.dir, 'misconfigured');
    mkdirSync(dir);
    writeFileSync(join(dir, 'passerelle.config.yaml'), 'rules: {}\nprofileDirs:\n  - ../nowhere\n');
    const r = cli(['profiles'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /passerelle\.config\.yaml:3:5: profileDirs: .*nowhere: no such folder/,
    );
  });

  test('a folder that is not laid out as one is refused, by name', () => {
    const r = cli(['profiles', '--profile-dir', join(mine, 'profiles')], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--profile-dir .*mine\/profiles: no profiles\/ or crosswalks\//);
    expect(cli(['profiles', '--profile-dir', 'nowhere'], { cwd: work }).stderr).toMatch(
      /--profile-dir nowhere: no such folder/,
    );
  });

  test('--profile auto considers user profiles with a detect block', () => {
    const dir = join(tmp.dir, 'detecting');
    copyShipped(dir, 'ca-on', 'ca-on-mine', (s) =>
      s.replace(/^ {2}priority: 10$/m, '  priority: 11'),
    );
    const r = cli(
      ['validate', SAMPLE, '--profile', 'auto', '-f', 'json', ...NOW, '--profile-dir', dir],
      {
        cwd: work,
      },
    );
    expect(r.stderr).toMatch(/catalogue\.jsonl: profile ca-on-mine \(detected\)/);
    expect(new Set(profilesOf(r.stdout))).toEqual(new Set(['ca-on-mine']));
  });
});

describe('replacing a shipped profile', () => {
  let shadow: string;
  beforeAll(() => {
    shadow = join(tmp.dir, 'shadow');
    copyShipped(shadow, 'ca-on');
  });

  test('is refused without being asked, naming both files', () => {
    const r = cli(['validate', 'ca-on=export.jsonl', ...NOW, '--profile-dir', shadow], {
      cwd: work,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(shadow, 'profiles', 'ca-on.yaml'));
    expect(r.stderr).toContain(join(ROOT, 'profiles', 'ca-on.yaml'));
    expect(r.stderr).toMatch(/--allow-shadow/);
    expect(cli(['profiles', '--profile-dir', shadow], { cwd: work }).code).toBe(2);
  });

  test('is allowed with --allow-shadow or allowShadow: true, and listed as the folder’s', () => {
    const asked = cli(
      [
        'validate',
        'ca-on=export.jsonl',
        '-f',
        'json',
        ...NOW,
        '--profile-dir',
        shadow,
        '--allow-shadow',
      ],
      { cwd: work },
    );
    expect(asked.stderr).toBe('');
    // the copy is the shipped profile: the same report
    expect(asked.stdout).toBe(
      cli(['validate', 'ca-on=export.jsonl', '-f', 'json', ...NOW], { cwd: work }).stdout,
    );
    const list = cli(['profiles', '--profile-dir', shadow, '--allow-shadow'], { cwd: work });
    expect(list.stdout).toMatch(new RegExp(`^ca-on .* ${shadow}$`, 'm'));
    const dir = join(tmp.dir, 'allowing');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'passerelle.config.yaml'),
      'profileDirs: [../shadow]\nallowShadow: true\n',
    );
    expect(cli(['profiles'], { cwd: dir }).stdout).toMatch(new RegExp(`^ca-on .* ${shadow}$`, 'm'));
  });

  test('a crosswalk alone is a replacement too', () => {
    const dir = join(tmp.dir, 'crosswalk-only');
    mkdirSync(join(dir, 'crosswalks'), { recursive: true });
    copyFileSync(join(ROOT, 'crosswalks', 'ca-on.yaml'), join(dir, 'crosswalks', 'ca-on.yaml'));
    const r = cli(['validate', 'ca-on=export.jsonl', ...NOW, '--profile-dir', dir], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'crosswalks', 'ca-on.yaml'));
  });
});

test('a broken user profile is reported at its file:line:col, exit 2', () => {
  const dir = join(tmp.dir, 'broken');
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  writeFileSync(
    join(dir, 'profiles', 'ca-bad.yaml'),
    'id: ca-bad\nfields:\n  title: {type: strin}\n',
  );
  const r = cli(['validate', 'ca-bad=export.jsonl', ...NOW, '--profile-dir', dir], { cwd: work });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /broken\/profiles\/ca-bad\.yaml:3:\d+: field title: type must be one of/,
  );
  const listed = cli(['profiles', '--profile-dir', dir], { cwd: work });
  expect(listed.code).toBe(2);
  expect(listed.stderr).toMatch(/ca-bad\.yaml:3:\d+: /);
});
