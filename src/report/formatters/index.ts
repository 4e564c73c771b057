import { json } from './json.js';
import { stylish } from './stylish.js';
import type { FormatterFactory } from './types.js';

/** Every output format, by the name `--format` takes. */
export const FORMATTERS: Record<string, FormatterFactory> = { stylish, json };

export type { Formatter, FormatterFactory, FormatterOptions } from './types.js';
