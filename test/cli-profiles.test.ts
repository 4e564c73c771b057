/** `passerelle profiles` and `passerelle profiles show <id>` as users run them. */
import { cli } from './helpers.js';

describe('passerelle profiles', () => {
  test('lists every profile with its name and platform', () => {
    const r = cli(['profiles']);
    expect(r.code).toBe(0);
    for (const line of [
      /^ca-ab +Alberta — open\.alberta\.ca +CKAN/m,
      /^ca-bc +British Columbia — BC Data Catalogue +CKAN/m,
      /^ca-on +Ontario — data\.ontario\.ca +CKAN/m,
      /^ca-qc +Québec — Données Québec +CKAN/m,
      /^ckan +CKAN \(any portal\) +CKAN +package$/m,
    ]) {
      expect(r.stdout).toMatch(line);
    }
  });
});

describe('passerelle profiles show', () => {
  test('the facts, then one row per field with what it maps to, then the code lists', () => {
    const r = cli(['profiles', 'show', 'ca-bc']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('ca-bc  British Columbia — BC Data Catalogue');
    expect(r.stdout).toMatch(/^ {2}--profile auto +recognised, priority 10$/m);
    expect(r.stdout).toMatch(/^ {2}field +type +required +bilingual +code list +maps to$/m);
    expect(r.stdout).toMatch(
      /^ {2}resources\[\*\]\.resource_update_cycle +code +yes +resource_update_cycle +accrualPeriodicity$/m,
    );
    expect(r.stdout).toMatch(
      /^ {2}contacts\[\*\]\.email +email +yes +contactPoint\[\*\]\.email, publisher\.email$/m,
    );
    expect(r.stdout).toMatch(/^ {2}license \(17 codes\)$/m);
    expect(r.stdout).toMatch(/^ {4}22 +Access Only$/m);
  });

  test('older field names and legacy codes are shown; French headings with --lang fr', () => {
    const r = cli(['profiles', 'show', 'ca-ab', '--lang', 'fr']);
    expect(r.stdout).toMatch(/^ {2}champ +type +requis +bilingue +liste de codes +correspond à$/m);
    expect(r.stdout).toMatch(/^ {2}topic +codes +topics +\(ancien nom de topics\) theme$/m);
    expect(r.stdout).toMatch(/^ {4}ABOGPL +ancien → OGLA$/m);
  });

  test('bilingual fields are marked; a profile with no crosswalk entry for a field leaves it blank', () => {
    const r = cli(['profiles', 'show', 'ca-on']);
    expect(r.stdout).toMatch(/^ {2}title_translated +text +yes +yes +title$/m);
    expect(r.stdout).toMatch(/^ {2}node_id +integer$/m);
  });

  test('--format json: the same description for programs', () => {
    const r = cli(['profiles', 'show', 'ca-qc', '--format', 'json']);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual([
      'id',
      'name',
      'platform',
      'portal',
      'languages',
      'source',
      'detect',
      'crosswalk',
      'fields',
      'vocabularies',
    ]);
    expect(d.fields.find((f: { path: string }) => f.path === 'language')).toEqual({
      path: 'language',
      type: 'code',
      required: true,
      bilingual: false,
      vocabulary: 'language',
      label: { en: 'Language', fr: 'Langue' },
      mapsTo: ['language'],
    });
    expect(
      d.vocabularies.find((v: { id: string }) => v.id === 'update_frequency').codes[1],
    ).toEqual({ code: 'continuous', label: { en: 'Real time', fr: 'Temps réel' } });
  });

  test('an unknown profile is a usage error', () => {
    const r = cli(['profiles', 'show', 'ca-zz']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^passerelle: unknown profile "ca-zz" \(known: ca-ab, ca-bc, ca-gc/);
    expect(r.stdout).toBe('');
  });
});
