/**
 * `federate --to site` over the fixtures of every profile: the files written (page, assets, one
 * folder per jurisdiction, chunks within their size), every dataset accounted for once, the
 * catalogue's names and labels as the profiles and vocabularies give them, record text never
 * executable, and the usage errors. The page itself is tested in Chromium by site-browser.test.ts.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT, tempDir } from './helpers.js';
import { buildSite, FEDERAL_COPY, fixtureInputs, readSite } from './site-helpers.js';
import { albertaCopy, harvestAgain } from './harvest-again.js';
import { SHOWN_DUPLICATES, siteLinks } from '../src/federate/site/record.js';
import { HOSTILE_TITLE, hostilePackage } from './report-helpers.js';
import { CHUNK_BYTES, JurisdictionWriter, writeJurisdiction } from '../src/federate/site/write.js';
import { writeShared } from '../src/federate/site/shared.js';
import { CSP } from '../src/federate/site/page.js';
import { rulePageUrl } from '../src/tool.js';
import type { SearchDocument } from '../src/federate/document.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
/** Every file under a folder, by its path there, with the hash of its content. */
const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );
/** The files of a site, the manifest aside (it names the inputs' files, not the site's content). */
const siteFiles = (dir: string) => {
  const { 'federation-manifest.json': _, ...rest } = hashes(dir);
  return rest;
};
const inputs = fixtureInputs();
const profiles = inputs.map((i) => i.split('=')[0]);
const site = join(tmp.dir, 'site');
const run = buildSite(inputs, site);
/** What the incremental core says each jurisdiction's documents are (federation-manifest.json). */
const written = (dir: string): { id: string; jurisdiction: string }[] =>
  Object.entries(
    JSON.parse(readFileSync(join(dir, 'federation-manifest.json'), 'utf8')).jurisdictions as Record<
      string,
      { documents: Record<string, unknown> }
    >,
  ).flatMap(([jurisdiction, j]) => Object.keys(j.documents).map((id) => ({ id, jurisdiction })));
const index = written(site);
const read = readSite(site);

test('the run says where the site is and how much it holds', () => {
  // some fixtures hold unreadable records on purpose: exit 1, the site written all the same
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`search site written to ${site}: ${index.length} datasets in`);
  expect(run.stderr).toContain(`; ${profiles.length} of ${profiles.length} jurisdictions read)`);
  for (const p of profiles)
    expect(run.stderr).toMatch(new RegExp(`^${p}: \\d+ added \\(new\\)$`, 'm'));
  expect(run.stdout).toBe('');
});

