/**
 * The commands' exit-code cases, shared by test/commands.test.ts (each case, `npm test`) and
 * test/commands-debug.test.ts (`--debug` with each command, `npm run test:slow`): the inputs they
 * need (written to a temporary folder around the file's tests) and the run with the network cut
 * off (test/support/no-network.mjs).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir, type Run } from './helpers.js';

const NO_NETWORK = join(ROOT, 'test', 'support', 'no-network.mjs');
let tmp: ReturnType<typeof tempDir>;
let netLog: string;

/** Writes the inputs before the file's tests and removes them after: call once, at the top of a test file. */
export function commandInputs(): void {
  beforeAll(() => {
    tmp = tempDir();
    netLog = join(tmp.dir, 'net.log');
    // inputs that would reach for the network if anything resolved them
    writeFileSync(
      join(tmp.dir, 'remote-context.jsonld'),
      JSON.stringify({
        '@context': 'https://example.org/context.jsonld',
        '@id': 'https://example.org/d',
        '@type': 'Dataset',
        title: 'x',
      }),
    );
    writeFileSync(
      join(tmp.dir, 'entities.xml'),
      '<?xml version="1.0"?>\n<!DOCTYPE gmd:MD_Metadata SYSTEM "https://example.org/evil.dtd" [<!ENTITY e SYSTEM "https://example.org/secret">]>\n' +
        '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier><gco:CharacterString>&e;</gco:CharacterString></gmd:fileIdentifier></gmd:MD_Metadata>\n',
    );
    writeFileSync(
      join(tmp.dir, 'bad-crosswalk.yaml'),
      'crosswalk: ckan\nprofile: ckan\ndataset:\n  nonsense: {from: title}\n',
    );
    writeFileSync(join(tmp.dir, 'bad-config.yaml'), 'rules:\n  odc/nonsense: off\n');
    // a ruleset whose example fails: the length of "Air" is no more than 5
    writeFileSync(
      join(tmp.dir, 'wrong-example.yaml'),
      'rules:\n  city/x:\n    title: {en: T, fr: T}\n    target: title\n    then: {check: length, max: 5}\n    message: {en: M, fr: M}\n    examples: {fail: [{dataset: {title: {en: Air}}}]}\n',
    );
  });
  afterAll(() => tmp.cleanup());
}

export const fx = (p: string) => join(ROOT, 'fixtures', p);
const t = (f: string) => join(tmp.dir, f);
export const NOW = ['--now', '2026-11-01'];

