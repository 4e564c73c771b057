/**
 * Encodings and line shapes exports come in: UTF-8 with a byte order mark, UTF-16 (little and big
 * endian, with their mark), Windows-1252, CRLF line ends, blank lines, JSON objects one after
 * another with no line break. Each is read as what it is (accents intact), in every format. Text
 * damaged before it reached the export is reported (input/encoding).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../src/engine/run.js';
import { readSources } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { ROOT, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16le = (s: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
};
/** Windows-1252 (every character used here is in Latin-1, where the two agree). */
const cp1252 = (s: string) => Buffer.from(s, 'latin1');

const ENCODINGS: [string, (s: string) => Buffer][] = [
  ['UTF-8', (s) => Buffer.from(s)],
  ['UTF-8 with a byte order mark', (s) => Buffer.concat([BOM8, Buffer.from(s)])],
  ['UTF-16 LE with its mark', utf16le],
  ['UTF-16 BE with its mark', utf16be],
  ['Windows-1252', cp1252],
];

const TITLES = ['Qualité de l’eau'.replace('’', "'"), 'Données ouvertes à Montréal'];
const pkg = (i: number) => ({
  id: `p${i}`,
  name: `p${i}`,
  title: TITLES[i],
  notes: 'Été, hiver, forêt',
});

const FORMATS: Record<string, { ext: string; profile: string; text: (crlf: boolean) => string }> = {
  'JSON document': {
    ext: 'json',
    profile: 'ckan',
    text: (crlf) => JSON.stringify([pkg(0), pkg(1)], null, 2).replace(/\n/g, crlf ? '\r\n' : '\n'),
  },
  'JSON Lines, blank lines between': {
    ext: 'jsonl',
    profile: 'ckan',
    text: (crlf) =>
      [JSON.stringify(pkg(0)), '', '   ', JSON.stringify(pkg(1)), ''].join(crlf ? '\r\n' : '\n'),
  },
  CSV: {
    ext: 'csv',
    profile: 'ca-sk',
    text: (crlf) =>
      [
        'Dataset ID,Title,Description',
        `p0,${TITLES[0]},Été`,
        '',
        `p1,"${TITLES[1]}",Hiver`,
        '',
      ].join(crlf ? '\r\n' : '\n'),
  },
  'XML (HNAP)': {
    ext: 'xml',
    profile: 'ca-gc-hnap',
    text: (crlf) =>
      [0, 1]
        .map(
          (i) =>
            `<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">\n<gmd:fileIdentifier><gco:CharacterString>p${i}</gco:CharacterString></gmd:fileIdentifier>\n` +
            `<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>${TITLES[i]}</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo>\n</gmd:MD_Metadata>\n`,
        )
        .join('')
        .replace(/\n/g, crlf ? '\r\n' : '\n'),
  },
  Turtle: {
    ext: 'ttl',
    profile: 'dcat-ap',
    text: (crlf) =>
      `@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n<http://example.org/p0> a dcat:Dataset ; dct:title "${TITLES[0]}"@fr .\n\n<http://example.org/p1> a dcat:Dataset ; dct:title "${TITLES[1]}"@fr .\n`.replace(
        /\n/g,
        crlf ? '\r\n' : '\n',
      ),
  },
};

const cases = Object.entries(FORMATS)
  .flatMap(([format, f]) =>
    ENCODINGS.flatMap(([encoding, encode]) =>
      [false, true].map(
        (crlf) => [format, encoding, crlf ? 'CRLF' : 'LF', f, encode, crlf] as const,
      ),
    ),
  )
  // XML in Windows-1252 must say so in its declaration (XML 1.0 §4.3.3): tested below
  .filter(([format, encoding]) => !(format === 'XML (HNAP)' && encoding === 'Windows-1252'));

