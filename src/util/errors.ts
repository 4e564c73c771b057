/**
 * Errors that stop a command before any record is read: bad usage, a profile or crosswalk that
 * does not load, an unreadable path. The CLI prints them as one line and exits 2.
 * `where` is `file:line:col` (or just `file`) so that editors can jump to it.
 * Each carries its French, whatever layer throws it (the CLI chooses the language when it prints):
 * test/words.test.ts fails on a `new UsageError`, `ConfigError` or `InputError` of src/ without it.
 */
/** A message in English and French: core's `Bilingual`, which `util` may not import. */
export type Said = { en: string; fr: string };

export class UsageError extends Error {
  readonly exitCode = 2;
  /** `fr`: the message in French, for `--lang fr` or a French locale (the CLI chooses). */
  constructor(
    message: string,
    readonly fr: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export class ConfigError extends UsageError {
  /** The message without its place, in both languages (for a problem listed with others). */
  readonly said: Said;
  constructor(
    message: string,
    readonly where: string | undefined,
    fr: string,
  ) {
    super(where ? `${where}: ${message}` : message, where ? `${where} : ${fr}` : fr);
    this.said = { en: message, fr };
    this.name = 'ConfigError';
  }
}

export class InputError extends UsageError {
  constructor(
    message: string,
    readonly file: string,
    fr: string,
  ) {
    super(`${file}: ${message}`, `${file} : ${fr}`);
    this.name = 'InputError';
  }
}
