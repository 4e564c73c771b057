/**
 * The mutation fuzzer of `npm run fuzz` (test/fuzz/fuzzer.mjs), a short run in CI: mutated real
 * records of every input format (JSON, JSON Lines, XML, CSV, Turtle, RDF/XML, JSON-LD) validated
 * in-process through `validate`, as the CLI does; no crash and every record accounted for. Hangs
 * are the long run's business (each case in a thread with a time bound); here the test's own
 * timeout stands for them. The seed is fixed: the same cases in every run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../src/engine/run.js';
import { ROOT, tempDir } from './helpers.js';

// plain JavaScript shared with the npm run fuzz script (which runs from dist/)
const modulePath: string = './fuzz/fuzzer.mjs';
const fuzzer = await import(modulePath);

const SEED = 20261207;
/** 20 cases per format: a short run (the long one is `npm run fuzz`), some seconds. */
const BUDGET = 20 * fuzzer.FORMATS.length;

test('the corpus holds real files of every input format', () => {
  const files = fuzzer.corpus(ROOT);
  for (const f of fuzzer.FORMATS) expect([f, files[f].length > 0]).toEqual([f, true]);
});

test('a seed gives the same mutants, another seed other ones', () => {
  const files = fuzzer.corpus(ROOT);
  for (let i = 0; i < 14; i++) {
    const a = fuzzer.mutant(files, SEED, i);
    expect(fuzzer.mutant(files, SEED, i).bytes.equals(a.bytes)).toBe(true);
  }
  const differ = Array.from({ length: 14 }, (_, i) =>
    fuzzer.mutant(files, SEED, i).bytes.equals(fuzzer.mutant(files, SEED + 1, i).bytes),
  ).filter((same) => !same);
  expect(differ.length).toBeGreaterThan(7);
});

test('the judge counts what is wrong: a crash, a hang, a summary that does not add up, a line with no result', () => {
  const jsonl = { format: 'jsonl', bytes: Buffer.from('{"a":1}\n\n{"b":2}\r\n \n{"c"') };
  const ok = {
    summary: { records: 3, valid: 1, invalid: 1, rejected: 1 },
    results: [{ line: 1 }, { line: 3 }, { line: 5 }],
  };
  expect(fuzzer.judge(jsonl, ok)).toEqual([]);
  expect(fuzzer.judge(jsonl, { error: 'TypeError' })[0].kind).toBe('crashes');
  expect(fuzzer.judge(jsonl, { hang: 20000 })[0].kind).toBe('hangs');
  const kinds = (o: object) => fuzzer.judge(jsonl, o).map((p: { message: string }) => p.message);
  expect(kinds({ ...ok, summary: { ...ok.summary, valid: 2 } })).toEqual([
    'records 3 ≠ valid + invalid + rejected 4',
  ]);
  expect(kinds({ ...ok, results: [{ line: 1 }, { line: 3 }, { line: 3 }] })).toEqual([
    'no result for line(s) 5',
  ]);
  expect(
    kinds({
      summary: { ...ok.summary, records: 2, rejected: 0 },
      results: [{ line: 1 }, { line: 2 }],
    }),
  ).toEqual(['no result for line(s) 3, 5', 'a result for a line holding no record: 2']);
  // a JSON document may hold no record (a CKAN response with an empty list); a broken one holds a rejected one
  const none = { summary: { records: 0, valid: 0, invalid: 0, rejected: 0 }, results: [] };
  const empty = { format: 'json', bytes: Buffer.from('{"result": {"count": 1, "results": []}}') };
  expect(fuzzer.judge(empty, none)).toEqual([]);
  expect(fuzzer.judge({ format: 'json', bytes: Buffer.from('{"result": ') }, none)).toEqual([
    { kind: 'violations', message: 'no result for the file' },
  ]);
  const csv = { format: 'csv', bytes: Buffer.from('id,title\n\nx,y\nz\n') };
  expect(
    fuzzer.judge(csv, {
      ...ok,
      summary: { records: 2, valid: 1, invalid: 0, rejected: 1 },
      results: [{ line: 3 }, { line: 4 }],
    }),
  ).toEqual([]);
});

