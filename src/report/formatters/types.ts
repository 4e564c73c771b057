import type { Lang } from '../../core/lang.js';
import type { FailOn } from '../model.js';
import type { RecordResult } from '../../core/record.js';
import type { Summary } from '../../core/summary.js';
import type { ToolInfo } from '../../tool.js';
import type { RuleBook } from '../../rules/book.js';

export interface FormatterOptions {
  lang: Lang;
  /** Colours (ANSI) for terminals. */
  color: boolean;
  /** OSC 8 hyperlinks (stylish's rule ids to their pages), for terminals that show them. */
  hyperlinks?: boolean;
  tool: ToolInfo;
  /** The run's threshold: formats that mark records as failed (JUnit) follow it. Default `error`. */
  failOn?: FailOn;
  /**
   * The run's rules (its `ValidateOptions.rules`): titles, docs and levels of the rules a report
   * names come from here. Default: the shipped rules.
   */
  rules?: RuleBook;
  /** What the run read, for reports that say so (HTML): input names, `--profile`, `--now`. */
  run?: RunInfo;
  /** HTML: records shown in full at most (the others counted, and in the JSON/CSV report). */
  htmlMaxRecords?: number;
}

export interface RunInfo {
  inputs: string[];
  /** `--profile` as given (`auto`, an id); absent when not given. */
  profile?: string;
  /** The reference date (`--now`), ISO. */
  now?: string;
}

/**
 * What a formatter hands back: text, or text in several chunks (a JUnit testsuite read back from a
 * temporary file) that the writer sends one by one, waiting for the destination to drain.
 */
export type Chunk = string | Iterable<string>;

/**
 * A formatter renders the findings model as records arrive (so a large catalogue streams) and
 * closes with the summary. It never computes findings of its own.
 */
export interface Formatter {
  start(): Chunk;
  record(r: RecordResult): Chunk;
  /** The same record given as its JSON text (`JSON.stringify(r)`), for formats that write it as is. */
  recordJson?(json: string): Chunk;
  end(summary: Summary): Chunk;
  /** Frees what the formatter holds (temporary files) when a run stops before its end. */
  dispose?(): void;
}

export type FormatterFactory = (options: FormatterOptions) => Formatter;

/** The pieces of a chunk, in order. */
export function* pieces(c: Chunk): Generator<string> {
  if (typeof c === 'string') {
    if (c) yield c;
  } else for (const s of c) if (s) yield s;
}
