import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import { langFromEnv } from '../../i18n/ui.js';
import type { SetExit } from './types.js';

/** Loaded when the command runs, not when Passerelle starts. */
async function implementation() {
  const [{ SCHEMA_KINDS, schemaKind }, { suggestion }, { UsageError }] = await Promise.all([
    import('../../file-schemas/index.js'),
    import('../../util/file-schema.js'),
    import('../../util/errors.js'),
  ]);
  return { SCHEMA_KINDS, schemaKind, suggestion, UsageError };
}

/** `--lang`, as the other commands take it: the language of the list and of the errors. */
export const langOption = (): Option =>
  new Option('--lang <lang>', 'language of messages').choices(['en', 'fr']).default(langFromEnv());

/**
 * The JSON Schema of one kind of file (as editors read it: English); alone, the kinds and what
 * each is, in `lang`.
 */
export async function printSchema(kind: string | undefined, lang: Lang = 'en'): Promise<void> {
  const { SCHEMA_KINDS, schemaKind, suggestion, UsageError } = await implementation();
  if (kind === undefined) {
    const width = Math.max(...SCHEMA_KINDS.map((k) => k.kind.length));
    const lines = SCHEMA_KINDS.map(
      (k) => `${k.kind.padEnd(width)}  ${lang === 'fr' ? k.fr : String(k.schema().schema.title)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const found = schemaKind(kind);
  if (!found) {
    const kinds = SCHEMA_KINDS.map((k) => k.kind);
    throw new UsageError(
      `unknown kind of file "${kind}"${suggestion(kind, kinds)}`,
      `type de fichier inconnu « ${kind} »${suggestion(kind, kinds, 'fr')}`,
    );
  }
  process.stdout.write(`${JSON.stringify(found.schema().schema, null, 2)}\n`);
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of a file you write (profile, crosswalk, vocabulary, map-table, config, ruleset, portal), for editors and CI checks; alone: list them',
    )
    .argument('[kind]', 'the kind of file')
    .addOption(langOption())
    .action(async (kind: string | undefined, o: { lang: Lang }) => {
      await printSchema(kind, o.lang);
      setExit(0);
    });
}
