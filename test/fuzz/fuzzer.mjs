/**
 * The mutation fuzzer's core, shared by `npm run fuzz` (test/fuzz/fuzz.mjs, on dist/, each case in a
 * worker thread with a time bound) and its short CI run (test/fuzz-formats.test.ts, in-process on
 * src/). Real records of every input format (test/real/*, fixtures/*) are mutated (mutations.mjs),
 * written to a temporary file with their extension, validated as the CLI validates them, and each
 * outcome is judged: a crash (an exception out of the API), a hang (over the case's time bound, told
 * by the runner) or an accounting violation (records ≠ valid + invalid + rejected, a result count
 * that is not the records', or a JSON Lines line with no result or a result for a blank line).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { BYTE_MUTATIONS, caseSeed, mutateStructure, prng } from './mutations.mjs';

export const FORMATS = ['json', 'jsonl', 'xml', 'csv', 'turtle', 'rdfxml', 'jsonld'];
export const KINDS = ['crashes', 'hangs', 'violations'];
/** The date the records are judged at: the same report for the same mutant. */
export const NOW = new Date('2026-11-01T00:00:00Z');

function formatOf(file, bytes) {
  const ext = extname(file);
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.jsonld') return 'jsonld';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  if (ext === '.ttl') return 'turtle';
  if (ext === '.rdf') return 'rdfxml';
  if (ext === '.xml') return bytes.includes('rdf:RDF') ? 'rdfxml' : 'xml';
  return undefined;
}

/** The real files to mutate, by format: test/real/<folder>/ (profile from expected.yaml) and fixtures/<profile>/. */
export function corpus(root) {
  const out = Object.fromEntries(FORMATS.map((f) => [f, []]));
  const add = (dir, profile) => {
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name);
      const bytes = readFileSync(file);
      const format = formatOf(name, bytes);
      if (format) out[format].push({ file, name, ext: extname(name), profile, bytes });
    }
  };
  const real = join(root, 'test', 'real');
  for (const folder of existsSync(real) ? readdirSync(real).sort() : []) {
    const expected = join(real, folder, 'expected.yaml');
    if (!existsSync(expected)) continue;
    const profile = /^profile:\s*(\S+)/m.exec(readFileSync(expected, 'utf8'))?.[1];
    if (profile) add(join(real, folder), profile);
  }
  for (const profile of readdirSync(join(root, 'fixtures')).sort())
    if (existsSync(join(root, 'profiles', `${profile}.yaml`)))
      add(join(root, 'fixtures', profile), profile);
  return out;
}

/** Case `i` of a run: its format (in turn), its real file, and its mutations, from the seed alone. */
export function mutant(files, seed, i) {
  const r = prng(caseSeed(seed, i));
  const formats = FORMATS.filter((f) => files[f].length);
  const format = formats[i % formats.length];
  const base = r.pick(files[format]);
  let bytes = base.bytes;
  const applied = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const structural = r.chance(0.5) ? mutateStructure(format, bytes, r) : undefined;
    if (structural) {
      bytes = structural;
      applied.push('structure');
    } else {
      const name = r.pick(Object.keys(BYTE_MUTATIONS));
      bytes = BYTE_MUTATIONS[name](bytes, r);
      applied.push(name);
    }
  }
  return { i, format, ext: base.ext, profile: base.profile, from: base.file, bytes, applied };
}

/**
 * The lines of JSON Lines that hold a record, as the reader splits them (`\n`, `\r\n`, `\r`; blank
 * lines left out); undefined when that is not known (a pretty-printed object spans several lines).
 */
export function jsonLinesHoldingRecords(bytes) {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const lines = bytes.toString('latin1').split(/\r\n|\r|\n/);
  const out = new Set();
  for (let n = 0; n < lines.length; n++) {
    const text = decoder.decode(Buffer.from(lines[n], 'latin1')).trim();
    if (text === '{') return undefined;
    if (text !== '') out.add(n + 1);
  }
  return out;
}

/**
 * The lines of a CSV file that hold a record (every non-empty line after the header); undefined
 * when quotes, carriage returns or a UTF-16 mark make that a parser's question.
 */
export function csvLinesHoldingRecords(bytes) {
  if (bytes.includes('"') || bytes.includes('\r') || bytes[0] === 0xfe || bytes[0] === 0xff)
    return undefined;
  const lines = bytes.toString('latin1').split('\n');
  const out = new Set();
  let header = false;
  for (let n = 0; n < lines.length; n++) {
    if (lines[n] === '') continue;
    if (header) out.add(n + 1);
    // a header over the field limit is rejected itself: the file's rows are then not read
    else if (lines[n].split(/[,;\t|]/).length > 10_000) return undefined;
    header = true;
  }
  return header ? out : undefined;
}

