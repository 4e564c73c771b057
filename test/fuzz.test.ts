/**
 * Property-based tests (fast-check): the fixture records of every profile, mutated the way real
 * exports go wrong — types swapped, fields dropped or duplicated, huge strings, deep nesting, odd
 * Unicode (combining marks, right-to-left text, lone surrogates), invalid and extreme dates,
 * `__proto__`/`constructor`/`prototype` keys — never crash the pipeline, and every record is
 * accounted for (records = valid + invalid + rejected).
 *
 * The seed is fixed, so that CI runs the same cases every time; FUZZ_SEED and FUZZ_RUNS explore
 * further by hand (`FUZZ_SEED=7 FUZZ_RUNS=20000 npx jest test/fuzz`). The pipeline runs in-process:
 * one Pipeline per profile, built once, as the command builds it.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Pipeline } from '../src/engine/pipeline.js';
import { validate } from '../src/engine/run.js';
import { FORMATTERS, pieces } from '../src/report/formatters/index.js';
import { addToSummary, closeSummary, emptySummary } from '../src/scores/summary.js';
import type { RecordResult } from '../src/core/record.js';
import { RULES } from '../src/rules/index.js';
import { readSources } from '../src/sources/read.js';
import { MAX_DEPTH, deeperThan } from '../src/sources/limits.js';
import type { SourceRecord } from '../src/sources/types.js';
import { ROOT, tempDir } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260901);
/** Cases per profile for the record property (a few thousand in CI). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const NOW = new Date('2026-11-01T00:00:00Z');

const PROFILES = readdirSync(join(ROOT, 'fixtures')).filter((d) =>
  existsSync(join(ROOT, 'profiles', `${d}.yaml`)),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Every place in a record a mutation can reach (bounded: big records are sampled from the top). */
function pathsOf(root: Json, limit = 400): Path[] {
  const out: Path[] = [];
  const queue: Path[] = [[]];
  while (queue.length && out.length < limit) {
    const p = queue.shift() as Path;
    out.push(p);
    const v = at(root, p);
    if (Array.isArray(v)) v.forEach((_, i) => queue.push([...p, i]));
    else if (v !== null && typeof v === 'object')
      for (const k of Object.keys(v)) queue.push([...p, k]);
  }
  return out;
}

function at(root: Json, p: Path): Json {
  let v: Json = root;
  for (const s of p) v = (v as Record<string, Json>)[s as string];
  return v;
}

/** Sets a value as JSON.parse would: `__proto__` is an own property, never the prototype. */
function put(parent: Json, key: string | number, value: Json): void {
  Object.defineProperty(parent as object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uD800'];
const ODD_TEXT = [
  'e\u0301\u0301\u0301\u0301', // combining marks
  '\u202Eevil\u202C txt.exe', // right-to-left override
  'مجموعة بيانات مفتوحة', // Arabic (right-to-left)
  'נתונים פתוחים',
  '\u200B\u200D\uFEFF', // zero-width characters, a byte order mark
  '\u0000\u0007\u001B[31m', // NUL, bell, a terminal escape
  '👩🏽‍🔬🇨🇦',
  'ᐃᓄᒃᑎᑐᑦ', // Inuktitut syllabics
  '<script>alert(1)</script>&amp;"\'',
  '=HYPERLINK("http://example.org")',
  '::error file=x::injected%0A',
  '../../../etc/passwd',
  '',
  ' ',
];
const DATES = [
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-01-01T25:61:61Z',
  '2026-1-1',
  '20260101',
  '１９９９-01-01',
  'NaN',
  'Infinity',
  '1e21',
  '-1',
  '2026-11-01T00:00:00+25:00',
  '2026-11-01/2025-01-01',
  'R/2026-01-01/P1Y',
  'P1Y',
  'tomorrow',
  '1969-12-31T23:59:59Z',
  '2038-01-19T03:14:08Z',
];
const DATE_NUMBERS = [
  0,
  -1,
  8.64e15,
  8.64e15 + 1,
  -8.64e15 - 1,
  1e21,
  Number.MAX_SAFE_INTEGER,
  -0,
  1.5,
];
const DATE_KEY = /date|modified|issued|created|updated|time|period|temporal|begin|end|start/i;

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...ODD_TEXT, ...LONE_SURROGATES, ...DATES),
);
const value: fc.Arbitrary<Json> = fc
  .oneof(
    { weight: 3, arbitrary: scalar },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Json>(
        [],
        {},
        [null],
        [''],
        { en: '', fr: null },
        { en: ['x'], fr: 1 },
      ),
    },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) },
    // as JSON.parse makes them: plain objects, `__proto__` an own key
  )
  .map((v) => JSON.parse(JSON.stringify(v)) as Json);

