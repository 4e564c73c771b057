/**
 * `npm run bench`: the catalogue benchmark (its options, `--sizes`, `--workers`…, passed on), then
 * the search site at 100,000 records (build time, index size, first result in Chromium). Each is
 * also its own script: `node test/bench/catalogue.mjs`, `npm run bench:site`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const here = import.meta.dirname;
for (const [script, args] of [
  ['catalogue.mjs', process.argv.slice(2)],
  ['site.mjs', []],
]) {
  const r = spawnSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
