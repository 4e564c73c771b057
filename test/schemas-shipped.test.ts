/**
 * The JSON Schemas of the files a user writes (`passerelle schema <kind>`): stable ids, printed and
 * shipped, accepting every file Passerelle ships (profiles, crosswalks, vocabularies, map tables, rulesets, portals) and every example the docs give with a
 * `# yaml-language-server: $schema=` line (checked by a plain ajv, as an editor would, not by
 * Passerelle's own validators); and the loaders, which check with the same schemas, saying a
 * steward's typical mistakes at file:line:col with "did you mean".
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadConfig, ruleTargets } from '../src/config/load.js';
import { loadRuleset } from '../src/config/ruleset.js';
import { lintCrosswalk } from '../src/crosswalk/crosswalk.js';
import { parseMapTable } from '../src/crosswalk/map-file.js';
import { SCHEMA_KINDS } from '../src/file-schemas/index.js';
import { loadProfile, parseProfile } from '../src/profiles/load.js';
import { FIELD_TYPES } from '../src/profiles/types.js';
import { COERCIONS } from '../src/util/coerce.js';
import { loadYaml } from '../src/util/yaml.js';
import { loadVocabulary } from '../src/vocab/vocabulary.js';
import { loadPortal } from '../src/harvest/portals.js';
import { cli, ROOT, tempDir } from './helpers.js';

const schemaOf = (kind: string) => {
  const k = SCHEMA_KINDS.find((x) => x.kind === kind);
  if (!k) throw new Error(`no kind ${kind}`);
  // as an editor reads it: plain JSON
  return JSON.parse(JSON.stringify(k.schema().schema));
};

/** A plain ajv, as an editor or a CI step would use the printed schema. */
function plainCheck(kind: string): (data: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('regex', true);
  const check = ajv.compile(schemaOf(kind));
  return (data) =>
    check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const yamlFiles = (dir: string) =>
  readdirSync(join(ROOT, dir))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => join(dir, n));

describe('the schemas', () => {
  test('each kind: draft-07, a stable $id, a title, a valid schema; printed by `passerelle schema <kind>` and shipped in dist/schemas', () => {
    expect(SCHEMA_KINDS.map((k) => k.kind)).toEqual(
      expect.arrayContaining([
        'profile',
        'crosswalk',
        'vocabulary',
        'map-table',
        'config',
        'ruleset',
        'portal',
      ]),
    );
    const listed = cli(['schema']);
    expect(listed.code).toBe(0);
    for (const { kind } of SCHEMA_KINDS) {
      const schema = schemaOf(kind);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toBe(
        `https://github.com/passerelle/passerelle/schemas/${kind}.schema.json`,
      );
      expect(typeof schema.title).toBe('string');
      expect(new Ajv({ strict: false }).validateSchema(schema)).toBe(true);
      expect(listed.stdout).toMatch(
        new RegExp(`^${kind} +${schema.title.replace(/[()<>.*]/g, '.')}$`, 'm'),
      );
      const printed = cli(['schema', kind]);
      expect(printed.code).toBe(0);
      expect(JSON.parse(printed.stdout)).toEqual(schema);
      const shipped = readFileSync(join(ROOT, 'dist', 'schemas', `${kind}.schema.json`), 'utf8');
      expect(JSON.parse(shipped)).toEqual(schema);
    }
    // the older command prints the same
    expect(JSON.parse(cli(['config', 'schema']).stdout)).toEqual(schemaOf('config'));
  });

  test('an unknown kind: exit 2, with the closest one', () => {
    const r = cli(['schema', 'profil']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown kind of file "profil" \(did you mean "profile"\?\)/);
  });

  test('editors get the enumerations: field types, coercions, severities', () => {
    const field = schemaOf('profile').definitions.fields.additionalProperties;
    expect(field.then.enum).toEqual([...FIELD_TYPES]);
    expect(field.else.properties.type.enum).toEqual([...FIELD_TYPES]);
    expect(schemaOf('crosswalk').definitions.entry.properties.as.enum).toEqual([...COERCIONS]);
    expect(schemaOf('profile').properties.rules.additionalProperties.enum).toEqual([
      'error',
      'warning',
      'info',
      'off',
    ]);
    // `extends`, which the loaders of profiles and crosswalks read, is allowed at the top
    expect(schemaOf('profile').properties.extends.type).toBe('string');
    expect(schemaOf('crosswalk').properties.extends.type).toBe('string');
  });
});

