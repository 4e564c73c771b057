/**
 * Keys seen in a run (identifiers, dataset URIs), each with where it was first seen, in memory that
 * stays small for a million records: an open-addressing table of 53-bit hashes (8 bytes) with the
 * file (an index into the run's few file names) and line of the first record (4 + 4 bytes), no
 * strings kept. Two different keys with one hash (about 1 in 10^10 for a million records) would
 * be taken for one.
 */
import type { SourceRef } from '../core/source.js';
import type { Emitted } from '../core/finding.js';
import type { Dataset } from '../model/types.js';
import { recordKeys, type RecordKeys } from '../rules/odc/unique-identifier.js';

/** cyrb53 (public domain): a fast 53-bit string hash; the seed keeps kinds of keys apart. */
function hash53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // 0 marks an empty slot
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

/** Where a key was first seen: a file's index in the run and a line (0: unknown). */
interface Place {
  file: number;
  line: number;
}

export class KeyTable {
  private hashes = new Float64Array(1024);
  private files = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private size = 0;

  /** Where `key` was first seen, or undefined after remembering `place` for it. */
  seen(key: string, seed: number, place: Place): Place | undefined {
    if ((this.size + 1) * 4 > this.hashes.length * 3) this.grow();
    const h = hash53(key, seed);
    const mask = this.hashes.length - 1;
    for (let i = h % this.hashes.length; ; i = (i + 1) & mask) {
      const x = this.hashes[i];
      if (x === h) return { file: this.files[i], line: this.lines[i] };
      if (x === 0) {
        this.hashes[i] = h;
        this.files[i] = place.file;
        this.lines[i] = place.line;
        this.size++;
        return undefined;
      }
    }
  }

  private grow(): void {
    const { hashes, files, lines } = this;
    this.hashes = new Float64Array(hashes.length * 2);
    this.files = new Uint32Array(hashes.length * 2);
    this.lines = new Uint32Array(hashes.length * 2);
    const mask = this.hashes.length - 1;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j];
      if (h === 0) continue;
      let i = h % this.hashes.length;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = h;
      this.files[i] = files[j];
      this.lines[i] = lines[j];
    }
  }
}

const IDENTIFIER = 1;
const URI = 2;

/**
 * A run's records by identifier and dataset URI, in input order: the finding `odc/unique-identifier`
 * for a record that repeats an earlier one (one per record: its identifier first, then its URI).
 * Also what `convert` uses to tell which records' RDF nodes merge (`seenUri`).
 */
export class SeenRecords {
  private readonly table = new KeyTable();
  private readonly fileNames: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  private placeOf(source: SourceRef): Place {
    let file = this.fileIndex.get(source.file);
    if (file === undefined) {
      file = this.fileNames.push(source.file) - 1;
      this.fileIndex.set(source.file, file);
    }
    return { file, line: source.line ?? 0 };
  }

  private shown(p: Place): string {
    const file = this.fileNames[p.file];
    return p.line ? `${file}:${p.line}` : file;
  }

  /** The finding for a record whose keys an earlier record of the run has; every key is remembered. */
  check(keys: RecordKeys | undefined, source: SourceRef): Emitted | undefined {
    if (!keys) return undefined;
    const place = this.placeOf(source);
    let out: Emitted | undefined;
    if (keys.identifier !== undefined) {
      const earlier = this.table.seen(keys.identifier, IDENTIFIER, place);
      if (earlier) out = this.finding('identifier', keys.identifier, earlier);
    }
    if (keys.uri !== undefined) {
      const earlier = this.table.seen(keys.uri, URI, place);
      if (earlier && !out) out = this.finding('uri', keys.uri, earlier);
    }
    return out;
  }

  /** Where an earlier record of the run had this dataset URI (`file:line`), or undefined after remembering this one. */
  seenUri(uri: string, source: SourceRef): string | undefined {
    const earlier = this.table.seen(uri, URI, this.placeOf(source));
    return earlier && this.shown(earlier);
  }

  private finding(kind: 'identifier' | 'uri', value: string, earlier: Place): Emitted {
    return {
      ruleId: 'odc/unique-identifier',
      messageId: kind,
      property: kind === 'identifier' ? 'identifier' : 'id',
      data: { value, place: this.shown(earlier) },
      value,
    };
  }
}

/** A rule's example across a run (`RuleExample.before`): what the last record gets, the others read first. */
export function checkAfter(before: readonly Dataset[], dataset: Dataset): Emitted[] {
  const seen = new SeenRecords();
  const file = 'example.jsonl';
  before.forEach((d, i) => seen.check(recordKeys(d), { file, line: i + 1 }));
  const e = seen.check(recordKeys(dataset), { file, line: before.length + 1 });
  return e ? [e] : [];
}
