import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  const check = program
    .command('crosswalk')
    .description('work with crosswalks')
    .command('check')
    .description(
      'check crosswalks against their profile and the common model (all when none is named)',
    )
    .argument('[ids...]', 'profile ids or crosswalk files')
    .addOption(
      new Option('--lang <lang>', 'language of messages')
        .choices(['en', 'fr'])
        .default(langFromEnv()),
    );
  addProfilePathOptions(check).action(async (ids: string[], o) => {
    await useProfilePath(o);
    const { crosswalkCheckCommand } = await import('../crosswalk.js');
    setExit(crosswalkCheckCommand(ids, o.lang));
  });
}