type Mutation =
  | { kind: 'replace'; where: number; value: Json }
  | { kind: 'drop'; where: number }
  | { kind: 'duplicate'; where: number }
  | { kind: 'wrap'; where: number }
  | { kind: 'huge'; where: number; size: number; char: string }
  | { kind: 'deep'; where: number; depth: number; array: boolean }
  | { kind: 'text'; where: number; text: string; prefix: boolean }
  | { kind: 'date'; where: number; date: Json }
  | { kind: 'special-key'; where: number; key: string; value: Json };

const where = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), where, value }),
  fc.record({ kind: fc.constant('drop' as const), where }),
  fc.record({ kind: fc.constant('duplicate' as const), where }),
  fc.record({ kind: fc.constant('wrap' as const), where }),
  fc.record({
    kind: fc.constant('huge' as const),
    where,
    size: fc.integer({ min: 10_000, max: 300_000 }),
    char: fc.constantFrom('a', ' ', 'é', '\u0301', '.', '@', '/', '-', '0'),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    where,
    depth: fc.integer({ min: 50, max: 3000 }),
    array: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    where,
    text: fc.constantFrom(...ODD_TEXT, ...LONE_SURROGATES),
    prefix: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    where,
    date: fc.constantFrom<Json>(...DATES, ...DATE_NUMBERS),
  }),
  fc.record({
    kind: fc.constant('special-key' as const),
    where,
    key: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '__defineGetter__',
    ),
    value,
  }),
);

function nest(v: Json, depth: number, array: boolean): Json {
  let out = v;
  for (let i = 0; i < depth; i++) out = array ? [out] : { x: out };
  return out;
}

