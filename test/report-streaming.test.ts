/**
 * Formatters render the findings model as it streams: JUnit keeps each testsuite in bounded memory
 * (spilling to a temporary file past a limit) and writes the same document either way; scores that
 * records carry are rendered in Markdown and HTML, never computed there.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { validate } from '../src/engine/run.js';
import { FORMATTERS, pieces, type Formatter } from '../src/report/formatters/index.js';
import { junitWith } from '../src/report/formatters/junit.js';
import type { Report } from '../src/report/model.js';
import type { RecordResult } from '../src/core/record.js';
import type { RecordScores } from '../src/core/scores.js';
import type { Summary } from '../src/core/summary.js';
import { SpillBuffer } from '../src/report/spill.js';
import { recordHtml } from '../src/report/formatters/html-sections.js';
import { ROOT } from './helpers.js';

const TOOL = { name: 'passerelle', version: '0.0.0-test' };

function renderAll(f: Formatter, records: RecordResult[], summary: Summary): string {
  let s = [...pieces(f.start())].join('');
  for (const r of records) s += [...pieces(f.record(r))].join('');
  return s + [...pieces(f.end(summary))].join('');
}

const spillFiles = (): string[] =>
  readdirSync(tmpdir()).filter((n) => n.startsWith(`.passerelle-${process.pid}-`));

let report: Report;
beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    report = await validate(['fixtures/ca-gc'], {
      profile: 'ca-gc',
      now: new Date('2026-11-01T00:00:00Z'),
    });
  } finally {
    process.chdir(cwd);
  }
});

describe('SpillBuffer', () => {
  test('holds text in memory up to its limit, then on disk; gives it back whole, multi-byte characters intact', () => {
    const b = new SpillBuffer(16);
    const parts = ['Données ', 'ouvertes ', '— ', 'été 🍁 ', 'x'.repeat(70_000), ' fin'];
    b.append(parts[0]);
    expect(b.spilled).toBe(false);
    for (const p of parts.slice(1)) b.append(p);
    expect(b.spilled).toBe(true);
    expect(spillFiles()).toHaveLength(1);
    expect([...b.drain()].join('')).toBe(parts.join(''));
    expect(spillFiles()).toHaveLength(0); // the temporary file is gone once read
    b.append('again');
    expect([...b.drain()].join('')).toBe('again');
  });

  test('dispose drops the temporary file', () => {
    const b = new SpillBuffer(1);
    b.append('abc');
    expect(spillFiles()).toHaveLength(1);
    b.dispose();
    expect(spillFiles()).toHaveLength(0);
  });
});

describe('junit in bounded memory', () => {
  test('spilling every testsuite to disk writes the same document as keeping it in memory', () => {
    const options = { lang: 'en' as const, color: false, tool: TOOL };
    const inMemory = renderAll(FORMATTERS.junit(options), report.records, report.summary);
    const spilled = renderAll(junitWith(64)(options), report.records, report.summary);
    expect(spilled).toBe(inMemory);
    expect(inMemory.match(/<testsuite /g)).toHaveLength(6);
    expect(spillFiles()).toHaveLength(0);
  });

  test('--fail-on sets which findings fail a testcase: with never, none does', () => {
    const never = renderAll(
      FORMATTERS.junit({ lang: 'en', color: false, tool: TOOL, failOn: 'never' }),
      report.records,
      report.summary,
    );
    expect(never).not.toContain('<failure');
    expect(never).toContain('<error type="input/parse-error"'); // an unreadable record could not be checked at all
    const warning = renderAll(
      FORMATTERS.junit({ lang: 'en', color: false, tool: TOOL, failOn: 'warning' }),
      report.records,
      report.summary,
    );
    // a record whose findings are all info passes at warning
    const failing = report.records.filter(
      (r) => r.status !== 'rejected' && r.findings.some((f) => f.severity !== 'info'),
    );
    expect(failing.length).toBeLessThan(report.records.filter((r) => r.findings.length > 0).length);
    expect(warning.match(/<failure /g)?.length).toBe(failing.length);
  });

  test('an abandoned run leaves no temporary file', () => {
    const f = junitWith(1)({ lang: 'en', color: false, tool: TOOL });
    [...pieces(f.start())];
    for (const r of report.records.slice(0, 4)) [...pieces(f.record(r))];
    expect(spillFiles().length).toBeGreaterThan(0);
    f.dispose?.();
    expect(spillFiles()).toHaveLength(0);
  });
});

describe('html over its cap of records', () => {
  const CAP = 10;
  const COPIES = 30;
  // the fixtures' records, each copied under distinct ids: a catalogue far over the cap
  let many: RecordResult[];
  let summary: Summary;
  const html = (records: RecordResult[], cap: number): string =>
    renderAll(
      FORMATTERS.html({ lang: 'en', color: false, tool: TOOL, htmlMaxRecords: cap }),
      records,
      summary,
    );
  beforeAll(() => {
    many = Array.from({ length: COPIES }, (_, i) =>
      report.records.map((r) => ({ ...r, id: `${r.id ?? 'unreadable'}-${i}` })),
    ).flat();
    const findings = { error: 0, warning: 0, info: 0 };
    for (const r of many) for (const f of r.findings) findings[f.severity]++;
    summary = { ...report.summary, records: many.length, findings };
  });

  test('lists the cap, errors first, states it and points to the JSON or CSV report', () => {
    const withFindings = many.filter((r) => r.findings.length > 0);
    expect(withFindings.length).toBeGreaterThan(CAP);
    const out = html(many, CAP);
    const listed = [...out.matchAll(/<details class="record" data-severity="(\w+)"/g)].map(
      (m) => m[1],
    );
    expect(listed).toHaveLength(CAP);
    // more records with errors than the cap: only they are listed
    expect(
      withFindings.filter((r) => r.findings.some((f) => f.severity === 'error')).length,
    ).toBeGreaterThan(CAP);
    expect(listed.every((s) => s === 'error')).toBe(true);
    expect(out).toContain(
      `The ${CAP} records listed are the first met, errors first (at most ${CAP}: --html-max-records). ${withFindings.length - CAP} more records have findings`,
    );
    expect(out).toContain('-f json, -f csv');
  });

  test('counts every record in the rule section, whatever the cap', () => {
    const out = html(many, CAP);
    const rule = many.flatMap((r) => r.findings).find((f) => f.severity === 'error')?.ruleId ?? '';
    const n = many.flatMap((r) => r.findings).filter((f) => f.ruleId === rule).length;
    const records = many.filter((r) => r.findings.some((f) => f.ruleId === rule)).length;
    const article = out.slice(out.indexOf(`<h3><code>${rule}</code>`));
    expect(article).toMatch(new RegExp(`^[^\\n]*${n} errors?[^\\n]* · ${records} records \\(`));
  });

  test('stays under a size computed from the cap: the page without records plus the cap times the largest record', () => {
    const largest = Math.max(...many.map((r) => recordHtml(r, 'en').length));
    const bare = html(many, 0).length;
    expect(html(many, CAP).length).toBeLessThanOrEqual(bare + CAP * largest);
    // and far under the page listing them all
    expect(html(many, CAP).length * 5).toBeLessThan(html(many, many.length).length);
  });
});

describe('scores carried by records are rendered', () => {
  const scores = (points: number, stars: number, band: 'good' | 'bad'): RecordScores => ({
    mqa: {
      points,
      max: 405,
      band,
      dimensions: {
        findability: { points: 60, max: 100 },
        accessibility: { points: 50, max: 100 },
        interoperability: { points: 40, max: 110 },
        reusability: { points: 50, max: 75 },
        contextuality: { points: 10, max: 20 },
      },
      indicators: {},
    },
    stars,
    distributionStars: [stars],
    principles: { P2: { passed: 3, applicable: 4, share: 0.75 } },
  });
  let records: RecordResult[];
  let summary: Summary;

  beforeAll(() => {
    records = report.records.map((r, i) =>
      r.status === 'rejected'
        ? r
        : { ...r, scores: scores(400 - i * 10, (i % 5) + 1, i > 8 ? 'bad' : 'good') },
    );
    summary = {
      ...report.summary,
      scores: {
        records: 15,
        mqa: {
          mean: 312.5,
          median: 320,
          max: 405,
          band: 'good',
          dimensions: {
            findability: { mean: 61.25, max: 100 },
            accessibility: { mean: 50, max: 100 },
            interoperability: { mean: 40, max: 110 },
            reusability: { mean: 48.5, max: 75 },
            contextuality: { mean: 9, max: 20 },
          },
          indicators: {},
        },
        stars: { '1': 3, '3': 5, '5': 7 },
        principles: {
          P2: { passed: 30, applicable: 40, share: 0.75 },
          P3: { passed: 9, applicable: 12, share: 0.75 },
          P6: { passed: 1, applicable: 3, share: 1 / 3 },
        },
      },
    };
  });

  test('markdown: catalogue MQA, dimensions, stars, principle shares, the lowest-scoring records', () => {
    const md = renderAll(
      FORMATTERS.markdown({ lang: 'en', color: false, tool: TOOL }),
      records,
      summary,
    );
    expect(md).toContain('**Metadata quality (EU MQA)** — mean 312.5/405 (Good), median 320');
    expect(md).toContain('| Findability | 61.3 | 100 |');
    expect(md).toContain('**5-star open data** — 1★: 3 · 3★: 5 · 5★: 7');
    // a principle's findings by severity are the fixtures' (test/expected/ca-gc.yaml), its share the summary's above
    const found = (p: string) =>
      (['error', 'warning', 'info'] as const)
        .map(
          (sev) =>
            records
              .flatMap((r) => r.findings)
              .filter((f) => f.principle === p && f.severity === sev).length,
        )
        .join(' | ');
    expect(md).toContain(`| P2 Timely and Comprehensive | ${found('P2')} | 30/40 (75%) |`);
    expect(md).toContain(
      `| P6 For Inclusive Development and Innovation | ${found('P6')} | 1/3 (33%) |`,
    );
    const lowest = md
      .slice(md.indexOf('### Lowest metadata quality'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(lowest).toHaveLength(5);
    // the last record scores lowest (250); the list runs from the lowest up
    expect(lowest[0]).toBe(
      '- 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b “Visitor attendance at Parks Canada places” — fixtures/ca-gc/packages.json:92: MQA 250/405 (Bad) · ★☆☆☆☆',
    );
    expect(lowest.map((l) => /MQA (\d+)/.exec(l)?.[1])).toEqual([
      '250',
      '260',
      '270',
      '280',
      '290',
    ]);
    const fr = renderAll(
      FORMATTERS.markdown({ lang: 'fr', color: false, tool: TOOL }),
      records,
      summary,
    );
    expect(fr).toContain('moyenne 312,5/405 (Bonne), médiane 320');
    expect(fr).toContain('30/40 (75\u00A0%)');
  });

  test('html: catalogue scores, principle shares, and each record’s score beside its findings', () => {
    const html = renderAll(
      FORMATTERS.html({ lang: 'en', color: false, tool: TOOL }),
      records,
      summary,
    );
    expect(html).toContain(
      '<h3>Metadata quality (EU MQA)</h3><p>mean 312.5/405 (Good), median 320</p>',
    );
    expect(html).toContain(
      '<tr><td>Reusability</td><td class="num">48.5</td><td class="num">75</td></tr>',
    );
    expect(html).toContain('<tr><td>5 ★</td><td class="num">7</td></tr>');
    expect(html).toMatch(
      /<tr data-principle="P3"><td>P3 — Accessible and Usable<\/td>(<td class="num">\d+<\/td>){3}\n?<td class="num">9\/12 \(75%\)<\/td>/,
    );
    expect(html).toMatch(
      /d7f3a1c5-6e2b-4a8d-9f0c-1b3e5d7a9c02<small>Canadian Vehicle Specifications<\/small><small>MQA \d+\/405 \((Good|Bad)\) · [★☆]{5}<\/small>/,
    );
  });

  test('without scores, no score section', () => {
    const bare = report.records.map(({ scores: _, ...r }) => r);
    const { scores: __, ...summaryWithout } = report.summary;
    const md = renderAll(
      FORMATTERS.markdown({ lang: 'en', color: false, tool: TOOL }),
      bare,
      summaryWithout,
    );
    expect(md).not.toMatch(/MQA|5-star|Lowest/);
  });
});
