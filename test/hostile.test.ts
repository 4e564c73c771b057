/**
 * Hostile input: what a pull request or a portal export may hold to make Passerelle misbehave.
 * `__proto__`, `constructor` and `prototype` keys in records of every format, in crosswalks,
 * profiles, vocabularies and the configuration are data, never the prototype (no pollution
 * anywhere); YAML alias bombs, deep nesting and oversized files stop with a clear error naming the
 * file; XML entities and DTDs are never resolved; a JSON-LD context on the web is never fetched;
 * a crosswalk's map files stay inside its folder.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { lintCrosswalk, loadCrosswalk } from '../src/crosswalk/crosswalk.js';
import { validate } from '../src/engine/run.js';
import { finalize } from '../src/engine/findings.js';
import { loadProfile, parseProfile } from '../src/profiles/load.js';
import { readSources } from '../src/sources/read.js';
import type { SourceRecord } from '../src/sources/types.js';
import { loadYaml } from '../src/util/yaml.js';
import { loadVocabulary, VocabularyRegistry } from '../src/vocab/vocabulary.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { HOSTILE_YAML } from './support/hostile-yaml.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const SPECIAL = ['__proto__', 'constructor', 'prototype'];

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

/** Object.prototype as it was before the test, and a fresh object with nothing inherited it should not have. */
const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  const o = {} as Record<string, unknown>;
  for (const k of ['polluted', 'title', 'isAdmin', 'x']) expect(o[k]).toBeUndefined();
  expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
}

async function read(file: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readSources([file])) out.push(r);
  return out;
}

const own = (o: unknown, k: string): boolean =>
  o !== null && typeof o === 'object' && Object.hasOwn(o, k);

