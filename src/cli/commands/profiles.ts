import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  // `--format`, `--lang` and the search path options are given once, here: `profiles show` takes
  // them too, before or after its id (an option of the same name on both would go to this one)
  const profiles = program
    .command('profiles')
    .description(
      'list the profiles (jurisdictions) Passerelle knows, and where each comes from (the package, or your folder)',
    )
    .addOption(
      new Option('-f, --format <format>', 'text for people, json for programs')
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      new Option('--lang <lang>', 'language of headings and labels')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(profiles).action(async (o) => {
    await useProfilePath(o);
    const { profilesCommand } = await import('../profiles.js');
    setExit(profilesCommand(o));
  });
  profiles
    .command('show')
    .description(
      "a profile's fields (type, required, bilingual, code list), the common property each maps to, and its code lists",
    )
    .argument('<id>', 'profile id (see `passerelle profiles`)')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      await useProfilePath(o);
      const { profilesShowCommand } = await import('../profiles-show.js');
      setExit(profilesShowCommand(id, { format: o.format, lang: o.lang }));
    });
}
