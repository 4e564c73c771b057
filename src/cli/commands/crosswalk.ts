import type { Command } from 'commander';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('crosswalk')
    .description('work with crosswalks')
    .command('check')
    .description(
      'check crosswalks against their profile and the common model (all when none is named)',
    )
    .argument('[ids...]', 'profile ids or crosswalk files')
    .action(async (ids: string[]) => {
      const { crosswalkCheckCommand } = await import('../crosswalk.js');
      setExit(crosswalkCheckCommand(ids));
    });
}
