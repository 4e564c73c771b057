/**
 * Where a record's time goes, stage by stage, in one thread: each stage is run over every record
 * of a file held in memory (so that reading and decompressing are measured apart), several times,
 * and the best CPU time per record is printed. For comparing a change with the code before it,
 * on the same machine in the same sitting; the catalogue bench (`npm run bench`) gives the ratios.
 *
 *   npm run bench:stages                                   # 10,000 generated records (.bench/, made once)
 *   npm run bench:stages -- <file.jsonl[.gz]> [rounds]     # ca-gc JSON Lines of your own
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Pipeline } from '../../dist/engine/pipeline.js';
import { jsonLineRecords } from '../../dist/sources/read.js';
import { checkAgainstProfile } from '../../dist/profiles/check.js';
import { runRules } from '../../dist/rules/run.js';
import { finalize } from '../../dist/engine/findings.js';
import { locateAll } from '../../dist/sources/types.js';
import { withinLimits } from '../../dist/sources/limits.js';
import { scoreRecord } from '../../dist/scores/record.js';
import { RULE_PRINCIPLES } from '../../dist/rules/index.js';
import { FORMATTERS } from '../../dist/report/formatters/index.js';
import { addToSummary, emptySummary } from '../../dist/scores/summary.js';
import { CatalogueScorer } from '../../dist/scores/catalogue.js';
import { tool } from '../../dist/tool.js';
import { ensureCatalogue } from './generate.mjs';

const file = process.argv[2] ?? (await ensureCatalogue('.bench', 10000));
const rounds = Number(process.argv[3] ?? 5);
const raw = readFileSync(file);
const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
const lines = text.split('\n').flatMap((t, i) => (t.trim() ? [{ line: i + 1, text: t }] : []));
const now = new Date('2026-11-01T00:00:00Z');
const pipeline = new Pipeline({ profile: 'ca-gc', now, lang: 'en' });
const { profile, crosswalk } = pipeline;
const vocabularies = pipeline.vocabularies;
const settings = pipeline.settings;

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const results = [];
function stage(name, fn) {
  let best = Infinity;
  let out;
  for (let r = 0; r < rounds; r++) {
    const t0 = cpu();
    out = fn();
    best = Math.min(best, cpu() - t0);
  }
  results.push({ name, usPerRecord: (best * 1000) / lines.length });
  return out;
}

const records = stage('parse (JSON.parse, locator)', () =>
  lines.map((l) => jsonLineRecords(file, l)[0]),
);
const good = records.map((r) => withinLimits(r)).filter((r) => !r.error);
stage('depth limit', () => good.map((r) => withinLimits(r)));
const profileFindings = stage('profile check (ajv)', () =>
  good.map((r) => checkAgainstProfile(profile, r.data)),
);
const mapped = stage('crosswalk', () => good.map((r) => crosswalk.apply(r.data)));
const ruled = stage('rules', () =>
  mapped.map((m) => {
    const checks = { ran: new Set(), notApplicable: new Set() };
    return {
      checks,
      emitted: runRules(m.dataset, { profile, now, vocabularies, settings, checks }),
    };
  }),
);
const findings = stage('findings (severity, message, source, line)', () =>
  good.map((r, i) =>
    finalize([...profileFindings[i], ...mapped[i].findings, ...ruled[i].emitted], {
      profile,
      settings,
      lang: 'en',
      sourceOf: (p) => crosswalk.sourceOf(mapped[i], p),
      locate: (pointers) => locateAll(r.locator, pointers),
      recordLine: r.source.line,
    }),
  ),
);
const scores = stage('scores', () =>
  good.map((_r, i) =>
    scoreRecord(mapped[i].dataset, findings[i], ruled[i].checks, {
      vocabularies,
      settings,
      rulePrinciples: RULE_PRINCIPLES,
    }),
  ),
);
const processed = stage('whole record (Pipeline.process)', () =>
  records.map((r) => pipeline.process(r).result),
);
stage('JSON report record', () => {
  const f = FORMATTERS.json({ tool: tool(), lang: 'en', failOn: 'error', color: false });
  let n = 0;
  for (const r of processed) n += f.record(r).length;
  return n;
});
stage('summary and catalogue scores', () => {
  const summary = emptySummary();
  const cat = new CatalogueScorer();
  for (const r of processed) {
    addToSummary(summary, r);
    if (r.scores) cat.add(r.scores);
  }
  return summary;
});
void scores;

console.log(
  `${file}: ${lines.length} lines, ${good.length} records read, best of ${rounds} rounds, CPU µs per record`,
);
for (const r of results) console.log(`${r.usPerRecord.toFixed(1).padStart(8)}  ${r.name}`);
