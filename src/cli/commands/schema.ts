import type { Command } from 'commander';
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

/** The JSON Schema of one kind of file; alone, the kinds and the files each is for. */
export async function printSchema(kind: string | undefined): Promise<void> {
  const { SCHEMA_KINDS, schemaKind, suggestion, UsageError } = await implementation();
  if (kind === undefined) {
    const width = Math.max(...SCHEMA_KINDS.map((k) => k.kind.length));
    const lines = SCHEMA_KINDS.map(
      (k) => `${k.kind.padEnd(width)}  ${String(k.schema().schema.title)}`,
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
    .action(async (kind: string | undefined) => {
      await printSchema(kind);
      setExit(0);
    });
}
