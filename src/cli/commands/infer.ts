import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('infer')
    .description(
      'draft a profile and a crosswalk for an unknown portal from a sample of its export (fields, types, fill rates, code lists, bilingual patterns)',
    )
    .argument(
      '<exports...>',
      'files or directories of the portal’s export, in any shape `validate` reads',
    )
    .option('--id <id>', 'id of the new profile (lower-case letters, digits, dashes)', 'draft')
    .option(
      '-o, --output-dir <dir>',
      'write profiles/<id>.yaml and crosswalks/<id>.yaml under this folder',
      '.',
    )
    .option('--sample <n>', 'read at most this many records', '1000')
    .option('--force', 'replace draft files that exist')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    )
    .action(async (paths: string[], o) => {
      // loaded when used, as every command's code: the others start without it
      const { inferCommand } = await import('../infer.js');
      setExit(await inferCommand(paths, o));
    });
}
