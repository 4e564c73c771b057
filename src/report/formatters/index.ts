import { csv } from './csv.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { FormatterFactory } from './types.js';

/** Every output format, by the name `--format` takes (one for each of FORMAT_NAMES, no other). */
export const FORMATTERS: Record<string, FormatterFactory> = {
  stylish,
  json,
  junit,
  sarif,
  github,
  gitlab,
  markdown,
  html,
  csv,
} satisfies Record<FormatName, FormatterFactory>;

export type { Chunk, Formatter, FormatterFactory, FormatterOptions } from './types.js';
export { pieces } from './types.js';
