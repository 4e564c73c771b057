#!/usr/bin/env node
/**
 * `npm run fuzz`: mutated real records of every input format (JSON, JSON Lines, XML, CSV, Turtle,
 * RDF/XML, JSON-LD) through Passerelle (dist/), counting crashes, hangs and accounting violations.
 *   npm run fuzz [-- --seed 7 --budget 10000 --timeout 20000 --cli-every 50 --out .fuzz]
 * Each case is validated in a worker thread, as `validate` of the API the CLI uses; one over
 * `--timeout` ms is a hang (the thread is ended and another started). Every `--cli-every`-th case
 * is also run through the real command (default settings, workers included): exit 2 or 134, or a
 * signal, on a readable file is a crash, and its JSON report is judged like the API's.
 * Failing mutants are kept in <out>/failures/<format>-<case><ext> (with a .txt saying why and how
 * to reproduce). Exit 1 when any count is not 0. The same seed gives the same cases.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FORMATS, fuzz, judge, outcomeOf } from './fuzzer.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} takes a whole number (got ${process.argv[i + 1]})`);
    process.exit(2);
  }
  return v;
}
const seed = option('seed', 1);
const budget = option('budget', 1000);
const timeout = option('timeout', 20_000);
const cliEvery = option('cli-every', 50);
const outAt = process.argv.indexOf('--out');
const out = resolve(ROOT, outAt < 0 ? '.fuzz' : process.argv[outAt + 1]);

/** One worker thread at a time, replaced when it hangs or dies. */
class CaseThread {
  start() {
    this.worker = new Worker(join(ROOT, 'test', 'fuzz', 'case.mjs'), {
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    this.ready = new Promise((ok) => this.worker.once('message', ok));
  }
  async run(file, profile) {
    if (!this.worker) this.start();
    await this.ready;
    return new Promise((done) => {
      const w = this.worker;
      const finish = (outcome, restart) => {
        clearTimeout(timer);
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        if (restart) {
          w.terminate();
          this.worker = undefined;
        }
        done(outcome);
      };
      const timer = setTimeout(() => finish({ hang: timeout }, true), timeout);
      w.once('message', (o) => finish(o, false));
      w.once('error', (e) => finish({ error: `the worker died: ${e?.message ?? e}` }, true));
      w.postMessage({ file, profile });
    });
  }
}

/** The real command on the mutant, with its default settings. */
function throughCli(file, profile) {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'passerelle.js'), 'validate', file, '--profile', profile, '-f', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { hang: timeout };
  if (r.signal || r.status === 2 || r.status === 134)
    return {
      error: `the CLI ended with ${r.signal ?? `exit ${r.status}`}: ${r.stderr.slice(0, 400)}`,
    };
  try {
    return outcomeOf(JSON.parse(r.stdout));
  } catch (e) {
    return { error: `the CLI's JSON report does not parse (exit ${r.status}): ${e.message}` };
  }
}

const thread = new CaseThread();
const started = Date.now();
const workDir = join(out, 'cases');
const result = await fuzz({
  root: ROOT,
  seed,
  budget,
  workDir,
  failures: join(out, 'failures'),
  async runCase(file, profile, m) {
    const o = await thread.run(file, profile);
    if (cliEvery && m.i % cliEvery === 0 && judge(m, o).length === 0)
      return throughCli(file, profile);
    return o;
  },
  onCase(i, m, problems) {
    rmSync(join(workDir, `case-${i}${m.ext}`), { force: true });
    for (const p of problems)
      console.error(
        `case ${i} (${m.format}, ${m.applied.join('+')}): ${p.kind}: ${p.message.split('\n')[0]}`,
      );
    if ((i + 1) % 500 === 0)
      console.error(`… ${i + 1}/${budget} cases, ${Math.round((Date.now() - started) / 1000)} s`);
  },
});
thread.worker?.terminate();

const row = (name, c) =>
  `${name.padEnd(8)} ${String(c.cases).padStart(7)} ${String(c.crashes).padStart(8)} ${String(c.hangs).padStart(6)} ${String(c.violations).padStart(11)}`;
console.log(
  `npm run fuzz: seed ${seed}, budget ${budget}, ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(
  `${'format'.padEnd(8)} ${'cases'.padStart(7)} ${'crashes'.padStart(8)} ${'hangs'.padStart(6)} ${'violations'.padStart(11)}`,
);
for (const f of FORMATS) console.log(row(f, result.counts[f]));
console.log(row('total', result.total));
for (const f of result.failed)
  console.log(`  ${f.file}: ${f.problems.map((p) => p.kind).join(', ')}`);
process.exit(result.total.crashes + result.total.hangs + result.total.violations > 0 ? 1 : 0);
