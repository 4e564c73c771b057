import { Option, type Command } from 'commander';
import { langFromEnv } from '../../i18n/ui.js';
import { addProfilePathOptions, useProfilePath } from '../profile-path.js';
import type { SetExit } from './types.js';

/** Loaded when the command runs, not when Passerelle starts. */
async function implementation() {
  const [{ resolveConfig }, { explainCommand, rulesCommand }] = await Promise.all([
    import('../../config/load.js'),
    import('../rules.js'),
  ]);
  return { resolveConfig, explainCommand, rulesCommand };
}

export function register(program: Command, setExit: SetExit): void {
  const rules = program
    .command('rules')
    .description('list the rules: id, ODC principle, severity, what each checks')
    .option('-p, --profile <id>', 'show the severities that apply to this profile')
    .option(
      '-c, --config <file>',
      'rule configuration (default: the nearest passerelle.config.yaml)',
    )
    .option('--no-config', 'ignore passerelle.config.yaml files')
    .addOption(new Option('-f, --format <format>', 'text or json').default('text'))
    .addOption(
      new Option('--lang <lang>', 'language').choices(['en', 'fr']).default(langFromEnv()),
    );
  addProfilePathOptions(rules).action(async (o) => {
    await useProfilePath(o);
    const { resolveConfig, rulesCommand } = await implementation();
    const config = resolveConfig(o.config);
    setExit(rulesCommand({ ...o, settings: config?.settings, rules: config?.rules }));
  });
  // `rules explain` takes the options of `rules` (--lang, --profile, --config), before or after its id
  rules
    .command('explain')
    .description("print a rule's documentation, options and examples")
    .argument('<id>', 'rule id (odc/freshness)')
    .action(async (id: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      await useProfilePath(o);
      const { resolveConfig, explainCommand } = await implementation();
      const config = resolveConfig(o.config);
      setExit(
        explainCommand(id, {
          ...o,
          lang: o.lang,
          settings: config?.settings,
          rules: config?.rules,
        }),
      );
    });
  // `rules test <ruleset>`: each new rule of the ruleset against its own examples
  rules
    .command('test')
    .description(
      'run each rule of a ruleset on its own examples (pass: no finding; fail: one at least)',
    )
    .argument('<ruleset>', 'ruleset file (.yaml, .yml, .json)')
    .action(async (file: string, _o, cmd: Command) => {
      const o = cmd.optsWithGlobals();
      await useProfilePath(o);
      const { rulesTestCommand } = await import('../rules-test.js');
      setExit(rulesTestCommand(file, { lang: o.lang }));
    });
}
