/**
 * Hostile YAML through the commands: an alias bomb, a document nested 100,000 deep, a 6 MiB file,
 * as a configuration (`rules`, `validate`) and as a crosswalk (`crosswalk check`). Each command
 * stops with exit 2 and one clear message naming the file, nothing on stdout, no stack trace. The
 * slow project (nine runs, seconds each on the deep one); test/hostile.test.ts reads the same
 * files in-process in `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers.js';
import { HOSTILE_YAML } from './support/hostile-yaml.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

describe('YAML limits: alias bombs, deep nesting, oversized files', () => {
  test.each(HOSTILE_YAML)(
    '%s: the run stops before reading anything, naming the file (exit 2)',
    (_what, name, make, message) => {
      const f = join(tmp.dir, name);
      writeFileSync(f, make());
      for (const args of [
        ['rules', '-c', f],
        ['validate', join(ROOT, 'fixtures', 'ckan'), '-p', 'ckan', '-c', f],
      ]) {
        const r = cli(args);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      // a crosswalk is YAML too
      const cw = join(tmp.dir, `crosswalk-${name}`);
      writeFileSync(
        cw,
        `crosswalk: ckan\nprofile: ckan\ndataset: {}\n${make().replace(/^rules:/m, 'x:')}`,
      );
      const r = cli(['crosswalk', 'check', cw]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`crosswalk-${name.replace('.', '\\.')}`));
    },
  );
});
