/**
 * Cost linear (or n log n) in the size of a record and a file: a record with thousands of
 * resources, an XML record with 50,000 sibling keywords, CSV rows of 50,000 empty fields. Each
 * took minutes (or gigabytes) when a helper compared every finding, value or row with all the
 * others; now each finishes within the test's timeout with every finding, value and record there.
 * No timing is asserted: the timeout bounds them (before the fixes: 139 s, over 120 s, 4.8 GB;
 * 300,000 audience codes: 524 s). A record lists at most 1,000 findings of one rule
 * (`input/too-many-findings` counts the others): the tests count every finding, listed or not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfile } from '../src/profiles/load.js';
import { loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { validate } from '../src/engine/run.js';
import { readSources } from '../src/sources/read.js';
import { MAX_CSV_FIELDS } from '../src/sources/csv.js';
import { LineIndex, scanned } from '../src/util/locate.js';
import { locateAll } from '../src/sources/types.js';
import type { Finding } from '../src/core/finding.js';
import { ROOT, tempDir } from './helpers.js';

const NOW = new Date('2026-11-01T00:00:00Z');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** The first ca-gc fixture record with `n` resources (its three in turn), every other one broken in six fields. */
function manyResources(n: number): string {
  const r = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split('\n')[0],
  );
  const res = r.resources as Record<string, unknown>[];
  r.resources = Array.from({ length: n }, (_, i) => {
    const b = { ...res[i % res.length], id: `${res[i % res.length].id}-${i}` };
    if (i % 2)
      Object.assign(b, {
        format: 'ZZZ',
        url: 'not a url',
        language: ['xx'],
        date_published: 'soon',
        resource_type: 'bogus',
        character_set: 'nope',
      });
    return b;
  });
  r.num_resources = n;
  return `${JSON.stringify(r)}\n`;
}

/** Each finding with its resource's index taken out, by index (-1: the record's own). */
function byResource(findings: readonly Finding[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const f of findings) {
    const m =
      /^distribution\[(\d+)\]/.exec(f.property ?? '') ??
      /^\/resources\/(\d+)/.exec(f.sourcePath ?? '');
    const i = m ? Number(m[1]) : -1;
    const at = (s: string | undefined): string =>
      (s ?? '')
        .replace(/^distribution\[\d+\]/, 'distribution[i]')
        .replace(/^\/resources\/\d+/, '/resources/i');
    const key = `${f.severity} ${f.ruleId} ${at(f.property)} ${at(f.sourcePath)} ${(f.related ?? []).map((r) => r.ruleId).join(',')} ${f.column === undefined ? '' : 'located'}`;
    if (!out.has(i)) out.set(i, []);
    out.get(i)!.push(key);
  }
  return out;
}

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
function inReportOrder(a: Finding, b: Finding): boolean {
  const k = (f: Finding): [number, string, string, string] => [
    RANK[f.severity],
    f.ruleId,
    f.property ?? '',
    f.sourcePath ?? '',
  ];
  const [x, y] = [k(a), k(b)];
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return true;
}

/** Each rule's findings, those merged into another finding (`related`) included. */
function byRule(
  findings: readonly Finding[],
  into = new Map<string, number>(),
): Map<string, number> {
  for (const f of findings)
    for (const id of [f.ruleId, ...(f.related ?? []).map((r) => r.ruleId)])
      into.set(id, (into.get(id) ?? 0) + 1);
  return into;
}

/** The findings one rule's `input/too-many-findings` says are not listed, by rule. */
function notListed(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    if (f.ruleId !== 'input/too-many-findings') continue;
    const m = /^([\d,]+) more findings? of (\S+)/.exec(f.message) as RegExpExecArray;
    out.set(m[2], Number(m[1].replace(/,/g, '')));
  }
  return out;
}