describe('every shipped file fits its schema', () => {
  test.each([
    ['profile', 'profiles'],
    ['crosswalk', 'crosswalks'],
    ['vocabulary', 'crosswalks/vocabularies'],
    ['portal', 'profiles/portals'],
  ])('%s: every file of %s/', (kind, dir) => {
    const check = plainCheck(kind);
    const files = yamlFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    const problems = files.flatMap((f) =>
      check(parse(readFileSync(join(ROOT, f), 'utf8'))).map((p) => `${f}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  test('rulesets: every shipped one (passerelle:<name>), and the test ruleset using each check', () => {
    const check = plainCheck('ruleset');
    const files = [...yamlFiles('src/rules/rulesets'), 'test/rulesets/every-check.yaml'];
    expect(files).toEqual(
      expect.arrayContaining([
        'src/rules/rulesets/recommended.yaml',
        'src/rules/rulesets/strict.yaml',
        'src/rules/rulesets/on-open-data-directive.yaml',
      ]),
    );
    const problems = files.flatMap((f) =>
      check(parse(readFileSync(join(ROOT, f), 'utf8'))).map((p) => `${f}: ${p}`),
    );
    expect(problems).toEqual([]);
    // the schema can fail: a check's option of the wrong type
    const every = parse(readFileSync(join(ROOT, 'test/rulesets/every-check.yaml'), 'utf8'));
    const [id] = Object.keys(every.rules).filter((k) => every.rules[k].then?.check === 'length');
    every.rules[id].then.min = 'two';
    expect(check(every)).not.toEqual([]);
  });

  test("map tables: the metadata block of every shipped table, and the README's example", () => {
    const check = plainCheck('map-table');
    const metadata = (text: string) =>
      parse(
        text
          .split('\n')
          .filter((l) => l.startsWith('#'))
          .map((l) => l.slice(1))
          .join('\n'),
      );
    const tables = readdirSync(join(ROOT, 'crosswalks'), { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.tsv'));
    for (const t of tables)
      expect(check(metadata(readFileSync(join(ROOT, 'crosswalks', t), 'utf8')))).toEqual([]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```\n(# mapping_set_id:[^`]*)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(check(metadata(example as string))).toEqual([]);
    expect(parseMapTable(example as string, 'licences.sssom.tsv').problems).toEqual([]);
  });

  test('every example in the docs that names its schema (`# yaml-language-server: $schema=…`)', () => {
    const docs = ['docs/profiles.md', 'docs/configuration.md', 'docs/rules.md', 'docs/harvest.md'];
    let seen = 0;
    const kinds = new Set<string>();
    for (const doc of docs) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      for (const m of text.matchAll(
        /```yaml\n(# yaml-language-server: \$schema=\S*?([a-z-]+)\.schema\.json\n[^`]*)```/g,
      )) {
        seen++;
        kinds.add(m[2]);
        expect([doc, m[2], plainCheck(m[2])(parse(m[1]))]).toEqual([doc, m[2], []]);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(6);
    expect([...kinds].sort()).toEqual(['config', 'crosswalk', 'portal', 'profile', 'ruleset']);
  });
});

describe('a file that extends another', () => {
  test('the docs’ child profile and crosswalk (entries removed with null, codes added) fit their schemas', () => {
    const text = readFileSync(join(ROOT, 'docs/profiles.md'), 'utf8');
    // the "Extending a profile" steps: indented blocks that extend ckan
    const blocks = [...text.matchAll(/^( *)```yaml\n((?:\1.*\n)*?)\1```/gm)]
      .map((m) => m[2].replace(new RegExp(`^${m[1]}`, 'gm'), ''))
      .filter((b) => /^extends: ckan/m.test(b));
    const kinds = blocks.map((b) => (/^crosswalk:/m.test(b) ? 'crosswalk' : 'profile'));
    expect(kinds).toEqual(['profile', 'crosswalk']);
    blocks.forEach((b, i) => {
      expect(b).toMatch(/: null/);
      expect(plainCheck(kinds[i])(parse(b))).toEqual([]);
    });
    expect(
      plainCheck('profile')(
        parse('id: x\nextends: ckan\nvocabularies:\n  license: {add: [x-1]}\n'),
      ),
    ).toEqual([]);
  });
});

describe('typical mistakes, said at file:line:col with the closest name', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => (tmp = tempDir()));
  afterAll(() => tmp.cleanup());
  const file = (name: string, text: string) => {
    const f = join(tmp.dir, name);
    writeFileSync(f, text);
    return f;
  };

  test('a profile: a misspelt key, a misspelt type, a misspelt rule', () => {
    const f = file(
      'ca-xx.yaml',
      [
        'id: ca-xx', //                                  1
        'fields:', //                                    2
        '  title: {type: text, requred: true}', //       3: requred at col 23
        '  modified: {type: dat}', //                    4: dat at col 20
        'rules:', //                                     5
        '  odc/freshnes: warning', //                    6: the key at col 3
      ].join('\n'),
    );
    expect(() => parseProfile(loadYaml(f))).toThrow(
      [
        `${f}:3:23: field title: unknown key "requred" (did you mean "required"?)`,
        `${f}:4:20: field modified: type must be one of ${FIELD_TYPES.join(', ')} (did you mean "date"?)`,
      ].join('\n'),
    );
    writeFileSync(f, 'id: ca-xx\nrules:\n  odc/freshnes: warning\n');
    expect(() => parseProfile(loadYaml(f), new Set(['odc/freshness', 'odc/bilingual']))).toThrow(
      `${f}:3:3: unknown rule "odc/freshnes" (did you mean "odc/freshness"?`,
    );
    writeFileSync(f, 'id: ca-xx\nextend: ckan\n');
    expect(() => parseProfile(loadYaml(f))).toThrow(
      `${f}:2:1: unknown key "extend" (did you mean "extends"?)`,
    );
  });

  test('a crosswalk: a misspelt key of an entry, deep in an object too; the others still checked', () => {
    const f = file(
      'cw.yaml',
      [
        'profile: ckan', //                                                1
        'dataset:', //                                                     2
        '  title: {form: title}', //                                       3: form at col 11
        '  publisher:', //                                                 4
        '    object: {name: {from: organization.title, unmaped: keep}}', // 5: unmaped at col 47
        '  description: {from: nots}', //                                  6: nots at col 23
      ].join('\n'),
    );
    const { issues } = lintCrosswalk(f, loadProfile('ckan'));
    const shown = (w: string) => w.replace(`${tmp.dir}/`, '');
    expect(issues.map((i) => `${shown(i.where)} ${i.message}`)).toEqual([
      'cw.yaml:3:11 dataset.title: unknown key "form" (did you mean "from"?)',
      'cw.yaml:5:47 dataset.publisher.object.name: unknown key "unmaped" (did you mean "unmapped"?)',
      // the semantic check, after the schema's: a source field the profile lacks
      'cw.yaml:6:23 "nots": field "nots" is not in profile ckan (did you mean "notes"?)',
    ]);
  });

  test('a vocabulary: a concept without its URI, codes not in a list, a misspelt key', () => {
    const f = file(
      'v.yaml',
      [
        'id: v', //                                                 1
        'titel: {en: V}', //                                        2
        'concepts:', //                                             3
        '  A: {label: {en: A}}', //                                 4: the concept's map at col 6
        "  B: {uri: 'http://x.org/B', notations: {ckan: b}}", //   5: b at col 48
      ].join('\n'),
    );
    expect(() => loadVocabulary(f)).toThrow(
      [
        `${f}:2:1: unknown key "titel" (did you mean "title"?)`,
        `${f}:4:6: concept A needs \`uri\``,
        `${f}:5:48: concept B: notations.ckan must be a list`,
      ].join('\n'),
    );
  });

  test('the configuration: a misspelt rule, a misspelt option, a misspelt profile', () => {
    const text = [
      'rules:', //                                           1
      '  odc/bilingul: error', //                            2
      '  odc/freshness: {options: {graceDay: 3}}', //        3: graceDay at col 29
      'profiles:', //                                        4
      '  ca-gcc: {rules: {}}', //                            5
    ].join('\n');
    expect(() => loadConfig('passerelle.config.yaml', text)).toThrow(
      [
        'passerelle.config.yaml:2:3: unknown rule "odc/bilingul" (did you mean "odc/bilingual"? passerelle rules lists them)',
        'passerelle.config.yaml:3:29: rule odc/freshness has no option "graceDay" (did you mean "graceDays"? options: graceDays, warnFactor, errorFactor)',
        'passerelle.config.yaml:5:3: unknown profile "ca-gcc" (did you mean "ca-gc"? passerelle profiles lists them)',
      ].join('\n'),
    );
  });

  test('a ruleset: a misspelt rule, definition key, check, check option; a misspelt passerelle: name', () => {
    const f = file(
      'city.yaml',
      [
        'rules:', //                                   1
        '  odc/bilingul: error', //                    2
        '  city/long:', //                             3
        '    title: {en: Long, fr: Longue}', //        4
        '    severty: warning', //                     5
        '    target: description', //                  6
        '    then: {check: lenght, min: 3}', //        7: lenght at col 19
        '    message: {en: Short, fr: Courte}', //     8
        '  city/short:', //                            9
        '    title: {en: Short, fr: Courte}', //       10
        '    target: description', //                  11
        '    then: {check: length, mn: 3}', //         12: mn at col 27
        '    message: {en: Long, fr: Longue}', //      13
      ].join('\n'),
    );
    const said = (file: string) =>
      loadRuleset(file, ruleTargets([])).problems.map((p) => `${p.where}: ${p.message}`);
    expect(said(f)).toEqual([
      `${f}:2:3: unknown rule "odc/bilingul" (did you mean "odc/bilingual"? passerelle rules lists them)`,
      `${f}:5:5: unknown key "severty" for rule city/long (did you mean "severity"? title, docs, severity, principle, commitment, given, target, source, then, match, message, examples)`,
      `${f}:7:19: rule city/long: unknown check (did you mean "length"? present, absent, pattern, length, words, enum, vocabulary, date, count, one-of, schema)`,
      `${f}:12:27: rule city/short: check length has no option "mn" (did you mean "min"? min, max)`,
    ]);
    const g = file('strictly.yaml', 'extends: [passerelle:stric]\n');
    expect(said(g)).toEqual([
      `${g}:1:11: unknown ruleset "passerelle:stric" (did you mean "passerelle:strict"?)`,
    ]);
  });

  test('a portal: a misspelt key, a misspelt protocol, an address that is not a web one, a rate too high', () => {
    const f = file(
      'city-x.yaml',
      [
        'id: city-x', //                                  1
        'name: {en: City X, fr: Ville X}', //             2
        'profile: ckan', //                               3
        'apis:', //                                       4
        '  - kind: ckan', //                              5
        '    url: https://data.city-x.ca/api/3/action', // 6
        '  - kind: sokrata', //                           7: sokrata at col 11
        '    url: data.city-x.ca', //                     8: the value at col 10
        '    pagesize: 500', //                           9: the key at col 5
        'rate: {requestsPerSecond: 20}', //               10: 20 at col 27
        'note: {en: N, fr: N}', //                        11: the key at col 1
      ].join('\n'),
    );
    expect(() => loadPortal(f)).toThrow(
      [
        `${f}:7:11: api 2: kind must be one of ckan, ckan-bulk, csw, socrata, data-json, dcat-ap (did you mean "socrata"?)`,
        `${f}:8:10: api 2: url must be a web address (http:// or https://)`,
        `${f}:9:5: api 2: unknown key "pagesize" (did you mean "pageSize"?)`,
        `${f}:10:27: rate.requestsPerSecond must be <= 10`,
        `${f}:11:1: unknown key "note" (did you mean "notes"?)`,
      ].join('\n'),
    );
  });

  test("a map table's metadata: a slot of the wrong shape, at its line in the table", () => {
    const table = [
      '#mapping_set_id: https://example.org/maps/status', // 1
      '#creator_id: someone', //                              2: the value at col 14
      'subject_id\tobject_id', //                             3
      'a\tb', //                                              4
    ].join('\n');
    expect(parseMapTable(table, 'status.tsv').problems).toEqual([
      {
        message: 'creator_id must be a list',
        fr: 'creator_id doit être une liste',
        where: 'status.tsv:2:14',
      },
    ]);
    // prose in the # lines is a comment, as before
    expect(
      parseMapTable(`# Licences, by hand\n${table.split('\n').slice(2).join('\n')}`, 't.tsv'),
    ).toEqual({
      entries: [['a', 'b']],
      problems: [],
    });
  });
});
