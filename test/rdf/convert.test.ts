/**
 * `convert` over the fixtures of every profile (each fixtures/<id>/ folder, so profiles added later
 * are covered): every syntax parses with rapper and rdflib to the same statements as ours, and
 * JSON-LD and N-Triples carry the same graph both ways.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import N3 from 'n3';
import { convertRecords } from '../../src/engine/convert.js';
import { documentLoader, loadJsonld } from '../../src/rdf/jsonld.js';
import { RDF_FORMATS, lineText, rdfWriter, type RdfFormat } from '../../src/rdf/write.js';
import { cli, fixtureProfiles, loadExpected, ROOT, tempDir } from '../helpers.js';
import { HAS_RAPPER, HAS_RDFLIB, rapperCount, rdflibCount } from './tools.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function convert(
  profile: string,
  to: RdfFormat,
): Promise<{ text: string; records: number; rejected: number }> {
  const { writer, records } = convertRecords([join(ROOT, 'fixtures', profile)], { profile, to });
  let text = writer.start();
  let n = 0;
  let rejected = 0;
  for await (const r of records) {
    if (r.rejected) rejected++;
    else n++;
    text += r.text;
  }
  return { text: text + writer.end(), records: n, rejected };
}

async function jsonldToNTriples(text: string): Promise<string> {
  const jsonld = await loadJsonld();
  return (await jsonld.toRDF(JSON.parse(text), {
    format: 'application/n-quads',
    documentLoader,
  } as never)) as unknown as string;
}

async function canonical(nquads: string): Promise<string> {
  const jsonld = await loadJsonld();
  return (await jsonld.canonize(nquads, {
    inputFormat: 'application/n-quads',
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
  } as never)) as string;
}

describe.each(fixtureProfiles())('convert fixtures/%s', (profile) => {
  const out: Partial<Record<RdfFormat, { file: string; text: string }>> = {};
  let ours = 0;
  let oursQuads = 0;

  beforeAll(async () => {
    for (const f of RDF_FORMATS) {
      const { text, records } = await convert(profile, f);
      expect(records).toBeGreaterThan(0);
      const file = join(tmp.dir, `${profile}.${f}`);
      writeFileSync(file, text);
      out[f] = { file, text };
    }
    // our statements: the distinct lines of our N-Triples
    ours = new Set((out.ntriples?.text ?? '').split('\n').filter((l) => l)).size;
    oursQuads = new Set((out.nquads?.text ?? '').split('\n').filter((l) => l)).size;
  });

  test('N-Triples, N-Quads and Turtle parse (N3.js) to the same statements', () => {
    const count = (text: string, format: string) =>
      new N3.Store(new N3.Parser({ format }).parse(text)).size;
    expect(ours).toBeGreaterThanOrEqual(loadExpected(profile).gates.minStatements);
    expect(count(out.ntriples?.text ?? '', 'N-Triples')).toBe(ours);
    expect(count(out.nquads?.text ?? '', 'N-Quads')).toBe(oursQuads);
    expect(count(out.turtle?.text ?? '', 'Turtle')).toBe(ours);
  });

  (HAS_RAPPER ? test : test.skip)(
    'rapper reads the same number of statements from N-Triples, N-Quads and Turtle',
    () => {
      expect(rapperCount(out.ntriples?.file ?? '', 'ntriples')).toBe(ours);
      expect(rapperCount(out.nquads?.file ?? '', 'nquads')).toBe(oursQuads);
      expect(rapperCount(out.turtle?.file ?? '', 'turtle')).toBe(ours);
    },
  );

  (HAS_RDFLIB ? test : test.skip)(
    'rdflib reads the same number of statements from every syntax, JSON-LD included',
    () => {
      expect(rdflibCount(out.ntriples?.file ?? '', 'ntriples')).toBe(ours);
      expect(rdflibCount(out.nquads?.file ?? '', 'nquads')).toBe(oursQuads);
      expect(rdflibCount(out.turtle?.file ?? '', 'turtle')).toBe(ours);
      expect(rdflibCount(out.jsonld?.file ?? '', 'jsonld')).toBe(ours);
    },
  );

  test('JSON-LD → RDF gives the N-Triples graph (round trip through the JSON-LD processor)', async () => {
    const jsonld = await loadJsonld();
    const doc = JSON.parse(out.jsonld?.text ?? '');
    const nquads = (await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      documentLoader,
    } as never)) as unknown as string;
    expect(await canonical(nquads)).toBe(await canonical(out.ntriples?.text ?? ''));
  });

  test('N-Triples → JSON-LD → N-Triples gives the graph back', async () => {
    const quads = new N3.Parser({ format: 'N-Triples' }).parse(out.ntriples?.text ?? '');
    const w = rdfWriter('jsonld');
    const text = w.start() + (await w.write(quads)) + w.end();
    const jsonld = await loadJsonld();
    const back = (await jsonld.toRDF(JSON.parse(text), {
      format: 'application/n-quads',
      documentLoader,
    } as never)) as unknown as string;
    expect(await canonical(back)).toBe(await canonical(lineText(quads)));
  });
});

describe('statements about shared nodes', () => {
  // two records with one publisher (an IRI), also the first record's creator
  const input = join(tmp.dir, 'shared.jsonl');
  beforeAll(() => {
    const rec = (name: string, creator: boolean) => ({
      name,
      id: `${name}0000000-1111-1111-1111-111111111111`.slice(-36),
      title: name,
      notes: 'n',
      uri: `https://example.ca/d/${name}`,
      publisher: [{ uri: 'https://example.ca/org', name: 'Org' }],
      ...(creator ? { creator: [{ uri: 'https://example.ca/org', name: 'Org' }] } : {}),
      resources: [],
    });
    writeFileSync(input, `${JSON.stringify(rec('a', true))}\n${JSON.stringify(rec('b', false))}\n`);
  });

  test.each(['ntriples', 'turtle', 'jsonld', 'nquads'] as RdfFormat[])(
    '%s: each statement once in the document (N-Quads: once per named graph)',
    async (format) => {
      for (const workers of format === 'ntriples' || format === 'nquads' ? [1, 2] : [1]) {
        const { writer, records } = convertRecords([`ckan=${input}`], { to: format, workers });
        let text = writer.start();
        for await (const r of records) text += r.text;
        text += writer.end();
        const nt =
          format === 'jsonld'
            ? await jsonldToNTriples(text)
            : new N3.Writer({ format: 'N-Quads' }).quadsToString(
                new N3.Parser({
                  format:
                    format === 'ntriples'
                      ? 'N-Triples'
                      : format === 'nquads'
                        ? 'N-Quads'
                        : 'Turtle',
                }).parse(text),
              );
        const lines = nt.split('\n').filter((l) => l.trim());
        expect(lines.length).toBe(new Set(lines).size);
        const names = lines.filter((l) =>
          l.startsWith('<https://example.ca/org> <http://xmlns.com/foaf/0.1/name>'),
        );
        // N-Quads keep each record in its own graph, with its own copy of the publisher
        expect(names).toHaveLength(format === 'nquads' ? 2 : 1);
      }
    },
  );
});

describe('passerelle convert', () => {
  test('writes the records, names the unreadable one on stderr and exits 1', () => {
    const out = join(tmp.dir, 'cli.nt');
    const r = cli([
      'convert',
      'fixtures/ca-gc/catalogue.jsonl',
      '--profile',
      'ca-gc',
      '--to',
      'ntriples',
      '--output',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^fixtures\/ca-gc\/catalogue\.jsonl:7:\d+: Record could not be read: invalid JSON/m,
    );
    expect(r.stderr).toMatch(/7 records converted to ntriples; 1 could not be read/);
    const quads = new N3.Parser({ format: 'N-Triples' }).parse(readFileSync(out, 'utf8'));
    const datasets = quads.filter(
      (q) =>
        q.predicate.value.endsWith('#type') &&
        q.object.value === 'http://www.w3.org/ns/dcat#Dataset',
    );
    expect(datasets).toHaveLength(7);
  });

  test('records under one dataset IRI: each is written, and the run says which merge into one node (in input order, the same with workers)', () => {
    const runs = ['1', '2'].map((w) =>
      cli(['convert', 'fixtures/ca-gc', '--profile', 'ca-gc', '--to', 'ntriples', '--workers', w]),
    );
    // the same statements (where a shared publisher's statements go differs with workers, as on main)
    const lines = (t: string) => t.split('\n').sort();
    expect(lines(runs[1].stdout)).toEqual(lines(runs[0].stdout));
    expect(runs[1].stderr).toBe(runs[0].stderr);
    const merged = runs[0].stderr.split('\n').filter((l) => l.includes('RDF merges'));
    expect(merged).toEqual([
      'fixtures/ca-gc/dataset.json:1: dataset <https://open.canada.ca/data/dataset/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d> has the IRI of the record at fixtures/ca-gc/catalogue-extract.jsonl.gz:2: RDF merges their statements into one node',
      expect.stringMatching(
        /^fixtures\/ca-gc\/package_show\.json:\d+: dataset <https:\/\/open\.canada\.ca\/data\/dataset\/6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13> has the IRI of the record at fixtures\/ca-gc\/catalogue-extract\.jsonl\.gz:1: /,
      ),
    ]);
    expect(runs[0].stderr).toMatch(
      /15 records converted to ntriples; 2 merged with an earlier record under the same IRI; 1 could not be read\n$/,
    );
  });

  test('in French, to standard output; a usage error writes nothing', () => {
    const r = cli([
      'convert',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '--to',
      'turtle',
      '--lang',
      'fr',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^@prefix dcat: <http:\/\/www\.w3\.org\/ns\/dcat#>\./);
    expect(r.stderr).toBe('1 enregistrement converti en turtle\n');
    const bad = cli([
      'convert',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'nowhere',
      '--to',
      'turtle',
      '--output',
      join(tmp.dir, 'none.ttl'),
    ]);
    expect(bad.code).toBe(2);
    expect(existsSync(join(tmp.dir, 'none.ttl'))).toBe(false);
    expect(cli(['convert', 'fixtures/ca-gc/dataset.json', '--profile', 'ca-gc']).code).toBe(2); // --to is required
    const nowhere = cli([
      'convert',
      'fixtures/ca-gc/dataset.json',
      '--profile',
      'ca-gc',
      '--to',
      'nquads',
      '--output',
      join(tmp.dir, 'no-dir', 'x.nq'),
    ]);
    expect([nowhere.code, nowhere.stderr]).toEqual([
      2,
      expect.stringMatching(/--output: .*no-dir\/x\.nq: no such directory/),
    ]);
  });
});
