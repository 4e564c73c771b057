/**
 * `passerelle fix` over whole folders (in-process, as the command does it): only the lines holding
 * a fixed value change; re-validated, exactly the fixed findings are gone and none is new; fixing
 * again changes nothing. test/fix.test.ts runs it over fixtures/ (`npm test`),
 * test/fix-corpus.test.ts over fixtures/ and the real corpus, test/real/ (the slow project).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Finding } from '../src/core/finding.js';
import type { RecordResult } from '../src/core/record.js';
import { validate } from '../src/engine/run.js';
import { fixAll, type EditedFile } from '../src/fix/fix.js';
import { ROOT, tempDir } from './helpers.js';

export const NOW = new Date('2026-11-01T00:00:00Z');

/** A record's place, the same in the input and in the corrected copy. */
const placeOf = (r: RecordResult, base: string): string =>
  `${relative(base, resolve(ROOT, r.source.file))}:${r.source.line}:${r.source.pointer ?? ''}`;
const keyOf = (f: Finding): string =>
  `${f.ruleId} ${f.property ?? ''} ${f.sourcePath ?? ''} ${f.message}`;
const fixKey = (place: string, pointer: string): string => `${place} ${pointer}`;

async function findingsByRecord(paths: string[], base: string): Promise<Map<string, Finding[]>> {
  const report = await validate(paths, { profile: 'auto', now: NOW });
  // a message naming another record's file names it from the base
  const fromBase = (f: Finding): Finding => ({
    ...f,
    message: f.message.split(`${base}/`).join(''),
  });
  return new Map(report.records.map((r) => [placeOf(r, base), r.findings.map(fromBase)]));
}

function writeCopies(files: readonly EditedFile[], dir: string): void {
  for (const f of files) {
    const to = join(dir, f.file);
    mkdirSync(dirname(to), { recursive: true });
    if (f.bytes) writeFileSync(to, f.bytes);
    else copyFileSync(join(ROOT, f.file), to);
  }
}

/**
 * The suite over `inputs` (folders of the repository); `min`: as few changed lines or applied
 * fixes as these would mean the inputs lost their defects. `fixed()`: the corrected files (in the
 * caller's tests, after the suite's beforeAll).
 */
export function fixFolders(
  inputs: string[],
  min: { changedLines: number; applied: number },
): { fixed: () => { files: EditedFile[]; dir: string } } {
  const tmp = tempDir();
  let files: EditedFile[] = [];
  afterAll(() => tmp.cleanup());
  beforeAll(async () => {
    files = await fixAll(inputs, { profile: 'auto', now: NOW });
    writeCopies(files, tmp.dir);
  }, 120_000);

  test('only the lines holding a fixed value change; every other byte stays', () => {
    let changed = 0;
    for (const f of files.filter((x) => x.changed)) {
      const before = readFileSync(join(ROOT, f.file), 'utf8').split('\n');
      const after = readFileSync(join(tmp.dir, f.file), 'utf8').split('\n');
      expect(after.length).toBe(before.length);
      const fixedLines = new Set(f.records.flatMap((r) => r.applied.map((x) => x.line)));
      for (let i = 0; i < before.length; i++)
        if (before[i] !== after[i]) {
          expect([f.file, fixedLines.has(i + 1)]).toEqual([f.file, true]);
          changed++;
        }
    }
    expect(changed).toBeGreaterThan(min.changedLines);
  });

  test('re-validated, exactly the fixed findings are gone and none is new', async () => {
    const before = await findingsByRecord(inputs, ROOT);
    const after = await findingsByRecord(
      inputs.map((p) => join(tmp.dir, p)),
      tmp.dir,
    );
    const applied = new Set<string>();
    for (const f of files)
      for (const r of f.records)
        for (const x of r.applied)
          applied.add(fixKey(`${f.file}:${r.source.line}:${r.source.pointer ?? ''}`, x.pointer));
    expect(applied.size).toBeGreaterThan(min.applied);
    let gone = 0;
    for (const [place, findings] of before) {
      const isFixed = (f: Finding): boolean =>
        [f, ...(f.related ?? [])].some((x) => x.fix && applied.has(fixKey(place, x.fix.pointer)));
      const expected = findings
        .filter((f) => !isFixed(f))
        .map(keyOf)
        .sort();
      gone += findings.length - expected.length;
      expect([place, (after.get(place) ?? []).map(keyOf).sort()]).toEqual([place, expected]);
    }
    expect(gone).toBe(applied.size);
  }, 120_000);

  test('fixing the corrected exports changes nothing (idempotent)', async () => {
    const again = await fixAll(
      inputs.map((p) => join(tmp.dir, p)),
      { profile: 'auto', now: NOW },
    );
    expect(again.filter((f) => f.changed).map((f) => f.file)).toEqual([]);
    expect(again.flatMap((f) => f.records.flatMap((r) => r.applied))).toEqual([]);
  }, 120_000);

  return { fixed: () => ({ files, dir: tmp.dir }) };
}
