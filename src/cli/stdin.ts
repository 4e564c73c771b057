/**
 * Inputs that can be read only once: `-` (the standard input: `gunzip -c x.gz | passerelle validate -`)
 * and pipes, FIFOs and process substitution (`<(…)`). Passerelle reads a file's start to recognise
 * it, then reads the file again from its start: such an input is first copied, streamed, to a
 * temporary file (removed when the program ends) and named in reports as the user wrote it, the
 * standard input as `<stdin>`.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { profileAndPath } from '../engine/detect.js';
import { InputError } from '../util/errors.js';
import { showAs } from '../util/files.js';

export const STDIN = '-';
export const STDIN_NAME = '<stdin>';

let dir: string | undefined;
/** One copy per input: `-` given twice is the same records, not an empty second read. */
const copies = new Map<string, Promise<string>>();

function readOnce(path: string): boolean {
  if (path === STDIN) return true;
  try {
    const s = statSync(path);
    return s.isFIFO() || s.isSocket() || s.isCharacterDevice();
  } catch {
    return false; // reported where it is read, as before
  }
}

async function copy(path: string): Promise<string> {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'passerelle-stdin-'));
    dir = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  const file = join(dir, `input-${copies.size}`);
  const name = path === STDIN ? STDIN_NAME : path;
  try {
    await pipeline(
      path === STDIN ? process.stdin : createReadStream(path),
      createWriteStream(file),
    );
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputError(`cannot read (${why})`, name, `lecture impossible (${why})`);
  }
  showAs(file, name);
  return file;
}

/**
 * The command's path arguments with each read-once input replaced by its copy (`<profile>=-`
 * keeps its profile). Other arguments are left as they are.
 */
export async function readableInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    // as the commands read `<profile>=<path>`
    const named = profileAndPath(arg);
    const [prefix, path] = named ? [`${named.profile}=`, named.path] : ['', arg];
    if (!readOnce(path)) {
      out.push(arg);
      continue;
    }
    let copied = copies.get(path);
    if (!copied) copies.set(path, (copied = copy(path)));
    out.push(prefix + (await copied));
  }
  return out;
}
