/**
 * `passerelle query`: the shipped example queries on the federation of every jurisdiction's
 * fixtures, the SPARQL results formats, and the errors (syntax, SERVICE, unreadable inputs).
 * Expected counts are read from the fixture files themselves (CKAN envelopes, JSON Lines lines,
 * DCAT-US's dataset array), not from Passerelle's output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { normalise } from '../src/compare/high-value.js';
import { Federation } from '../src/federate/federate.js';
import { rdfWriter } from '../src/rdf/write.js';
import { highValueQuery } from '../src/build/hvd-query.js';
import { exampleQuery, listExamples } from '../src/query/examples.js';
import { queryText } from '../src/query/results.js';
import { prepareQuery } from '../src/query/sparql.js';
import { loadStore, type LoadedStore } from '../src/query/store.js';
import { cli, ROOT, tempDir } from './helpers.js';

const fx = (p: string): string => join(ROOT, 'fixtures', p);
const NOW = new Date('2026-11-01');
let tmp: ReturnType<typeof tempDir>;
let fixtures: LoadedStore;

beforeAll(async () => {
  tmp = tempDir();
  fixtures = await loadStore([join(ROOT, 'fixtures')], { now: NOW, lang: 'en' });
}, 120000);
afterAll(() => tmp.cleanup());

/** A CSV of the SPARQL 1.1 results (RFC 4180, CRLF): rows as objects, header first. */
function csvRows(text: string): { vars: string[]; rows: Record<string, string>[] } {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const cells = (l: string): string[] =>
    [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .filter((m, i, all) => i < all.length - 1 || m[0] !== '')
      .map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]));
  const vars = cells(lines[0]);
  return {
    vars,
    rows: lines.slice(1).map((l) => Object.fromEntries(cells(l).map((c, i) => [vars[i], c]))),
  };
}

async function run(
  loaded: LoadedStore,
  text: string,
  format: Parameters<typeof queryText>[2],
  file = '<query>',
): Promise<string> {
  return queryText(loaded.store, await prepareQuery(text, file), format);
}
const example = (name: string): string => exampleQuery(name).text;

