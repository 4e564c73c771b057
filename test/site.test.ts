/**
 * `federate --to site` over the fixtures of every profile: the files written (page, assets, one
 * folder per jurisdiction, chunks within their size), every dataset accounted for once, the
 * catalogue's names and labels as the profiles and vocabularies give them, record text never
 * executable, and the usage errors. The page itself is tested in Chromium by site-browser.test.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT, tempDir } from './helpers.js';
import { buildSite, fixtureInputs, readSite } from './site-helpers.js';
import { HOSTILE_TITLE, hostilePackage } from './report-helpers.js';
import { CHUNK_BYTES, JurisdictionWriter, writeJurisdiction } from '../src/federate/site/write.js';
import { writeShared } from '../src/federate/site/shared.js';
import { CSP } from '../src/federate/site/page.js';
import { rulePageUrl } from '../src/tool.js';
import type { SearchDocument } from '../src/federate/document.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const inputs = fixtureInputs();
const profiles = inputs.map((i) => i.split('=')[0]);
const site = join(tmp.dir, 'site');
const indexFile = join(tmp.dir, 'index.jsonl');
const run = buildSite(inputs, site, indexFile);
const index = readFileSync(indexFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; jurisdiction: string; title: { en?: string } });
const read = readSite(site);

test('the run says where the site is and how much it holds', () => {
  // some fixtures hold unreadable records on purpose: exit 1, the site written all the same
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`search site written to ${site}: ${index.length} datasets in`);
  expect(run.stdout).toBe('');
});

test('a page, its assets, and one folder per jurisdiction', () => {
  for (const f of ['index.html', 'assets/site.js', 'assets/site.css', 'assets/minisearch.js'])
    expect(existsSync(join(site, f))).toBe(true);
  expect(readdirSync(join(site, 'data')).sort()).toEqual(
    [...profiles, 'catalogue.js'].sort((a, b) => (a < b ? -1 : 1)),
  );
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  // nothing from elsewhere: every src and href is a file of the site
  const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(refs.filter((r) => !r.startsWith('#') && !existsSync(join(site, r)))).toEqual([]);
});

test('every dataset written is in its jurisdiction folder once, and the totals agree', () => {
  const ids = read.records.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(index.map((l) => l.id).sort());
  expect(read.catalogue.records).toBe(index.length);
  for (const j of read.catalogue.jurisdictions) {
    const mine = read.records.filter((r) => r.jurisdiction === j.id);
    expect(mine.length).toBe(index.filter((l) => l.jurisdiction === j.id).length);
    expect(j.records).toBe(mine.length);
    expect(mine.every((r) => r.chunk.startsWith(`data/${j.id}/`))).toBe(true);
    for (const c of j.chunks) {
      expect(statSync(join(site, c.file)).size).toBe(c.bytes);
      expect(c.bytes).toBeLessThanOrEqual(CHUNK_BYTES);
    }
  }
  // the chunk calls name their jurisdiction and number as the catalogue does
  for (const c of read.calls) expect(c.file).toBe(`data/${c.jurisdiction}/${c.n}.js`);
  // read by hand: the Drug Product Database is read twice (extract and package_show) and written once
  expect(ids.filter((i) => i.endsWith('6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13'))).toHaveLength(1);
  // the local path of the export is not published
  expect(read.records.every((r) => !('file' in r.source))).toBe(true);
});

test("catalogue.js: the jurisdictions by their profile's name, labels of the codes used", () => {
  for (const p of profiles) {
    const y = parse(readFileSync(join(ROOT, 'profiles', `${p}.yaml`), 'utf8'));
    const j = read.catalogue.jurisdictions.find((x) => x.id === p);
    expect(j?.name).toEqual(y.jurisdiction?.name ?? y.name);
    expect(j?.source).toEqual(y.name);
  }
  expect(read.catalogue.now).toBe('2026-11-01');
  // the EU theme table's labels (crosswalks/vocabularies/theme.yaml), for the themes records use
  const themes = parse(readFileSync(join(ROOT, 'crosswalks/vocabularies/theme.yaml'), 'utf8'));
  const used = new Set(read.records.flatMap((r) => r.themes));
  expect(Object.keys(read.catalogue.labels.themes).sort()).toEqual([...used].sort());
  expect(read.catalogue.labels.themes.HEAL).toEqual(themes.concepts.HEAL.label);
  // each rule found has its page in both languages
  const rules = new Set(read.records.flatMap((r) => r.quality.rules));
  expect(Object.keys(read.catalogue.labels.rules).sort()).toEqual([...rules].sort());
  expect(read.catalogue.labels.rules['odc/bilingual']?.url).toEqual({
    en: rulePageUrl('odc/bilingual', 'en'),
    fr: rulePageUrl('odc/bilingual', 'fr'),
  });
});

test('a federal record as the site holds it: bilingual text, facets as codes, quality', () => {
  // line 1 of fixtures/ca-gc/catalogue-extract.jsonl.gz
  const dpd = read.records.find((r) => r.identifier === '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13');
  expect(dpd).toMatchObject({
    jurisdiction: 'ca-gc',
    title: { en: 'Drug Product Database (DPD) data extract' },
    publisher: { en: 'Health Canada', fr: 'Santé Canada' },
    themes: ['HEAL'],
    formats: ['CSV', 'HTML'],
    openLicence: 'open',
  });
  expect(dpd?.quality.max).toBeGreaterThan(0);
});

describe('record text', () => {
  const dir = join(tmp.dir, 'hostile');
  const pkg = hostilePackage();
  const desc = '</script><img src=x onerror=alert(1)> "\u2028\u0085';
  (pkg as { notes_translated: unknown }).notes_translated = { en: desc, fr: desc };
  mkdirSync(dir);
  writeFileSync(join(dir, 'hostile.jsonl'), `${JSON.stringify(pkg)}\n`);
  const out = join(tmp.dir, 'hostile-site');
  const r = buildSite([`ca-gc=${dir}`], out, join(tmp.dir, 'hostile.jsonl'));

  test('stays data: the chunk gives it back exactly and nothing else carries it', () => {
    expect(r.code).toBe(0);
    const back = readSite(out);
    expect(back.records[0].title.en).toBe(HOSTILE_TITLE);
    expect(back.records[0].description.en).toBe(desc);
    for (const f of ['index.html', 'assets/site.js', 'data/catalogue.js'])
      expect(readFileSync(join(out, f), 'utf8')).not.toContain('alert(');
  });

  test("the page's script builds no markup from strings", () => {
    const js = readFileSync(join(out, 'assets/site.js'), 'utf8');
    expect(js).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
    );
  });
});

describe('usage', () => {
  test('--to site needs --output, in English and French', () => {
    const en = cli(['federate', 'ca-gc=fixtures/ca-gc', '--to', 'site']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--to site needs --output <folder>');
    const fr = cli(['federate', 'ca-gc=fixtures/ca-gc', '--to', 'site', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('--to site demande --output <dossier>');
  });

  test('a folder holding something else is refused, untouched', () => {
    const dir = join(tmp.dir, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = cli(['federate', 'ca-on=fixtures/ca-on', '--to', 'site', '-o', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no Passerelle search site');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    const file = join(dir, 'notes.txt');
    const f = cli(['federate', 'ca-on=fixtures/ca-on', '--to', 'site', '-o', file, '--lang', 'fr']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain(`--output ${file} : un site est un dossier, et ceci est un fichier`);
  });
});

describe('one jurisdiction at a time (the incremental layer)', () => {
  const docs = read.records.filter((r) => r.jurisdiction === 'ca-gc');
  const doc = (r: (typeof docs)[number]): SearchDocument => ({
    ...r,
    source: { catalogue: r.source.catalogue, file: 'x' },
  });

  test('small chunks: each within its size, every record once, in order', async () => {
    const dir = join(tmp.dir, 'small');
    const w = new JurisdictionWriter(dir, { id: 'ca-gc', name: { en: 'Canada' } }, 40_000);
    for (const d of docs) w.add(doc(d));
    const m = w.close();
    expect(m.chunks.length).toBeGreaterThan(1);
    for (const c of m.chunks) expect(c.bytes).toBeLessThanOrEqual(40_000);
    writeShared(dir, { now: new Date('2026-11-01') });
    expect(readSite(dir).records.map((r) => r.id)).toEqual(docs.map((d) => d.id));
  });

  test('rewriting one folder and the shared files leaves the other folders as they were', async () => {
    const dir = join(tmp.dir, 'incremental');
    await writeJurisdiction(dir, { id: 'ca-gc', name: { en: 'Canada' } }, docs.map(doc));
    await writeJurisdiction(dir, { id: 'ca-on', name: { en: 'Ontario' } }, []);
    writeShared(dir, { now: new Date('2026-11-01') });
    const before = readFileSync(join(dir, 'data/ca-gc/0.js'), 'utf8');
    await writeJurisdiction(
      dir,
      { id: 'ca-on', name: { en: 'Ontario' } },
      docs.slice(0, 2).map(doc),
    );
    writeShared(dir, { now: new Date('2026-11-01') });
    expect(readFileSync(join(dir, 'data/ca-gc/0.js'), 'utf8')).toBe(before);
    const again = readSite(dir);
    expect(again.catalogue.jurisdictions.map((j) => [j.id, j.records])).toEqual([
      ['ca-gc', docs.length],
      ['ca-on', 2],
    ]);
  });
});