function holdsOneAtLeast(m) {
  if (m.format === 'jsonl' || m.format === 'csv') return false;
  if (m.format !== 'json' && m.format !== 'jsonld') return true;
  try {
    JSON.parse(new TextDecoder('utf-8').decode(m.bytes));
    return false;
  } catch {
    return true;
  }
}

/** Each line holding a record has a result, and no result names another line. */
function sameLines(want, results, violation) {
  const got = new Set(results.map((r) => r.line));
  const missing = [...want].filter((l) => !got.has(l));
  const extra = [...got].filter((l) => !want.has(l));
  if (missing.length) violation(`no result for line(s) ${missing.slice(0, 10).join(', ')}`);
  if (extra.length)
    violation(`a result for a line holding no record: ${extra.slice(0, 10).join(', ')}`);
}

/** What is wrong with a case's outcome: `{ kind, message }` for each problem (none: it passed). */
export function judge(m, outcome) {
  if (outcome.hang) return [{ kind: 'hangs', message: `over ${outcome.hang} ms` }];
  if (outcome.error) return [{ kind: 'crashes', message: String(outcome.error).slice(0, 500) }];
  const { summary, results } = outcome;
  const problems = [];
  const violation = (message) => problems.push({ kind: 'violations', message });
  const sum = summary.valid + summary.invalid + summary.rejected;
  if (summary.records !== sum)
    violation(`records ${summary.records} ≠ valid + invalid + rejected ${sum}`);
  if (summary.records !== results.length)
    violation(`records ${summary.records} ≠ ${results.length} results`);
  // a JSON Lines or CSV file may hold no record, and so may a JSON document that parses (a CKAN
  // response with an empty list); one that does not parse, an XML or RDF file is one at least
  if (results.length === 0 && holdsOneAtLeast(m)) violation('no result for the file');
  const want =
    m.format === 'jsonl'
      ? jsonLinesHoldingRecords(m.bytes)
      : m.format === 'csv'
        ? csvLinesHoldingRecords(m.bytes)
        : undefined;
  if (want) sameLines(want, results, violation);
  return problems;
}

/** A report cut down to what `judge` reads (it crosses a thread as such). */
export function outcomeOf(report) {
  return {
    summary: report.summary,
    results: report.records.map((r) => ({ status: r.status, line: r.source?.line })),
  };
}

/**
 * Runs `budget` cases from `seed`. `runCase(file, profile)` validates one file and resolves to an
 * outcome: `{ summary, results }`, `{ error }` or `{ hang: ms }`. Each mutant is written to
 * `workDir`; a failing one is kept in `failures` (`<format>-<n><ext>`, with a `.txt` saying why).
 */
export async function fuzz({ root, seed, budget, workDir, failures, runCase, onCase }) {
  const files = corpus(root);
  const counts = Object.fromEntries(
    FORMATS.map((f) => [f, { cases: 0, crashes: 0, hangs: 0, violations: 0 }]),
  );
  const failed = [];
  mkdirSync(workDir, { recursive: true });
  for (let i = 0; i < budget; i++) {
    const m = mutant(files, seed, i);
    const file = join(workDir, `case-${i}${m.ext}`);
    writeFileSync(file, m.bytes);
    const problems = judge(m, await runCase(file, m.profile, m));
    counts[m.format].cases++;
    for (const p of problems) counts[m.format][p.kind]++;
    if (problems.length) {
      const kept = keep(failures, m, problems, seed);
      failed.push({ i, format: m.format, file: kept, problems });
    }
    onCase?.(i, m, problems);
  }
  const total = { cases: 0, crashes: 0, hangs: 0, violations: 0 };
  for (const c of Object.values(counts)) for (const k of Object.keys(total)) total[k] += c[k];
  return { seed, budget, counts, total, failed };
}

function keep(failures, m, problems, seed) {
  if (!failures) return undefined;
  mkdirSync(failures, { recursive: true });
  const file = join(failures, `${m.format}-${m.i}${m.ext}`);
  writeFileSync(file, m.bytes);
  writeFileSync(
    `${file}.txt`,
    [
      `seed ${seed}, case ${m.i}: ${m.format} from ${m.from} (profile ${m.profile})`,
      `mutations: ${m.applied.join(', ')}`,
      ...problems.map((p) => `${p.kind}: ${p.message}`),
      `reproduce: node bin/passerelle.js validate ${file} --profile ${m.profile} -f json --now 2026-11-01`,
      '',
    ].join('\n'),
  );
  return file;
}
