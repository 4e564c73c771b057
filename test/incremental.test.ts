/**
 * Incremental federation (`src/federate/incremental.ts`) through `federate --to opensearch|solr`:
 * the fixtures of every jurisdiction, then a new harvest of Alberta (one record edited, one gone,
 * one new — a copy of a federal record, so "also published by" changes on a federal document the
 * run does not read). Only Alberta's files change, the report says so, the delta holds exactly
 * those changes, and the outputs equal a full rebuild's. Expected ids read from the inputs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import N3 from 'n3';
import { cli, ROOT, tempDir } from './helpers.js';
import { albertaCopy, FEDERAL_TRAFFIC_SIGNS, harvestAgain, PROFILES } from './harvest-again.js';
import {
  bulkActions,
  checkOpenSearchDocument,
  checkSolrDocument,
  filesOf,
} from './engine-check.js';

const profiles = PROFILES;
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const { ab, inputs } = albertaCopy(tmp.dir, 'ca-ab');

function federate(to: string, out: string, ...more: string[]) {
  return cli(['federate', ...inputs, '--to', to, '--output', out, '--now', '2026-11-01', ...more]);
}
const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const hashes = (dir: string) =>
  Object.fromEntries(Object.entries(filesOf(dir)).map(([n, t]) => [n, sha(t)]));

const copy = FEDERAL_TRAFFIC_SIGNS;
const os = join(tmp.dir, 'os');
const solr = join(tmp.dir, 'solr');
const docs = (dir: string) => join(dir, 'opensearch', 'documents');

describe('a new harvest of one jurisdiction', () => {
  const first = federate('opensearch', os);
  const firstSolr = federate('solr', solr);
  const before = hashes(docs(os));
  const beforeSolr = hashes(join(solr, 'solr', 'documents'));
  const ids = harvestAgain(ab);
  const second = federate('opensearch', os);
  const secondSolr = federate('solr', solr, '--lang', 'fr');

  test('the first run reads every jurisdiction; the second, Alberta alone', () => {
    // exit 1 when a record read could not be: the fixtures' planted ones, none of Alberta's
    for (const r of [first, second, firstSolr, secondSolr])
      expect(r.code).toBe(/could not be read|illisible/i.test(r.stderr) ? 1 : 0);
    expect(second.stderr).not.toMatch(/fixtures\//);
    for (const p of profiles) {
      expect(first.stderr).toMatch(new RegExp(`^${p}: \\d+ added \\(new\\)$`, 'm'));
      if (p !== 'ca-ab') {
        expect(second.stderr).toMatch(new RegExp(`^${p}: unchanged \\(not read\\)$`, 'm'));
        expect(secondSolr.stderr).toMatch(new RegExp(`^${p} : inchangé \\(non relu\\)$`, 'm'));
      }
    }
    expect(second.stderr).toMatch(/^ca-ab: 1 added, 1 removed, 1 changed$/m);
    expect(secondSolr.stderr).toMatch(/^ca-ab : 1 ajouté, 1 retiré, 1 modifié$/m);
    expect(second.stderr).toMatch(/^"also published by" changed on 1 document$/m);
    expect(secondSolr.stderr).toMatch(/^« publié aussi par » modifié sur 1 document$/m);
    expect(second.stderr).toMatch(/\(1 of \d+ jurisdictions read\)/);
  });

  test("only Alberta's files change", () => {
    const after = hashes(docs(os));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(after))
      expect([name, after[name] === before[name]]).toEqual([name, !name.startsWith('ca-ab.')]);
    const afterSolr = hashes(join(solr, 'solr', 'documents'));
    for (const name of Object.keys(afterSolr))
      expect([name, afterSolr[name] === beforeSolr[name]]).toEqual([
        name,
        !name.startsWith('ca-ab.'),
      ]);
  });

  test('the delta holds exactly the changes: a deletion, the documents added or changed, the new link', () => {
    const delta = filesOf(join(os, 'opensearch', 'delta'));
    expect(Object.keys(delta)).toEqual(['delete.1.ndjson', 'update.1.ndjson']);
    expect(bulkActions(delta['delete.1.ndjson'])).toEqual([{ action: 'delete', id: ids.removed }]);
    const updates = bulkActions(delta['update.1.ndjson']);
    expect(updates.map((u) => [u.action, u.id])).toEqual([
      ['index', ids.changed],
      ['index', ids.added],
      ['update', copy],
    ]);
    expect(updates[0].body?.title_en).toMatch(/\(revised\)$/);
    expect(updates[1].body).toMatchObject({ duplicates: [copy], jurisdiction: 'ca-ab' });
    expect(updates[2].body).toEqual({ doc: { duplicates: [ids.added], duplicate_of: ids.added } });
    for (const u of updates.slice(0, 2)) expect(checkOpenSearchDocument(u.body ?? {})).toEqual([]);
    for (const [field, v] of Object.entries(updates[2].body?.doc as object))
      expect(checkOpenSearchDocument({ id: copy, [field]: v })).toEqual([]);
  });

  test('Solr: deletions by id, documents and an atomic update of the links', () => {
    const delta = filesOf(join(solr, 'solr', 'delta'));
    expect(JSON.parse(delta['delete.1.json'])).toEqual({ delete: [ids.removed] });
    const updates = JSON.parse(delta['update.1.json']);
    expect(updates.map((u: { id: string }) => u.id)).toEqual([ids.changed, ids.added, copy]);
    expect(updates[2]).toEqual({
      id: copy,
      duplicates: { set: [ids.added] },
      duplicate_of: { set: ids.added },
    });
    expect(checkSolrDocument(updates[0])).toEqual([]);
    expect(checkSolrDocument(updates[2], undefined, true)).toEqual([]);
  });

  test('loaded whole (documents, then links), the folder equals a full rebuild', () => {
    const links = bulkActions(filesOf(join(os, 'opensearch', 'links'))['links.1.ndjson']);
    expect(links.map((l) => [l.action, l.id])).toEqual([['update', copy]]);
    const load = (dir: string, withLinks: typeof links) => {
      const index = new Map<string, Record<string, unknown>>();
      for (const t of Object.values(filesOf(docs(dir))))
        for (const a of bulkActions(t)) index.set(a.id, a.body ?? {});
      for (const l of withLinks) {
        const d = index.get(l.id) as Record<string, unknown>;
        for (const [k, v] of Object.entries(l.body?.doc as object))
          if (v === null || (Array.isArray(v) && !v.length)) delete d[k];
          else d[k] = v;
      }
      return index;
    };
    const full = join(tmp.dir, 'full');
    federate('opensearch', full);
    expect(filesOf(join(full, 'opensearch', 'links'))).toEqual({});
    expect(load(os, links)).toEqual(load(full, []));
  });

  test('a third run with nothing new: nothing read, the links kept, an empty delta', () => {
    const links = filesOf(join(os, 'opensearch', 'links'));
    const third = federate('opensearch', os);
    expect(third.stderr).not.toMatch(/added|changed on/);
    expect(filesOf(join(os, 'opensearch', 'links'))).toEqual(links);
    expect(filesOf(join(os, 'opensearch', 'delta'))).toEqual({});
    // every jurisdiction written again (--full): the federal file carries the link itself
    federate('opensearch', os, '--full');
    expect(filesOf(join(os, 'opensearch', 'links'))).toEqual({});
    const federal = Object.entries(filesOf(docs(os)))
      .filter(([n]) => n.startsWith('ca-gc.'))
      .flatMap(([, t]) => bulkActions(t));
    expect(federal.find((d) => d.id === copy)?.body?.duplicate_of).toBe(
      'https://open.alberta.ca/publications/traffic-sign-inventory',
    );
  });

  test('a jurisdiction left out: its documents deleted, its files gone; a missing file: read again', () => {
    const fewer = inputs.filter((i) => !i.startsWith('dcat-us='));
    const dcatUs = Object.keys(filesOf(docs(os))).filter((n) => n.startsWith('dcat-us.'));
    const gone = bulkActions(filesOf(docs(os))[dcatUs[0]]).map((a) => a.id);
    const r = cli(['federate', ...fewer, '--to', 'opensearch', '-o', os, '--now', '2026-11-01']);
    expect(r.stderr).toMatch(
      new RegExp(`^dcat-us: no longer among the inputs, ${gone.length} removed$`, 'm'),
    );
    expect(Object.keys(filesOf(docs(os))).filter((n) => n.startsWith('dcat-us.'))).toEqual([]);
    const deleted = bulkActions(filesOf(join(os, 'opensearch', 'delta'))['delete.1.ndjson']);
    expect(deleted.map((d) => d.id).sort()).toEqual(gone.sort());

    const bc = Object.keys(filesOf(docs(os))).find((n) => n.startsWith('ca-bc.')) as string;
    const text = readFileSync(join(docs(os), bc), 'utf8');
    rmSync(join(docs(os), bc));
    const again = cli([
      'federate',
      ...fewer,
      '--to',
      'opensearch',
      '-o',
      os,
      '--now',
      '2026-11-01',
    ]);
    expect(again.stderr).toMatch(/^ca-bc: 0 added, 0 removed, 0 changed$/m);
    expect(readFileSync(join(docs(os), bc), 'utf8')).toBe(text);
  });
});

describe('N-Quads into a folder: a file per named graph, a SPARQL Update for a running store', () => {
  const copy2 = albertaCopy(tmp.dir, 'ca-ab-nq');
  const out = join(tmp.dir, 'nq');
  mkdirSync(out);
  const run = () =>
    cli(['federate', ...copy2.inputs, '--to', 'nquads', '-o', out, '--now', '2026-11-01']);
  const first = run();
  const nq = join(out, 'nquads');
  const before = hashes(nq);
  const firstFiles = filesOf(nq);
  const ids = harvestAgain(copy2.ab);
  const second = run();
  const after = filesOf(nq);
  const single = cli(['federate', ...copy2.inputs, '--to', 'nquads', '--now', '2026-11-01']);
  const parse = (text: string) => new N3.Parser({ format: 'N-Quads' }).parse(text);
  /** The catalogue of a jurisdiction: its profile's portal, else one under the base. */
  const catalogueOf = (p: string) =>
    /^portal: (\S+)$/m.exec(readFileSync(join(ROOT, 'profiles', `${p}.yaml`), 'utf8'))?.[1] ??
    `https://passerelle.opendata.ca/federation/catalogue/${p}`;

  test("each jurisdiction's file holds its graph alone, named by its catalogue", () => {
    expect(first.stderr).toMatch(/ca-gc: \d+ added \(new\)/);
    for (const p of profiles) {
      const graphs = new Set(parse(firstFiles[`${p}.nq`]).map((q) => q.graph.value));
      expect([p, [...graphs]]).toEqual([p, [catalogueOf(p)]]);
    }
    const head = new Set(parse(firstFiles['catalogue.nq']).map((q) => q.graph.value));
    expect([...head]).toEqual(['https://passerelle.opendata.ca/federation/catalogue']);
  });

  test('together they hold the statements of the single N-Quads file', () => {
    // after the second run, against a single file of the same inputs; graphs and blank labels aside
    const triples = (quads: N3.Quad[]) =>
      quads
        .filter((q) => q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode')
        .map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id}`)
        .sort();
    const files = Object.entries(after).filter(([n]) => n.endsWith('.nq'));
    const union = files.flatMap(([, t]) => parse(t));
    const whole = parse(single.stdout);
    expect(union.length).toBe(whole.length);
    expect(triples(union)).toEqual(triples(whole));
    // the single file names the same graphs, the links aside (in their jurisdiction's graph there)
    const graphs = (qs: N3.Quad[]) => [...new Set(qs.map((q) => q.graph.value))].sort();
    expect(graphs(whole)).toEqual(
      graphs(union).filter((g) => g !== 'https://passerelle.opendata.ca/federation/links'),
    );
  });

  test("the second run rewrites Alberta's graph, the catalogue and the links alone", () => {
    expect(second.stderr).toMatch(/^ca-ab: 1 added, 1 removed, 1 changed$/m);
    const changed = Object.keys(after).filter((n) => sha(after[n]) !== before[n]);
    expect(changed.sort()).toEqual(['ca-ab.nq', 'links.nq', 'update.ru']);
    const ab = parse(after['ca-ab.nq']).map((q) => q.subject.value);
    expect(ab).toContain(ids.added);
    expect(ab).not.toContain(ids.removed);
    const links = parse(after['links.nq']);
    const rel = links.find((q) => q.subject.value === copy)?.object;
    expect(
      links.filter((q) => q.subject.equals(rel as N3.Term)).map((q) => q.object.value),
    ).toEqual(
      expect.arrayContaining([ids.added, 'http://www.iana.org/assignments/relation/duplicate']),
    );
  });

  test('update.ru drops the graphs rewritten and inserts exactly their files', () => {
    const ru = after['update.ru'];
    const drops = [...ru.matchAll(/^DROP SILENT GRAPH <([^>]+)> ;$/gm)].map((m) => m[1]);
    expect(drops).toEqual([
      catalogueOf('ca-ab'),
      'https://passerelle.opendata.ca/federation/catalogue',
      'https://passerelle.opendata.ca/federation/links',
    ]);
    const blocks = [...ru.matchAll(/^ {2}GRAPH <([^>]+)> \{\n([\s\S]*?)^ {2}\}$/gm)];
    expect(blocks.map((b) => b[1])).toEqual(drops);
    const files = ['ca-ab.nq', 'catalogue.nq', 'links.nq'];
    blocks.forEach((b, i) => {
      const inserted = new N3.Parser({ format: 'N-Triples' }).parse(b[2]);
      const file = parse(after[files[i]]);
      expect(inserted.length).toBe(file.length);
      expect(file.every((q) => q.graph.value === b[1])).toBe(true);
    });
    expect(ru).toMatch(/^INSERT DATA \{$/m);
    expect(ru.trimEnd().endsWith('}')).toBe(true);
  });
});

test('a damaged manifest, or one of another version: said, and everything read again', () => {
  // two jurisdictions are enough here
  const out = join(tmp.dir, 'damaged');
  const two = ['ca-gc=fixtures/ca-gc/catalogue.jsonl', 'dcat-us=fixtures/dcat-us'];
  const run = (...more: string[]) =>
    cli(['federate', ...two, '--to', 'opensearch', '-o', out, '--now', '2026-11-01', ...more]);
  run();
  const manifest = join(out, 'federation-manifest.json');
  const saved = readFileSync(manifest, 'utf8');
  writeFileSync(manifest, saved.slice(0, 100));
  const r = run();
  expect(r.stderr).toMatch(
    /^federation-manifest\.json: unreadable \(.+\); every jurisdiction is read again$/m,
  );
  expect(r.stderr).toMatch(/^ca-gc: \d+ added \(new\)$/m);
  writeFileSync(manifest, saved.replace(/"tool":"[^"]*"/, '"tool":"0.0.1"'));
  expect(run().stderr).toMatch(/written by another version \(0\.0\.1/);
  writeFileSync(manifest, saved.replace(/"format":"opensearch"/, '"format":"solr"'));
  expect(run().stderr).toMatch(/^federation-manifest\.json: written for solr; /m);
  const m = JSON.parse(saved);
  for (const jurisdictions of [
    [1],
    // an id that would name a file outside the folder
    { ...m.jurisdictions, '../../elsewhere': m.jurisdictions['ca-gc'] },
    { ...m.jurisdictions, 'ca-gc': { ...m.jurisdictions['ca-gc'], keys: [{ iri: 1 }] } },
  ]) {
    writeFileSync(manifest, JSON.stringify({ ...m, jurisdictions }));
    const d = run();
    expect([d.code < 2, d.stderr]).toEqual([true, expect.stringMatching(/its content is damaged/)]);
  }
  expect(run('--full').stderr).toMatch(/^ca-gc: 0 added, 0 removed, 0 changed$/m);
  expect(run('--lang', 'fr').stderr).toMatch(/^ca-gc : inchangé \(non relu\)$/m);
});
