/**
 * `--lang fr` leaves no English: rule texts, messages (including those built from parser errors,
 * type, class, property, licence and vocabulary names) and every report format's headings and labels.
 * Identifiers (field and property names, rule ids, codes) and the records' own text are not
 * translated: they are taken out before looking for English words.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { CLASSES } from '../src/model/properties.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import type { FieldDef } from '../src/profiles/types.js';
import type { Report } from '../src/report/model.js';
import { RULES } from '../src/rules/index.js';
import { jsonErrorReason } from '../src/i18n/read-errors.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { cli, ROOT, tempDir } from './helpers.js';

/** Words of English prose that French text never uses (whole words: `forêt` holds no `for`). */
const ENGLISH = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${[
    'the',
    'is',
    'are',
    'was',
    'not',
    'has',
    'have',
    'with',
    'without',
    'and',
    'or',
    'of',
    'to',
    'for',
    'from',
    'this',
    'that',
    'expected',
    'found',
    'invalid',
    'missing',
    'could',
    'read',
    'record',
    'records',
    'value',
    'values',
    'given',
    'no',
    'none',
    'unexpected',
    'unterminated',
    'token',
    'after',
    'line',
    'column',
    'error',
    'errors',
    'warning',
    'warnings',
    'problem',
    'problems',
    'finding',
    'findings',
    'summary',
    'rule',
    'rules',
    'file',
    'valid',
    'rejected',
    'unreadable',
    'generated',
    'report',
    'severity',
    'property',
    'field',
    'principle',
    'commitment',
    'filters',
    'shown',
    'more',
    'mean',
    'median',
    'dataset',
    'access',
    'days',
    'ago',
    'declared',
    'within',
    'updated',
    'same',
    'english',
    'french',
    'untranslated',
    'known',
    'reviewed',
    'against',
    'repeats',
    'characters',
    'least',
    'string',
    'number',
    'object',
    'array',
    'list',
    'package',
    'portal',
    'answered',
    'syntax',
    'map',
    'equivalent',
    'legacy',
    'now',
    'required',
    'empty',
    'whole',
    'email',
    'address',
    'true',
    'false',
    'time',
    'language',
    'text',
    'open',
    'timely',
    'comprehensive',
    'accessible',
    'usable',
    'comparable',
  ].join('|')})(?![\\p{L}\\p{N}_])`,
  'iu',
);

/** Profiles that have sample exports (fixtures/<profile>). */
const FIXTURE_PROFILES = listProfileIds().filter((id) => existsSync(join(ROOT, 'fixtures', id)));

/** Names that are identifiers, not words: the profiles' fields and code lists, the model's properties. */
function identifiers(): Set<string> {
  const ids = new Set<string>(listProfileIds());
  const walk = (fields: Record<string, FieldDef> | undefined): void => {
    for (const [name, f] of Object.entries(fields ?? {})) {
      for (const part of name.split(/[.\s]+/)) ids.add(part);
      walk(f.fields);
    }
  };
  for (const id of listProfileIds()) {
    const profile = loadProfile(id);
    walk(profile.fields);
    for (const v of Object.keys(profile.vocabularies)) ids.add(v);
  }
  for (const [name, c] of Object.entries(CLASSES)) {
    ids.add(name);
    for (const p of c.properties) ids.add(p.name);
  }
  for (const v of defaultVocabularies().ids()) ids.add(v);
  return ids;
}
const IDS = identifiers();

/** The text left once data (record text, values, paths, quotes, identifiers, URLs) is taken out. */
function prose(text: string, data: string[]): string {
  let s = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) if (d) s = s.split(d).join(' ');
  return s
    .replace(/\bOpen Definition\b/g, ' ') // a proper noun (Open Knowledge's definition of open)
    .replace(/«[^»]*»|"[^"\n]*"|“[^”]*”/g, ' ')
    .replace(/--[\w-]+/g, ' ') // option names
    .replace(/https?:\/\/\S+|\b[a-z-]+\/[\w./-]+|\b\w+:\w+\b|\/[\w/~.-]+/g, ' ')
    .replace(/[\w@.[\]-]+/g, (w) =>
      IDS.has(w.replace(/@\w+$|\[\d+\]/g, '').split('.')[0]) || /[_@[\]]/.test(w) ? ' ' : w,
    );
}

/** The first English word met, in its context (for a readable failure). */
function english(s: string): string | undefined {
  const m = ENGLISH.exec(s);
  return m
    ? `${m[0]} in “${s.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}”`
    : undefined;
}

describe('rule texts in French', () => {
  test.each(RULES.map((r) => [r.meta.id, r.meta] as const))(
    '%s: title, docs and messages',
    (_, meta) => {
      for (const text of [
        meta.title.fr,
        meta.docs.fr.replace(/`[^`]*`/g, ' '),
        ...Object.values(meta.messages).map((m) => m.fr),
      ]) {
        expect([text, english(prose(text.replace(/\{\{\w+\}\}/g, ' '), []))]).toEqual([
          text,
          undefined,
        ]);
      }
    },
  );
});

