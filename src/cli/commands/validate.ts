import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { addOutputOptions, addWorkersOption } from '../flags.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';
import { UsageError } from '../../util/errors.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('validate')
    .description('check exports against their profile and the Open Data Charter rules')
    .argument(
      '[paths...]',
      'files, folders, harvest snapshot folders or - (standard input): JSON, JSON Lines, CSV, XML (HNAP), RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML), JSON-LD, each also gzipped (.gz); <profile>=<path> names the profile of one path',
    )
    .option(
      '--portal <id>',
      'harvest this portal of the registry (passerelle harvest) to a cache folder first, then validate it with the paths',
    )
    .option(
      '-p, --profile <id>',
      'profile of the records (see `passerelle profiles`), or auto: recognised per file',
    )
    .option(
      '--follow-links',
      'in input folders, also read links leading outside the folder (not followed by default)',
    );
  addOutputOptions(cmd); // -f, -o, --output.<format>, --quiet, --max-warnings
  cmd.option(
    '--html-max-records <n>',
    'HTML report: records listed in full at most, errors first (the others are counted; default 2000)',
  );
  cmd
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .option('--now <date>', 'reference date for freshness checks (ISO date, default today)')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    )
    .option('--color', 'colour the report even when it is not on a terminal (as FORCE_COLOR=1)')
    .option('--no-color', 'no colours, even on a terminal (as NO_COLOR=1)')
    .option(
      '--shacl',
      "also check each record, as DCAT-AP 3 RDF, against Passerelle's DCAT-AP 3 SHACL shapes",
    )
    .option(
      '--shapes <file...>',
      'more SHACL shapes to check records against (Turtle, RDF/XML, JSON-LD…); implies --shacl',
    )
    .option(
      '-c, --config <file>',
      'rule configuration (default: the nearest passerelle.config.yaml)',
    )
    .option('--no-config', 'ignore passerelle.config.yaml files')
    .option('--baseline <file>', 'leave out the findings this baseline file already knows')
    .option('--update-baseline', 'write every finding of this run to the --baseline file')
    .option(
      '--check-urls',
      'check that access and download URLs answer (HTTP HEAD; the only network use)',
    )
    .option(
      '--url-timeout <seconds>',
      'with --check-urls: seconds to wait for each URL (1 to 300)',
      '10',
    )
    .option('--url-concurrency <n>', 'with --check-urls: URLs checked at once (1 to 64)', '8')
    .option(
      '--allow-private',
      'with --check-urls and --portal: also reach loopback, private and link-local addresses (refused by default)',
    );
  addProfilePathOptions(cmd);
  addWorkersOption(cmd).action(async (given: string[], o) => {
    await useProfilePath(o);
    const paths = [...given];
    if (o.portal) {
      const { harvestToCache } = await import('../harvest.js');
      paths.push(await harvestToCache(o.portal, o));
    }
    if (paths.length === 0)
      throw new UsageError(
        "missing required argument 'paths' (files or folders, or --portal <id>)",
        'argument obligatoire manquant « paths » (fichiers ou dossiers, ou --portal <id>)',
      );
    const { validateCommand } = await import('../validate.js');
    setExit(await validateCommand(paths, o));
  });
}
