/** Words: plurals in both languages, the command line in French, one error prefix, "did you mean". */
import { count, inRecords, word } from '../src/i18n/plural.js';
import { usageText } from '../src/i18n/cli.js';
import { summary } from '../src/cli/harvest.js';
import type { SnapshotManifest } from '../src/sources/snapshot.js';
import { Command } from 'commander';
import { COMMANDS } from '../src/cli/commands/index.js';
import { described } from '../src/cli/localise.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { cli, tempDir } from './helpers.js';

describe('plurals through Intl.PluralRules', () => {
  test.each([
    [0, 'en', '0 records', '0 rejected'],
    [1, 'en', '1 record', '1 rejected'],
    [2, 'en', '2 records', '2 rejected'],
    // French: 0 and 1 are singular
    [0, 'fr', '0 enregistrement', '0 rejeté'],
    [1, 'fr', '1 enregistrement', '1 rejeté'],
    [2, 'fr', '2 enregistrements', '2 rejetés'],
  ] as const)('%i in %s', (n, lang, records, rejected) => {
    expect(count(n, 'record', lang)).toBe(records);
    expect(count(n, 'rejected', lang)).toBe(rejected);
  });

  test('severities and problems', () => {
    expect(count(1, 'error', 'en')).toBe('1 error');
    expect(count(2, 'warning', 'fr')).toBe('2 avertissements');
    expect(count(0, 'problem', 'fr')).toBe('0 problème');
    expect(word('valid', 1, 'fr')).toBe('valide');
    expect(word('invalid', 3, 'fr')).toBe('non valides');
  });

  test('"in n of total records": English agrees with the total, French with the part', () => {
    expect(inRecords(1, 1, 'en')).toBe('in 1 of 1 record');
    expect(inRecords(1, 3, 'en')).toBe('in 1 of 3 records');
    expect(inRecords(1, 3, 'fr')).toBe('dans 1 enregistrement sur 3');
    expect(inRecords(2, 3, 'fr')).toBe('dans 2 enregistrements sur 3');
  });

  test("the harvest's summary agrees with its counts, in both languages", () => {
    const m = {
      api: { url: 'https://portal.example/api', kind: 'ckan' },
      pages: [{}],
      notModified: 0,
      requests: 1,
      retries: 2,
      written: 1,
      duplicates: 0,
      recovered: 1,
      failures: [],
      complete: true,
    } as unknown as SnapshotManifest;
    const [en, fr] = (['en', 'fr'] as const).map((l) => summary(m, 'out', l).split('\n'));
    expect(en.slice(1, 3)).toEqual([
      '  1 page (0 not modified), 1 request, 2 retries',
      '  1 record written, 0 duplicates left out, 1 recovered by a second walk',
    ]);
    expect(fr.slice(1, 3)).toEqual([
      '  1 page (0 inchangée), 1 requête, 2 reprises',
      '  1 fiche écrite, 0 doublon écarté, 1 retrouvée au second passage',
    ]);
  });

  test('a run of one record says so in stylish, in both languages', () => {
    const args = [
      'validate',
      '-',
      '--profile',
      'ca-gc',
      '--now',
      '2026-11-01',
      '--fail-on',
      'never',
    ];
    const input = '{"id":"x","title":{"en":"T","fr":"T"}}\n';
    const en = cli(args, { input }).stdout;
    expect(en).toMatch(/\n {2}1 record: \d valid, \d invalid, 0 rejected\n/);
    expect(en).not.toMatch(/\b1 records\b/);
    const fr = cli([...args, '--lang', 'fr'], { input }).stdout;
    expect(fr).toMatch(/\n {2}1 enregistrement\u00A0: \d+ valides?, \d+ non valides?, 0 rejeté\n/);
    expect(fr).toContain('Notes (1 enregistrement)');
  });
});

