/**
 * The real corpus's scoring (test/real/README.md): a record's reported errors and warnings against
 * what a reader of its source expects, and its common-record values against the expected ones.
 * Pure functions: `npm run fidelity` (fidelity.mjs) and test/fidelity.test.ts share them.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse } from 'yaml';

/** Severities that are scored: infos are advice, not claims about the record. */
export const SCORED = new Set(['error', 'warning']);

/** The corpus folders that have expectations, in name order. */
export function corpusFolders(root) {
  const dir = join(root, 'test', 'real');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'expected.yaml')))
    .map((e) => e.name)
    .sort();
}

export function loadExpected(root, folder) {
  const file = join(root, 'test', 'real', folder, 'expected.yaml');
  const doc = parse(readFileSync(file, 'utf8')) ?? {};
  if (!doc.profile) throw new Error(`${file}: no profile`);
  return {
    file,
    profile: doc.profile,
    now: doc.now ? new Date(String(doc.now)) : new Date('2026-12-01T00:00:00Z'),
    detect: doc.detect ?? {},
    records: doc.records ?? {},
  };
}

const keyOf = (f) => `${f.rule}|${f.property ?? ''}|${f.severity}`;
const show = (f) => `${f.severity} ${f.rule} ${f.property ?? '(record)'}`;