test('a page, its assets, and one folder per jurisdiction', () => {
  for (const f of ['index.html', 'assets/site.js', 'assets/site.css', 'assets/minisearch.js'])
    expect(existsSync(join(site, f))).toBe(true);
  expect(readdirSync(join(site, 'data')).sort()).toEqual(
    [...profiles, 'catalogue.js', 'links.js'].sort((a, b) => (a < b ? -1 : 1)),
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
  const r = buildSite([`ca-gc=${dir}`], out);

  test('stays data: the chunk gives it back exactly and nothing else carries it', () => {
    expect(r.code).toBe(0);
    const back = readSite(out);
    expect(back.records[0].title.en).toBe(HOSTILE_TITLE);
    expect(back.records[0].description.en).toBe(desc);
    for (const f of ['index.html', 'assets/site.js', 'data/catalogue.js', 'data/links.js'])
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

  test('--index goes with one catalogue file, not the site', () => {
    const r = cli(
      ['federate', 'ca-on=fixtures/ca-on', '--to', 'site', '-o', join(tmp.dir, 'x')].concat([
        '--index',
        join(tmp.dir, 'x.jsonl'),
      ]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--index goes with one catalogue file; --to site into a folder');
    expect(existsSync(join(tmp.dir, 'x'))).toBe(false);
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

test('"also published by": copies in other jurisdictions only, the first 20 listed, the rest counted', () => {
  const of = (id: string) => id.split(':')[0];
  const copies = Array.from({ length: 25 }, (_, i) => `ca-gc:${i}`);
  expect(siteLinks('ca-ab', { duplicates: ['ca-ab:own', ...copies] }, of)).toEqual({
    duplicates: copies.slice(0, SHOWN_DUPLICATES),
    duplicateCount: 25,
  });
  expect(siteLinks('ca-ab', { duplicates: ['ca-gc:1'], duplicateOf: 'ca-gc:1' }, of)).toEqual({
    duplicates: ['ca-gc:1'],
  });
  // a jurisdiction's own repeats are not "also published by"
  expect(siteLinks('ca-ab', { duplicates: ['ca-ab:2'] }, of)).toBeUndefined();
  // on the site built: every copy listed is another jurisdiction's dataset
  const where = new Map(read.records.map((r) => [r.id, r.jurisdiction]));
  for (const r of read.records)
    for (const c of r.duplicates)
      expect([c, where.get(c)]).toEqual([c, expect.not.stringMatching(`^${r.jurisdiction}$`)]);
});

describe('a new harvest of one jurisdiction (incremental, like the engines)', () => {
  // every jurisdiction's fixtures, Alberta's from a copy harvested again (test/harvest-again.ts)
  const { ab, inputs: again } = albertaCopy(tmp.dir, 'ca-ab');
  const en = join(tmp.dir, 'inc-en');
  const fr = join(tmp.dir, 'inc-fr');
  const first = buildSite(again, en);
  cpSync(en, fr, { recursive: true });
  const before = hashes(en);
  const ids = harvestAgain(ab);
  const second = buildSite(again, en);
  const secondFr = buildSite(again, fr, '--lang', 'fr');
  const after = hashes(en);
  const full = join(tmp.dir, 'inc-full');
  buildSite(again, full);

  test('the second run reads Alberta alone and says what changed, in English and French', () => {
    expect(first.stderr).toMatch(/^ca-ab: \d+ added \(new\)$/m);
    for (const p of profiles.filter((x) => x !== 'ca-ab')) {
      expect(second.stderr).toMatch(new RegExp(`^${p}: unchanged \\(not read\\)$`, 'm'));
      expect(secondFr.stderr).toMatch(new RegExp(`^${p} : inchangé \\(non relu\\)$`, 'm'));
    }
    expect(second.stderr).toMatch(/^ca-ab: 1 added, 1 removed, 1 changed$/m);
    expect(secondFr.stderr).toMatch(/^ca-ab : 1 ajouté, 1 retiré, 1 modifié$/m);
    expect(second.stderr).toMatch(/^"also published by" changed on 1 document$/m);
    expect(secondFr.stderr).toMatch(/^« publié aussi par » modifié sur 1 document$/m);
    expect(second.stderr).toContain(
      `; 1 of ${profiles.length} jurisdictions read); open ${en}/index.html`,
    );
    expect(secondFr.stderr).toContain(`; administrations lues : 1 sur ${profiles.length})`);
    // the fixtures' unreadable records are in jurisdictions not read: not named again
    expect(second.stderr).not.toMatch(/fixtures\//);
    expect(second.code).toBe(0);
  });

  test("only Alberta's folder and the shared data files change; the others are kept byte for byte", () => {
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.filter((f) => !f.startsWith('data/ca-ab/')).sort()).toEqual([
      'data/catalogue.js',
      'data/links.js',
      'federation-manifest.json',
    ]);
    expect(changed.some((f) => f.startsWith('data/ca-ab/'))).toBe(true);
    const kept = (h: Record<string, string>) =>
      Object.keys(h).filter((f) => !f.startsWith('data/ca-ab/'));
    expect(kept(after)).toEqual(kept(before));
  });

  test('the page finds the new record, the edit, and the new "also published by"', () => {
    const site2 = readSite(en);
    const ab2 = site2.records.filter((r) => r.jurisdiction === 'ca-ab').map((r) => r.id);
    expect(ab2).toContain(ids.added);
    expect(ab2).not.toContain(ids.removed);
    expect(site2.records.find((r) => r.id === ids.changed)?.title.en).toMatch(/\(revised\)$/);
    expect(site2.catalogue.records).toBe(site2.records.length);
    // the federal copy, in a folder not rewritten, and Alberta's new record name each other
    expect(read.links[FEDERAL_COPY]).toBeUndefined();
    expect(site2.links[FEDERAL_COPY]).toEqual({ duplicates: [ids.added] });
    expect(site2.links[ids.added]).toEqual({ duplicates: [FEDERAL_COPY] });
  });

  test('the same files as a full rebuild, and as --full', () => {
    expect(siteFiles(en)).toEqual(siteFiles(full));
    const r = buildSite(again, en, '--full');
    expect(r.stderr).toMatch(/^ca-gc: 0 added, 0 removed, 0 changed$/m);
    expect(siteFiles(en)).toEqual(siteFiles(full));
  });

  test('a jurisdiction left out: its folder gone; a file missing: its jurisdiction read again', () => {
    const fewer = again.filter((i) => !i.startsWith('dcat-us='));
    const r = buildSite(fewer, en);
    expect(r.stderr).toMatch(/^dcat-us: no longer among the inputs, \d+ removed$/m);
    expect(existsSync(join(en, 'data', 'dcat-us'))).toBe(false);
    expect(readSite(en).catalogue.jurisdictions.map((j) => j.id)).not.toContain('dcat-us');
    const chunk = join(en, 'data', 'ca-bc', '0.js');
    const text = readFileSync(chunk, 'utf8');
    rmSync(chunk);
    const again2 = buildSite(fewer, en);
    expect(again2.stderr).toMatch(/^ca-bc: 0 added, 0 removed, 0 changed$/m);
    expect(readFileSync(chunk, 'utf8')).toBe(text);
  });
});