/** For each command: cases that end with each exit code the command documents. */
export const CASES: Record<string, [number, () => string[]][]> = {
  validate: [
    [0, () => ['validate', fx('ckan'), '-p', 'ckan', '--fail-on', 'never', ...NOW]],
    [1, () => ['validate', fx('ckan'), '-p', 'ckan', ...NOW]],
    [
      1,
      () => [
        'validate',
        `dcat-ap=${t('remote-context.jsonld')}`,
        `ca-gc-hnap=${t('entities.xml')}`,
        '-f',
        'json',
        ...NOW,
      ],
    ],
    [1, () => ['validate', fx('dcat-ap'), '-p', 'dcat-ap', '--shacl', '-f', 'sarif', ...NOW]],
    [2, () => ['validate', t('missing.json'), '-p', 'ckan']],
    [2, () => ['validate', fx('ckan'), '-p', 'ckan', '-c', t('bad-config.yaml')]],
  ],
  profiles: [
    [0, () => ['profiles']],
    [2, () => ['profiles', 'unexpected']],
  ],
  'profiles show': [
    [0, () => ['profiles', 'show', 'ca-gc', '-f', 'json']],
    [2, () => ['profiles', 'show', 'nosuch']],
  ],
  crosswalk: [[2, () => ['crosswalk']]],
  'crosswalk check': [
    [0, () => ['crosswalk', 'check']],
    [1, () => ['crosswalk', 'check', t('bad-crosswalk.yaml')]],
    [2, () => ['crosswalk', 'check', 'nosuch']],
  ],
  convert: [
    [0, () => ['convert', join(fx('ckan'), 'dataset.json'), '-p', 'ckan', '--to', 'jsonld']],
    [
      1,
      () => [
        'convert',
        `dcat-ap=${t('remote-context.jsonld')}`,
        `ca-gc-hnap=${t('entities.xml')}`,
        '--to',
        'turtle',
      ],
    ],
    [2, () => ['convert', fx('ckan'), '-p', 'ckan']],
  ],
  federate: [
    [
      0,
      () => [
        'federate',
        `ckan=${join(fx('ckan'), 'dataset.json')}`,
        `dcat-ap=${join(fx('dcat-ap'), 'catalogue.ttl')}`,
        ...NOW,
      ],
    ],
    [
      1,
      () => [
        'federate',
        `dcat-ap=${t('remote-context.jsonld')}`,
        `ca-gc-hnap=${t('entities.xml')}`,
        '--to',
        'jsonld',
        ...NOW,
      ],
    ],
    [2, () => ['federate', fx('ckan')]],
  ],
  query: [
    [
      0,
      () => ['query', `ckan=${join(fx('ckan'), 'dataset.json')}`, '-e', 'licences-in-use', ...NOW],
    ],
    // a JSON-LD context on the web, loaded as RDF and federated: refused, named, exit 1
    [
      1,
      () => [
        'query',
        t('remote-context.jsonld'),
        `dcat-ap=${t('remote-context.jsonld')}`,
        '-q',
        'ASK { ?s ?p ?o }',
      ],
    ],
    [
      2,
      () => [
        'query',
        fx('ckan'),
        '-q',
        'SELECT * { SERVICE <https://example.org/sparql> { ?s ?p ?o } }',
      ],
    ],
  ],
  rules: [
    [0, () => ['rules', '--format', 'json']],
    [2, () => ['rules', '-c', t('bad-config.yaml')]],
  ],
  'rules explain': [
    [0, () => ['rules', 'explain', 'odc/freshness', '--lang', 'fr']],
    [2, () => ['rules', 'explain', 'odc/nosuch']],
  ],
  'rules test': [
    [0, () => ['rules', 'test', join(ROOT, 'test', 'rulesets', 'every-check.yaml')]],
    [1, () => ['rules', 'test', t('wrong-example.yaml')]],
    [2, () => ['rules', 'test', t('bad-config.yaml')]],
  ],
  compare: [
    [0, () => ['compare', `ckan=${join(fx('ckan'), 'dataset.json')}`, ...NOW]],
    [
      1,
      () => [
        'compare',
        `dcat-ap=${t('remote-context.jsonld')}`,
        `ca-gc-hnap=${t('entities.xml')}`,
        '-f',
        'html',
        ...NOW,
      ],
    ],
    [2, () => ['compare', `nosuch=${fx('ckan')}`]],
  ],
  infer: [
    // --force: the --debug run below writes the same drafts again
    [
      0,
      () => [
        'infer',
        join(fx('ckan'), 'dataset.json'),
        '--id',
        'sample',
        '-o',
        t('drafts'),
        '--force',
      ],
    ],
    [1, () => ['infer', fx('ckan'), t('entities.xml'), '-o', t('drafts-partial'), '--force']],
    [2, () => ['infer', t('remote-context.jsonld'), '-o', t('drafts-none')]],
  ],
  // the list of portals and a refusal: no network (fetching is tested in harvest*.test.ts)
  harvest: [
    [0, () => ['harvest']],
    [2, () => ['harvest', 'nosuch']],
  ],
  fix: [
    [0, () => ['fix', fx('ca-ab'), '-p', 'ca-ab', '--to', 'json-patch', ...NOW]],
    [0, () => ['fix', fx('ca-gc-hnap'), t('entities.xml'), '-p', 'ca-gc-hnap', ...NOW]],
    [2, () => ['fix', fx('ca-ab'), '-p', 'ca-ab', '--fix-type', 'nosuch']],
  ],
  config: [[2, () => ['config']]],
  'config schema': [
    [0, () => ['config', 'schema']],
    [2, () => ['config', 'schema', 'unexpected']],
  ],
  schema: [
    [0, () => ['schema']],
    [0, () => ['schema', 'crosswalk']],
    [2, () => ['schema', 'profil']],
  ],
};

/** A command with the network cut off (every attempt logged). */
export function run(args: string[]): Run {
  return cli(args, {
    cwd: tmp.dir,
    env: { NODE_OPTIONS: `--import ${NO_NETWORK}`, PASSERELLE_NET_LOG: netLog },
  });
}

/** What the commands run since the last `forgetNetworkUse()` tried to reach. */
export function networkUse(): string {
  return existsSync(netLog) ? readFileSync(netLog, 'utf8') : '';
}

export function forgetNetworkUse(): void {
  rmSync(netLog, { force: true });
}

/**
 * `--debug` with a command: a case that succeeds ends the same with it; an error of the command's
 * own then shows its stack trace (commander's usage errors, which end with the pointer to --help,
 * have none to show).
 */
export function expectDebug(name: string): void {
  const failing = (CASES[name] ?? []).find(([code]) => code === 2);
  const ok = (CASES[name] ?? []).find(([code]) => code !== 2);
  if (ok) expect(run([...ok[1](), '--debug']).code).toBe(ok[0]);
  if (failing) {
    const r = run([...failing[1](), '--debug']);
    expect(r.code).toBe(2);
    if (!/\(run passerelle --help for usage\)/.test(r.stderr) && !/Usage:/.test(r.stderr))
      expect(r.stderr).toMatch(/\n\s+at /);
  }
}
