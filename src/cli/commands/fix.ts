import { Option, type Command } from 'commander';
import { FIX_KINDS } from '../../core/finding.js';
import { langFromEnv } from '../../i18n/ui.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

const more = (v: string, list: string[] = []): string[] => [...list, v];

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('fix')
    .description(
      'repair what findings know how to repair (legacy codes, code spelling, encoding damage): a review by default, or corrected exports, JSON Patch or CKAN package_patch payloads',
    )
    .argument(
      '<paths...>',
      'files or directories (JSON, JSON Lines, .gz); <profile>=<path> names the profile of one path',
    )
    .option(
      '-p, --profile <id>',
      'profile of the records (see `passerelle profiles`), or auto: recognised per file',
    )
    .option(
      '--output <dir>',
      'write the corrected exports under this folder, in the shape of the input',
    )
    .option('--in-place', 'correct the input files themselves (each kept as <file>.bak)')
    .addOption(
      new Option(
        '--to <form>',
        'review (printed), json-patch (RFC 6902 per record) or ckan (package_patch payloads), as JSON Lines on standard output',
      )
        .choices(['review', 'json-patch', 'ckan'])
        .default('review'),
    )
    .option('--rule <id>', 'only the fixes of this rule (repeatable)', more)
    .option(
      `--fix-type <kind>`,
      `only fixes of this kind: ${FIX_KINDS.join(', ')} (repeatable)`,
      more,
    )
    .option('--now <date>', 'reference date for freshness checks (ISO date, default today)')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    )
    .option(
      '-c, --config <file>',
      'rule configuration (default: the nearest passerelle.config.yaml)',
    )
    .option('--no-config', 'ignore passerelle.config.yaml files')
    .option('--follow-links', 'in input folders, also read links leading outside the folder');
  addProfilePathOptions(cmd).action(async (paths: string[], o) => {
    await useProfilePath(o);
    const { fixCommand } = await import('../fix.js');
    setExit(await fixCommand(paths, o));
  });
}
