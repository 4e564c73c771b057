import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { RDF_FORMATS } from '../../rdf/syntax.js';
import { addWorkersOption } from '../flags.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const cmd = program
    .command('convert')
    .description('write records as DCAT-AP 3 RDF (JSON-LD, Turtle, N-Triples, N-Quads)')
    .argument('<paths...>', 'files or directories; <profile>=<path> names the profile of one path')
    .option('-p, --profile <id>', 'profile of the records (see `passerelle profiles`)')
    .option(
      '--follow-links',
      'in input folders, also read links leading outside the folder (not followed by default)',
    )
    .addOption(
      new Option('-t, --to <format>', 'RDF syntax').choices([...RDF_FORMATS]).makeOptionMandatory(),
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(cmd);
  addWorkersOption(cmd).action(async (paths: string[], o) => {
    await useProfilePath(o);
    const { convertCommand } = await import('../convert.js');
    setExit(await convertCommand(paths, o));
  });
}