describe('a record with thousands of resources', () => {
  test('8,000 resources: every finding of every resource, as for a record of six, in report order, each rule listed up to 1,000 times and the rest counted', async () => {
    const small = join(tmp.dir, 'six.jsonl');
    const big = join(tmp.dir, 'many.jsonl');
    writeFileSync(small, manyResources(6));
    writeFileSync(big, manyResources(8000));
    const [one] = (await validate([small], { profile: 'ca-gc', now: NOW })).records;
    const [many] = (await validate([big], { profile: 'ca-gc', now: NOW })).records;
    const expected = byResource(one.findings);
    const got = byResource(many.findings.filter((f) => f.ruleId !== 'input/too-many-findings'));
    expect(expected.get(1)!.length).toBeGreaterThan(expected.get(0)?.length ?? 0);
    expect(got.get(-1)).toEqual(expected.get(-1));
    // each rule's findings resource by resource, as the six resources have them, after the record's own
    const perResource = (i: number): Finding[] =>
      one.findings.filter((f) => byResource([f]).has(i));
    const all = byRule(perResource(-1));
    // the resources before the first whose findings are past a rule's first 1,000 (in the record's order)
    let whole = -1;
    for (let i = 0; i < 8000; i++) {
      byRule(perResource(i % 6), all);
      if (whole < 0 && [...all.values()].some((n) => n > 1000)) whole = i;
    }
    expect(whole).toBeGreaterThan(100);
    for (let i = 0; i < whole; i++)
      expect([i, got.get(i)?.sort()]).toEqual([i, expected.get(i % 6)?.sort()]);
    // every finding counted: listed (on its own or merged into another) or in its rule's count
    const listed = byRule(many.findings.filter((f) => f.ruleId !== 'input/too-many-findings'));
    const more = notListed(many.findings);
    expect(more.size).toBeGreaterThan(0);
    for (const [rule, n] of all) {
      expect([rule, (listed.get(rule) ?? 0) + (more.get(rule) ?? 0)]).toEqual([rule, n]);
      expect([rule, listed.get(rule)! <= 1000]).toEqual([rule, true]);
    }
    // every finding on the record's line (and, as in the small record, at its field's column)
    expect(many.findings.every((f) => f.line === 1)).toBe(true);
    for (let i = 1; i < many.findings.length; i++)
      if (!inReportOrder(many.findings[i - 1], many.findings[i]))
        throw new Error(`finding ${i} out of order`);
  });
});

describe('XML with 50,000 sibling keywords', () => {
  function keywords(n: number, text: (k: number) => string): string {
    const x = readFileSync(join(ROOT, 'fixtures/ca-gc-hnap/record-fr.xml'), 'utf8');
    const i = x.indexOf('<gmd:keyword ');
    const j = x.indexOf('</gmd:keyword>', i) + '</gmd:keyword>'.length;
    const one = (k: number): string =>
      `<gmd:keyword xsi:type="gmd:PT_FreeText_PropertyType"><gco:CharacterString>${text(k)}</gco:CharacterString><gmd:PT_FreeText><gmd:textGroup><gmd:LocalisedCharacterString locale="#eng">en ${text(k)}</gmd:LocalisedCharacterString></gmd:textGroup></gmd:PT_FreeText></gmd:keyword>\n`;
    return x.slice(0, i) + Array.from({ length: n }, (_, k) => one(k)).join('') + x.slice(j);
  }

  async function mapped(file: string): Promise<Record<string, string[]>> {
    const profile = loadProfile('ca-gc-hnap');
    const records = [];
    for await (const r of readSources([file])) records.push(r);
    expect(records).toHaveLength(1);
    return loadCrosswalk(profile).apply(records[0].data).dataset.keyword as Record<
      string,
      string[]
    >;
  }

  test('every keyword read, in order, once; the record checked as the fixture is', async () => {
    const f = join(tmp.dir, 'keywords.xml');
    writeFileSync(
      f,
      keywords(50_000, (k) => `mot ${k}`),
    );
    const kw = await mapped(f);
    const fr = kw.fr.filter((k) => k.startsWith('mot '));
    expect(fr).toHaveLength(50_000);
    expect(fr[0]).toBe('mot 0');
    expect(fr[49_999]).toBe('mot 49999');
    expect(kw.en.filter((k) => k.startsWith('en mot '))).toHaveLength(50_000);
    const [record] = (await validate([f], { profile: 'ca-gc-hnap', now: NOW })).records;
    const [fixture] = (
      await validate([join(ROOT, 'fixtures/ca-gc-hnap/record-fr.xml')], {
        profile: 'ca-gc-hnap',
        now: NOW,
      })
    ).records;
    expect(record.status).toBe(fixture.status);
  });

  test('50,000 keywords of a few values: each value once, in the order first given', async () => {
    const f = join(tmp.dir, 'repeated.xml');
    writeFileSync(
      f,
      keywords(50_000, (k) => `mot ${k % 7}`),
    );
    const kw = await mapped(f);
    expect(kw.fr.filter((k) => k.startsWith('mot '))).toEqual([
      'mot 0',
      'mot 1',
      'mot 2',
      'mot 3',
      'mot 4',
      'mot 5',
      'mot 6',
    ]);
  });
});

