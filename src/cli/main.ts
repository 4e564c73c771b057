/** The `passerelle` command: parses arguments, calls the library, maps outcomes to exit codes. */
import { Command, CommanderError } from 'commander';
import { tool } from '../engine/pipeline.js';
import { UsageError } from '../util/errors.js';
import { COMMANDS } from './commands/index.js';
import { removePendingOutputs } from './output.js';

function program(setExit: (code: number) => void): Command {
  const p = new Command('passerelle')
    .description('Map Canadian open-data metadata to a common DCAT-AP schema and check it against Open Data Charter rules.')
    .version(tool().version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run passerelle --help for usage)');

  for (const c of COMMANDS) c.register(p, setExit);

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
    if (e instanceof UsageError) {
      process.stderr.write(`passerelle: ${e.message}\n`);
      return 2;
    }
    if (process.argv.includes('--debug')) throw e;
    process.stderr.write(`passerelle: internal error: ${(e as Error).message} (run with --debug for details)\n`);
    return 2;
  }
}

/** Ends quietly when the reader of our output goes away (`| head`), and cleans up on Ctrl-C. */
export function installProcessHandlers(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      removePendingOutputs();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}
