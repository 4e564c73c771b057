import type { Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import { langOption } from './schema.js';
import type { SetExit } from './types.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('config')
    .description('work with passerelle.config.yaml')
    .command('schema')
    .description('print the JSON Schema of passerelle.config.yaml (the same as `schema config`)')
    .addOption(langOption())
    .action(async (o: { lang: Lang }) => {
      const { printSchema } = await import('./schema.js');
      await printSchema('config', o.lang);
      setExit(0);
    });
}
