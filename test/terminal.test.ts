/** The terminal: the progress line (drawn from a fake clock and byte meter, erased before the report) and colours. */
import { jest } from '@jest/globals';
import { Progress } from '../src/cli/progress.js';
import { Outputs } from '../src/cli/outputs.js';
import { colourLevel } from '../src/cli/colour.js';
import { pagesLine } from '../src/cli/harvest.js';
import { emptySummary, addToSummary, closeSummary } from '../src/scores/summary.js';
import { tool } from '../src/tool.js';
import type { RecordResult } from '../src/core/record.js';
import { cli } from './helpers.js';

/** What a terminal shows after `text`: `\r` goes back to the start of the line, `ESC[2K` blanks it. */
function screen(text: string): string[] {
  const lines: string[] = [''];
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const last = lines.length - 1;
    if (text.startsWith('\x1b[2K', i)) {
      lines[last] = '';
      i += 3;
    } else if (text[i] === '\r') col = 0;
    else if (text[i] === '\n') {
      lines.push('');
      col = 0;
    } else {
      const l = lines[last].padEnd(col);
      lines[last] = l.slice(0, col) + text[i] + l.slice(col + 1);
      col++;
    }
  }
  return lines;
}

/** A progress line on a fake stream, with a clock and a byte meter the test moves. */
function fake(total: number | undefined, lang: 'en' | 'fr' = 'en') {
  const out: string[] = [];
  const state = { ms: 0, bytes: 0 };
  const progress = new Progress(lang, {
    enabled: true,
    every: 0,
    stream: { write: (s: string) => out.push(s) },
    now: () => state.ms,
    bytes: () => state.bytes,
    total,
  });
  return { out, state, progress };
}

describe('the progress line', () => {
  test('bytes read of the total, percentage, rate and time left, once a second has gone by', () => {
    const { out, state, progress } = fake(8_000_000);
    for (let i = 0; i < 1200; i++) progress.tick();
    state.ms = 500;
    progress.draw();
    expect(out).toEqual([]); // not in the first second
    state.ms = 2000;
    state.bytes = 2_000_000; // a quarter in 2 s: 1 MB/s, 6 MB left, 6 s
    progress.draw();
    expect(screen(out.join(''))).toEqual([
      '  1,200 records read · 2 MB of 8 MB (25%) · 1 MB/s · about 6 s left',
    ]);
  });

  test('in French: French units, spaces before % and units (no-break), and the singular for 1', () => {
    const { out, state, progress } = fake(8_000_000, 'fr');
    progress.tick();
    state.ms = 4000;
    state.bytes = 1_000_000; // 250 kB/s, 7 MB left: 28 s
    progress.draw();
    expect(screen(out.join(''))[0].replace(/\u00A0/g, ' ')).toBe(
      '  1 enregistrement lu · 1 Mo sur 8 Mo (13 %) · 250 ko/s · environ 28 s restantes',
    );
  });

  test('with no known size (standard input): records and their rate only', () => {
    const { out, state, progress } = fake(undefined);
    for (let i = 0; i < 30; i++) progress.tick();
    state.ms = 3000;
    progress.draw();
    expect(screen(out.join(''))).toEqual(['  30 records read · 10/s']);
  });

  test('stop() erases the line; nothing is written when it was never shown', () => {
    const shown = fake(100);
    shown.state.ms = 2000;
    shown.progress.draw();
    shown.progress.stop();
    expect(screen(shown.out.join(''))).toEqual(['']);
    const never = fake(100);
    never.progress.stop();
    expect(never.out).toEqual([]);
  });
});

const record = (n: number): RecordResult => ({
  id: `r${n}`,
  profile: 'ca-gc',
  source: { file: 'exports/catalogue.jsonl', line: n },
  status: 'invalid',
  findings: [
    { ruleId: 'odc/licence-present', severity: 'error', message: `record ${n} has no licence` },
  ] as RecordResult['findings'],
});

describe("harvest's progress line", () => {
  test('pages and records, of the total the portal reports, in both languages', () => {
    expect(pagesLine(3, 1200, 5000, 'en')).toBe('page 3 · 1,200 of 5,000 records');
    expect(pagesLine(1, 1, 1, 'en')).toBe('page 1 · 1 of 1 record');
    expect(pagesLine(3, 1200, 5000, 'fr').replace(/\u00A0|\u202F/g, ' ')).toBe(
      'page 3 · 1 200 enregistrements sur 5 000',
    );
    expect(pagesLine(1, 1, undefined, 'fr')).toBe('page 1 · 1 enregistrement');
  });
});

