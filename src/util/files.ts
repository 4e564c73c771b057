import { relative, isAbsolute } from 'node:path';

/** Files shown under another name: an input that could be read only once, copied (cli/stdin.ts). */
const SHOWN = new Map<string, string>();
export function showAs(file: string, name: string): void {
  SHOWN.set(file, name);
}

/** Paths in messages are shown relative to where the user stands, as they typed them. */
export function relativeToCwd(file: string): string {
  const named = SHOWN.get(file);
  if (named !== undefined) return named;
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