describe('CSV rows of very many fields', () => {
  const inventory = readFileSync(join(ROOT, 'fixtures/ca-sk/inventory.csv'), 'utf8').split('\n');

  test(`a line of more than ${MAX_CSV_FIELDS.toLocaleString('en')} fields is rejected with its line; the rows around it are read`, async () => {
    const f = join(tmp.dir, 'wide.csv');
    const wide = ','.repeat(49_999);
    writeFileSync(f, [inventory[0], inventory[1], wide, wide, inventory[1], ''].join('\n'));
    const report = await validate([f], { profile: 'ca-sk', now: NOW });
    expect(report.summary.records).toBe(4);
    expect(report.records.map((r) => [r.source.line, r.status === 'rejected'])).toEqual([
      [2, false],
      [3, true],
      [4, true],
      [5, false],
    ]);
    const [rejected] = report.records[1].findings;
    expect(rejected).toMatchObject({ ruleId: 'input/parse-error', line: 3 });
    expect(rejected.message).toContain('more than 10,000 fields');
  });

  test("a row over several lines is the parser's to read: too many fields for the header, rejected as such", async () => {
    const f = join(tmp.dir, 'quoted.csv');
    writeFileSync(
      f,
      [inventory[0], `"a\nb"${','.repeat(MAX_CSV_FIELDS + 5)}`, inventory[1], ''].join('\n'),
    );
    const report = await validate([f], { profile: 'ca-sk', now: NOW });
    expect(report.records.map((r) => [r.source.line, r.status === 'rejected'])).toEqual([
      [2, true],
      [4, false],
    ]);
    expect(report.records[0].findings[0].message).toContain('the header row has');
  });
});

/** The first ca-gc fixture record with `n` audience codes none of the code list has (`zz0`, `zz1`, …). */
function manyCodes(n: number): { text: string; columns: number[] } {
  const r = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split('\n')[0],
  );
  r.audience = Array.from({ length: n }, (_, i) => `zz${i}`);
  const text = JSON.stringify(r);
  // each code's column, found from the one before it: one pass over the text
  const columns: number[] = [];
  for (let i = 0, at = text.indexOf('"audience":['); i < n; i++) {
    at = text.indexOf(`"zz${i}"`, at);
    columns.push(at + 1);
  }
  return { text: `${text}\n`, columns };
}

