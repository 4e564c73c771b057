import type { Command } from 'commander';
import { profilesCommand } from '../profiles.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('profiles')
    .description('list the profiles (jurisdictions) Passerelle knows')
    .action(() => setExit(profilesCommand()));
}
