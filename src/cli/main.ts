/** The `passerelle` command: parses arguments, calls the library, maps outcomes to exit codes. */
import { Command, CommanderError } from 'commander';
import { tool } from '../tool.js';
import { UsageError } from '../util/errors.js';
import { COMMANDS } from './commands/index.js';
import { removePendingOutputs } from './output.js';
import { cliLang, described, localise } from './localise.js';
import { helpText, usageText } from '../i18n/cli.js';
import type { Lang } from '../core/lang.js';

function program(setExit: (code: number) => void, lang: Lang = cliLang(process.argv)): Command {
  const p = new Command('passerelle')
    .description(
      'Map Canadian open-data metadata to a common DCAT-AP schema and check it against Open Data Charter rules.',
    )
    .version(tool().version, '-V, --version', described('output the version number', lang))
    .exitOverride()
    // help and usage errors in the run's language, with the one error prefix (`passerelle:`)
    .configureOutput({
      writeOut: (s) => process.stdout.write(helpText(s, lang)),
      writeErr: (s) => process.stderr.write(helpText(s, lang)),
      outputError: (s, write) => write(usageText(s, lang)),
    })
    .showHelpAfterError(usageText('(run passerelle --help for usage)', lang))
    .showSuggestionAfterError(true)
    // each command's --help lists --debug too
    .configureHelp({ showGlobalOptions: true })
    // read from process.argv (debugging()), so that it works before, after and inside every command
    .option('--debug', 'on an error, print its stack trace (for bug reports)');

  for (const c of COMMANDS) c.register(p, setExit);
  localise(p, lang);

  return p;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const p = program((c) => (code = c));
  try {
    await p.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; every other argument problem is a usage error (2)
      return e.exitCode === 0 ? 0 : 2;
    }
    reportError(e);
    return 2;
  }
}

/** `--debug`, wherever it is on the command line. */
function debugging(): boolean {
  return process.argv.includes('--debug');
}

/** One line on stderr: the problem, never a stack trace unless `--debug`. */
function reportError(e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err instanceof UsageError)
    process.stderr.write(`passerelle: ${cliLang(process.argv) === 'fr' ? err.fr : err.message}\n`);
  else
    process.stderr.write(
      cliLang(process.argv) === 'fr'
        ? `passerelle: erreur interne : ${err.message}${debugging() ? '' : ' (relancez avec --debug pour les détails)'}\n`
        : `passerelle: internal error: ${err.message}${debugging() ? '' : ' (run with --debug for details)'}\n`,
    );
  if (debugging() && err.stack) process.stderr.write(`${err.stack}\n`);
}

/** Ends quietly when the reader of our output goes away (`| head`), and cleans up on Ctrl-C. */
export function installProcessHandlers(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // an error no command caught (a stream failing between two awaits): one line, exit 2, no partial file
  const fatal = (e: unknown): void => {
    removePendingOutputs();
    reportError(e);
    process.exit(2);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      removePendingOutputs();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Every command's full name (`validate`, `rules explain`), read from the program itself: tests cover each one. */
export function commandNames(): string[] {
  const out: string[] = [];
  const walk = (c: Command, prefix: string[]): void => {
    for (const sub of c.commands) {
      const name = [...prefix, sub.name()];
      out.push(name.join(' '));
      walk(sub, name);
    }
  };
  walk(
    program(() => undefined),
    [],
  );
  return out;
}
