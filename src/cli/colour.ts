/**
 * Whether the report is coloured, as chalk users expect: `--color`/`--no-color` first (the command
 * line is the most specific wish), then FORCE_COLOR (0 or false: never; 1, 2, 3, true or empty:
 * always), then NO_COLOR (no-color.org), then whether standard output is a terminal.
 */
export function colourLevel(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isTTY = Boolean(process.stdout.isTTY),
): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const forced = forceColor(env.FORCE_COLOR);
  if (flag === true) return forced && forced > 1 ? forced : 1;
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

/** FORCE_COLOR as chalk's supports-color reads it. */
function forceColor(v: string | undefined): 0 | 1 | 2 | 3 | undefined {
  if (v === undefined) return undefined;
  if (v === '' || v === 'true') return 1;
  if (v === 'false') return 0;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? 1 : (Math.min(Math.max(n, 0), 3) as 0 | 1 | 2 | 3);
}