describe('prototype keys in records are data, in every format', () => {
  afterEach(expectNoPollution);

  test('JSON and JSON Lines: own keys at every level; the record is checked like any other', async () => {
    const rec = {
      id: 'p1',
      name: 'p1',
      title: 'Hostile',
      notes: 'A record with prototype keys',
      __proto__: { polluted: 'yes', title: 'not mine' },
      constructor: { prototype: { polluted: 'yes' } },
      prototype: { isAdmin: true },
      resources: [
        { url: 'https://example.org/a.csv', format: 'CSV', __proto__: { polluted: 'yes' } },
      ],
    };
    // JSON.stringify writes `__proto__` when it is an own key: build it as JSON.parse would
    const text = JSON.stringify(rec).replace(
      '"title":"Hostile"',
      '"title":"Hostile","__proto__":{"polluted":"yes","title":"not mine"}',
    );
    const f = join(tmp.dir, 'proto.jsonl');
    writeFileSync(f, `${text}\n${text}\n`);
    const [r] = await read(f);
    expect(own(r.data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    const report = await validate([f], { profile: 'ckan', now: NOW });
    expect(report.summary.records).toBe(2);
    expect(report.records[0].title).toBe('Hostile');
    expect(report.summary.rejected).toBe(0);
  });

  test('CSV: a header named __proto__ or constructor is a column like any other', async () => {
    const f = join(tmp.dir, 'proto.csv');
    writeFileSync(
      f,
      'Dataset ID,Title,__proto__,constructor,prototype\nsk-1,Hostile,{"polluted":1},x,y\n',
    );
    const [r] = await read(f);
    for (const k of SPECIAL) expect(own(r.data, k)).toBe(true);
    // biome-ignore lint/suspicious/noProto: the record's own `__proto__` key, read as data
    expect((r.data as Record<string, unknown>).__proto__).toBe('{"polluted":1}');
    const report = await validate([f], { profile: 'ca-sk', now: NOW });
    expect(report.records[0]).toMatchObject({ id: 'sk-1', title: 'Hostile', status: 'invalid' });
  });

  test('XML: elements and attributes named __proto__, constructor, prototype are kept as fields', async () => {
    const f = join(tmp.dir, 'proto.xml');
    writeFileSync(
      f,
      `<?xml version="1.0"?>\n<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">\n` +
        `  <gmd:fileIdentifier><gco:CharacterString>x-1</gco:CharacterString></gmd:fileIdentifier>\n` +
        `  <__proto__ polluted="yes"><x>1</x></__proto__>\n  <__proto__>again</__proto__>\n` +
        `  <constructor><prototype __proto__="a">b</prototype></constructor>\n</gmd:MD_Metadata>\n`,
    );
    const [r] = await read(f);
    expect(r.error).toBeUndefined();
    const d = r.data as Record<string, unknown>;
    expect(own(d, '__proto__')).toBe(true);
    // biome-ignore lint/suspicious/noProto: the record's own `__proto__` key, read as data
    expect(d.__proto__).toEqual([{ '@polluted': 'yes', x: ['1'] }, 'again']);
    // lower-case element names are ISO 19139 property elements: lists
    expect((d.constructor as { prototype: unknown[] }[])[0].prototype[0]).toEqual({
      '@__proto__': 'a',
      '#text': 'b',
    });
    const report = await validate([f], { profile: 'ca-gc-hnap', now: NOW });
    expect(report.records[0]).toMatchObject({ id: 'x-1', status: 'invalid' });
  });

  test('RDF: a property or language tag named __proto__ is data, or a clear rejection', async () => {
    const ttl = join(tmp.dir, 'proto.ttl');
    writeFileSync(
      ttl,
      '@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n' +
        '<http://example.org/d> a dcat:Dataset ; dct:title "T"@en ; <__proto__> "x" ; <http://example.org/constructor> "y" .\n',
    );
    const [r] = await read(ttl);
    expect(r.error).toBeUndefined();
    expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
    const jsonld = join(tmp.dir, 'proto-lang.jsonld');
    writeFileSync(
      jsonld,
      JSON.stringify({
        '@context': { dct: 'http://purl.org/dc/terms/', dcat: 'http://www.w3.org/ns/dcat#' },
        '@id': 'http://example.org/d',
        '@type': 'dcat:Dataset',
        'dct:title': [{ '@value': 'T', '@language': '__proto__' }],
      }),
    );
    const report = await validate([jsonld], { profile: 'dcat-ap', now: NOW });
    expect(report.summary).toMatchObject({ records: 1, rejected: 1 });
    expect(report.records[0].findings[0].message).toMatch(
      /invalid JSON-LD: (a language tag is not valid|unexpected "@__proto__")/,
    );
  });
});

describe('prototype keys in crosswalks, profiles, vocabularies and the configuration', () => {
  afterEach(expectNoPollution);

  test('YAML: __proto__ is an own key, never the prototype', () => {
    const f = join(tmp.dir, 'proto.yaml');
    writeFileSync(
      f,
      '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\na: {__proto__: {polluted: yes}}\n',
    );
    const { data } = loadYaml<Record<string, Record<string, unknown>>>(f);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(own(data, '__proto__') && own(data.a, '__proto__')).toBe(true);
  });

  test('a crosswalk with prototype keys: each is reported with its line, nothing reaches Object.prototype', () => {
    const f = join(tmp.dir, 'proto-crosswalk.yaml');
    writeFileSync(
      f,
      [
        'crosswalk: ckan',
        'profile: ckan',
        'maps:',
        '  __proto__: {polluted: yes}',
        '  status: {__proto__: http://example.org/x, constructor: null}',
        'dataset:',
        '  title: {from: title, __proto__: {polluted: yes}}',
        '  __proto__: {from: name}',
        '  constructor: {from: name}',
        '  accessRights: {from: state, map: status}',
        '',
      ].join('\n'),
    );
    const { issues } = lintCrosswalk(f, loadProfile('ckan'));
    const text = issues.map((i) => `${i.where}: ${i.message}`).join('\n');
    expect(text).toMatch(/proto-crosswalk\.yaml:7:\d+: .*__proto__/);
    expect(text).toMatch(/proto-crosswalk\.yaml:8:\d+: Dataset has no property "__proto__"/);
    expect(text).toMatch(/proto-crosswalk\.yaml:9:\d+: Dataset has no property "constructor"/);
  });

  test('a named map may map the local value __proto__', () => {
    const f = join(tmp.dir, 'map-proto.yaml');
    writeFileSync(
      f,
      [
        'crosswalk: ckan',
        'profile: ckan',
        'maps:',
        '  status: {__proto__: http://publications.europa.eu/resource/authority/access-right/PUBLIC}',
        'dataset:',
        '  accessRights: {from: state, map: status}',
        '',
      ].join('\n'),
    );
    const cw = loadCrosswalk(loadProfile('ckan'), f);
    expect(cw.apply({ state: '__proto__' }).dataset.accessRights).toBe(
      'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
    );
    expect(cw.apply({ state: 'constructor' }).dataset.accessRights).toBeUndefined();
    expect(cw.apply({ state: 'toString' }).findings.map((x) => x.ruleId)).toEqual([
      'odc/unmapped-value',
    ]);
  });

  test('a profile with fields named __proto__ and constructor: fields like any other, never inherited', () => {
    const f = join(tmp.dir, 'proto-profile.yaml');
    writeFileSync(
      f,
      [
        'id: proto',
        'name: {en: Proto}',
        'fields:',
        '  __proto__: {type: string, required: true}',
        '  constructor: {type: string, required: true}',
        '  title: string',
        '',
      ].join('\n'),
    );
    const p = parseProfile(loadYaml(f));
    expect(Object.keys(p.fields).sort()).toEqual(['__proto__', 'constructor', 'title']);
    expect(Object.getPrototypeOf(p.fields)).toBe(Object.prototype);
  });

  test('a vocabulary with a concept named __proto__ and notations for constructor', () => {
    const dir = join(tmp.dir, 'vocab');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'proto.yaml'),
      [
        'id: proto',
        'concepts:',
        '  __proto__:',
        '    uri: http://example.org/p',
        '    notations: {constructor: [prototype, __proto__]}',
        '',
      ].join('\n'),
    );
    const v = loadVocabulary(join(dir, 'proto.yaml'));
    expect(v.lookup('__proto__')?.uri).toBe('http://example.org/p');
    expect(v.lookup('prototype', 'constructor')?.uri).toBe('http://example.org/p');
    expect(v.lookup('toString')).toBeUndefined();
    expect(v.lookup('constructor')).toBeUndefined();
    expect(new VocabularyRegistry([dir]).get('proto')?.id).toBe('proto');
  });

  test('the configuration: prototype keys are unknown rules and profiles, reported with their line', () => {
    const f = join(tmp.dir, 'passerelle.config.yaml');
    writeFileSync(
      f,
      [
        'rules:',
        '  __proto__: {severity: off}',
        '  constructor: off',
        '  odc/keywords:',
        '    options: {__proto__: {polluted: yes}}',
        'profiles:',
        '  __proto__: {rules: {}}',
        '',
      ].join('\n'),
    );
    expect(() => loadConfig(f)).toThrow(/unknown rule "__proto__"/);
    let message = '';
    try {
      loadConfig(f);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/passerelle\.config\.yaml:2:3: unknown rule "__proto__"/);
    expect(message).toMatch(/passerelle\.config\.yaml:3:3: unknown rule "constructor"/);
    expect(message).toMatch(
      /passerelle\.config\.yaml:5:\d+: rule odc\/keywords has no option "__proto__"|rule odc\/keywords has no options/,
    );
    expect(message).toMatch(/passerelle\.config\.yaml:7:3: unknown profile "__proto__"/);
  });
});

