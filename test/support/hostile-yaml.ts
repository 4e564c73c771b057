/**
 * Hostile YAML files as a configuration: an alias bomb, a document nested 100,000 deep, a 6 MiB
 * file, each with the message that must name it. test/hostile.test.ts reads them in-process,
 * test/hostile-limits.test.ts (slow project) through the commands.
 */
function bomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    prev = n;
  }
  return `${lines.join('\n')}\nrules: *i\n`;
}

/** [what, file name, its text, the message]. */
export const HOSTILE_YAML: [string, string, () => string, RegExp][] = [
  ['an alias bomb', 'bomb.yaml', bomb, /bomb\.yaml: the document expands more than 1000 aliases/],
  [
    'a document nested 100 000 deep',
    'deep.yaml',
    () => `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    /deep\.yaml:1:\d+: the document is nested too deeply/,
  ],
  [
    'a 6 MiB file',
    'big.yaml',
    () => `rules: {}\n${'# padding padding padding padding\n'.repeat(200_000)}`,
    /big\.yaml: the file is larger than 5 MiB/,
  ],
];