describe('a record with 300,000 audience codes', () => {
  // one finding per code: the locator once searched the codes wanted for each code it passed
  test('every code located at its own column, in one pass over the record', async () => {
    const n = 300_000;
    const { text, columns } = manyCodes(n);
    const pointers = Array.from({ length: n }, (_, i) => `/audience/${i}`);
    const got = new LineIndex(text).locateAll(pointers);
    // a test that never yields cannot overrun its timeout: this one yields to the timers once the
    // codes are located (a timer, not setImmediate, which may run before the timeout's timer)
    await new Promise((done) => setTimeout(done, 0));
    expect(got).toHaveLength(n);
    for (let i = 0; i < n; i++)
      if (got[i]?.line !== 1 || got[i]?.column !== columns[i])
        throw new Error(`/audience/${i}: ${JSON.stringify(got[i])}, not column ${columns[i]}`);
  });

  test('20,000 codes validated: the first 1,000 listed, each at its code, the 19,000 others counted', async () => {
    const n = 20_000;
    const { text, columns } = manyCodes(n);
    const f = join(tmp.dir, 'audience.jsonl');
    writeFileSync(f, text);
    const [record] = (await validate([f], { profile: 'ca-gc', now: NOW })).records;
    const codes = record.findings.filter((x) => x.sourcePath?.startsWith('/audience/'));
    expect(codes).toHaveLength(1000);
    for (const x of codes) {
      const i = Number(x.sourcePath!.slice('/audience/'.length));
      expect(i).toBeLessThan(1000);
      expect([x.ruleId, x.value, x.line, x.column]).toEqual([
        'profile/vocabulary',
        `zz${i}`,
        1,
        columns[i],
      ]);
    }
    expect(notListed(record.findings)).toEqual(new Map([['profile/vocabulary', n - 1000]]));
  });
});

/**
 * A pretty-printed package_search response of `n` ca-gc fixture records (the readable ones without a
 * backslash, so that the document has none), each with its own id, put first; and each record's line, read
 * from the text: the line before its `"id"` line.
 */
function packageSearch(n: number): { text: string; idLines: number[] } {
  // the fixture's readable lines (some are broken on purpose)
  const records: Record<string, unknown>[] = [];
  for (const l of readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split('\n'))
    if (!l.includes('\\'))
      try {
        records.push(JSON.parse(l) as Record<string, unknown>);
      } catch {
        // not a record: left out
      }
  const results = Array.from({ length: n }, (_, i) => ({
    ...records[i % records.length],
    id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
  }));
  const text = JSON.stringify({ success: true, result: { count: n, results } }, null, 2);
  const lines = text.split('\n');
  const idLines: number[] = [];
  lines.forEach((l, k) => {
    if (/^ {8}"id": "\d{8}-/.test(l)) idLines.push(k + 1);
  });
  return { text, idLines };
}

describe('a package_search response of thousands of records', () => {
  // each record was located by scanning the document from its start, and each record's fields by
  // searching the text ahead for a backslash (to its end in a document without one): 27 s for 2,000
  // pretty-printed records, 122 s for 4,000
  async function read(n: number): Promise<number> {
    const { text, idLines } = packageSearch(n);
    expect(idLines).toHaveLength(n);
    const f = join(tmp.dir, `package_search-${n}.json`);
    writeFileSync(f, text);
    const before = scanned.chars;
    let k = 0;
    for await (const r of readSources([f])) {
      expect([k, r.source.line, r.source.pointer]).toEqual([
        k,
        idLines[k] - 1,
        `/result/results/${k}`,
      ]);
      // the fields as findings locate them: a missing one reads the whole record
      const [id, missing] = locateAll(r.locator!, ['/id', '/no_such_field']);
      expect([k, id, missing]).toEqual([k, { line: idLines[k], column: 15 }, undefined]);
      k++;
    }
    expect(k).toBe(n);
    return scanned.chars - before;
  }

  test('every record at its line; the work for twice the records about twice as much', async () => {
    const n = 2000;
    const once = await read(n);
    const twice = await read(2 * n);
    expect(once).toBeGreaterThan(0);
    expect(twice / once).toBeLessThan(2.2);
  });
});
