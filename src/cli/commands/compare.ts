import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { COMPARE_FORMATS } from '../../compare/render/formats.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('compare')
    .description(
      'compare jurisdictions: their crosswalks side by side and, with their exports, fill rates, indicators, scores and high-value datasets',
    )
    .argument(
      '[inputs...]',
      '<profile>=<path> for each jurisdiction whose records to measure (auto=<path>: recognised per file)',
    )
    .option(
      '--profiles <ids>',
      'jurisdictions to compare, comma-separated (default: those of the inputs, or every profile)',
    )
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices([...COMPARE_FORMATS])
        .default('markdown'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--now <date>', 'reference date for freshness (ISO date, default today)')
    .option(
      '--hvd <file>',
      'high-value dataset list (default: crosswalks/vocabularies/hvd-category.yaml)',
    )
    .option('--no-hvd', 'leave out the high-value datasets')
    .option(
      '-c, --config <file>',
      'rule configuration (default: the nearest passerelle.config.yaml)',
    )
    .option('--no-config', 'ignore passerelle.config.yaml files')
    .addOption(
      new Option('--lang <lang>', 'language of headings and labels')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(cmd).action(async (inputs: string[], o) => {
    await useProfilePath(o);
    // loaded when used, as every command's code: the others start without it
    const { compareCommand } = await import('../compare.js');
    setExit(await compareCommand(inputs, o));
  });
}
