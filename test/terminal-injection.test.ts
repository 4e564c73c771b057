/**
 * Terminal injection (issue 22): control characters from a record — an OSC that sets the window
 * title, a CSI that clears the screen, a DCS, the 8-bit CSI U+009B, BEL and DEL — reach no report
 * as raw bytes, in any format, on a terminal or in a file. Each is shown as `\uXXXX` (in JSON the
 * format's own escape, so the value reads back exactly), and the rest of the text is kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  csvField,
  escapeHtml,
  escapeMarkdown,
  escapeTerminal,
  escapeWorkflowData,
  escapeXml,
  jsonText,
} from '../src/util/escape.js';
import { cli, ROOT, tempDir } from './helpers.js';

const NOW = ['--now', '2026-11-01'];
/** Every attack at once: OSC title, clear screen, DCS, 8-bit CSI, BEL, DEL. */
const ATTACK = '\u001b]0;pwned\u0007\u001b[2J\u001bPq#0;2;0;0;0\u001b\\\u009b31mred\u0007\u007f';
/** What a report may not hold raw: C0 but tab, line feed and carriage return; DEL; C1. */
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Line ends are controls too where a format is one line per item. */
const RAW_CONTROL_OR_BREAK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

describe('escapers: every control character is shown, none passes', () => {
  const escapers: Record<string, (s: string) => string> = {
    terminal: escapeTerminal,
    workflow: escapeWorkflowData,
    markdown: escapeMarkdown,
    csv: csvField,
    html: escapeHtml,
    xml: escapeXml,
    json: jsonText,
  };
  for (const [name, esc] of Object.entries(escapers)) {
    test(name, () => {
      const out = esc(`title ${ATTACK} end`);
      expect(out).not.toMatch(RAW_CONTROL);
      expect(out).toContain('pwned');
      expect(out).toMatch(/\\+u001b/);
      expect(out).toMatch(/\\+u009b/);
    });
  }
  test('JSON reads back exactly', () => {
    expect(JSON.parse(jsonText({ t: ATTACK })).t).toBe(ATTACK);
  });
});

describe('a record holding escape sequences in every format', () => {
  let tmp: ReturnType<typeof tempDir>;
  let input: string;
  const out: Record<string, string> = {};
  const FILES = [
    'json',
    'junit',
    'sarif',
    'markdown',
    'html',
    'csv',
    'github',
    'gitlab',
    'stylish',
  ];

  beforeAll(() => {
    tmp = tempDir();
    const p = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
    p.id = p.name = `id-${ATTACK}`;
    p.title = `Title ${ATTACK}`;
    p.title_translated = { en: `Title ${ATTACK}`, fr: `Titre ${ATTACK}` };
    p.keywords = { en: [`kw ${ATTACK}`, 3], fr: [`mc ${ATTACK}`] };
    p.frequency = `freq ${ATTACK}`;
    p.license_id = `licence ${ATTACK}`;
    p.resources[0].url = `http://example.org/${ATTACK}`;
    // a field name: quoted back (as JSON) in the message about the value that holds it
    p.resources[0].format = { [`field ${ATTACK}`]: 1 };
    input = join(tmp.dir, `rec.jsonl`);
    writeFileSync(input, `${JSON.stringify(p)}\n`);
    const file = (f: string): string => join(tmp.dir, `report.${f}`);
    const r = cli([
      'validate',
      input,
      '--profile',
      'ca-gc',
      ...NOW,
      ...FILES.flatMap((f) => [`--output.${f}`, file(f)]),
    ]);
    expect(r.stderr).not.toMatch(/internal error/);
    for (const f of FILES) out[f] = readFileSync(file(f), 'utf8');
    out.stdoutStylish = cli(['validate', input, '--profile', 'ca-gc', ...NOW]).stdout;
    out.stdoutGithub = cli([
      'validate',
      input,
      '--profile',
      'ca-gc',
      ...NOW,
      '-f',
      'github',
    ]).stdout;
  });
  afterAll(() => tmp.cleanup());

  test('the record is reported, with findings quoting its values', () => {
    const report = JSON.parse(out.json);
    expect(report.records[0].title).toBe(`Title ${ATTACK}`);
    const messages = report.records[0].findings
      .map((f: { message: string }) => f.message)
      .join('\n');
    for (const quoted of [`freq ${ATTACK}`, `licence ${ATTACK}`, JSON.stringify(`field ${ATTACK}`)])
      expect(messages).toContain(quoted);
  });

  test.each([
    'json',
    'junit',
    'sarif',
    'markdown',
    'html',
    'csv',
    'github',
    'stylish',
    'stdoutStylish',
    'stdoutGithub',
  ])('%s: no raw control byte, the text kept', (f) => {
    expect(out[f]).not.toMatch(RAW_CONTROL);
    expect(out[f]).toContain('pwned');
    expect(out[f]).toMatch(/\\+u009b/);
  });

  test.each(['stylish', 'stdoutStylish', 'github', 'stdoutGithub'])(
    '%s: no line break but its own',
    (f) => {
      for (const l of out[f].split('\n')) expect(l).not.toMatch(RAW_CONTROL_OR_BREAK);
    },
  );

  test('json and sarif: the values read back exactly', () => {
    expect(JSON.parse(out.json).records[0].id).toBe(`id-${ATTACK}`);
    expect(JSON.parse(out.sarif).runs[0].results[0].properties.recordTitle).toBe(`Title ${ATTACK}`);
  });
});

