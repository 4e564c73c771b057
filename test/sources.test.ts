import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { readSources, expandPaths, readJsonLines } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { InputError } from '../src/util/errors.js';
import { ROOT, tempDir } from './helpers.js';

const FIX = join(ROOT, 'fixtures', 'ca-gc');

async function all(paths: string[]): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources(paths)) out.push(r);
  return out;
}
const ids = (rs: SourceRecord[]) =>
  rs.map((r) => (r.data as { id?: string } | undefined)?.id ?? null);

describe('sources: every shape CKAN exports come in', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  test('package_show response: the result, with its pointer and line', async () => {
    const [r, ...rest] = await all([join(FIX, 'package_show.json')]);
    expect(rest).toHaveLength(0);
    expect(r.shape).toBe('ckan-package-show');
    expect((r.data as { id: string }).id).toBe('6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13');
    expect(r.source.pointer).toBe('/result');
    expect(r.source.line).toBe(4);
  });

  test('package_search response: each of result.results', async () => {
    const rs = await all([join(FIX, 'package_search.json')]);
    expect(rs.map((r) => r.shape)).toEqual(['ckan-package-search', 'ckan-package-search']);
    expect(rs.map((r) => r.source.pointer)).toEqual(['/result/results/0', '/result/results/1']);
    const text = readFileSync(join(FIX, 'package_search.json'), 'utf8').split('\n');
    // the line given is where the record's object opens
    for (const r of rs) expect(text[(r.source.line as number) - 1].trim()).toBe('{');
  });

  test('a JSON array of packages and a bare package', async () => {
    const arr = await all([join(FIX, 'packages.json')]);
    expect(arr.map((r) => r.source.pointer)).toEqual(['/0', '/1']);
    expect(arr[0].shape).toBe('json-array');
    const [bare] = await all([join(FIX, 'dataset.json')]);
    expect(bare.shape).toBe('record');
    expect(bare.source.pointer).toBeUndefined();
    expect(bare.source.line).toBe(1);
  });

  test('JSON Lines: one record per line, blank lines skipped, a broken line rejected and the rest read', async () => {
    const rs = await all([join(FIX, 'catalogue.jsonl')]);
    expect(rs).toHaveLength(8);
    expect(rs.map((r) => r.source.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const bad = rs[6];
    expect(bad.data).toBeUndefined();
    expect(bad.error?.line).toBe(7);
    expect(bad.error?.message.en).toMatch(/invalid JSON: a string is not closed/);
    expect(bad.error?.message.fr).toMatch(/JSON non valide : une chaîne n.est pas fermée/);
    expect(bad.error?.column).toBeGreaterThan(1);
    expect((rs[7].data as { id: string }).id).toBe('0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f');
  });

  test('JSON Lines with CRLF, a BOM and blank lines; a line that is not an object is rejected', async () => {
    const f = join(tmp.dir, 'crlf.jsonl');
    writeFileSync(f, '\uFEFF{"id":"a"}\r\n\r\n{"id":"b"}\r\n[1,2]\r\n{"id":"c"}');
    const rs = await all([f]);
    expect(ids(rs)).toEqual(['a', 'b', null, 'c']);
    expect(rs.map((r) => r.source.line)).toEqual([1, 3, 4, 5]);
    expect(rs[2].error?.message.en).toMatch(/one JSON object per line, found an array/);
  });

  test('JSON Lines are detected from the content, whatever the file name', async () => {
    const f = join(tmp.dir, 'export.json');
    writeFileSync(f, '{"id":"x"}\n{"id":"y"}\n');
    const rs = await all([f]);
    expect(rs.map((r) => r.shape)).toEqual(['jsonl', 'jsonl']);
  });

  test('.gz of every shape, detected from the bytes', async () => {
    for (const name of [
      'package_show.json',
      'package_search.json',
      'packages.json',
      'dataset.json',
      'catalogue.jsonl',
    ]) {
      const plain = await all([join(FIX, name)]);
      const gz = join(tmp.dir, `${name}.gz`);
      writeFileSync(gz, gzipSync(readFileSync(join(FIX, name))));
      const zipped = await all([gz]);
      expect(ids(zipped)).toEqual(ids(plain));
      expect(zipped.map((r) => r.source.line)).toEqual(plain.map((r) => r.source.line));
    }
    const named = join(tmp.dir, 'no-extension');
    writeFileSync(named, gzipSync(readFileSync(join(FIX, 'catalogue.jsonl'))));
    expect(await all([named])).toHaveLength(8);
  });

  test('a directory: its input files, recursively and in a stable order, others ignored', async () => {
    const d = join(tmp.dir, 'dir');
    mkdirSync(join(d, 'sub'), { recursive: true });
    copyFileSync(join(FIX, 'dataset.json'), join(d, 'b.json'));
    copyFileSync(join(FIX, 'package_show.json'), join(d, 'sub', 'a.json'));
    writeFileSync(join(d, 'README.md'), '# not an export');
    writeFileSync(join(d, '.hidden.json'), '{');
    expect(expandPaths([d]).map((e) => e.path.slice(d.length + 1))).toEqual([
      'b.json',
      join('sub', 'a.json'),
    ]);
    expect(ids(await all([d]))).toEqual([
      '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      '6a2f9e3b-8c1d-4e5f-a7b9-0c2d4e6f8a13',
    ]);
  });

  test('an invalid JSON document is one rejected record with the line and column of the error', async () => {
    const f = join(tmp.dir, 'broken.json');
    writeFileSync(f, '{\n  "success": true,\n  "result": {"id": "x",\n}\n');
    const [r, ...rest] = await all([f]);
    expect(rest).toHaveLength(0);
    expect(r.error?.line).toBe(4);
    expect(r.error?.column).toBe(1);
  });

  test('a CKAN error response is not mistaken for a package', async () => {
    const f = join(tmp.dir, 'error.json');
    writeFileSync(
      f,
      JSON.stringify({
        help: 'x',
        success: false,
        error: { message: 'Not found', __type: 'Not Found Error' },
      }),
    );
    const [r] = await all([f]);
    expect(r.error?.message.fr).toMatch(/le portail a répondu par une erreur : « Not found »/);
  });

  test('missing paths and empty directories are input errors (exit code 2), raised before reading', async () => {
    await expect(all([join(tmp.dir, 'nope.json')])).rejects.toThrow(InputError);
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    await expect(all([empty])).rejects.toThrow(/no input files/);
  });

  test('JSON Lines are streamed: a record is yielded before the rest of the input exists', async () => {
    const input = new PassThrough({ encoding: 'utf8' });
    const it = readJsonLines('live.jsonl', input)[Symbol.asyncIterator]();
    input.write('{"id":"first"}\n');
    const first = await it.next();
    expect((first.value as SourceRecord).data).toEqual({ id: 'first' });
    input.write('{"id":"second"}\n');
    input.end();
    expect(((await it.next()).value as SourceRecord).source.line).toBe(2);
    expect((await it.next()).done).toBe(true);
  });
});
