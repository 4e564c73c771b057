import type { Lang } from '../../rules/types.js';
import type { RecordResult, Summary, ToolInfo } from '../model.js';

export interface FormatterOptions {
  lang: Lang;
  /** Colours (ANSI) for terminals. */
  color: boolean;
  tool: ToolInfo;
}

/**
 * A formatter renders the findings model as records arrive (so a large catalogue streams) and
 * closes with the summary. It never computes findings of its own.
 */
export interface Formatter {
  start(): string;
  record(r: RecordResult): string;
  end(summary: Summary): string;
}

export type FormatterFactory = (options: FormatterOptions) => Formatter;
