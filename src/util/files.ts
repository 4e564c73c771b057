import { relative, isAbsolute } from 'node:path';

/** Paths in messages are shown relative to where the user stands, as they typed them. */
export function relativeToCwd(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