test.each(cases)(
  '%s in %s, %s line ends: both records read, accents intact, lines right',
  async (_format, _encoding, _eol, f, encode, crlf) => {
    const file = join(tmp.dir, `records.${f.ext}`);
    writeFileSync(file, encode(f.text(crlf)));
    const report = await validate([file], {
      profile: f.profile,
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(report.summary).toMatchObject({ records: 2, rejected: 0 });
    expect(report.records.map((r) => r.title)).toEqual(TITLES);
    expect(report.records.every((r) => (r.source.line ?? 1) >= 1)).toBe(true);
  },
);

test('XML declaring windows-1252 (or ISO-8859-1) is decoded as it says', async () => {
  for (const label of ['windows-1252', 'ISO-8859-1']) {
    const file = join(tmp.dir, 'latin.xml');
    writeFileSync(
      file,
      cp1252(
        `<?xml version="1.0" encoding="${label}"?>\n${FORMATS['XML (HNAP)'].text(false)}`.replace(
          /<\/gmd:MD_Metadata>\n<gmd:MD_Metadata[^>]*>[\s\S]*$/,
          '</gmd:MD_Metadata>\n',
        ),
      ),
    );
    const report = await validate([file], {
      profile: 'ca-gc-hnap',
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(report.records[0].title).toBe(TITLES[0]);
  }
});

async function read(file: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources([file])) out.push(r);
  return out;
}

describe('JSON objects one after another', () => {
  test.each([
    ['no separator, .json', 'a.json', '{"id":"a"}{"id":"b"}{"id":"c"}'],
    ['spaces between, .json', 'b.json', '{"id":"a"}  {"id":"b"}\t{"id":"c"}\n'],
    ['on one line of a JSON Lines file', 'c.jsonl', '{"id":"a"}{"id":"b"}\n{"id":"c"}\n'],
    [
      'pretty-printed, one after another',
      'd.json',
      '{\n  "id": "a"\n}{\n  "id": "b"\n}\n{\n  "id": "c"\n}\n',
    ],
  ])(
    '%s: a record each, fields located on their own line and column',
    async (_what, name, text) => {
      const f = join(tmp.dir, name);
      writeFileSync(f, text);
      const recs = await read(f);
      expect(recs.map((r) => (r.error ? 'rejected' : (r.data as { id: string }).id))).toEqual([
        'a',
        'b',
        'c',
      ]);
      // each record's field is found where it is in the file
      for (const r of recs) {
        const at = r.locator?.locate('/id');
        const lines = text.split('\n');
        expect(lines[(at?.line ?? 0) - 1].slice((at?.column ?? 0) - 1)).toMatch(
          new RegExp(`^"${(r.data as { id: string }).id}"`),
        );
      }
    },
  );

  test('a value that is not an object after a record is a broken line, reported with its column', async () => {
    const f = join(tmp.dir, 'e.jsonl');
    writeFileSync(f, '{"id":"a"} 42\n{"id":"b"}\n');
    const recs = await read(f);
    expect(
      recs.map((r) =>
        r.error
          ? `rejected ${r.error.line}:${r.error.column} ${r.error.message.en}`
          : (r.data as { id: string }).id,
      ),
    ).toEqual(['rejected 1:12 invalid JSON: text follows the end of the JSON value', 'b']);
  });
});

test('UTF-16 JSON Lines with CRLF: lines counted as an editor counts them', async () => {
  const f = join(tmp.dir, 'u16.jsonl');
  writeFileSync(f, utf16le(['{"id":"a"}', '', '{"id":"b", "title": "Été"}', ''].join('\r\n')));
  const recs = await read(f);
  expect(recs.map((r) => [r.source.line, (r.data as { title?: string }).title ?? null])).toEqual([
    [1, null],
    [3, 'Été'],
  ]);
});

describe('text damaged before it reached the export (input/encoding)', () => {
  test('UTF-8 read as Windows-1252 upstream, and characters lost, are reported at their field, line and column', async () => {
    const [first] = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split('\n');
    const record = JSON.parse(first);
    // "à" is C3 A0: Ã and a no-break space once misread
    record.title_translated.fr = 'Indice des prix Ã\u00A0la consommation, QuÃ©bec';
    record.resources[1].name_translated.en = 'Monthly table \uFFFD CSV';
    const file = join(tmp.dir, 'damaged.jsonl');
    const line = JSON.stringify(record);
    writeFileSync(file, `${first}\n${line}\n`);
    const report = await validate([file], {
      profile: 'ca-gc',
      now: new Date('2026-11-01T00:00:00Z'),
    });
    expect(report.records[0].findings.filter((f) => f.ruleId === 'input/encoding')).toEqual([]);
    const found = report.records[1].findings.filter((f) => f.ruleId === 'input/encoding');
    // findings of one rule and severity are in the order of their property
    expect(
      found.map((f) => [f.severity, f.property, f.sourcePath, f.line, f.column, f.message]),
    ).toEqual([
      [
        'warning',
        'distribution[1].title@en',
        '/resources/1/name_translated/en',
        2,
        line.indexOf('"Monthly table') + 1,
        'Text has lost characters: "Monthly table \uFFFD CSV" holds U+FFFD (�), put where bytes could not be decoded',
      ],
      [
        'warning',
        'title@fr',
        '/title_translated/fr',
        2,
        line.indexOf('"Indice des prix Ã') + 1,
        'Text damaged by an encoding conversion: "…ndice des prix Ã\u00A0la consommation…" is UTF-8 read as Windows-1252 (it should read "…ndice des prix àla consommation…")',
      ],
    ]);
  });
});

/**
 * Issue 22: a file's format and encoding are decided per file, conservatively, and a bad byte costs
 * its line, not the file. Real-shaped records: the federal catalogue's lines, accents and all.
 */
describe('a bad byte costs its line, not the file', () => {
  // the fixture's good lines (it holds a broken one too)
  const REAL = readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => {
      try {
        return (
          (JSON.parse(l) as { title_translated?: { fr?: string } }).title_translated?.fr !==
          undefined
        );
      } catch {
        return false;
      }
    });
  /** `n` real records, each with its own identifier. */
  const realLines = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      REAL[i % REAL.length].replace(/"id": "[^"]*"/, `"id": "r${i}"`),
    );
  const frTitle = (line: string) =>
    (JSON.parse(line) as { title_translated: { fr: string } }).title_translated.fr;
  /** Each record as its line and French title, or its rejection as line:column. */
  const outcome = (recs: SourceRecord[]) =>
    recs.map((r) =>
      r.error
        ? `rejected ${r.error.line}:${r.error.column}`
        : [r.source.line, (r.data as { title_translated: { fr: string } }).title_translated.fr],
    );

  test.each([['1,2'], ['<a/>'], ['@prefix x: <http://x/> .'], ['a\tb']])(
    'a .jsonl whose first line looks like another format (%s) is JSON Lines: that line rejected, the records read',
    async (first) => {
      const lines = realLines(3);
      const f = join(tmp.dir, 'first.jsonl');
      writeFileSync(f, [first, ...lines, ''].join('\n'));
      const recs = await read(f);
      expect(recs).toHaveLength(4);
      expect(recs[0].error).toMatchObject({ line: 1 });
      expect(outcome(recs.slice(1))).toEqual(lines.map((l, i) => [i + 2, frTitle(l)]));
    },
  );

  test.each([
    ['FE FF', [0xfe, 0xff]],
    ['FF FE', [0xff, 0xfe]],
  ])(
    'a leading %s before UTF-8 JSON Lines is no byte order mark: the first line rejected, the 97 others read with their accents',
    async (_what, mark) => {
      const lines = realLines(98);
      const f = join(tmp.dir, 'mark.jsonl');
      writeFileSync(f, Buffer.concat([Buffer.from(mark), Buffer.from(`${lines.join('\n')}\n`)]));
      const recs = await read(f);
      expect(outcome(recs)).toEqual([
        'rejected 1:1',
        ...lines.slice(1).map((l, i) => [i + 2, frTitle(l)]),
      ]);
      expect(recs[0].error?.message.en).toBe(
        `invalid JSON: byte 0x${mark[0].toString(16).toUpperCase()} is not UTF-8 (JSON text is UTF-8: RFC 8259)`,
      );
    },
  );

  test('the same with no extension to go by (standard input): recognised as JSON Lines past the mark', async () => {
    const lines = realLines(3);
    const f = join(tmp.dir, 'mark-stdin');
    writeFileSync(
      f,
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${lines.join('\n')}\n`)]),
    );
    expect(outcome(await read(f))).toEqual([
      'rejected 1:1',
      ...lines.slice(1).map((l, i) => [i + 2, frTitle(l)]),
    ]);
  });

  test('one stray byte on line 2: that line rejected at its column, every other record read with its accents, none blamed by input/encoding', async () => {
    const lines = realLines(6);
    const at = lines[1].indexOf('é');
    const bytes = lines.map((l, i) =>
      i === 1
        ? Buffer.concat([
            Buffer.from(l.slice(0, at)),
            Buffer.from([0xe9]),
            Buffer.from(l.slice(at + 1)),
          ])
        : Buffer.from(l),
    );
    const f = join(tmp.dir, 'stray.jsonl');
    writeFileSync(f, Buffer.concat(bytes.flatMap((b) => [b, Buffer.from('\n')])));
    const recs = await read(f);
    expect(outcome(recs)).toEqual([
      [1, frTitle(lines[0])],
      `rejected 2:${at + 1}`,
      ...lines.slice(2).map((l, i) => [i + 3, frTitle(l)]),
    ]);
    const report = await validate([f], { profile: 'ca-gc', now: new Date('2026-11-01T00:00:00Z') });
    expect(report.summary).toMatchObject({ records: 6, rejected: 1 });
    expect(
      report.records.flatMap((r) => r.findings.filter((x) => x.ruleId === 'input/encoding')),
    ).toEqual([]);
    // with workers, the same
    const parallel = await validate([f], {
      profile: 'ca-gc',
      now: new Date('2026-11-01T00:00:00Z'),
      workers: 2,
    });
    expect(parallel.summary).toEqual(report.summary);
  });

  test('a stray byte inside a pretty-printed object rejects that object, at the byte', async () => {
    const f = join(tmp.dir, 'pretty.jsonl');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from('{"id":"a","title":"Été"}\n{\n  "id": "b",\n  "title": "'),
        Buffer.from([0xff]),
        Buffer.from('"\n}\n{"id":"c"}\n'),
      ]),
    );
    const recs = await read(f);
    expect(
      recs.map((r) =>
        r.error
          ? `rejected ${r.source.line} at ${r.error.line}:${r.error.column}`
          : (r.data as { id: string }).id,
      ),
    ).toEqual(['a', 'rejected 2 at 4:13', 'c']);
  });

  test('a literal U+FFFD in valid UTF-8 is text, not a bad byte (input/encoding reports it)', async () => {
    const f = join(tmp.dir, 'literal.jsonl');
    writeFileSync(f, '{"id":"a","title":"x \uFFFD y"}\n');
    expect((await read(f)).map((r) => r.error ?? (r.data as { title: string }).title)).toEqual([
      'x \uFFFD y',
    ]);
  });

  test('a Windows-1252 file with one coincidental UTF-8 sequence is still Windows-1252', async () => {
    // "café »" with a no-break space: E9 A0 BB is also the UTF-8 of U+983B
    const f = join(tmp.dir, 'cp.jsonl');
    writeFileSync(
      f,
      cp1252(
        ['{"id":"a","title":"Le café\u00A0»"}', '{"id":"b","title":"Été à Montréal"}', ''].join(
          '\n',
        ),
      ),
    );
    expect((await read(f)).map((r) => r.error ?? (r.data as { title: string }).title)).toEqual([
      'Le café\u00A0»',
      'Été à Montréal',
    ]);
  });
});
