import type { Command } from 'commander';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('config')
    .description('work with passerelle.config.yaml')
    .command('schema')
    .description('print the JSON Schema of passerelle.config.yaml (the same as `schema config`)')
    .action(async () => {
      const { printSchema } = await import('./schema.js');
      await printSchema('config');
      setExit(0);
    });
}