describe('JSON syntax errors in French', () => {
  test.each([
    '{"a": "x',
    '',
    '{"a": 1',
    '[1 2]',
    '{"a" 1}',
    '{a:1}',
    '{"a":1,}',
    '{"a":tru}',
    '{"a":"\\q"}',
    '{"a":"\t"}',
    '{"a":1} x',
    '{"a":-}',
    '{"a":1.}',
    '{"a":1e}',
    '{"a":"\\u12"}',
    '{"a":01}',
  ])('JSON.parse(%j): the reason is known and French', (text) => {
    let err: Error | undefined;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e as Error;
    }
    const reason = jsonErrorReason(err as Error);
    expect([err?.message, reason.fr]).not.toEqual([err?.message, 'erreur de syntaxe']);
    expect(english(prose(reason.fr, []))).toBeUndefined();
  });
});

describe('--lang fr: every format', () => {
  let tmp: ReturnType<typeof tempDir>;
  const out: Record<string, string> = {};
  let report: Report;
  let data: string[];
  const FORMATS = ['json', 'junit', 'sarif', 'github', 'markdown', 'html', 'csv'];

  beforeAll(() => {
    tmp = tempDir();
    // more defects than the fixtures plant: broken lines of several kinds, an unknown licence, no
    // formats, a short description, no publisher, a bad date; a CKAN error; a list that holds no package
    const base = JSON.parse(readFileSync(join(ROOT, 'fixtures/ca-gc/dataset.json'), 'utf8'));
    const v = (patch: Record<string, unknown>, id: string): string =>
      JSON.stringify({ ...base, id, name: id, ...patch });
    const noFormat = base.resources.map((r: Record<string, unknown>) => ({
      ...r,
      format: undefined,
    }));
    writeFileSync(
      join(tmp.dir, 'more.jsonl'),
      [
        v({ license_id: 'licence-maison' }, 'licence-inconnue'),
        v({ resources: noFormat, notes_translated: { en: 'Short.', fr: 'Court.' } }, 'sans-format'),
        v(
          {
            organization: undefined,
            owner_org: undefined,
            org_title_at_publication: undefined,
            date_published: 'hier',
          },
          'sans-editeur',
        ),
        '[1, 2]',
        '{"id": "virgule",}',
        '"texte"',
      ]
        .map((l) => `${l}\n`)
        .join(''),
    );
    writeFileSync(
      join(tmp.dir, 'erreur.json'),
      JSON.stringify({
        help: 'x',
        success: false,
        error: { message: 'Introuvable', __type: 'Not Found Error' },
      }),
    );
    writeFileSync(
      join(tmp.dir, 'liste.json'),
      JSON.stringify({ help: 'x', success: true, result: { count: 1, results: [42] } }),
    );
    const files = Object.fromEntries(FORMATS.map((f) => [f, join(tmp.dir, `rapport.${f}`)]));
    const inputs = [...FIXTURE_PROFILES.map((id) => `${id}=fixtures/${id}`), `ca-gc=${tmp.dir}`];
    const r = cli([
      'validate',
      ...inputs,
      '--now',
      '2026-11-01',
      '--lang',
      'fr',
      ...FORMATS.flatMap((f) => [`--output.${f}`, files[f]]),
    ]);
    out.stylish = r.stdout;
    for (const f of FORMATS) out[f] = readFileSync(files[f], 'utf8');
    report = JSON.parse(out.json);
    data = report.records.flatMap((rec) => [
      rec.title ?? '',
      rec.id ?? '',
      rec.source.file,
      ...rec.findings.flatMap((f) => [
        typeof f.value === 'string' ? f.value : JSON.stringify(f.value ?? ''),
        f.property ?? '',
        f.sourcePath ?? '',
      ]),
    ]);
  });
  afterAll(() => tmp.cleanup());

  test('the extra defects are reported (they cover messages the fixtures do not)', () => {
    const rules = new Set(report.records.flatMap((rec) => rec.findings.map((f) => f.ruleId)));
    for (const id of [
      'odc/open-licence',
      'odc/machine-readable-format',
      'odc/title-description',
      'odc/publisher',
      'profile/type',
      'input/parse-error',
    ])
      expect(rules).toContain(id);
    expect(
      report.records.filter(
        (rec) => rec.status === 'rejected' && rec.source.file.startsWith(tmp.dir),
      ).length,
    ).toBe(5);
    expect(new Set(report.records.map((rec) => rec.profile))).toEqual(new Set(FIXTURE_PROFILES));
  });

  test('messages', () => {
    for (const rec of report.records)
      for (const f of rec.findings)
        expect([f.message, english(prose(f.message, data))]).toEqual([f.message, undefined]);
  });

  test.each(['stylish', 'markdown', 'github'])(
    '%s: no English word outside the records’ own text',
    (format) => {
      // workflow commands' names and properties (::error file=…,line=…::) are GitHub's protocol
      const text = prose(out[format].replace(/^::(error|warning|notice) [^:]*::/gm, ''), data);
      expect([format, english(text)]).toEqual([format, undefined]);
    },
  );

  test('junit: messages and labels', () => {
    const text = [...out.junit.matchAll(/message="([^"]*)"|>([^<]+)</g)]
      .map((m) => m[1] ?? m[2])
      .join('\n')
      .replace(/&quot;/g, '"')
      .replace(/&#10;/g, '\n')
      .replace(/&amp;/g, '&');
    expect(english(prose(text, data))).toBeUndefined();
    expect(out.junit).toContain('  erreur  ');
  });

  test('sarif: messages, rule descriptions and help', () => {
    const run = JSON.parse(out.sarif).runs[0];
    expect(run.language).toBe('fr-CA');
    const texts = [
      ...run.results.map((r: { message: { text: string } }) => r.message.text),
      ...run.tool.driver.rules.flatMap(
        (r: { shortDescription: { text: string }; help?: { markdown: string } }) => [
          r.shortDescription.text,
          (r.help?.markdown ?? '').replace(/`[^`]*`/g, ' '),
        ],
      ),
    ];
    for (const t of texts) expect([t, english(prose(t, data))]).toEqual([t, undefined]);
  });

  test('html: the page’s text, headings and labels', () => {
    const visible = out.html
      .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<code>[^<]*<\/code>/g, ' ') // code: identifiers
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(english(prose(visible, data))).toBeUndefined();
    expect(out.html).toContain('<html lang="fr">');
    expect(out.html).toContain('placeholder="identifiant, titre ou fichier"');
    expect(out.html).toContain('data-template="{{n}} constats affichés sur {{total}}"');
  });

  test('csv: headings, severities and messages', () => {
    const rows: string[][] = parseCsv(out.csv, { bom: true });
    expect(rows[0]).toEqual([
      'Fichier',
      'Ligne',
      'Colonne',
      "Identifiant de l'enregistrement",
      'Titre',
      'Profil',
      'Gravité',
      'Règle',
      'Principe',
      'Engagement',
      'Propriété',
      'Champ source',
      'Message',
      'Valeur',
      'Signalé aussi par',
    ]);
    expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(
      new Set(['erreur', 'avertissement', 'info']),
    );
  });
});

describe('--lang fr: bad files and every command', () => {
  let tmp: ReturnType<typeof tempDir>;
  const at = (f: string): string => join(tmp.dir, f);

  beforeAll(() => {
    tmp = tempDir();
    const write = (f: string, text: string): void => {
      mkdirSync(dirname(at(f)), { recursive: true });
      writeFileSync(at(f), text);
    };
    // a configuration with a misspelt rule, an unknown profile, an unknown key, a bad severity and
    // option, and one that is not YAML
    write(
      'passerelle.config.yaml',
      [
        'rules:',
        '  odc/freshnes: off',
        '  odc/title-description: {severity: fatal}',
        '  odc/freshness: {options: {grace: many}}',
        'profiles:',
        '  ca-gcc: {}',
        'colour: true',
      ].join('\n'),
    );
    write('broken.config.yaml', 'rules: [\n');
    // a crosswalk: a misspelt property, a field the profile lacks, an entry with no source, a
    // language that is no tag, a map that is not defined, a bad condition
    write(
      'crosswalks/ca-gc.yaml',
      [
        'profile: ca-gc',
        'language: 12',
        'dataset:',
        '  titel: title',
        '  description: {from: nope}',
        '  theme: {map: themes}',
        '  keyword: {from: keywords, when: {path: state, equal: x}}',
        '  modified: {from: metadata_modified, combine: sometimes}',
      ].join('\n'),
    );
    // a profile of one's own: an unknown vocabulary, a type that is not one, a bad detect
    write(
      'mine/profiles/ville.yaml',
      [
        'id: ville',
        'name: {en: Town, fr: Ville}',
        'fields:',
        '  id: {type: string, required: true}',
        '  theme: {type: code, vocabulary: themes}',
        '  size: {type: big}',
      ].join('\n'),
    );
    // a portal file: its id not its name, no profile, a kind misspelt, no web address
    write(
      'mine/profiles/portals/ville.yaml',
      'id: autre\nname: {en: Town}\napis:\n  - kind: ckn\n    url: ftp://ville.example\n',
    );
    write('baseline.json', '{"passerelleBaseline": 1, "findings": [');
    write('not-baseline.json', '{"findings": []}');
    // a ruleset: a target the model lacks, an unsafe pattern, a pattern that is none, a rule of
    // Passerelle's redefined
    write(
      'rules.yaml',
      [
        'rules:',
        '  ville/titre:',
        '    title: {en: Title, fr: Titre}',
        '    message: {en: Bad, fr: Mauvais}',
        '    target: titel',
        "    then: {check: pattern, pattern: '(a+)+'}",
        '  ville/motif:',
        '    title: {en: Title, fr: Titre}',
        '    message: {en: Bad, fr: Mauvais}',
        '    target: title',
        "    then: {check: pattern, pattern: '(a'}",
        '  odc/freshness:',
        '    title: {en: Title, fr: Titre}',
        '    message: {en: Bad, fr: Mauvais}',
        '    target: title',
        '    then: {check: present}',
      ].join('\n'),
    );
    write('lines.jsonl', '{"id": "a", "title": "A"}\n{"id": "b",\n{"id": "c", "title": "C"}\n');
  });
  afterAll(() => tmp.cleanup());

  const runs: [string, () => string[]][] = [
    [
      'an option out of its range',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--workers', 'lots'],
    ],
    [
      'a bad configuration',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--config', at('passerelle.config.yaml')],
    ],
    [
      'a configuration that is not YAML',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--config', at('broken.config.yaml')],
    ],
    ['an unknown profile', () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gcc']],
    ['a path that does not exist', () => ['validate', at('nowhere.json'), '-p', 'ca-gc']],
    [
      'a folder with no input file',
      () => ['validate', at('mine/profiles/portals/..'), '-p', 'ca-gc'],
    ],
    ['a bad crosswalk', () => ['crosswalk', 'check', at('crosswalks/ca-gc.yaml')]],
    [
      'a bad profile',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ville', '--profile-dir', at('mine')],
    ],
    ['a bad portal file', () => ['harvest', 'ville', '--profile-dir', at('mine')]],
    [
      'a baseline that is not JSON',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--baseline', at('baseline.json')],
    ],
    [
      'a file that is no baseline',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--baseline', at('not-baseline.json')],
    ],
    [
      'shapes that do not parse',
      () => ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--shapes', at('baseline.json')],
    ],
    ['a bad ruleset', () => ['rules', 'test', at('rules.yaml')]],
    [
      'infer on broken lines',
      () => ['infer', at('lines.jsonl'), '--id', 'ville', '--output-dir', at('drafts')],
    ],
    [
      'infer with nothing readable',
      () => [
        'infer',
        at('baseline.json'),
        '--id',
        'ville',
        '--output-dir',
        at('drafts'),
        '--force',
      ],
    ],
    ['the kinds of files', () => ['schema']],
    ['an unknown kind of file', () => ['schema', 'confg']],
    ['the profiles', () => ['profiles']],
    ['a profile', () => ['profiles', 'show', 'ca-gc']],
    ['the shipped crosswalks', () => ['crosswalk', 'check', 'ca-gc', 'ca-bc']],
    ['the rules', () => ['rules', '--profile', 'ca-gc']],
    ['fix', () => ['fix', 'fixtures/ca-gc', '-p', 'ca-gc']],
    [
      'federate',
      () => ['federate', 'ca-gc=fixtures/ca-gc', 'ca-bc=fixtures/ca-bc', '-o', at('fed.ttl')],
    ],
    [
      'compare',
      () => ['compare', 'ca-gc=fixtures/ca-gc', 'ca-bc=fixtures/ca-bc', '--now', '2026-11-01'],
    ],
  ];
  /** A profile's own texts (name, platform, source, fields' labels): the portal's words, in its languages. */
  const profileTexts = listProfileIds().flatMap((id) => {
    const p = loadProfile(id);
    const labels = (fields: Record<string, FieldDef> | undefined): string[] =>
      Object.values(fields ?? {}).flatMap((f) => [
        ...Object.values(f.label ?? {}),
        ...labels(f.fields),
      ]);
    const codes = Object.values(p.vocabularies).flatMap((v) =>
      [...v.codes.values()].flatMap((label) => Object.values(label ?? {})),
    );
    return [
      ...Object.values(p.name),
      p.platform ?? '',
      p.source ?? '',
      ...labels(p.fields),
      ...codes,
    ];
  });

  test.each(runs)('%s: no English word', (_, args) => {
    const r = cli([...args(), '--lang', 'fr']);
    // Markdown's escapes taken out: `creator\[\*\].email` is a property path
    let text = `${r.stdout}\n${r.stderr}`
      .split(tmp.dir)
      .join(' ')
      .replace(/\\([[\]*_])/g, '$1');
    for (const t of [...profileTexts].sort((a, b) => b.length - a.length))
      if (t)
        text = text.replace(
          new RegExp(`(?<![\\w.])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.])`, 'g'),
          ' ',
        );
    text = text
      .replace(/passerelle [a-z]+/g, ' ') // commands
      .replace(/^[a-z-]+ {2,}/gm, ' ') // a table's first column: an id
      .replace(/^ {4}\S.*? {2,}/gm, ' ') // a code of a code list
      .replace(/\b(connu|connue)s : [^)]*/g, ' ') // the names known there
      .replace(/\(([a-z]+, )+[a-z]+\)/gi, ' ') // a list of keys
      .replace(
        / {2,}(string|strings|integer|number|boolean|date|list|object|text|tags|code|codes|json|any)\b/g,
        ' ',
      ) // field types
      .replace(/l’une de [^()\n]*/g, ' ') // the values a key takes
      .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ') // domain and file names
      .replace(/\b[a-z]+(-[a-z]+)+\b/g, ' '); // kinds (map-table, legacy-code)
    expect([args().join(' '), english(prose(text, []))]).toEqual([args().join(' '), undefined]);
  });
});