describe('compare: a record holding escape sequences, as evidence of a core dataset', () => {
  let tmp: ReturnType<typeof tempDir>;
  const out: Record<string, string> = {};
  beforeAll(() => {
    tmp = tempDir();
    const p = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
    p.title_translated = {
      en: `consumer price index ${ATTACK}`,
      fr: `Indice des prix à la consommation ${ATTACK}`,
    };
    p.keywords = { en: [`kw ${ATTACK}`], fr: [`mc ${ATTACK}`] };
    // in a folder, under a file name holding the attack too, with a second line that cannot be read:
    // the file is named on stderr
    const input = join(tmp.dir, `rec ${ATTACK}.jsonl`);
    writeFileSync(input, `${JSON.stringify(p)}\n{\n`);
    for (const f of ['markdown', 'csv', 'json', 'html']) {
      const r = cli(['compare', `ca-gc=${tmp.dir}`, ...NOW, '-f', f]);
      out[f] = r.stdout;
      out[`${f} stderr`] = r.stderr;
    }
  });
  afterAll(() => tmp.cleanup());

  test.each(['markdown', 'csv', 'json', 'html'])(
    '%s: no raw control byte, the evidence kept',
    (f) => {
      expect(out[f]).not.toMatch(RAW_CONTROL);
      expect(out[f]).toContain('consumer price index');
      expect(out[f]).toMatch(/\\+u009b/);
    },
  );

  test.each(['markdown', 'csv', 'json', 'html'])(
    '%s: stderr names the unreadable line without a raw control byte',
    (f) => {
      expect(out[`${f} stderr`]).toMatch(/rec .*pwned.*\.jsonl:2/);
      expect(out[`${f} stderr`]).not.toMatch(RAW_CONTROL);
    },
  );
});

describe('the other files and lines a record reaches: baseline, federation (JSON-LD, index, summary), convert', () => {
  let tmp: ReturnType<typeof tempDir>;
  const out: Record<string, string> = {};
  beforeAll(() => {
    tmp = tempDir();
    const p = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
    p.title_translated = { en: `Title ${ATTACK}`, fr: `Titre ${ATTACK}` };
    p.keywords = { en: [`kw ${ATTACK}`], fr: [`mc ${ATTACK}`] };
    p.frequency = `freq ${ATTACK}`;
    p.id = p.name = `id-${ATTACK}`;
    const input = join(tmp.dir, `rec ${ATTACK}.jsonl`);
    // the record twice: the federation's summary names the duplicate, with its file
    writeFileSync(input, `${JSON.stringify(p)}\n${JSON.stringify(p)}\n`);
    const f = (name: string): string => join(tmp.dir, name);
    cli([
      'validate',
      input,
      '-p',
      'ca-gc',
      ...NOW,
      '--baseline',
      f('baseline.json'),
      '--update-baseline',
    ]);
    const fed = cli([
      'federate',
      `ca-gc=${input}`,
      ...NOW,
      '--to',
      'jsonld',
      '-o',
      f('fed.jsonld'),
      '--index',
      f('index.jsonl'),
    ]);
    out.federateStderr = fed.stderr;
    out.convert = cli(['convert', input, '-p', 'ca-gc', '--to', 'jsonld']).stdout;
    for (const name of ['baseline.json', 'fed.jsonld', 'index.jsonl'])
      out[name] = readFileSync(f(name), 'utf8');
  });
  afterAll(() => tmp.cleanup());

  test.each(['baseline.json', 'fed.jsonld', 'index.jsonl', 'convert'])(
    '%s: no raw control byte; JSON that reads back',
    (f) => {
      expect(out[f]).toMatch(/\\u009b/);
      expect(out[f]).not.toMatch(RAW_CONTROL);
      for (const text of f === 'index.jsonl' ? out[f].trim().split('\n') : [out[f]])
        expect(() => JSON.parse(text)).not.toThrow();
    },
  );

  test('federate: the summary on stderr names the file without a raw control byte', () => {
    expect(out.federateStderr).toContain('pwned');
    expect(out.federateStderr).not.toMatch(RAW_CONTROL);
  });
});
