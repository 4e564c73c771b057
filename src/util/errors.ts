/**
 * Errors that stop a command before any record is read: bad usage, a profile or crosswalk that
 * does not load, an unreadable path. The CLI prints them as one line and exits 2.
 * `where` is `file:line:col` (or just `file`) so that editors can jump to it.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  /** `fr`: the message in French, for `--lang fr` or a French locale (the CLI chooses). */
  constructor(
    message: string,
    readonly fr?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export class ConfigError extends UsageError {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

export class InputError extends UsageError {
  constructor(
    message: string,
    readonly file: string,
    fr?: string,
  ) {
    super(`${file}: ${message}`, fr === undefined ? undefined : `${file} : ${fr}`);
    this.name = 'InputError';
  }
}