/** Each record's key: its id, `<id>#2` for a second record with the same id, `rejected@file:line`. */
export function recordKeys(results) {
  const seen = new Map();
  return results.map((r) => {
    const base = r.id ?? `rejected@${basename(r.source.file)}:${r.source.line ?? 0}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * One record: its reported errors and warnings against the expected ones. A reported finding
 * stands for an expected one when rule, property and severity agree, or when the expected rule, at
 * the expected severity, is among the findings merged into it on that property (`related`: one gap,
 * one finding).
 */
export function matchFindings(expected, reported) {
  const want = (expected ?? []).map((f) => ({
    rule: f.rule,
    property: f.property ?? undefined,
    severity: f.severity ?? 'error',
    why: f.why,
  }));
  const got = reported
    .filter((f) => SCORED.has(f.severity))
    .map((f) => ({
      rule: f.ruleId,
      property: f.property,
      severity: f.severity,
      related: (f.related ?? []).map((r) => (typeof r === 'string' ? { ruleId: r } : r)),
    }));
  const used = new Array(got.length).fill(false);
  // each related rule of a merged finding stands for one expected finding of that rule
  const relatedLeft = got.map((g) => [...g.related]);
  const missed = [];
  let found = 0;
  for (const w of want) {
    let i = got.findIndex((g, j) => !used[j] && keyOf(g) === keyOf(w));
    if (i >= 0) {
      used[i] = true;
      found++;
      continue;
    }
    // a rule merged into the finding, at the severity it had (`related` keeps it)
    const stands = (r) => r.ruleId === w.rule && (r.severity ?? w.severity) === w.severity;
    i = got.findIndex(
      (g, j) => (g.property ?? '') === (w.property ?? '') && relatedLeft[j].some(stands),
    );
    if (i < 0) {
      missed.push(w);
      continue;
    }
    relatedLeft[i].splice(relatedLeft[i].findIndex(stands), 1);
    used[i] = true;
    found++;
  }
  const extra = got.filter((_, j) => !used[j]);
  return { truePositives: found, reportedTrue: got.length - extra.length, missed, extra };
}

/** Values at a common-record path: `publisher.name@en`, `distribution[*].license`, `distribution[1].format`. */
export function valuesAt(dataset, path) {
  const p = path === 'license' ? 'distribution[*].license' : path;
  let nodes = [dataset];
  for (const part of p.split('.')) {
    const m = /^([A-Za-z]+)(?:\[(\*|\d+)\])?(?:@([a-z]{2,3}))?$/.exec(part);
    if (!m) throw new Error(`not a property path: ${path}`);
    const [, name, index, lang] = m;
    const next = [];
    for (const n of nodes) {
      const v = n?.[name];
      if (v === undefined || v === null) continue;
      if (index === '*') next.push(...(Array.isArray(v) ? v : [v]));
      else if (index !== undefined) {
        if (Array.isArray(v) && v[Number(index)] !== undefined) next.push(v[Number(index)]);
      } else next.push(v);
    }
    nodes = lang ? next.map((v) => v?.[lang]).filter((v) => v !== undefined) : next;
  }
  return nodes.flatMap((v) => (Array.isArray(v) && !p.endsWith(']') ? v : [v]));
}

const isDate = (s) => typeof s === 'string' && /^\d{4}(-\d\d){0,2}$/.test(s);
const same = (want, got) =>
  isDate(want) ? typeof got === 'string' && got.startsWith(want) : String(got) === String(want);

/** Whether the mapped values at `path` are the expected ones (a list: same members; `[*]` with one value: every item). */
export function valueMatches(dataset, path, want) {
  const got = dataset ? valuesAt(dataset, path) : [];
  if (Array.isArray(want))
    return (
      got.length === want.length &&
      want.every((w) => got.some((g) => same(w, g))) &&
      got.every((g) => want.some((w) => same(w, g)))
    );
  if (got.length === 0) return false;
  return got.every((g) => same(want, g));
}

/**
 * A folder's records scored. `results` are RecordResults in input order, `mapped` their common
 * records (same order, undefined when rejected). Returns the tallies and every disagreement, each
 * marked `known` when expected.yaml lists it under the record's `known:`.
 */
export function scoreFolder(expected, results, mapped) {
  const keys = recordKeys(results);
  const out = {
    records: 0,
    expectedFindings: 0,
    reportedFindings: 0,
    truePositives: 0,
    reportedTrue: 0,
    values: 0,
    valuesRight: 0,
    disagreements: [],
    unreviewed: [],
  };
  const seen = new Set();
  const knownKey = (kind, f) => `${kind}|${f.rule ?? ''}|${f.property ?? ''}|${f.severity ?? ''}`;
  const add = (record, exp, kind, f, text) => {
    const known = (exp?.known ?? []).some(
      (k) =>
        knownKey(k.kind === 'value' ? 'value' : String(k.kind), {
          rule: k.rule,
          property: k.property,
          severity: k.severity,
        }) === knownKey(kind, f),
    );
    out.disagreements.push({
      record,
      kind,
      ...f,
      text,
      known,
      why: known
        ? (exp.known.find((k) => knownKey(String(k.kind), k) === knownKey(kind, f))?.why ?? '')
        : undefined,
    });
  };
  results.forEach((r, i) => {
    const key = keys[i];
    const exp = expected.records[key];
    if (!exp) {
      out.unreviewed.push({
        record: key,
        file: r.source.file,
        findings: r.findings.filter((f) => SCORED.has(f.severity)).length,
      });
      return;
    }
    seen.add(key);
    out.records++;
    const m = matchFindings(exp.findings, r.findings);
    out.expectedFindings += (exp.findings ?? []).length;
    out.reportedFindings += m.reportedTrue + m.extra.length;
    out.truePositives += m.truePositives;
    out.reportedTrue += m.reportedTrue;
    for (const f of m.extra) add(key, exp, 'false', f, `reported but not expected: ${show(f)}`);
    for (const f of m.missed)
      add(
        key,
        exp,
        'missed',
        f,
        `expected but not reported: ${show(f)} (${f.why ?? 'no reason given'})`,
      );
    for (const [path, want] of Object.entries(exp.values ?? {})) {
      out.values++;
      if (valueMatches(mapped[i]?.dataset, path, want)) out.valuesRight++;
      else
        add(
          key,
          exp,
          'value',
          { property: path },
          `value ${path}: expected ${JSON.stringify(want)}, mapped ${JSON.stringify(mapped[i] ? valuesAt(mapped[i].dataset, path) : '(record not mapped)')}`,
        );
    }
  });
  for (const [key, exp] of Object.entries(expected.records)) {
    if (seen.has(key)) continue;
    out.records++;
    out.expectedFindings += (exp.findings ?? []).length;
    for (const f of exp.findings ?? [])
      add(
        key,
        exp,
        'missed',
        { rule: f.rule, property: f.property, severity: f.severity },
        `record not read: ${show(f)}`,
      );
    for (const path of Object.keys(exp.values ?? {})) {
      out.values++;
      add(key, exp, 'value', { property: path }, `value ${path}: record not read`);
    }
  }
  // a `known` entry that no longer disagrees is stale: the record's findings changed
  for (const [key, exp] of Object.entries(expected.records)) {
    for (const k of exp.known ?? []) {
      const kind = String(k.kind);
      const still = out.disagreements.some(
        (d) => d.record === key && knownKey(d.kind, d) === knownKey(kind, k),
      );
      if (!still)
        out.disagreements.push({
          record: key,
          kind: 'stale',
          rule: k.rule,
          property: k.property,
          severity: k.severity,
          text: `listed as known (${kind}) but no longer disagrees: ${k.rule ?? ''} ${k.property ?? ''}`,
          known: false,
        });
    }
  }
  return out;
}

export const ratio = (a, b) => (b === 0 ? 1 : a / b);
export const precision = (s) => ratio(s.reportedTrue, s.reportedFindings);
export const recall = (s) => ratio(s.truePositives, s.expectedFindings);
export const accuracy = (s) => ratio(s.valuesRight, s.values);