describe('the report on a terminal with a progress line on stderr', () => {
  /** stdout and stderr on one terminal: stylish records with the progress drawn between them. */
  async function run(eraseBeforeWrite: boolean): Promise<string[]> {
    const term: string[] = [];
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(((
      s: string,
      cb?: () => void,
    ) => {
      term.push(s);
      if (typeof cb === 'function') cb();
      return true;
    }) as typeof process.stdout.write);
    try {
      const state = { ms: 0 };
      const progress = new Progress('en', {
        enabled: true,
        every: 0,
        stream: { write: (s: string) => term.push(s) },
        now: () => state.ms,
        bytes: () => 0,
        total: undefined,
      });
      const outputs = Outputs.open([{ format: 'stylish' }], {
        lang: 'en',
        color: false,
        tool: tool(),
        beforeWrite: eraseBeforeWrite ? () => progress.clear() : undefined,
      });
      const summary = emptySummary();
      await outputs.start();
      for (let n = 1; n <= 3; n++) {
        const r = record(n);
        addToSummary(summary, r);
        progress.tick();
        state.ms += 2000;
        progress.draw(); // the timer's turn comes between two records
        await outputs.record({ result: r });
      }
      progress.stop();
      await outputs.end(closeSummary(summary));
    } finally {
      write.mockRestore();
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
    return screen(term.join(''));
  }

  test('no progress text is left inside the report', async () => {
    const lines = await run(true);
    expect(lines.filter((l) => l.includes('records read'))).toEqual([]);
    expect(lines).toContain('exports/catalogue.jsonl:2  r2 (ca-gc)');
    expect(lines.join('\n')).toContain('3 problems (3 errors) in 3 of 3 records');
  });

  test('without erasing first, the line would be left in the report (what the test guards)', async () => {
    const lines = await run(false);
    expect(lines.some((l) => l.includes('records read'))).toBe(true);
  });
});

describe('colours', () => {
  test('as chalk users expect: the flag, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(colourLevel(undefined, {}, true)).toBe(1);
    expect(colourLevel(undefined, {}, false)).toBe(0);
    expect(colourLevel(undefined, { NO_COLOR: '1' }, true)).toBe(0);
    expect(colourLevel(undefined, { FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colourLevel(undefined, { FORCE_COLOR: 'false' }, true)).toBe(0);
    expect(colourLevel(undefined, { FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colourLevel(undefined, { FORCE_COLOR: '' }, false)).toBe(1);
    expect(colourLevel(undefined, { FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colourLevel(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(1);
    expect(colourLevel(true, { FORCE_COLOR: '0' }, false)).toBe(1);
    expect(colourLevel(false, { FORCE_COLOR: '3' }, true)).toBe(0);
    expect(colourLevel(undefined, { TERM: 'dumb' }, true)).toBe(0);
  });

  const ESC = '\x1b[';
  const run = (flags: string[], env: NodeJS.ProcessEnv) =>
    cli(
      [
        'validate',
        'fixtures/ca-gc/catalogue.jsonl',
        '--profile',
        'ca-gc',
        '--now',
        '2026-11-01',
        ...flags,
      ],
      { env: { NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } },
    ).stdout;

  test.each([
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=1', [], { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=3', [], { FORCE_COLOR: '3' }, true],
    ['--color', ['--color'], {}, true],
    ['--no-color with FORCE_COLOR=1', ['--no-color'], { FORCE_COLOR: '1' }, false],
    ['a pipe, nothing said', [], {}, false],
  ])('%s: ANSI codes %s', (_name, flags, env, coloured) => {
    const out = run(flags as string[], env as NodeJS.ProcessEnv);
    expect(out).toContain('odc/');
    expect(out.includes(ESC)).toBe(coloured);
  });

  test('a report written to a file is never coloured', () => {
    const out = cli(
      ['validate', 'fixtures/ca-gc/catalogue.jsonl', '--profile', 'ca-gc', '--color', '-f', 'json'],
      { env: { FORCE_COLOR: '3' } },
    ).stdout;
    expect(out.includes(ESC)).toBe(false);
  });
});