/** Applies one mutation to `root` (in place); the root object itself is only changed inside. */
function mutate(root: Json, m: Mutation): void {
  let paths = pathsOf(root);
  if (m.kind === 'date') {
    const dated = paths.filter((p) => p.length > 0 && DATE_KEY.test(String(p[p.length - 1])));
    if (dated.length) paths = dated;
  }
  const path = paths[m.where % paths.length];
  if (path.length === 0) {
    // the record itself: add a key to it
    if (m.kind === 'special-key' || m.kind === 'replace')
      put(
        root,
        m.kind === 'special-key' ? m.key : 'extra',
        m.kind === 'special-key' ? m.value : m.value,
      );
    return;
  }
  const parent = at(root, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1];
  const old = parent[key as string];
  switch (m.kind) {
    case 'replace':
      return put(parent, key, m.value);
    case 'drop':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
      return;
    case 'duplicate':
      // the same value twice (shared, as a parser never makes it: the pipeline must not care)
      if (Array.isArray(parent)) parent.splice(Number(key), 0, old);
      else put(parent, key, [old, old] as Json);
      return;
    case 'wrap':
      return put(parent, key, [old]);
    case 'huge':
      return put(parent, key, m.char.repeat(m.size));
    case 'deep':
      return put(parent, key, nest(old, m.depth, m.array));
    case 'text':
      return put(
        parent,
        key,
        typeof old === 'string' ? (m.prefix ? m.text + old : old + m.text) : m.text,
      );
    case 'date':
      return put(parent, key, m.date);
    case 'special-key':
      // on an object (JSON.parse gives lists no keys of their own)
      if (old !== null && typeof old === 'object' && !Array.isArray(old)) put(old, m.key, m.value);
      else if (!Array.isArray(parent)) put(parent, m.key, m.value);
      else put(root, m.key, m.value);
      return;
  }
}

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** What every result must be, whatever went in (plain checks: thousands of cases, each with dozens of findings). */
function checkResult(r: RecordResult, profile: string): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\n${JSON.stringify(r, null, 1).slice(0, 2000)}`);
  };
  if (!['valid', 'invalid', 'rejected'].includes(r.status)) fail(`status ${r.status}`);
  if (r.profile !== profile) fail('profile');
  if (!r.source.file) fail('no source file');
  if (
    (r.status === 'invalid') !==
    (r.status !== 'rejected' && r.findings.some((f) => f.severity === 'error'))
  )
    fail('status does not follow the errors');
  for (const f of r.findings) {
    if (!RULE_IDS.has(f.ruleId) && !f.ruleId.startsWith('shacl/')) fail(`unknown rule ${f.ruleId}`);
    if (!SEVERITIES.has(f.severity)) fail(`severity ${f.severity}`);
    if (
      typeof f.message !== 'string' ||
      !f.message ||
      /\{\{|\bundefined\b|\[object Object\]/.test(f.message)
    )
      fail(`message ${f.message}`);
    // messages show values cut short: a hostile record does not make the report huge
    if (f.message.length > 2000) fail('message too long');
    // a finding about a record that could be read names the field it is about
    if (r.status !== 'rejected' && !(f.property ?? f.sourcePath)) fail('finding without a field');
  }
  if (r.scores) {
    if (!Number.isFinite(r.scores.mqa.points)) fail('MQA points');
    for (const p of Object.values(r.scores.principles))
      if (!(p.share >= 0 && p.share <= 1)) fail('principle share');
  }
}

async function fixtureRecords(profile: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources([join(ROOT, 'fixtures', profile)]))
    if (r.data !== undefined) out.push(r);
  return out;
}

describe.each(PROFILES)('fuzzing the fixture records of %s', (profile) => {
  let records: SourceRecord[];
  let pipeline: Pipeline;
  let fr: Pipeline;
  beforeAll(async () => {
    records = await fixtureRecords(profile);
    pipeline = new Pipeline({ profile, now: NOW, lang: 'en' });
    fr = new Pipeline({ profile, now: NOW, lang: 'fr' });
  });

  test(`${RUNS} mutated records: never a crash, a well-formed result for each`, () => {
    expect(records.length).toBeGreaterThan(0);
    const beforeProto = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (pick, mutations, french) => {
          const base = records[pick % records.length];
          const data = structuredClone(base.data) as Json;
          for (const m of mutations) mutate(data, m);
          const src: SourceRecord = { ...base, data };
          const { result } = (french ? fr : pipeline).process(src);
          checkResult(result, profile);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // nothing reached Object.prototype
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(beforeProto);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a batch of mutated records, some lines broken, written as JSON Lines: every record accounted for, every report format renders', async () => {
    const tmp = tempDir();
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              pick: fc.nat(),
              mutations: fc.array(mutation, { maxLength: 3 }),
              broken: fc.boolean(),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          async (batch) => {
            const file = join(tmp.dir, `batch-${n++}.jsonl`);
            const lines = batch.map(({ pick, mutations, broken }) => {
              const data = structuredClone(records[pick % records.length].data) as Json;
              for (const m of mutations) mutate(data, m);
              const text = JSON.stringify(data);
              // a broken line: cut inside the record (never at a line break: one line, one record)
              return broken ? text.slice(0, Math.max(1, Math.floor(text.length / 2))) : text;
            });
            writeFileSync(file, lines.join('\n'));
            const report = await validate([file], { profile, now: NOW });
            const s = report.summary;
            expect(s.records).toBe(batch.length);
            expect(s.valid + s.invalid + s.rejected).toBe(s.records);
            // rejected: the broken lines, and the records nested deeper than the limit
            expect(s.rejected).toBe(
              lines.filter((l) => !isJson(l) || deeperThan(JSON.parse(l), MAX_DEPTH)).length,
            );
            for (const r of report.records) checkResult(r, profile);
            // every format renders every record (escaping and all), in both languages
            for (const lang of ['en', 'fr'] as const) {
              const summary = emptySummary();
              for (const r of report.records) addToSummary(summary, r);
              for (const make of Object.values(FORMATTERS)) {
                const f = make({ lang, color: false, tool: report.tool, failOn: 'error' });
                let out = '';
                for (const p of pieces(f.start())) out += p;
                for (const r of report.records) for (const p of pieces(f.record(r))) out += p;
                for (const p of pieces(f.end(closeSummary(summary)))) out += p;
                f.dispose?.();
                expect(out.length).toBeGreaterThan(0);
              }
            }
          },
        ),
        { seed: SEED, numRuns: Math.max(10, Math.round(RUNS / 40)), endOnFailure: true },
      );
    } finally {
      tmp.cleanup();
    }
  });
});

/** Whether a line is a JSON object (a record); anything else is rejected. */
function isJson(text: string): boolean {
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