/** Records of a CKAN envelope (package_search: result.results; package_show: result), a JSON array, or one package. */
function ckanRecords(file: string): { resources?: unknown[] }[] {
  const d = JSON.parse(readFileSync(fx(file), 'utf8'));
  if (Array.isArray(d)) return d;
  if (d.result) return d.result.results ?? [d.result];
  return [d];
}
const jsonLines = (file: string): number =>
  readFileSync(fx(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;

describe('example queries on the federation of the fixtures', () => {
  test('the examples are the .rq files of queries/, each with its English and French title', () => {
    const names = listExamples().map((e) => e.name);
    expect(names).toEqual([
      'datasets-by-jurisdiction-theme',
      'duplicates-across-jurisdictions',
      'high-value-coverage',
      'licences-in-use',
    ]);
    for (const e of listExamples()) {
      expect(e.title.en).not.toBe(e.name);
      expect(e.title.fr).not.toBe(e.title.en);
    }
  });

  test('datasets per jurisdiction and theme: each jurisdiction counts the datasets its files hold', async () => {
    const { vars, rows } = csvRows(
      await run(fixtures, example('datasets-by-jurisdiction-theme'), 'csv'),
    );
    expect(vars).toEqual(['catalogue', 'jurisdiction', 'theme', 'datasets']);
    const total = (catalogue: string): number =>
      rows.filter((r) => r.catalogue === catalogue).reduce((n, r) => n + Number(r.datasets), 0);
    // these jurisdictions' datasets have one theme at most: the rows add up to their datasets
    expect(total('https://data.ontario.ca')).toBe(
      jsonLines('ca-on/catalogue.jsonl') +
        ckanRecords('ca-on/package_search.json').length +
        ckanRecords('ca-on/package_show.json').length,
    );
    expect(total('https://www.donneesquebec.ca/recherche')).toBe(
      ckanRecords('ca-qc/package_search.json').length +
        ckanRecords('ca-qc/dataset.json').length +
        ckanRecords('ca-qc/packages.json').length,
    );
    expect(total('https://catalogue.data.gov.bc.ca')).toBe(
      jsonLines('ca-bc/catalogue.jsonl') +
        ckanRecords('ca-bc/package_search.json').length +
        ckanRecords('ca-bc/package_show.json').length,
    );
    const dcatUs = JSON.parse(readFileSync(fx('dcat-us/data.json'), 'utf8')).dataset.length;
    expect(total('https://resources.data.gov/resources/dcat-us/')).toBe(dcatUs);
    // every jurisdiction of the fixtures has a catalogue, named in English
    const portals = new Set(rows.map((r) => r.catalogue));
    expect(portals.size).toBe(12);
    expect(rows.find((r) => r.catalogue === 'https://data.ontario.ca')?.jurisdiction).toBe(
      'Ontario — data.ontario.ca',
    );
    for (const r of rows)
      expect(r.theme).toMatch(
        /^(|http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4})$/,
      );
  });

  test('licences in use: the Ontario licence of a package_search, on every resource', async () => {
    const records = ckanRecords('ca-on/package_search.json');
    const loaded = await loadStore([`ca-on=${fx('ca-on/package_search.json')}`], { now: NOW });
    const { rows } = csvRows(await run(loaded, example('licences-in-use'), 'csv'));
    expect(rows).toEqual([
      {
        licence: 'https://www.ontario.ca/page/open-government-licence-ontario',
        datasets: String(records.length),
        distributions: String(records.reduce((n, r) => n + (r.resources?.length ?? 0), 0)),
        jurisdictions: '1',
      },
    ]);
  });

  test('licences in use on every jurisdiction: the Government of Canada licence in three catalogues at least', async () => {
    const { rows } = csvRows(await run(fixtures, example('licences-in-use'), 'csv'));
    const ogl = rows.find(
      (r) => r.licence === 'https://open.canada.ca/en/open-government-licence-canada',
    );
    expect(Number(ogl?.jurisdictions)).toBeGreaterThanOrEqual(3);
    // sorted by datasets, most first
    const counts = rows.map((r) => Number(r.datasets));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test('high-value coverage: written from hvd-category.yaml (node dist/build/hvd-query.js)', () => {
    const text = example('high-value-coverage');
    expect(text).toBe(highValueQuery());
    // every term of the list, normalised as compare normalises it, is in its category's pattern
    const inQuery = new Set<string>();
    let category = '';
    for (const line of text.split('\n')) {
      category = /\(\?category = <([^>]+)>/.exec(line)?.[1] ?? category;
      const m = /\?textLang = "(en|fr)".*REGEX\(\?words, " \(([^)]*)\) "\)/.exec(line);
      if (m) for (const term of m[2].split('|')) inQuery.add(`${category} ${m[1]} ${term}`);
    }
    const yaml = parse(
      readFileSync(join(ROOT, 'crosswalks/vocabularies/hvd-category.yaml'), 'utf8'),
    ) as {
      concepts: Record<
        string,
        { uri: string; datasets: Record<string, { terms: { en: string[]; fr: string[] } }> }
      >;
    };
    const expected = new Set<string>();
    for (const c of Object.values(yaml.concepts))
      for (const d of Object.values(c.datasets))
        for (const lang of ['en', 'fr'] as const)
          for (const term of d.terms[lang]) expected.add(`${c.uri} ${lang} ${normalise(term)}`);
    expect(inQuery).toEqual(expected);
  });

  test('high-value coverage: a Québec dataset titled in French with a category term, accents folded', async () => {
    const dir = join(tmp.dir, 'hvd');
    const record = ckanRecords('ca-qc/dataset.json')[0] as Record<string, unknown>;
    writeFileSync(
      `${dir}.json`,
      JSON.stringify({
        ...record,
        title: 'Limites ADMINISTRATIVES du Québec',
        tags: [{ name: 'Réseau routier' }],
      }),
    );
    const loaded = await loadStore([`ca-qc=${dir}.json`], { now: NOW });
    const { rows } = csvRows(await run(loaded, example('high-value-coverage'), 'csv'));
    // "limites administratives" (geospatial), "reseau routier" (mobility)
    expect(rows.map((r) => [r.category, r.datasets])).toEqual([
      ['http://data.europa.eu/bna/c_ac64a52d', '1'],
      ['http://data.europa.eu/bna/c_b79e35eb', '1'],
    ]);
  });

  test('datasets published by two jurisdictions: the same Ontario record read as a CKAN portal', async () => {
    const show = fx('ca-on/package_show.json');
    const loaded = await loadStore([`ca-on=${show}`, `ckan=${show}`], { now: NOW });
    const { rows } = csvRows(await run(loaded, example('duplicates-across-jurisdictions'), 'csv'));
    const record = ckanRecords('ca-on/package_show.json')[0] as { id: string; title: string };
    expect(rows).toHaveLength(1);
    expect(rows[0].catalogue).toBe('https://passerelle.opendata.ca/federation/catalogue/ckan');
    expect(rows[0].primaryCatalogue).toBe('https://data.ontario.ca');
    expect(rows[0].dataset).toContain(record.id);
    expect(rows[0].title).toBe(record.title);
    // the fixtures' jurisdictions publish no dataset twice
    expect(
      csvRows(await run(fixtures, example('duplicates-across-jurisdictions'), 'csv')).rows,
    ).toEqual([]);
  });
});

describe('inputs', () => {
  test('a federation written as Turtle gives the rows the federation in memory gives', async () => {
    const inputs = ['ca-on', 'ca-qc', 'dcat-us'].map((p) => `${p}=${fx(p)}`);
    const federation = new Federation(inputs, { now: NOW });
    await federation.scan();
    let ttl = '';
    for await (const chunk of federation.rdf(rdfWriter('turtle'))) ttl += chunk;
    const file = join(tmp.dir, 'federation.ttl');
    writeFileSync(file, ttl);
    const fromFile = await loadStore([file]);
    const inMemory = await loadStore(inputs, { now: NOW });
    expect(fromFile.rdfFiles).toHaveLength(1);
    expect(inMemory.rdfFiles).toHaveLength(0);
    for (const e of listExamples())
      expect(await run(fromFile, example(e.name), 'csv')).toBe(
        await run(inMemory, example(e.name), 'csv'),
      );
  });

  test('N-Quads keep one named graph per jurisdiction; queries without GRAPH see them all', async () => {
    const loaded = await loadStore([`ca-on=${fx('ca-on')}`, `ca-qc=${fx('ca-qc')}`], { now: NOW });
    const { rows } = csvRows(
      await run(
        loaded,
        'PREFIX dcat: <http://www.w3.org/ns/dcat#>\nSELECT ?g (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?g dcat:dataset ?d } } GROUP BY ?g ORDER BY ?g',
        'csv',
      ),
    );
    expect(rows.map((r) => r.g)).toEqual([
      'https://data.ontario.ca',
      'https://www.donneesquebec.ca/recherche',
    ]);
  });

  test('an unreadable input is named and the others are still loaded', async () => {
    const broken = join(tmp.dir, 'broken.ttl');
    writeFileSync(
      broken,
      '@prefix dct: <http://purl.org/dc/terms/> .\n\n<http://a> dct:title "x .\n',
    );
    const loaded = await loadStore(
      [join(tmp.dir, 'missing.nq'), broken, `dcat-us=${fx('dcat-us')}`],
      { now: NOW, lang: 'fr' },
    );
    expect(loaded.problems.map((p) => [p.file.endsWith('missing.nq'), p.line])).toEqual([
      [true, undefined],
      [false, 3],
    ]);
    expect(loaded.problems[0].message).toMatch(/illisible/);
    expect(loaded.problems[1].message).toMatch(/^Turtle non valide/);
    expect(loaded.federation?.written).toBe(3);
  });

  test('gzipped N-Quads and N-Triples with a byte order mark are loaded', async () => {
    const nq =
      '<http://a.example/d> <http://purl.org/dc/terms/title> "Données"@fr <http://a.example/g> .\n';
    writeFileSync(join(tmp.dir, 'one.nq.gz'), gzipSync(nq));
    writeFileSync(
      join(tmp.dir, 'bom.nt'),
      `\uFEFF<http://a.example/e> <http://purl.org/dc/terms/title> "Été" .\n`,
    );
    const loaded = await loadStore([join(tmp.dir, 'one.nq.gz'), join(tmp.dir, 'bom.nt')]);
    expect(loaded.problems).toEqual([]);
    const { rows } = csvRows(
      await run(loaded, 'SELECT ?t { ?s <http://purl.org/dc/terms/title> ?t } ORDER BY ?t', 'csv'),
    );
    expect(rows.map((r) => r.t)).toEqual(['Données', 'Été']);
  });

  test('records that cannot be read are named by file and line', () => {
    const named = fixtures.problems.map((p) => `${p.file}:${p.line}`);
    // line 7 of this JSON Lines file is cut in the middle of a string
    expect(readFileSync(fx('ca-gc/catalogue.jsonl'), 'utf8').split('\n')[6]).not.toMatch(/}\s*$/);
    expect(named).toContain('fixtures/ca-gc/catalogue.jsonl:7');
  });
});

describe('results formats', () => {
  const q =
    'PREFIX dct: <http://purl.org/dc/terms/>\nSELECT ?c ?title WHERE { ?f <http://www.w3.org/ns/dcat#catalog> ?c . ?c dct:title ?title FILTER(lang(?title) = "fr") } ORDER BY ?c LIMIT 2';

  test('CSV: the variables, then one line per row, CRLF, plain values (SPARQL 1.1 CSV)', async () => {
    const text = await run(fixtures, q, 'csv');
    expect(text.startsWith('c,title\r\n')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).not.toMatch(/[<>]|@fr/);
  });

  test('JSON: head.vars and results.bindings with typed terms (SPARQL 1.1 JSON)', async () => {
    const json = JSON.parse(await run(fixtures, q, 'json'));
    expect(json.head.vars).toEqual(['c', 'title']);
    expect(json.results.bindings).toHaveLength(2);
    const b = json.results.bindings[0];
    expect(b.c.type).toBe('uri');
    expect(b.title).toEqual({ type: 'literal', value: expect.any(String), 'xml:lang': 'fr' });
  });

  test('TSV: terms in their SPARQL spelling', async () => {
    const [head, first] = (await run(fixtures, q, 'tsv')).split('\n');
    expect(head).toBe('?c\t?title');
    expect(first).toMatch(/^<http[^>]+>\t"[^"]+"@fr$/);
  });

  test('ASK: true or false; CONSTRUCT: Turtle; a table aligns its columns', async () => {
    expect(await run(fixtures, 'ASK { ?d a <http://www.w3.org/ns/dcat#Dataset> }', 'table')).toBe(
      'true\n',
    );
    expect(JSON.parse(await run(fixtures, 'ASK { ?d a <urn:x:nothing> }', 'json')).boolean).toBe(
      false,
    );
    const ttl = await run(
      fixtures,
      'CONSTRUCT { ?c a <http://www.w3.org/ns/dcat#Catalog> } WHERE { ?f <http://www.w3.org/ns/dcat#catalog> ?c }',
      'turtle',
    );
    expect(ttl).toMatch(/^@prefix dcat: /m);
    expect(ttl.match(/ a dcat:Catalog/g)).toHaveLength(12);
    const table = (await run(fixtures, q, 'table')).split('\n');
    expect(table[0]).toMatch(/^c {2,}title$/);
    expect(table[1]).toMatch(/^-+ {2}-+$/);
    expect(table[2].indexOf('  ') + 2).toBeLessThanOrEqual(table[0].indexOf('title'));
    expect(table.at(-2)).toBe('(2 rows)');
    // numbers on the right: the last column, a count, ends where its heading ends
    const counts = (await run(fixtures, example('licences-in-use'), 'table')).split('\n');
    expect(counts[2]).toMatch(/ \d+ +\d+ +\d+$/);
    expect(counts[2].length).toBe(counts[0].length);
  });

  test('a CONSTRUCT asked for as CSV is a usage error', async () => {
    await expect(run(fixtures, 'CONSTRUCT WHERE { ?s ?p ?o }', 'csv')).rejects.toThrow(
      /CONSTRUCT query gives RDF: use --format turtle or ntriples/,
    );
  });
});

describe('errors', () => {
  test('a syntax error names the query file, line and column', async () => {
    await expect(
      prepareQuery('SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }', 'q.rq'),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^q\.rq:3:\d+: SPARQL syntax error: /),
      fr: expect.stringMatching(/^q\.rq:3:\d+ : erreur de syntaxe SPARQL : /),
    });
  });

  test('SERVICE is refused where it is written, even SILENT; the word in a string or IRI is not', async () => {
    await expect(
      prepareQuery(
        'SELECT * WHERE {\n  SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }',
        'q.rq',
      ),
    ).rejects.toThrow(/^q\.rq:2:3: SERVICE is not run/);
    await expect(
      prepareQuery('SELECT * { ?s ?p ?o .service <http://127.0.0.1:9/> { ?a ?b ?c } }', 'q.rq'),
    ).rejects.toThrow(/^q\.rq:1:22: SERVICE is not run/);
    const ok = await prepareQuery(
      'SELECT * WHERE { ?s <http://example.org/SERVICE> "SERVICE" } # SERVICE',
      'q.rq',
    );
    expect(ok.form).toBe('select');
  });

  test('an update is not a query', async () => {
    await expect(prepareQuery('INSERT DATA { <a:b> <a:c> <a:d> }', 'u.rq')).rejects.toThrow(
      /^u\.rq:1:\d+: SPARQL syntax error/,
    );
  });

  test('an unknown example lists the examples', () => {
    expect(() => exampleQuery('nope')).toThrow(/high-value-coverage/);
  });
});

describe('passerelle query', () => {
  test('an example on the fixtures: CSV off a terminal, the unreadable records named, exit 1', () => {
    const r = cli(['query', 'fixtures', '-e', 'licences-in-use', '--now', '2026-11-01']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('licence,datasets,distributions,jurisdictions\r\n')).toBe(true);
    expect(r.stderr).toMatch(/^fixtures\/ca-gc\/catalogue\.jsonl:7:\d+: /m);
    expect(r.stderr).toMatch(/inputs or records left out/);
  });

  test('a query file after the inputs; a syntax error exits 2 in French', () => {
    const file = join(tmp.dir, 'bad.rq');
    writeFileSync(file, 'SELECT ?x WHERE {\n  ?x ?y\n}\n');
    const r = cli(['query', fx('dcat-us'), file, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.rq:\d+:\d+ : erreur de syntaxe SPARQL/);
    expect(r.stdout).toBe('');
  });

  test('--list-examples', () => {
    const r = cli(['query', '--list-examples', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^licences-in-use +Licences employées/m);
  });
});