describe('the command line in French', () => {
  test('every description of every command, argument and option has its French', () => {
    const program = new Command('passerelle');
    for (const c of COMMANDS) c.register(program, () => undefined);
    const missing: string[] = [];
    const walk = (c: Command): void => {
      const texts = [
        c.description(),
        ...c.registeredArguments.map((a) => a.description),
        ...c.options.filter((o) => !o.hidden).map((o) => o.description),
      ];
      for (const t of texts) if (t && described(t, 'fr') === t) missing.push(`${c.name()}: ${t}`);
      c.commands.forEach(walk);
    };
    walk(program);
    expect(missing).toEqual([]);
  });

  test.each([
    ['--lang fr', ['--lang', 'fr'], {}],
    ['LANG=fr_CA.UTF-8', [], { LANG: 'fr_CA.UTF-8' }],
    ['LC_ALL=fr_FR', [], { LC_ALL: 'fr_FR' }],
  ])(
    'validate --help under %s: French headings and texts, no English option text',
    (_n, flags, env) => {
      const help = cli(['validate', '--help', ...flags], { env }).stdout.replace(/\s+/g, ' ');
      expect(help).toContain('Utilisation : passerelle validate');
      expect(help).toContain('Options :');
      expect(help).toContain('ne signaler que les erreurs');
      expect(help).toContain("afficher l'aide de la commande");
      expect(help).toContain('par défaut : fr quand LC_ALL, LC_MESSAGES ou LANG est en français');
      for (const en of [
        'report errors only',
        'display help for command',
        'language of messages',
        'reference date for freshness',
        'Usage:',
        '(default:',
      ])
        expect(help).not.toContain(en);
    },
  );

  test('the program help in French lists the commands in French', () => {
    const help = cli(['--help', '--lang', 'fr']).stdout;
    expect(help).toContain('Commandes :');
    expect(help).toContain('lister les règles');
  });

  test('validate --help lists every input kind and the real default of --lang', () => {
    const help = cli(['validate', '--help']).stdout.replace(/\s+/g, ' ');
    for (const kind of [
      'JSON Lines',
      'CSV',
      'XML (HNAP)',
      'Turtle',
      'RDF/XML',
      'JSON-LD',
      '.gz',
      'harvest snapshot',
      'standard input',
    ])
      expect(help).toContain(kind);
    expect(help).toContain('default: fr when LC_ALL, LC_MESSAGES or LANG is French, else en');
    expect(help).not.toContain('default: "en"');
  });
});

