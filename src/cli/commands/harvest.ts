import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('harvest')
    .description(
      "fetch a portal's catalogue (by its id in the portal registry, or its API URL) into a snapshot folder every command reads",
    )
    .argument('[portal]', 'portal id (without one: the list of portals) or an API URL')
    .option(
      '-o, --out <folder>',
      'snapshot folder (default: harvest-<portal>); run again to resume',
    )
    .addOption(
      new Option(
        '--api <kind>',
        'which of the portal API to use (default: the first listed)',
      ).choices(['ckan', 'ckan-bulk', 'csw', 'socrata', 'data-json', 'dcat-ap']),
    )
    .option('-p, --profile <id>', 'profile of the records, for a URL (a portal names its own)')
    .option('--page-size <n>', 'records asked for per page (1 to 10000)')
    .option('--rate <n>', 'requests per second at most (0.01 to 10; default: the portal’s, else 1)')
    .option('--timeout <seconds>', 'seconds to wait for each response (1 to 3600)', '60')
    .option(
      '--max-retries <n>',
      'retries of one request at most, on 429, 5xx and cut bodies (0 to 20)',
      '5',
    )
    .option('--max-size <MiB>', 'largest response accepted (1 to 4096)', '256')
    .option('--max-pages <n>', 'pages fetched at most in this run (the rest on the next run)')
    .option(
      '--allow-private',
      'also fetch from loopback, private and link-local addresses (refused by default)',
    )
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(cmd).action(async (portal: string | undefined, o) => {
    await useProfilePath(o);
    const { harvestCommand } = await import('../harvest.js');
    setExit(await harvestCommand(portal, o));
  });
}