describe('YAML limits: alias bombs, deep nesting, oversized files', () => {
  // read here as the loader reads them; the commands on the same files (exit 2, stderr, nothing
  // written): test/hostile-limits.test.ts, in the slow project
  test.each(HOSTILE_YAML)(
    '%s: refused before anything is read from it, naming the file',
    (_what, name, make, message) => {
      const f = join(tmp.dir, name);
      writeFileSync(f, make());
      expect(() => loadConfig(f)).toThrow(message);
    },
  );
});

describe('configuration files that are not files, or hold very many problems', () => {
  test.each([
    ['a link to /dev/zero (read without end)', '/dev/zero'],
    ['a link to a directory', '/tmp'],
  ])('%s: refused before reading, naming the file (exit 2)', (_what, target) => {
    const f = join(tmp.dir, `linked-${target.replace(/\W/g, '')}.yaml`);
    symlinkSync(target, f);
    const r = cli(['rules', '-c', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/linked-\w+\.yaml: not a regular file/);
  });

  test('20,000 unknown rules: each one reported at its line (the places are found by key, not by a scan each)', () => {
    const f = join(tmp.dir, 'many.yaml');
    const n = 20_000;
    writeFileSync(
      f,
      `rules:\n${Array.from({ length: n }, (_, i) => `  x/rule-${i}: warning\n`).join('')}`,
    );
    const r = cli(['rules', '-c', f]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => /unknown rule "x\/rule-\d+"/.test(l));
    expect(lines).toHaveLength(n);
    expect(lines[n - 1]).toMatch(
      new RegExp(`many\\.yaml:${n + 1}:3: unknown rule "x/rule-${n - 1}"`),
    );
  });
});

describe('one record with thousands of findings of one rule', () => {
  /** The first ca-gc fixture record with `n` audience codes none of the list has, and each code's column. */
  function manyCodes(n: number): { file: string; columns: Map<string, number> } {
    const r = JSON.parse(
      readFileSync(join(ROOT, 'fixtures/ca-gc/catalogue.jsonl'), 'utf8').split('\n')[0],
    ) as Record<string, unknown>;
    r.audience = Array.from({ length: n }, (_, i) => `zz${i}`);
    const text = JSON.stringify(r);
    const columns = new Map<string, number>();
    for (let i = 0, at = text.indexOf('"audience":['); i < n; i++) {
      at = text.indexOf(`"zz${i}"`, at);
      columns.set(`zz${i}`, at + 1);
    }
    const file = join(tmp.dir, `codes-${n}.jsonl`);
    writeFileSync(file, `${text}\n`);
    return { file, columns };
  }

  test('2,500 unknown codes: the first 1,000 listed at their columns, one finding says 1,500 more, as severe', async () => {
    const { file, columns } = manyCodes(2500);
    const report = await validate([file], { profile: 'ca-gc', now: NOW });
    const [record] = report.records;
    const codes = record.findings.filter((f) => f.ruleId === 'profile/vocabulary');
    expect(codes).toHaveLength(1000);
    // the first thousand in the record's order, each at its own code
    expect(new Set(codes.map((f) => f.value))).toEqual(
      new Set(Array.from({ length: 1000 }, (_, i) => `zz${i}`)),
    );
    for (const f of codes) expect([f.line, f.column]).toEqual([1, columns.get(f.value as string)]);
    const more = record.findings.filter((f) => f.ruleId === 'input/too-many-findings');
    expect(more).toHaveLength(1);
    expect(more[0]).toMatchObject({ severity: 'error', line: 1 });
    expect(more[0].message).toBe(
      '1,500 more findings of profile/vocabulary on this record are not listed: a record lists at most 1,000 findings of one rule',
    );
    expect(record.status).toBe('invalid');
    // the summary counts the findings listed, this one included
    const listed = record.findings.filter((f) => f.severity === 'error').length;
    expect(report.summary.findings.error).toBe(listed);
    // in French, with French numbers
    const fr = await validate([file], { profile: 'ca-gc', now: NOW, lang: 'fr' });
    expect(
      fr.records[0].findings.find((f) => f.ruleId === 'input/too-many-findings')?.message,
    ).toBe(
      "1\u00a0500 autres constats de profile/vocabulary dans cet enregistrement ne sont pas donnés : un enregistrement en donne au plus 1\u00a0000 constats d'une même règle",
    );
  });

  test('the configuration still decides: a rule turned off counts nothing; the count finding takes its own severity', async () => {
    const { file } = manyCodes(1200);
    const off = await validate([file], {
      profile: 'ca-gc',
      now: NOW,
      settings: { severity: { 'profile/vocabulary': 'off' } },
    });
    const ids = off.records[0].findings.map((f) => f.ruleId);
    expect(ids).not.toContain('profile/vocabulary');
    expect(ids).not.toContain('input/too-many-findings');
    const warned = await validate([file], {
      profile: 'ca-gc',
      now: NOW,
      settings: { severity: { 'input/too-many-findings': 'warning' } },
    });
    const more = warned.records[0].findings.filter((f) => f.ruleId === 'input/too-many-findings');
    expect(more.map((f) => [f.severity, f.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      ['warning', '200 more findings'],
    ]);
  });

  test('the findings left out are counted once each, and the worst of them sets the severity', () => {
    const profile = loadProfile('ca-gc');
    // what the profile check emits: a thousand legacy codes (warnings), the same again, then two unknown codes (errors)
    const legacy = Array.from({ length: 1000 }, (_, i) => ({
      ruleId: 'profile/vocabulary',
      messageId: 'legacy',
      data: { field: 'audience', value: `old${i}`, current: 'general_public' },
      sourcePath: `/audience/${i}`,
      value: `old${i}`,
      severity: 'warning' as const,
    }));
    const unknown = (i: number) => ({
      ruleId: 'profile/vocabulary',
      messageId: 'unknown',
      data: { field: 'audience', value: `zz${i}`, vocabulary: 'audience' },
      sourcePath: `/audience/${i}`,
      value: `zz${i}`,
    });
    const one = finalize([...legacy, ...legacy, unknown(1000)], { profile, lang: 'en' });
    expect(one.filter((f) => f.ruleId === 'profile/vocabulary')).toHaveLength(1000);
    expect(one.filter((f) => f.ruleId === 'input/too-many-findings')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message:
          '1 more finding of profile/vocabulary on this record is not listed: a record lists at most 1,000 findings of one rule',
      }),
    ]);
    const two = finalize([...legacy, unknown(1000), unknown(1001)], { profile, lang: 'en' });
    expect(two.find((f) => f.ruleId === 'input/too-many-findings')?.message).toMatch(
      /^2 more findings/,
    );
    // a thousand exactly: all listed, nothing more said
    expect(finalize(legacy, { profile, lang: 'en' }).map((f) => f.ruleId)).not.toContain(
      'input/too-many-findings',
    );
  });
});

