import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { RDF_FORMATS } from '../../rdf/syntax.js';
import { DEFAULT_BASE } from '../../federate/defaults.js';
import { ENGINE_NAMES } from '../../federate/engines/engines.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('federate')
    .description(
      "one DCAT-AP catalogue from many jurisdictions' exports, duplicates linked, with a JSON Lines search index",
    )
    .argument('<inputs...>', '<profile>=<path> for each jurisdiction (files or directories)')
    .option('-p, --profile <id>', 'profile of inputs given without <profile>=')
    .addOption(
      new Option(
        '-t, --to <format>',
        'RDF syntax, search-engine documents (solr, opensearch), or site: a static search site in the --output folder',
      )
        .choices([...RDF_FORMATS, ...ENGINE_NAMES, 'site'])
        .default('turtle'),
    )
    .option(
      '-o, --output <file>',
      'write the catalogue to a file instead of standard output (solr, opensearch, site: a folder; nquads: a folder when one, a file per jurisdiction)',
    )
    .option('--full', 'into a folder: read every jurisdiction again, whatever the folder holds')
    .option(
      '--index <file>',
      'write a JSON Lines index (id, title, jurisdiction, themes, keywords, formats, licence, modified) to this file',
    )
    .option(
      '--base <iri>',
      'base IRI of the federated catalogue and its catalogue records',
      DEFAULT_BASE,
    )
    .option('--publisher <name>', 'publisher of the federated catalogue', 'Passerelle')
    .option('--now <date>', 'date of the catalogue records (ISO date, default today)')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(cmd).action(async (inputs: string[], o) => {
    await useProfilePath(o);
    const { federateCommand } = await import('../federate.js');
    setExit(await federateCommand(inputs, o));
  });
}
