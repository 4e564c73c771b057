/**
 * The example queries shipped in `queries/*.rq` (docs/search.md): each file's name is the example's
 * name, and its first comment lines `# en: …` and `# fr: …` say what it answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Bilingual } from '../core/lang.js';
import { PACKAGE_ROOT } from '../paths.js';
import { UsageError } from '../util/errors.js';

export const QUERIES_DIR = join(PACKAGE_ROOT, 'queries');

export interface ExampleQuery {
  name: string;
  file: string;
  title: Bilingual;
}

function titleOf(text: string, name: string): Bilingual {
  const line = (lang: string): string | undefined =>
    new RegExp(`^# ${lang}: (.+)$`, 'm').exec(text)?.[1]?.trim();
  return { en: line('en') ?? name, fr: line('fr') ?? line('en') ?? name };
}

/** Every shipped example, by name. */
export function listExamples(dir = QUERIES_DIR): ExampleQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const name = basename(f, '.rq');
      return { name, file, title: titleOf(readFileSync(file, 'utf8'), name) };
    });
}

/** An example's file and text, or a usage error listing the examples. */
export function exampleQuery(name: string, dir = QUERIES_DIR): { file: string; text: string } {
  const found = listExamples(dir).find((e) => e.name === name || `${e.name}.rq` === name);
  if (!found) {
    const names = listExamples(dir)
      .map((e) => e.name)
      .join(', ');
    throw new UsageError(
      `no example query "${name}" (examples: ${names}; passerelle query --list-examples)`,
      `aucun exemple de requête « ${name} » (exemples : ${names} ; passerelle query --list-examples)`,
    );
  }
  return { file: found.file, text: readFileSync(found.file, 'utf8') };
}
