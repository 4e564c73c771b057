#!/usr/bin/env node
/**
 * `npm run fidelity`: the real corpus (test/real/<profile>/) through Passerelle (dist/), scored
 * against expected.yaml: precision (reported errors and warnings that are true), recall (expected
 * ones reported) and mapped-value accuracy, per profile and in total, then every disagreement.
 *   npm run fidelity [-- <profile>...] [--json]
 * Exit 1 when a target is missed (precision ≥ 0.98, recall ≥ 0.95, per profile and in total) or a
 * disagreement is not listed as known in expected.yaml.
 */
import { readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFolders, loadExpected, scoreFolder, precision, recall, accuracy } from './score.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { validateRecords, detectFiles } = await import(join(ROOT, 'dist', 'index.js'));
export const TARGETS = { precision: 0.98, recall: 0.95 };

const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));
process.chdir(ROOT);

/** A folder: its records checked with its profile, and each file recognised under `auto`. */
async function runFolder(folder) {
  const expected = loadExpected(ROOT, folder);
  const dir = join('test', 'real', folder);
  const results = [];
  const mapped = [];
  for await (const p of validateRecords([{ profile: expected.profile, path: dir }], {
    profile: expected.profile,
    now: expected.now,
    workers: 1,
  })) {
    results.push(p.result);
    mapped.push(p.mapped);
  }
  const score = scoreFolder(expected, results, mapped);
  score.detection = [];
  for (const name of readdirSync(dir).sort()) {
    if (/\.(md|yaml)$/.test(name)) continue;
    const want = expected.detect[name] ?? expected.profile;
    let got;
    try {
      got = (await detectFiles([join(dir, name)]))[0]?.profile;
    } catch (e) {
      got = `not recognised (${e.message})`;
    }
    if (got !== want) score.detection.push({ file: name, want, got });
  }
  return { folder, profile: expected.profile, score };
}

const runs = [];
for (const folder of corpusFolders(ROOT))
  if (!only.length || only.includes(folder)) runs.push(await runFolder(folder));

const total = {
  records: 0,
  expectedFindings: 0,
  reportedFindings: 0,
  truePositives: 0,
  reportedTrue: 0,
  values: 0,
  valuesRight: 0,
};
for (const { score } of runs) for (const k of Object.keys(total)) total[k] += score[k];
const pct = (x) => x.toFixed(3);
const misses = (s) =>
  s.records > 0 && (precision(s) < TARGETS.precision || recall(s) < TARGETS.recall);

if (json) {
  console.log(
    JSON.stringify(
      {
        targets: TARGETS,
        total: {
          ...total,
          precision: precision(total),
          recall: recall(total),
          accuracy: accuracy(total),
        },
        profiles: runs.map((r) => ({
          folder: r.folder,
          ...r.score,
          precision: precision(r.score),
          recall: recall(r.score),
          accuracy: accuracy(r.score),
        })),
      },
      null,
      1,
    ),
  );
} else {
  const rows = [
    [
      'profile',
      'records',
      'expected',
      'found',
      'reported',
      'true',
      'precision',
      'recall',
      'values',
      'accuracy',
    ],
  ];
  for (const { folder, score: s } of runs)
    rows.push([
      folder,
      s.records,
      s.expectedFindings,
      s.truePositives,
      s.reportedFindings,
      s.reportedTrue,
      pct(precision(s)),
      pct(recall(s)),
      `${s.valuesRight}/${s.values}`,
      pct(accuracy(s)),
    ]);
  rows.push([
    'total',
    total.records,
    total.expectedFindings,
    total.truePositives,
    total.reportedFindings,
    total.reportedTrue,
    pct(precision(total)),
    pct(recall(total)),
    `${total.valuesRight}/${total.values}`,
    pct(accuracy(total)),
  ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows)
    console.log(
      r
        .map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c])))
        .join('  '),
    );
  console.log(
    `targets: precision ≥ ${TARGETS.precision}, recall ≥ ${TARGETS.recall} (errors and warnings; per profile and in total)`,
  );
  for (const { folder, score: s } of runs) {
    const lines = [
      ...s.disagreements.map(
        (d) =>
          `  ${d.known ? 'known ' : 'NEW   '} ${d.record}: ${d.text}${d.known && d.why ? ` — ${d.why}` : ''}`,
      ),
      ...s.unreviewed.map(
        (u) =>
          `  NEW    ${u.record} (${basename(u.file)}): not reviewed in expected.yaml (${u.findings} errors and warnings)`,
      ),
      ...s.detection.map(
        (d) => `  NEW    ${d.file}: --profile auto gives ${d.got}, expected ${d.want}`,
      ),
    ];
    if (lines.length) console.log(`\n${folder}:\n${lines.join('\n')}`);
  }
}
const unlisted = runs.some(
  ({ score: s }) =>
    s.disagreements.some((d) => !d.known) || s.unreviewed.length || s.detection.length,
);
process.exitCode = runs.some((r) => misses(r.score)) || misses(total) || unlisted ? 1 : 0;
