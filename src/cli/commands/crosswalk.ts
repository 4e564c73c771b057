import type { Command } from 'commander';
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
    .argument('[ids...]', 'profile ids or crosswalk files');
  addProfilePathOptions(check).action(async (ids: string[], o) => {
    await useProfilePath(o);
    const { crosswalkCheckCommand } = await import('../crosswalk.js');
    setExit(crosswalkCheckCommand(ids));
  });
}
