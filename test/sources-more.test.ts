/** Exports made of pretty-printed objects one after the other (Alberta's migration files), with JSON Lines. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { tempDir } from './helpers.js';

async function read(file: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources([file])) out.push(r);
  return out;
}

describe('concatenated JSON documents', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  test('a one-line record then a pretty-printed one: two records, each at its first line, fields located', async () => {
    const f = join(tmp.dir, 'export.json');
    writeFileSync(
      f,
      `${JSON.stringify({ id: 'a', title: 'One' })}\n${JSON.stringify({ id: 'b', notes: 'brace } and "quote" in {text}', title: 'Two' }, null, 4)}\n`,
    );
    const recs = await read(f);
    expect(recs.map((r) => [r.source.line, (r.data as { id: string }).id, r.error])).toEqual([
      [1, 'a', undefined],
      [2, 'b', undefined],
    ]);
    expect(recs[1].locator?.index.locate('/title', recs[1].locator.offset)).toEqual({
      line: 5,
      column: 14,
    });
  });

  test('JSON Lines around a pretty-printed object; a broken line is still one rejected record', async () => {
    const f = join(tmp.dir, 'mixed.jsonl');
    writeFileSync(
      f,
      ['{"id": "a"}', '{', '  "id": "b"', '}', '{"id": "c", "title": "cut', '{"id": "d"}', ''].join(
        '\n',
      ),
    );
    const recs = await read(f);
    expect(
      recs.map((r) => [r.source.line, r.error ? 'rejected' : (r.data as { id: string }).id]),
    ).toEqual([
      [1, 'a'],
      [2, 'b'],
      [5, 'rejected'],
      [6, 'd'],
    ]);
  });

  test('a pretty-printed object cut short at the end of the file is rejected where it starts', async () => {
    const f = join(tmp.dir, 'cut.jsonl');
    writeFileSync(f, '{"id": "a"}\n{\n  "id": "b",\n  "title": "never closed"\n');
    const recs = await read(f);
    expect(recs.map((r) => [r.source.line, r.error ? 'rejected' : 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'rejected'],
    ]);
    expect(recs[1].error?.message.en).toMatch(/^invalid JSON/);
  });
});