describe('XML: no entity or DTD is ever resolved', () => {
  const md = (title: string) =>
    `<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco">` +
    `<gmd:fileIdentifier><gco:CharacterString>x-1</gco:CharacterString></gmd:fileIdentifier>` +
    `<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>${title}</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation></gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>\n`;
  const secret = join(ROOT, 'package.json');

  test.each([
    ['an external entity (file)', `<!DOCTYPE x [<!ENTITY e SYSTEM "file://${secret}">]>\n`, '&e;'],
    [
      'an external entity (http)',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/secret">]>\n',
      '&e;',
    ],
    ['a parameter entity', `<!DOCTYPE x [<!ENTITY % p SYSTEM "file://${secret}"> %p;]>\n`, 'plain'],
    [
      'an external DTD',
      '<!DOCTYPE gmd:MD_Metadata SYSTEM "http://127.0.0.1:9/evil.dtd">\n',
      'plain',
    ],
    [
      'a billion laughs',
      `<!DOCTYPE x [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n`,
      '&d;',
    ],
  ])(
    '%s: nothing is read or fetched; the record is rejected or read as written',
    async (_what, doctype, title) => {
      const f = join(tmp.dir, 'entity.xml');
      writeFileSync(f, `<?xml version="1.0"?>\n${doctype}${md(title)}`);
      const report = await validate([f], { profile: 'ca-gc-hnap', now: NOW });
      expect(report.summary.records).toBe(1);
      // package.json's description would show if the entity were read
      const text = JSON.stringify(report.records);
      expect(text).not.toMatch(/Map Canadian open-data|hahaha/);
      if (title === 'plain') expect(report.records[0].status).not.toBe('rejected');
      else
        expect(report.records[0].findings[0].message).toMatch(
          /malformed XML: an entity \(&…;\) is not defined \(Passerelle never reads DTDs\)/,
        );
    },
  );

  test('RDF/XML with an external entity: never resolved', async () => {
    const f = join(tmp.dir, 'entity.rdf');
    writeFileSync(
      f,
      `<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "file://${secret}">]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">\n` +
        `<dcat:Dataset rdf:about="http://example.org/d"><dct:title>&e;</dct:title></dcat:Dataset></rdf:RDF>\n`,
    );
    const report = await validate([f], { profile: 'dcat-ap', now: NOW });
    expect(report.summary.records).toBe(1);
    expect(JSON.stringify(report.records)).not.toMatch(/Map Canadian open-data/);
  });
});

