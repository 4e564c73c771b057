/**
 * Whatever a record holds is rendered harmless in every format: a title with a script, a spreadsheet
 * formula, a Markdown link, the end of a CDATA section and workflow commands (with a line break to
 * start one of its own), an id with markup, a file name with a comma and a colon.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  csvField,
  escapeHtml,
  escapeMarkdown,
  escapeTerminal,
  escapeWorkflowData,
  escapeWorkflowProperty,
  escapeXml,
} from '../src/util/escape.js';
import { cli, ROOT, tempDir } from './helpers.js';
import {
  HOSTILE_CODE,
  HOSTILE_ID,
  HOSTILE_TITLE,
  writeHostile,
  XMLLINT,
  xmlSchemaErrors,
  xpath,
} from './report-helpers.js';

const NOW = ['--now', '2026-11-01'];

describe('escaping functions', () => {
  test('HTML: markup characters become entities', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  test('XML: markup characters and line breaks become references; controls are shown as \\u0007; other characters XML cannot carry become U+FFFD', () => {
    expect(escapeXml(']]> <a b="c">\n\t')).toBe(']]&gt; &lt;a b=&quot;c&quot;&gt;&#10;&#9;');
    expect(escapeXml('bell\u0007 nul\u0000 lone\uD800 pair\uD83D\uDE00')).toBe(
      'bell\\u0007 nul\\u0000 lone\uFFFD pair\uD83D\uDE00',
    );
  });

  test('CSV: always quoted; formulas shown as text', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '＝1'])
      expect(csvField(f)).toBe(`"'${f}"`);
    expect(csvField(42)).toBe('"42"');
    expect(csvField(undefined)).toBe('""');
  });

  test('Markdown: no raw HTML, no line break, inline marks escaped', () => {
    expect(escapeMarkdown('<b>x</b> & [l](u) *e* _u_ `c` | ~s~ $m$ @who #1\n## h')).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; \\[l\\]\\(u\\) \\*e\\* \\_u\\_ \\`c\\` \\| \\~s\\~ \\$m\\$ \\@who \\#1 \\#\\# h',
    );
  });

  test('workflow commands: %, CR and LF encoded; in properties, : and , too', () => {
    expect(escapeWorkflowData('50% done\r\n::error::x')).toBe('50%25 done%0D%0A::error::x');
    expect(escapeWorkflowProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  test('terminal: control characters shown, never interpreted', () => {
    expect(escapeTerminal('a\nb\u001b[31mc\u0085')).toBe('a\\nb\\u001b[31mc\\u0085');
  });
});

describe('a hostile record in every format', () => {
  let tmp: ReturnType<typeof tempDir>;
  let input: string;
  const out: Record<string, string> = {};
  const file = (f: string): string => join(tmp.dir, `report.${f}`);
  const FORMATS = ['json', 'junit', 'sarif', 'markdown', 'html', 'csv'];

  beforeAll(() => {
    tmp = tempDir();
    input = writeHostile(tmp.dir);
    const r = cli([
      'validate',
      input,
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'github',
      ...FORMATS.flatMap((f) => [`--output.${f}`, file(f)]),
    ]);
    out.github = r.stdout;
    for (const f of FORMATS) out[f] = readFileSync(file(f), 'utf8');
    out.stylish = cli(['validate', input, '--profile', 'ca-gc', ...NOW]).stdout;
  });
  afterAll(() => tmp.cleanup());

  test('the record is read and reported, with the formula code quoted in a finding', () => {
    const report = JSON.parse(out.json);
    expect(report.records[0]).toMatchObject({ id: HOSTILE_ID, title: HOSTILE_TITLE });
    expect(report.records[0].findings.map((f: { value?: unknown }) => f.value)).toContain(
      HOSTILE_CODE,
    );
  });

  test('stylish: one line per finding; the line break is shown as \\n', () => {
    expect(out.stylish).toContain('cell ]]> ::error::injected\\n::warning file=x::second line"');
    expect(out.stylish.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  });

  test('github: the only commands are ours, one per finding; the record cannot start one or close the properties', () => {
    const lines = out.github.trimEnd().split('\n');
    const report = JSON.parse(out.json);
    const n = report.records[0].findings.length;
    expect(lines).toHaveLength(n + 1);
    for (const l of lines.slice(0, n)) {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
      expect(m).not.toBeNull();
      const props = (m as RegExpExecArray)[2].split(',');
      expect(props[0]).toBe(`file=${input.replace(/,/g, '%2C').replace(/:/g, '%3A')}`);
      expect(props.at(-1)).toMatch(/^title=[^,:]*x]]><b>id<\/b>%3A%3Anotice%3A%3Aid%2Ca%3Ab$/);
      expect((m as RegExpExecArray)[3]).toContain(
        '::error::injected%0A::warning file=x::second line',
      );
    }
    expect(lines.filter((l) => /^\s*::/.test(l))).toHaveLength(n);
  });

  (XMLLINT ? test : test.skip)(
    'junit: well-formed and valid; the title reads back exactly as given',
    () => {
      expect(xmlSchemaErrors(file('junit'), join(ROOT, 'test', 'schemas', 'junit-10.xsd'))).toBe(
        '',
      );
      expect(xpath(file('junit'), 'string(//testcase/@name)')).toBe(
        `${HOSTILE_ID} — ${HOSTILE_TITLE}`,
      );
      expect(xpath(file('junit'), 'count(//script)')).toBe('0');
    },
  );

  test('junit: no CDATA, no raw markup from the record', () => {
    expect(out.junit).not.toContain('<![CDATA[');
    expect(out.junit).not.toContain('<script>');
    expect(out.junit).not.toContain(']]>');
    expect(out.junit).toContain('cell ]]&gt; ::error::injected&#10;::warning');
  });

  test('sarif and json: JSON keeps the text exactly', () => {
    const sarif = JSON.parse(out.sarif);
    const res = sarif.runs[0].results;
    expect(res[0].properties.recordTitle).toBe(HOSTILE_TITLE);
    expect(res[0].locations[0].logicalLocations[0].name).toBe(HOSTILE_ID);
    expect(res[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      `file://${input.replace(/ /g, '%20')}`,
    );
  });

  test('markdown: no raw HTML, no link, no table cell break, one line per finding', () => {
    const md = out.markdown;
    expect(md).not.toMatch(/<script|<b>/);
    expect(md).not.toMatch(/(?<!\\)\[click(?<!\\)\]\(/);
    expect(md).toContain(
      '\\[click\\]\\(http://evil.example\\) \\| cell \\]\\]&gt; ::error::injected ::warning file=x::second line',
    );
    const bullets = md.split('\n').filter((l) => l.startsWith('- '));
    // one line per finding, and the record once more among the lowest scores
    expect(bullets.length).toBe(JSON.parse(out.json).records[0].findings.length + 1);
    for (const b of bullets) expect(b).not.toMatch(/(?<!\\)\|/);
  });

  test('html: the record’s markup is text, not elements', () => {
    expect(out.html).not.toContain('<script>alert');
    expect(out.html).not.toContain('<b>id</b>');
    expect(out.html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(out.html.match(/<script>/g)).toHaveLength(1); // the page's own, allowed by its hash
  });

  test('csv: formulas start with an apostrophe; every field reads back intact', () => {
    const rows: string[][] = parseCsv(out.csv, { bom: true });
    const [, first] = rows;
    expect(first[4]).toBe(`'${HOSTILE_TITLE}`);
    expect(first[3]).toBe(HOSTILE_ID);
    const values = rows.slice(1).map((r) => r[13]);
    expect(values).toContain(`'${HOSTILE_CODE}`);
    for (const row of rows.slice(1))
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
