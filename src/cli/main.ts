/** The `passerelle` command: parses arguments, calls the library, maps outcomes to exit codes. */
import { Command, CommanderError, Option } from 'commander';
import { tool } from '../engine/pipeline.js';
import { langFromEnv } from '../i18n/ui.js';
import { UsageError } from '../util/errors.js';
import { validateCommand } from './validate.js';
import { profilesCommand } from './profiles.js';
import { crosswalkCheckCommand } from './crosswalk.js';
import { removePendingOutputs } from './output.js';

function program(setExit: (code: number) => void): Command {
  const p = new Command('passerelle')
    .description('Map Canadian open-data metadata to a common DCAT-AP schema and check it against Open Data Charter rules.')
    .version(tool().version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run passerelle --help for usage)');

  p.command('validate')
    .description('check exports against their profile and the Open Data Charter rules')
    .argument('<paths...>', 'files or directories (JSON, JSON Lines, .gz); <profile>=<path> names the profile of one path')
    .option('-p, --profile <id>', 'profile of the records (see `passerelle profiles`)')
    .addOption(new Option('-f, --format <format>', 'report format').default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('--now <date>', 'reference date for freshness checks (ISO date, default today)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['en', 'fr']).default(langFromEnv()))
    .option('--no-color', 'no colours, even on a terminal')
    .action(async (paths: string[], o) => {
      setExit(await validateCommand(paths, { ...o, color: o.color === false ? false : undefined }));
    });

  p.command('profiles')
    .description('list the profiles (jurisdictions) Passerelle knows')
    .action(() => setExit(profilesCommand()));

  p.command('crosswalk')
    .description('work with crosswalks')
    .command('check')
    .description('check crosswalks against their profile and the common model (all when none is named)')
    .argument('[ids...]', 'profile ids or crosswalk files')
    .action((ids: string[]) => setExit(crosswalkCheckCommand(ids)));

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