describe('JSON-LD: a context on the web is never fetched', () => {
  test('a remote @context rejects the file with a message that says why and what to do', async () => {
    const f = join(tmp.dir, 'remote.jsonld');
    writeFileSync(
      f,
      JSON.stringify({
        '@context': 'http://127.0.0.1:9/context.jsonld',
        '@id': 'http://example.org/d',
        '@type': 'Dataset',
        title: 'x',
      }),
    );
    const report = await validate([f], { profile: 'dcat-ap', now: NOW });
    expect(report.summary).toMatchObject({ records: 1, rejected: 1 });
    expect(report.records[0].findings[0].message).toMatch(
      /context http:\/\/127\.0\.0\.1:9\/context\.jsonld is not available offline \(Passerelle never uses the network\)/,
    );
    const fr = await validate([f], { profile: 'dcat-ap', now: NOW, lang: 'fr' });
    expect(fr.records[0].findings[0].message).toMatch(/n'est pas disponible hors ligne/);
  });
});

describe("map files: a crosswalk's value maps in an SSSOM-like table, confined to its folder", () => {
  const AR = 'http://publications.europa.eu/resource/authority/access-right/';
  let dir: string;
  beforeAll(() => {
    dir = join(tmp.dir, 'crosswalks');
    mkdirSync(join(dir, 'maps'), { recursive: true });
    writeFileSync(
      join(dir, 'maps', 'status.sssom.tsv'),
      [
        '# curie_map:',
        '#   skos: http://www.w3.org/2004/02/skos/core#',
        'subject_id\tpredicate_id\tobject_id\tcomment',
        `active\tskos:exactMatch\t${AR}PUBLIC\t`,
        `draft\tskos:exactMatch\t\tnot published`,
        `__proto__\tskos:closeMatch\t${AR}RESTRICTED\t`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(tmp.dir, 'outside.tsv'), `subject_id\tobject_id\nactive\t${AR}PUBLIC\n`);
    symlinkSync(join(tmp.dir, 'outside.tsv'), join(dir, 'link.tsv'));
  });
  const crosswalk = (ref: string): string => {
    const f = join(dir, `cw-${Math.abs(hash(ref))}.yaml`);
    writeFileSync(
      f,
      [
        'crosswalk: ckan',
        'profile: ckan',
        'maps:',
        `  status: ${JSON.stringify(ref)}`,
        'dataset:',
        '  accessRights: {from: state, map: status}',
        '',
      ].join('\n'),
    );
    return f;
  };

  test('a table beside the crosswalk maps local values (empty object: known, no equivalent)', () => {
    const cw = loadCrosswalk(loadProfile('ckan'), crosswalk('maps/status.sssom.tsv'));
    expect(cw.apply({ state: 'active' }).dataset.accessRights).toBe(`${AR}PUBLIC`);
    expect(cw.apply({ state: 'ACTIVE' }).dataset.accessRights).toBe(`${AR}PUBLIC`);
    expect(cw.apply({ state: '__proto__' }).dataset.accessRights).toBe(`${AR}RESTRICTED`);
    const draft = cw.apply({ state: 'draft' });
    expect([draft.dataset.accessRights, draft.findings]).toEqual([undefined, []]);
    expect(cw.apply({ state: 'deleted' }).findings.map((f) => f.ruleId)).toEqual([
      'odc/unmapped-value',
    ]);
    expectNoPollution();
  });

  test.each([
    ['../outside.tsv', /map file "\.\.\/outside\.tsv" is outside the crosswalk's folder/],
    ['maps/../../outside.tsv', /is outside the crosswalk's folder/],
    ['/etc/passwd.tsv', /give a path relative to the crosswalk's folder/],
    ['link.tsv', /leads outside the crosswalk's folder \(symbolic link\)/],
    ['maps/status.yaml', /a map file is an SSSOM-like table \(\.tsv\)/],
    ['/etc/passwd', /give a path relative/],
    ['missing.tsv', /no such file beside the crosswalk/],
  ])('%s is refused, at the crosswalk line that names it', (ref, message) => {
    const f = crosswalk(ref);
    const { issues } = lintCrosswalk(f, loadProfile('ckan'));
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(message);
    expect(issues[0].where).toMatch(/cw-\d+\.yaml:4:\d+$/);
    // the command says so too, and reads nothing
    const r = cli(['crosswalk', 'check', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(r.stdout).not.toMatch(/root:|PUBLIC/);
  });

  test('a broken table: each problem at its line in the table', () => {
    writeFileSync(
      join(dir, 'maps', 'broken.tsv'),
      [
        'subject_id\tpredicate_id\tobject_id',
        'a\tskos:exactMatch',
        `b\towl:sameAs\t${AR}PUBLIC`,
        `c\tskos:exactMatch\t${AR}PUBLIC`,
        `c\tskos:exactMatch\t${AR}RESTRICTED`,
        '',
      ].join('\n'),
    );
    const { issues } = lintCrosswalk(crosswalk('maps/broken.tsv'), loadProfile('ckan'));
    expect(issues.map((i) => `${i.where.replace(/^.*crosswalks[\\/]/, '')}: ${i.message}`)).toEqual(
      [
        'maps/broken.tsv:2:1: map status: this row has 2 cells, the header row has 3',
        'maps/broken.tsv:3:1: map status: predicate_id "owl:sameAs" is not a mapping relation (skos:exactMatch, skos:closeMatch, skos:broadMatch, skos:narrowMatch)',
        'maps/broken.tsv:5:1: map status: "c" is mapped twice, differently (line 4)',
      ],
    );
  });
});

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
