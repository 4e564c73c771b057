/**
 * What a compiled crosswalk works with at run time: the record context an entry is evaluated in,
 * and the candidate values an entry gives for its property.
 */
import type { Provenance } from '../model/types.js';
import type { Emitted } from '../core/finding.js';
import { reader as pathReader, type Located, type Segment } from '../util/paths.js';

/** One candidate value on its way to the common record, with the source fields it came from. */
export interface Candidate {
  value: unknown;
  sources: string[];
  /** For language maps: the source of each language. */
  langSources?: Record<string, string>;
}

/** Where an entry is evaluated: the record, the current item, where we are in the output. */
export interface RecordContext {
  root: unknown;
  node: unknown;
  base: string;
  /** Property path of the object being built ('' for the dataset). */
  prefix: string;
  /** Set by `each` for the object it is about to build: its place in the output list. */
  itemPrefix?: string;
  /** Objects already produced for the list being built by `all` (so that the next one is numbered after them). */
  offset?: number;
  profile: string;
  emit(e: Emitted): void;
  provenance: Provenance[];
  /**
   * The language entries (`title@en`) `provenance` already holds, when the crosswalk may build two
   * objects at one place (`Compiler.samePlace`); otherwise none is needed.
   */
  provenanceKeys: Set<string> | undefined;
}

/** A compiled crosswalk entry: the candidate values it gives for its property in one record. */
export type CompiledEntry = (ctx: RecordContext) => Candidate[];

/** The context one level down: another node of the source, another place in the common record. */
export function descend(
  ctx: RecordContext,
  node: unknown,
  base: string,
  prefix: string,
  itemPrefix: string | undefined,
  offset: number | undefined,
): RecordContext {
  // every field written out rather than spread: one is made for every item of every record
  return {
    root: ctx.root,
    node,
    base,
    prefix,
    itemPrefix,
    offset,
    profile: ctx.profile,
    emit: ctx.emit,
    provenance: ctx.provenance,
    provenanceKeys: ctx.provenanceKeys,
  };
}

/** Reads a checked path in a context: from the record root, or from the current item. */
export function reader(p: {
  segs: Segment[];
  absolute: boolean;
}): (ctx: RecordContext) => Located[] {
  const read = pathReader(p.segs);
  return p.absolute ? (ctx) => read(ctx.root) : (ctx) => read(ctx.node, ctx.base);
}
