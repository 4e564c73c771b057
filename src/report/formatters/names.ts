/**
 * The names `--format` takes, in the order help lists them: plain data, so that registering the
 * option does not load the formatters (only a run that writes a report does).
 */
export const FORMAT_NAMES = [
  'stylish',
  'json',
  'junit',
  'sarif',
  'github',
  'gitlab',
  'markdown',
  'html',
  'csv',
] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];
