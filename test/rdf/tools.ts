/**
 * Independent RDF tools the tests cross-check our output with: rapper (raptor2-utils) and rdflib
 * (for /usr/bin/python3). `.ci/run` installs both, and under CI those tests always run; elsewhere a
 * machine without them skips those tests with a message.
 */
import { spawnSync } from 'node:child_process';
import { have, PYTHON } from '../support/optional.mjs';

export const HAS_RAPPER = have('rapper');
export const HAS_RDFLIB = have('rdflib');

const RAPPER_SYNTAX = {
  ntriples: 'ntriples',
  nquads: 'nquads',
  turtle: 'turtle',
  rdfxml: 'rdfxml',
} as const;
const RDFLIB_FORMAT = {
  ntriples: 'nt',
  nquads: 'nquads',
  turtle: 'turtle',
  jsonld: 'json-ld',
  rdfxml: 'xml',
} as const;

/** Distinct statements rapper reads from a file (its N-Triples output, duplicates removed). */
export function rapperCount(file: string, syntax: keyof typeof RAPPER_SYNTAX): number {
  const out = syntax === 'nquads' ? 'nquads' : 'ntriples';
  const r = spawnSync('rapper', ['-q', '-i', RAPPER_SYNTAX[syntax], '-o', out, file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`rapper failed on ${file}: ${r.stderr}`);
  return new Set(r.stdout.split('\n').filter((l) => l.trim())).size;
}

/** Distinct statements rdflib reads from a file (quads for N-Quads). */
export function rdflibCount(file: string, format: keyof typeof RDFLIB_FORMAT): number {
  const script = `
import sys, rdflib
fmt = sys.argv[2]
g = rdflib.Dataset() if fmt == 'nquads' else rdflib.Graph()
g.parse(sys.argv[1], format=fmt)
print(len(list(g.quads((None, None, None, None)))) if fmt == 'nquads' else len(g))
`;
  const r = spawnSync(PYTHON, ['-c', script, file, RDFLIB_FORMAT[format]], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`rdflib failed on ${file}: ${r.stderr}`);
  return Number(r.stdout.trim());
}