test(`${BUDGET} mutants of real records, every format: no crash, every record accounted for`, async () => {
  const { dir, cleanup } = tempDir();
  try {
    const result = await fuzzer.fuzz({
      root: ROOT,
      seed: SEED,
      budget: BUDGET,
      workDir: dir,
      async runCase(file: string, profile: string) {
        try {
          return fuzzer.outcomeOf(await validate([file], { profile, now: fuzzer.NOW, workers: 1 }));
        } catch (e) {
          return { error: (e as Error).stack ?? String(e) };
        }
      },
    });
    expect(result.failed).toEqual([]);
    expect(result.total).toEqual({ cases: BUDGET, crashes: 0, hangs: 0, violations: 0 });
    for (const f of fuzzer.FORMATS) expect([f, result.counts[f].cases]).toEqual([f, 20]);
  } finally {
    cleanup();
  }
});

/** What `npm run fuzz` found, each case cut down to what it took (seed 1, budget 10,000). */
describe('mutants the fuzzer found', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  // case 3555: a dataset's @id of 200,000 characters; finding where it is described in the text
  // built a regular expression of it, too large to compile: the SyntaxError ended the whole run
  test('a JSON-LD dataset whose @id is 200,000 characters long is read, not a crash', async () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'fixtures/dcat-ap/catalogue.jsonld'), 'utf8'));
    const id = `https://example.org/${'x'.repeat(200_000)}`;
    doc['@graph'][0]['@id'] = id;
    const file = join(tmp.dir, 'long-id.jsonld');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const report = await validate([file], { profile: 'dcat-ap', now: fuzzer.NOW });
    const s = report.summary;
    expect(s.records).toBe(s.valid + s.invalid + s.rejected);
    expect(report.records.length).toBe(
      doc['@graph'].filter((n: { '@type'?: string }) => n['@type'] === 'dcat:Dataset').length,
    );
    // still found where it is described: the line of its "@id"
    const line =
      JSON.stringify(doc, null, 2)
        .split('\n')
        .findIndex((l) => l.includes(id)) + 1;
    expect(report.records.map((r) => r.source.line)).toContain(line);
  });

  // case 744: elements nested 22,000 deep; the XML parser looked every element's namespace prefix
  // up in all the open elements, innermost first: quadratic, 7 s of CPU for 317 kB (minutes at
  // 100,000). No timing is asserted: the test's timeout bounds it.
  test('an HNAP record with 100,000 nested elements is rejected for its nesting, the records after it read', async () => {
    const xml = readFileSync(join(ROOT, 'fixtures/ca-gc-hnap/csw-getrecords.xml'), 'utf8');
    const deep = xml.replace(
      /(<gmd:abstract[^>]*>)/,
      `$1${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`,
    );
    expect(deep.length).toBeGreaterThan(xml.length);
    const file = join(tmp.dir, 'deep.xml');
    writeFileSync(file, deep);
    const report = await validate([file], { profile: 'ca-gc-hnap', now: fuzzer.NOW });
    const before = await validate([join(ROOT, 'fixtures/ca-gc-hnap/csw-getrecords.xml')], {
      profile: 'ca-gc-hnap',
      now: fuzzer.NOW,
    });
    // the others as they were (the third is broken in the fixture itself)
    expect(report.records.map((r) => r.status)).toEqual([
      'rejected',
      ...before.records.slice(1).map((r) => r.status),
    ]);
    expect(report.records[0].findings[0].message).toMatch(/nested more than 128 levels/);
  });

  // the same look-up in the RDF/XML parser (saxes too): an XML literal nested 20,000 deep took 7 s
  test('an RDF/XML description holding an XML literal nested 100,000 deep is read', async () => {
    const rdf = readFileSync(join(ROOT, 'fixtures/dcat-ap/catalogue.rdf'), 'utf8');
    const deep = rdf.replace(
      /<dct:description[^>]*>/,
      `<dct:description rdf:parseType="Literal">${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}</dct:description><dct:description>`,
    );
    expect(deep.length).toBeGreaterThan(rdf.length);
    const file = join(tmp.dir, 'deep.rdf');
    writeFileSync(file, deep);
    const report = await validate([file], { profile: 'dcat-ap', now: fuzzer.NOW });
    const before = await validate([join(ROOT, 'fixtures/dcat-ap/catalogue.rdf')], {
      profile: 'dcat-ap',
      now: fuzzer.NOW,
    });
    expect(report.records.map((r) => r.status)).toEqual(before.records.map((r) => r.status));
  });
});
