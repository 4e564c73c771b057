import type { Command } from 'commander';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('config')
    .description('work with passerelle.config.yaml')
    .command('schema')
    .description('print the JSON Schema of passerelle.config.yaml (for editors and CI checks)')
    .action(async () => {
      const { configSchema } = await import('../../config/schema.js');
      process.stdout.write(`${JSON.stringify(configSchema(), null, 2)}\n`);
      setExit(0);
    });
}
