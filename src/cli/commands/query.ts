import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { DEFAULT_BASE } from '../../federate/defaults.js';
import { RESULT_FORMATS } from '../../query/formats.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('query')
    .description(
      'run a SPARQL 1.1 query on a federation (an RDF file passerelle federate wrote) or on exports federated in memory, offline',
    )
    .argument(
      '[inputs...]',
      'RDF files loaded as they are (.ttl, .nt, .nq, .trig, .rdf, .jsonld, also .gz), and exports federated first (folders, files, <profile>=<path>); then the query file (.rq) unless --query or --example',
    )
    .option('-q, --query <sparql>', 'the query text, instead of a query file')
    .option('-e, --example <name>', 'a shipped example query (see --list-examples)')
    .option('--list-examples', 'list the shipped example queries')
    .addOption(
      new Option(
        '-f, --format <format>',
        'results: table (default on a terminal), csv (default elsewhere), tsv, json, xml (SPARQL 1.1 results formats); CONSTRUCT and DESCRIBE: turtle (default) or ntriples',
      ).choices([...RESULT_FORMATS]),
    )
    .option('-o, --output <file>', 'write the results to a file instead of standard output')
    .option(
      '-p, --profile <id>',
      'profile of the records (see `passerelle profiles`), or auto: recognised per file',
    )
    .option(
      '--follow-links',
      'in input folders, also read links leading outside the folder (not followed by default)',
    )
    .option(
      '--base <iri>',
      'base IRI of the federated catalogue and its catalogue records',
      DEFAULT_BASE,
    )
    .option('--now <date>', 'date of the catalogue records (ISO date, default today)')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(cmd).action(async (inputs: string[], o) => {
    await useProfilePath(o);
    const { queryCommand } = await import('../query.js');
    setExit(await queryCommand(inputs, o));
  });
}
