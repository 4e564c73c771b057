/**
 * The search library of the static site, chosen by measurement (`node test/bench/site-libraries.mjs`,
 * after `npm run bench:site -- --documents` has written .bench/docs-100000.jsonl): MiniSearch, FlexSearch and Orama
 * index the same searchable text of 100,000 generated search documents (titles, descriptions,
 * keywords and publishers in English and French, accents folded); for each, the build time, the
 * serialized index (raw and gzipped), the time to load it back and answer a first query, in Node
 * and, for the libraries with a browser build a classic <script> can load (file:// forbids ES
 * module imports), in headless Chromium. Results in docs/performance.md.
 */
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.bench');
const require = createRequire(join(ROOT, 'package.json'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const docsFile = join(DIR, `docs-${process.argv[2] ?? '100000'}.jsonl`);
const QUERY = process.env.QUERY ?? 'sante';

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const both = (t) => [t?.en, t?.fr].filter(Boolean).join(' ');

const rows = [];
for await (const line of createInterface({ input: createReadStream(docsFile) })) {
  const d = JSON.parse(line);
  rows.push({
    id: rows.length,
    t: both(d.title),
    d: both(d.description),
    k: [...(d.keywords.en ?? []), ...(d.keywords.fr ?? [])].join(' '),
    p: both(d.publisher),
  });
}
const textBytes = Buffer.byteLength(JSON.stringify(rows));
console.log(
  `${rows.length} documents, ${(textBytes / 1e6).toFixed(1)} MB of searchable text as JSON`,
);

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const ms = (n) => `${Math.round(n)} ms`;
const results = [];

async function measure(name, build, serialize, load, search) {
  global.gc?.();
  let t = performance.now();
  const index = await build();
  const buildMs = performance.now() - t;
  t = performance.now();
  const text = await serialize(index);
  const serializeMs = performance.now() - t;
  const gz = gzipSync(text).length;
  t = performance.now();
  const loaded = await load(text);
  const hits = await search(loaded, QUERY);
  const loadMs = performance.now() - t;
  const r = { name, buildMs, serializeMs, raw: Buffer.byteLength(text), gz, loadMs, hits, text };
  results.push(r);
  console.log(
    `${name}: build ${ms(buildMs)}, serialize ${ms(serializeMs)}, index ${mb(r.raw)} (gzip ${mb(gz)}), load + first query (Node) ${ms(loadMs)}, "${QUERY}": ${hits} hits`,
  );
  return r;
}

// MiniSearch: one JSON text
const { default: MiniSearch } = await import(pathToFileURL(require.resolve('minisearch')).href);
const MS_OPTIONS = { fields: ['t', 'd', 'k', 'p'], processTerm: fold };
await measure(
  'minisearch',
  () => {
    const m = new MiniSearch(MS_OPTIONS);
    m.addAll(rows);
    return m;
  },
  (m) => JSON.stringify(m),
  (text) => MiniSearch.loadJSON(text, MS_OPTIONS),
  (m, q) => m.search(q, { prefix: true }).length,
);

// FlexSearch: a Document index, exported as keyed parts, joined here into one JSON object
const { default: FlexSearch } = await import(pathToFileURL(require.resolve('flexsearch')).href);
const FS_OPTIONS = {
  tokenize: 'forward',
  encoder: FlexSearch.Charset.LatinBalance,
  document: { id: 'id', index: ['t', 'd', 'k', 'p'] },
};
await measure(
  'flexsearch',
  () => {
    const f = new FlexSearch.Document(FS_OPTIONS);
    for (const r of rows) f.add(r);
    return f;
  },
  async (f) => {
    const parts = {};
    await f.export((key, data) => {
      parts[key] = data;
    });
    return JSON.stringify(parts);
  },
  async (text) => {
    const f = new FlexSearch.Document(FS_OPTIONS);
    for (const [k, v] of Object.entries(JSON.parse(text))) await f.import(k, v);
    return f;
  },
  (f, q) => new Set(f.search(q, { limit: 1e6 }).flatMap((r) => r.result)).size,
);

// Orama: save() gives a plain object
const orama = await import(pathToFileURL(require.resolve('@orama/orama')).href);
const OR_SCHEMA = { t: 'string', d: 'string', k: 'string', p: 'string' };
await measure(
  'orama',
  async () => {
    const db = orama.create({ schema: OR_SCHEMA });
    await orama.insertMultiple(
      db,
      rows.map((r) => ({ ...r, id: String(r.id) })),
      5000,
    );
    return db;
  },
  (db) => JSON.stringify(orama.save(db)),
  (text) => {
    const db = orama.create({ schema: OR_SCHEMA });
    orama.load(db, JSON.parse(text));
    return db;
  },
  async (db, q) => (await orama.search(db, { term: q, limit: 1 })).count,
);

// In Chromium: the library's browser file and the index as classic scripts from file://
if (existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const out = join(DIR, 'libraries');
  mkdirSync(out, { recursive: true });
  const pages = {
    minisearch: {
      lib: join(dirname(require.resolve('minisearch')), '..', 'umd', 'index.js'),
      run: `var m = MiniSearch.loadJSON(INDEX, { fields: ['t','d','k','p'], processTerm: function (s) { return s.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase(); } }); window.hits = m.search(Q, { prefix: true }).length;`,
    },
    flexsearch: {
      lib: join(dirname(require.resolve('flexsearch')), 'flexsearch.bundle.min.js'),
      run: `var f = new FlexSearch.Document({ tokenize: 'forward', encoder: FlexSearch.Charset.LatinBalance, document: { id: 'id', index: ['t','d','k','p'] } }); var parts = JSON.parse(INDEX); for (var k in parts) f.import(k, parts[k]); var s = new Set(); f.search(Q, { limit: 1e6 }).forEach(function (r) { r.result.forEach(function (i) { s.add(i); }); }); window.hits = s.size;`,
    },
  };
  // the same libraries indexing the text in the page instead of loading a serialized index
  const build = {
    minisearch: `var m = new MiniSearch({ fields: ['t','d','k','p'], processTerm: function (s) { return s.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase(); } }); m.addAll(ROWS); window.hits = m.search(Q, { prefix: true }).length;`,
    flexsearch: `var f = new FlexSearch.Document({ tokenize: 'forward', encoder: FlexSearch.Charset.LatinBalance, document: { id: 'id', index: ['t','d','k','p'] } }); ROWS.forEach(function (r) { f.add(r); }); var s = new Set(); f.search(Q, { limit: 1e6 }).forEach(function (r) { r.result.forEach(function (i) { s.add(i); }); }); window.hits = s.size;`,
  };
  writeFileSync(join(out, 'rows.js'), `var ROWS = ${JSON.stringify(rows)};`);
  const run = async (name, file) => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { timeout: 600000 });
    await page.waitForFunction(() => window.done !== undefined, null, { timeout: 600000 });
    const [done, hits] = await page.evaluate(() => [window.done, window.hits]);
    console.log(`${name} in Chromium: ${ms(done)}, ${hits} hits`);
    await page.close();
  };
  for (const [name, p] of Object.entries(pages)) {
    const r = results.find((x) => x.name === name);
    writeFileSync(join(out, `${name}-index.js`), `var INDEX = ${JSON.stringify(r.text)};`);
    const head = `<!doctype html><meta charset="utf-8"><script>var T0 = performance.now();</script><script src="${pathToFileURL(p.lib).href}"></script>`;
    const q = `var Q = ${JSON.stringify(QUERY)};`;
    writeFileSync(
      join(out, `${name}.html`),
      `${head}<script src="${name}-index.js"></script><script>${q} ${p.run} window.done = performance.now() - T0;</script>`,
    );
    writeFileSync(
      join(out, `${name}-build.html`),
      `${head}<script src="rows.js"></script><script>${q} ${build[name]} window.done = performance.now() - T0;</script>`,
    );
    await run(`${name}, serialized index loaded + first query`, join(out, `${name}.html`));
    await run(`${name}, text loaded and indexed + first query`, join(out, `${name}-build.html`));
  }
  await browser.close();
}
