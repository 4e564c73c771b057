/**
 * What some tests need from outside the package, found once here: the test files skip without
 * it, and the reporter test/support/skips.mjs says at the end of the run what was missing (jest
 * hides a skipped test's output). `.ci/run` installs the tools; under CI (`CI` set) a test that
 * needs one never skips, so a missing tool fails there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const IN_CI = Boolean(process.env.CI);
const runs = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PYTHON = '/usr/bin/python3';
/** Reference material beside the checkout (public schemas, real exports), not in the repository. */
export const REFERENCE =
  process.env.PASSERELLE_REFERENCE ?? resolve(ROOT, '..', 'shared', 'reference');

/** Each optional need: whether it is here, how to get it, and the test files that skip without it. */
export const NEEDS = {
  chromium: {
    what: `Chromium at ${CHROMIUM} (or CHROMIUM_PATH)`,
    get: 'apt-get install chromium',
    here: () => IN_CI || existsSync(CHROMIUM),
    files: [
      'test/html-browser.test.ts',
      'test/compare-browser.test.ts',
      'test/site-browser.test.ts',
    ],
  },
  xmllint: {
    what: 'xmllint',
    get: 'apt-get install libxml2-utils',
    here: () => IN_CI || runs('xmllint', ['--version']),
    files: ['test/formats.test.ts', 'test/escaping.test.ts'],
  },
  rapper: {
    what: 'rapper',
    get: 'apt-get install raptor2-utils',
    here: () => IN_CI || runs('rapper', ['--version']),
    files: ['test/rdf/convert.test.ts', 'test/rdf/federate.test.ts'],
  },
  rdflib: {
    what: `rdflib for ${PYTHON}`,
    get: 'apt-get install python3-rdflib',
    here: () => IN_CI || (existsSync(PYTHON) && runs(PYTHON, ['-c', 'import rdflib'])),
    files: ['test/rdf/convert.test.ts'],
  },
  proc: {
    what: 'Linux /proc (where a process has read a file up to)',
    get: 'a Linux machine',
    here: () => existsSync('/proc/self/fdinfo'),
    files: ['test/scale.test.ts'],
  },
  reference: {
    what: `the reference material at ${REFERENCE} (or PASSERELLE_REFERENCE)`,
    get: 'a copy of ../shared/reference beside the checkout',
    here: () => existsSync(REFERENCE),
    files: [
      'test/detect.test.ts',
      'test/profile.test.ts',
      'test/readers.test.ts',
      'test/rdf/input.test.ts',
      'test/rdf/shacl.test.ts',
    ],
  },
};

const found = new Map();
/** Whether a need is met on this machine (each looked for once per process). */
export function have(need) {
  if (!found.has(need)) found.set(need, NEEDS[need].here());
  return found.get(need);
}