describe('usage errors: one prefix, French under --lang fr, did you mean', () => {
  test("commander's messages take the one prefix", () => {
    expect(usageText("error: unknown option '--x'", 'en')).toBe("passerelle: unknown option '--x'");
  });

  test('an unknown option, in English and in French, with its suggestion', () => {
    const en = cli(['validate', 'fixtures', '--profle', 'ca-gc']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("passerelle: unknown option '--profle'\n(Did you mean --profile?)");
    expect(en.stderr).not.toMatch(/^error:/m);
    const fr = cli(['validate', 'fixtures', '--profle', 'ca-gc', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain(
      'passerelle: option inconnue « --profle »\n(Vouliez-vous dire --profile ?)',
    );
    expect(fr.stderr).toContain("(passerelle --help pour l'utilisation)");
  });

  test('a missing argument and a wrong choice, in French', () => {
    const missing = cli(['rules', 'explain', '--lang', 'fr']);
    expect(missing.stderr).toContain('passerelle: argument obligatoire manquant « id »');
    const choice = cli(['validate', 'fixtures', '--fail-on', 'sometimes'], {
      env: { LANG: 'fr_CA' },
    });
    expect(choice.stderr).toContain(
      "passerelle: l'argument « sometimes » de l'option « --fail-on <severity> » n'est pas valide ; choix permis : error, warning, info, never.",
    );
  });

  test.each([
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gcc'],
      'unknown profile "ca-gcc" (did you mean "ca-gc"?)',
    ],
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gc', '-f', 'jsn'],
      '--format: unknown format "jsn" (did you mean "json"?)',
    ],
    [
      ['rules', 'explain', 'odc/freshnes'],
      'unknown rule "odc/freshnes" (did you mean "odc/freshness"?)',
    ],
    [
      ['fix', 'fixtures/ca-gc', '--profile', 'ca-gc', '--rule', 'odc/licence-presnt'],
      '--rule: "odc/licence-presnt" is not a rule (did you mean "odc/licence-present"?)',
    ],
    [
      ['compare', '--profiles', 'ca-gcc'],
      '--profiles: unknown profile "ca-gcc" (did you mean "ca-gc"?)',
    ],
  ])('%j: did you mean', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`passerelle: ${message}`);
  });

  test.each([
    [
      ['validate', 'fixtures/ca-gc', '--profile', 'ca-gcc'],
      'profil inconnu « ca-gcc » (vouliez-vous dire « ca-gc » ?)',
    ],
    [
      ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '-f', 'jsn'],
      '--format : format inconnu « jsn » (vouliez-vous dire « json » ?)',
    ],
    [
      ['validate'],
      'argument obligatoire manquant « paths » (fichiers ou dossiers, ou --portal <id>)',
    ],
    [
      ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--now', 'yesterday'],
      '--now : « yesterday » n’est pas une date ISO (AAAA-MM-JJ)',
    ],
    [
      ['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--max-warnings', 'many'],
      '--max-warnings : « many » n’est pas un nombre entier (0 ou plus)',
    ],
    [
      ['validate', 'fixtures/no-such-folder', '-p', 'ca-gc'],
      'fixtures/no-such-folder : fichier ou dossier introuvable',
    ],
    [
      ['compare', '--profiles', 'ca-gcc'],
      '--profiles : profil inconnu « ca-gcc » (vouliez-vous dire « ca-gc » ?)',
    ],
    [
      ['rules', 'explain', 'odc/freshnes'],
      'règle inconnue « odc/freshnes » (vouliez-vous dire « odc/freshness » ?) ; passerelle rules les liste',
    ],
    [
      ['fix', 'fixtures/ca-gc', '-p', 'ca-gc', '--output', 'out', '--in-place'],
      '--output et --in-place : choisissez l’un des deux',
    ],
    [['schema', 'confg'], 'type de fichier inconnu « confg » (vouliez-vous dire « config » ?)'],
  ])('%j in French', (args, message) => {
    const r = cli([...args, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`passerelle: ${message}\n`);
  });

  test("commander's too many arguments, in French", () => {
    const r = cli(['rules', 'test', 'a.yaml', 'b.yaml', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      "passerelle: trop d'arguments pour « test » (attendus : 1 ; donnés : 2).",
    );
  });

  test('a French locale, without --lang, gives the French message', () => {
    const r = cli(['validate', 'fixtures/ca-gc', '-p', 'ca-gc', '--now', '2026-13-45'], {
      env: { LANG: 'fr_CA.UTF-8' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'passerelle: --now : « 2026-13-45 » n’est pas une date ISO (AAAA-MM-JJ)\n',
    );
  });

  test('every UsageError, ConfigError and InputError of src/ has its French', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [join(dir, e.name)]
            : [],
      );
    const found: string[] = [];
    const englishOnly: string[] = [];
    // the French is the argument after the English and its place (util/errors.ts)
    const frenchAt: Record<string, number> = { UsageError: 1, ConfigError: 2, InputError: 2 };
    for (const file of files('src')) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      const visit = (node: ts.Node): void => {
        const at = ts.isNewExpression(node) ? frenchAt[node.expression.getText(source)] : undefined;
        if (ts.isNewExpression(node) && at !== undefined) {
          const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
          found.push(where);
          const fr = node.arguments?.[at];
          // an `undefined` French is none
          if (!fr || fr.getText(source) === 'undefined') englishOnly.push(where);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found.length).toBeGreaterThan(100);
    // No exception so far: a message built from data still gets its French from the same data.
    expect(englishOnly).toEqual([]);
  });

  test('a rule id at the top of the configuration', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'passerelle.config.yaml');
      writeFileSync(file, 'rules:\n  odc/freshnes: off\n');
      const r = cli([
        'validate',
        'fixtures/ca-gc/catalogue.jsonl',
        '--profile',
        'ca-gc',
        '--config',
        file,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown rule "odc\/freshnes".*did you mean "odc\/freshness"/);
    } finally {
      tmp.cleanup();
    }
  });

  test('a rule id under a profile of the configuration', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'passerelle.config.yaml');
      writeFileSync(file, 'profiles:\n  ca-gc:\n    rules:\n      odc/licence-presnt: warning\n');
      const r = cli([
        'validate',
        'fixtures/ca-gc/catalogue.jsonl',
        '--profile',
        'ca-gc',
        '--config',
        file,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'unknown rule "odc/licence-presnt" (did you mean "odc/licence-present"?',
      );
    } finally {
      tmp.cleanup();
    }
  });
});
