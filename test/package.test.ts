/**
 * What `npm pack` ships (package.json `files`), read from `npm pack --dry-run --json` (no network,
 * scripts not run: dist/ is the build `npm test` makes first): the command, its code and data, the
 * docs the README links to, the licence; never the tests, the CI scripts or the TypeScript sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

const packed = (): string[] => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
};

describe('the npm package', () => {
  if (!existsSync(join(ROOT, 'dist', 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const files = packed();
  const has = (prefix: string) => files.some((f) => f === prefix || f.startsWith(`${prefix}/`));

  it('holds the command, its build, its data, the docs, the licence and the README', () => {
    for (const p of [
      'bin/passerelle.js',
      'dist/index.js',
      'profiles',
      'crosswalks',
      'queries/licences-in-use.rq',
      'docs/rules.md',
      'docs/rules/odc/keywords.md',
      'docs/rules/fr/odc/keywords.md',
      'src/rules/rulesets/strict.yaml',
      'src/shacl/shapes',
      'LICENSE',
      'README.md',
      'package.json',
    ])
      expect([p, has(p)]).toEqual([p, true]);
  });

  it('leaves out the tests, the CI scripts and the TypeScript sources', () => {
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('.ci/'))).toEqual([]);
    // the incremental build's state (tsconfig.json) stays home
    expect(files.filter((f) => f.endsWith('.tsbuildinfo'))).toEqual([]);
    // src/ ships data only (rulesets, shapes): no .ts file but the build's declarations
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/') && !/\.(ya?ml|ttl|json)$/.test(f))).toEqual([]);
  });

  it('says where it comes from: repository, homepage and bugs, the licence the LICENSE file gives', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/passerelle/passerelle.git',
    });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/passerelle\/passerelle/);
    expect(pkg.bugs.url).toBe('https://github.com/passerelle/passerelle/issues');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(
      new RegExp(`^${pkg.license} License`),
    );
  });
});
