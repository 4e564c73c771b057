/**
 * `passerelle compare`: the matrix against the crosswalks themselves (their YAML, read here
 * independently), the measures against `validate`'s own report of the same records, the
 * high-value matching, and every format over the fixtures of every jurisdiction.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { compare, parseCompareInputs, type Comparison } from '../src/compare/compare.js';
import { renderComparison, type CompareFormat } from '../src/compare/render/index.js';
import type { Lang } from '../src/core/lang.js';
import { loadHighValueList, matchRecord, type HighValueList } from '../src/compare/high-value.js';
import { modelRows, type Matrix } from '../src/compare/matrix.js';
import { validate } from '../src/engine/run.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import { defaultVocabularies } from '../src/vocab/vocabulary.js';
import { escapeMarkdown } from '../src/util/escape.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { HOSTILE_TITLE, hostilePackage } from './report-helpers.js';

const NOW = new Date('2026-11-01T00:00:00Z');
const JURISDICTIONS = readdirSync(join(ROOT, 'fixtures')).sort();
const INPUTS = JURISDICTIONS.map((id) => `${id}=fixtures/${id}`);
const THEME = 'http://publications.europa.eu/resource/authority/data-theme/';

let comparison: Comparison;
beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    comparison = await compare({
      inputs: JURISDICTIONS.map((id) => ({ profile: id, path: `fixtures/${id}` })),
      now: NOW,
    });
  } finally {
    process.chdir(cwd);
  }
}, 120_000);

/** A profile's YAML, read here independently of the loader. */
const profileYaml = (id: string) =>
  parseYaml(readFileSync(join(ROOT, 'profiles', `${id}.yaml`), 'utf8')) as {
    name: { en: string; fr: string };
    fields: Record<string, unknown>;
  };
/** A column heading in Markdown: the profile's name, escaped. */
const mdName = (id: string): string => escapeMarkdown(profileYaml(id).name.en);

const cell = (m: Matrix, property: string, id: string) => {
  const row = m.rows.find((r) => r.property === property);
  if (!row) throw new Error(`no row ${property}`);
  return row.cells[id];
};

describe('the crosswalk matrix', () => {
  test('rows are every property of the model, grouped mandatory, recommended, optional; columns the jurisdictions', () => {
    const m = comparison.matrix;
    expect(m.jurisdictions.map((j) => j.id)).toEqual(JURISDICTIONS);
    expect(m.rows.map((r) => r.property)).toEqual(modelRows().map((r) => r.property));
    const order = m.rows.map((r) => r.obligation);
    expect(order.indexOf('recommended')).toBeGreaterThan(order.lastIndexOf('mandatory'));
    expect(order.indexOf('optional')).toBeGreaterThan(order.lastIndexOf('recommended'));
    expect(m.rows.filter((r) => r.obligation === 'mandatory').map((r) => r.property)).toEqual([
      'title',
      'description',
      'publisher.name',
      'creator[*].name',
      'distribution[*].accessURL',
    ]);
  });

  // Read from each crosswalk's YAML here, not through the compiler: a property the crosswalk
  // writes is filled in the matrix, one it does not write is missing, and every plain source path
  // it names at the top level of an entry is among the cell's fields.
  test.each(JURISDICTIONS)(
    '%s: each property the crosswalk writes is filled, the others are missing',
    (id) => {
      const yaml = parseYaml(readFileSync(join(ROOT, 'crosswalks', `${id}.yaml`), 'utf8')) as {
        dataset: Record<string, unknown>;
      };
      const written = new Map<string, unknown>();
      for (const [k, v] of Object.entries(yaml.dataset)) {
        written.set(k, v);
        const obj = (v as { object?: Record<string, unknown> })?.object;
        const multiple = [
          'creator',
          'contactPoint',
          'temporal',
          'spatial',
          'distribution',
        ].includes(k);
        if (obj)
          for (const [k2, v2] of Object.entries(obj))
            written.set(`${k}${multiple ? '[*]' : ''}.${k2}`, v2);
      }
      for (const row of comparison.matrix.rows) {
        const c = row.cells[id];
        // properties written only inside `first`/`all` alternatives of objects are not listed above
        if (written.has(row.property))
          expect([row.property, c.kinds]).not.toEqual([row.property, ['missing']]);
        else if (!row.property.includes('.'))
          expect([row.property, c.kinds]).toEqual([row.property, ['missing']]);
        const entry = written.get(row.property);
        const from = typeof entry === 'string' ? entry : (entry as { from?: unknown })?.from;
        // inside `each`, paths are relative to the item (the entry's own, or its object's)
        const each =
          (entry as { each?: string })?.each ??
          (row.property.includes('.')
            ? (yaml.dataset[row.property.split(/[[.]/)[0]] as { each?: string })?.each
            : undefined);
        if (typeof from === 'string' && !from.startsWith('/')) {
          const path = each ? `${each}${/[\]]$/.test(each) ? '' : '[*]'}.${from}` : from;
          expect(c.ways.flatMap((w) => w.fields)).toContain(path.replace(/'/g, ''));
        }
      }
    },
  );

  test('how values get there: direct, value map, vocabulary, lifted from resources, constant, template, object', () => {
    const m = comparison.matrix;
    expect(cell(m, 'title', 'ca-gc').ways.map((w) => [w.fields, w.kinds])).toEqual([
      [['title_translated'], ['direct']],
      [['title'], ['direct']],
    ]);
    // BC keeps the update cycle on each resource: lifted, through the frequency vocabulary, the most frequent
    const freq = cell(m, 'accrualPeriodicity', 'ca-bc');
    expect(freq.kinds).toEqual(['vocabulary', 'lifted']);
    expect(freq.ways[0]).toMatchObject({
      fields: ['resources[*].resource_update_cycle'],
      vocabulary: 'frequency',
      combine: 'most-frequent',
    });
    expect(cell(m, 'theme', 'ca-bc').kinds).toEqual(['map', 'vocabulary', 'lifted']);
    expect(cell(m, 'publisher.type', 'ca-gc').kinds).toEqual(['map']);
    expect(cell(m, 'publisher.type', 'ca-bc').ways[0]).toMatchObject({
      kinds: ['constant'],
      value: 'http://purl.org/adms/publishertype/RegionalAuthority',
      conditional: true,
    });
    expect(cell(m, 'landingPage', 'ca-bc').ways[0]).toMatchObject({
      kinds: ['template'],
      template: 'https://catalogue.data.gov.bc.ca/dataset/{name}',
      fields: ['name'],
    });
    expect(cell(m, 'distribution', 'ca-gc').ways[0]).toMatchObject({
      kinds: ['object'],
      fields: ['resources[*]'],
    });
    // a licence of the record, given to each distribution
    expect(cell(m, 'distribution[*].license', 'ca-bc').ways[0]).toMatchObject({
      fields: ['license_id'],
      vocabulary: 'licence',
      kinds: ['vocabulary'],
    });
    // HNAP: open.canada.ca's licence when useLimitation names it (a constant under a condition); paired fields per language
    expect(cell(m, 'distribution[*].license', 'ca-gc-hnap').ways[0]).toMatchObject({
      kinds: ['constant', 'vocabulary'],
      value: 'ca-ogl-lgo',
      conditional: true,
    });
    expect(new Set(cell(m, 'title', 'ca-gc-hnap').ways.map((w) => w.language))).toEqual(
      new Set(['en', 'fr']),
    );
    // BC: every contact is a contact point (its role kept beside it)
    expect(cell(m, 'contactPoint[*].email', 'ca-bc').ways.map((w) => w.fields[0])).toEqual([
      'contacts[*].email',
    ]);
  });

  test('fields as a steward knows them: the profile label in each language; the path kept beside it', () => {
    const m = comparison.matrix;
    type Node = { label?: { en: string; fr: string }; fields?: Record<string, Node> };
    // the HNAP elements, walked in the profile's own YAML
    const at = (path: string[]): Node =>
      path.reduce<Node>((n, seg) => n.fields?.[seg] as Node, profileYaml('ca-gc-hnap') as Node);
    const ident = ['gmd:identificationInfo', 'gmd:MD_DataIdentification'];
    const title = at([...ident, 'gmd:citation', 'gmd:CI_Citation', 'gmd:title']).label;
    const abstract = at([...ident, 'gmd:abstract']).label;
    for (const [property, label] of [
      ['title', title],
      ['description', abstract],
    ] as const) {
      for (const way of cell(m, property, 'ca-gc-hnap').ways) {
        // the whole XML path stays the field; the label is what the profile documents
        expect(way.fields[0]).toMatch(/^gmd:identificationInfo\.gmd:MD_DataIdentification\./);
        expect(way.labels[0]).toEqual(label);
      }
    }
    expect(title).toEqual({ en: 'Title', fr: 'Titre' });
    // without a label in the profile: the element's name, namespace prefix left out
    const unlabelled = cell(m, 'publisher.name', 'ca-gc-hnap').ways.find((w) =>
      w.fields[0].endsWith('gmd:organisationName.gco:CharacterString'),
    );
    const party = at([...ident, 'gmd:citation', 'gmd:CI_Citation', 'gmd:citedResponsibleParty']);
    expect(unlabelled?.labels[0].en).toBe(`${party.label?.en} › organisationName`);
    expect(unlabelled?.labels[0].fr).toBe(`${party.label?.fr} › organisationName`);
  });

  test('gaps: a mandatory or recommended property left empty, or one others fill; not the parts of an object never built', () => {
    const m = comparison.matrix;
    expect(cell(m, 'theme', 'ca-qc')).toMatchObject({ kinds: ['missing'], gap: true });
    expect(cell(m, 'creator', 'ca-bc')).toMatchObject({ kinds: ['missing'], gap: true }); // ca-gc fills it
    expect(cell(m, 'creator[*].name', 'ca-bc').gap).toBe(false); // the gap is the creator's
    expect(cell(m, 'version', 'ca-gc').gap).toBe(
      cell(m, 'version', 'dcat-ap').kinds[0] !== 'missing',
    );
    for (const r of m.rows)
      for (const c of Object.values(r.cells)) if (c.gap) expect(c.kinds).toEqual(['missing']);
  });
});

describe('measures from the records', () => {
  test.each(JURISDICTIONS)(
    '%s: scores and counts are those `validate` reports for the same records',
    async (id) => {
      const report = await validate([join(ROOT, 'fixtures', id)], { profile: id, now: NOW });
      const m = comparison.measures?.[id];
      expect(m).toBeDefined();
      const s = report.summary;
      expect([m?.records, m?.rejected, m?.valid, m?.invalid]).toEqual([
        s.records,
        s.rejected,
        s.valid,
        s.invalid,
      ]);
      expect(m?.scores).toEqual(s.scores);
      expect(m?.mqaMedian?.points).toBe(s.scores?.mqa.median);
      // indicators: records without the rule's finding (the rules judge every readable record here, but freshness)
      const readable = report.records.filter((r) => r.status !== 'rejected');
      // a rule's finding may stand merged into another one (one gap, one finding): named in `related`
      const without = (rule: string) =>
        readable.filter(
          (r) =>
            !r.findings.some((f) => f.ruleId === rule || f.related?.some((x) => x.ruleId === rule)),
        ).length;
      expect(m?.indicators.contactPoint).toMatchObject({
        n: without('odc/contact-point'),
        of: readable.length,
      });
      // a profile that turns a rule off (dcat-us: bilingual) is not assessed on it
      const off = loadProfile(id).rules['odc/bilingual'] === 'off';
      expect(m?.indicators.bilingual).toMatchObject(
        off
          ? { n: 0, of: 0, notAssessed: true }
          : { n: without('odc/bilingual'), of: readable.length },
      );
      const fresh = m?.indicators.fresh;
      expect(fresh && fresh.of - fresh.n).toBe(
        readable.filter((r) => r.findings.some((f) => f.ruleId === 'odc/freshness')).length,
      );
    },
  );

  test('fill rates: the share of readable records whose common record has a value', () => {
    const gc = comparison.measures?.['ca-gc'];
    expect(gc?.fill.title).toEqual({ n: 15, of: 15, share: 1 });
    // one federal record has no French title (Air Quality Health Index): title is still filled
    expect(gc?.fill['distribution[*].accessURL'].of).toBe(15);
    // Québec's crosswalk has no theme: never filled
    expect(comparison.measures?.['ca-qc'].fill.theme).toEqual({ n: 0, of: 5, share: 0 });
    for (const m of Object.values(comparison.measures ?? {}))
      for (const s of Object.values(m.fill)) expect(s.n).toBeLessThanOrEqual(s.of);
  });

  test('open licence and machine-readable count every readable record; a restricted one has neither', () => {
    const on = comparison.measures?.['ca-on'];
    // Ontario's fixtures hold a restricted record and one under review (not public, not open data)
    expect(on?.indicators.openLicence.of).toBe(6);
    expect(on?.indicators.openLicence.n).toBeLessThanOrEqual(4);
  });
});

describe('high-value datasets', () => {
  let list: HighValueList;
  beforeAll(() => {
    list = loadHighValueList(undefined, defaultVocabularies());
  });
  const match = (record: Parameters<typeof matchRecord>[1]) =>
    matchRecord(list, record).map((m) => m.dataset.id);

  test('the list: the six EU categories, each core dataset named and matched in English and French', () => {
    expect(list.categories.map((c) => c.uri)).toEqual([
      'http://data.europa.eu/bna/c_ac64a52d',
      'http://data.europa.eu/bna/c_dd313021',
      'http://data.europa.eu/bna/c_164e0bf5',
      'http://data.europa.eu/bna/c_e1da4e07',
      'http://data.europa.eu/bna/c_a9135398',
      'http://data.europa.eu/bna/c_b79e35eb',
    ]);
    for (const d of list.categories.flatMap((c) => c.datasets)) {
      expect(d.terms.en.length && d.terms.fr.length).toBeTruthy();
      if (d.eu) expect(d.eu).toMatch(/^http:\/\/data\.europa\.eu\/bna\/c_[0-9a-f]{8}$/);
    }
  });

  test('matched on title and keywords, as whole words, accents and case ignored, in the text’s language', () => {
    expect(match({ title: { fr: 'Indice des prix à la consommation, mensuel' } })).toEqual([
      'consumer-prices',
    ]);
    expect(match({ title: { fr: 'INDICE DES PRIX A LA CONSOMMATION' } })).toEqual([
      'consumer-prices',
    ]);
    expect(match({ keyword: { en: ['civic addresses'] } })).toEqual(['addresses']);
    // an English term in French text, or a term inside a word, does not count
    expect(match({ title: { fr: 'Civic addresses' } })).toEqual([]);
    expect(match({ title: { en: 'Transition plan' } })).toEqual([]);
    // untagged text is tried in both languages
    expect(match({ title: { und: 'Adresses civiques' } })).toEqual(['addresses']);
  });

  test('themes: a record whose themes disagree with the core dataset’s is not a match', () => {
    expect(match({ title: { en: 'Population trends of birds' }, theme: [`${THEME}ENVI`] })).toEqual(
      [],
    );
    expect(match({ title: { en: 'Population estimates' }, theme: [`${THEME}SOCI`] })).toEqual([
      'population',
    ]);
    expect(
      matchRecord(list, { title: { en: 'Population estimates' }, theme: [`${THEME}SOCI`] })[0]
        .themes,
    ).toEqual(['SOCI']);
    expect(match({ title: { en: 'Population estimates' } })).toEqual(['population']);
  });

  test('coverage per jurisdiction, with the evidence records and where they are', () => {
    const gc = comparison.highValue?.jurisdictions['ca-gc'];
    const cpi = gc?.datasets['consumer-prices'];
    expect(cpi?.records).toBe(1);
    expect(cpi?.evidence[0]).toMatchObject({
      title: 'Consumer Price Index, monthly, not seasonally adjusted',
      file: 'fixtures/ca-gc/catalogue.jsonl',
    });
    expect(cpi?.evidence[0].line).toBeGreaterThan(0);
    expect(cpi?.evidence[0].matched).toContainEqual({
      on: 'title',
      language: 'fr',
      term: 'indice des prix à la consommation',
    });
    expect(comparison.highValue?.jurisdictions['ca-nb'].categories.geospatial).toMatchObject({
      n: 3,
      of: 5,
    });
    const total = list.categories.reduce((n, c) => n + c.datasets.length, 0);
    for (const j of Object.values(comparison.highValue?.jurisdictions ?? {}))
      expect(j.covered.of).toBe(total);
  });

  test('a list of one’s own: problems name the file, line and column', () => {
    const tmp = tempDir();
    try {
      const f = join(tmp.dir, 'hvd.yaml');
      writeFileSync(
        f,
        'id: x\nconcepts:\n  geo:\n    uri: http://example.org/geo\n    label: {en: Geo, fr: Géo}\n    datasets:\n      roads:\n        label: {en: Roads, fr: Routes}\n        themes: [ROADS]\n        terms: {en: [roads], fr: [routes]}\n',
      );
      expect(() => loadHighValueList(f, defaultVocabularies())).toThrow(
        /hvd\.yaml:9:\d+: dataset roads: "ROADS" is not in the theme vocabulary/,
      );
      writeFileSync(
        f,
        'id: x\nconcepts:\n  geo:\n    uri: http://example.org/geo\n    label: {en: Geo, fr: Géo}\n    datasets:\n      roads:\n        label: {en: Roads, fr: Routes}\n        terms: {en: [roads]}\n',
      );
      expect(() => loadHighValueList(f, defaultVocabularies())).toThrow(
        /hvd\.yaml:\d+:\d+: dataset roads: `terms.fr` is a list of words/,
      );
      const r = cli(['compare', 'ca-gc=fixtures/ca-gc', '--hvd', f, '-f', 'json']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/hvd\.yaml:\d+:\d+/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the command, in every format, over the fixtures of every jurisdiction', () => {
  let tmp: ReturnType<typeof tempDir>;
  let hostile: string;
  beforeAll(() => {
    tmp = tempDir();
    // a federal record whose title is hostile and names a core dataset, so that it is evidence
    const p = hostilePackage();
    p.title_translated = {
      en: `${HOSTILE_TITLE} consumer price index`,
      fr: 'Indice des prix à la consommation',
    };
    hostile = join(tmp.dir, 'hostile.jsonl');
    writeFileSync(hostile, `${JSON.stringify(p)}\n`);
  });
  afterAll(() => tmp.cleanup());
  const run = (format: string, extra: string[] = []) =>
    cli(['compare', ...INPUTS, `ca-gc=${hostile}`, '--now', '2026-11-01', '-f', format, ...extra]);
  // The same comparison made in-process, once per language, for the tests of a format's content
  // (each run of the command compares every jurisdiction again); markdown and JSON go through the
  // command too, and must match.
  const made = new Map<Lang, Comparison>();
  const rendered = async (format: CompareFormat, lang: Lang = 'en'): Promise<string> => {
    let c = made.get(lang);
    if (!c) {
      const cwd = process.cwd();
      process.chdir(ROOT);
      try {
        const inputs = parseCompareInputs([...INPUTS, `ca-gc=${hostile}`]);
        c = await compare({ inputs, now: NOW, lang, onRejected: () => undefined });
      } finally {
        process.chdir(cwd);
      }
      made.set(lang, c);
    }
    return renderComparison(c, format, lang);
  };

  test('markdown: the matrix per obligation, fill rates, indicators, scores, high-value datasets; record text escaped', () => {
    const r = run('markdown');
    expect(r.code).toBe(1); // the fixtures hold unreadable records (named on stderr)
    expect(r.stderr).toMatch(/fixtures\/ca-gc\/catalogue\.jsonl:7:\d+: Record could not be read/);
    const md = r.stdout;
    for (const h of [
      '## Crosswalk matrix',
      '### Mandatory',
      '### Recommended',
      '### Optional',
      '## Fill rates',
      '## Indicators',
      '## High-value datasets',
    ])
      expect(md).toContain(h);
    expect(md).toContain(`| Property | ${JURISDICTIONS.map(mdName).join(' | ')} |`);
    expect(md).toMatch(/\| Theme \(theme\) \|[^\n]*\*\*✗ gap\*\*/);
    // ca-ab's title column by the label of its profile (`title`'s label in profiles/ca-ab.yaml)
    const abTitle = (profileYaml('ca-ab').fields.title as { label: { en: string } }).label.en;
    expect(md).toContain(`| Title (title) | ${abTitle} — direct |`);
    expect(md).toMatch(/\| Bilingual \(English and French\) \| 0% \(0\/7\)/);
    // the hostile title is evidence: escaped, never raw markup
    expect(md).toContain('consumer price index');
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/\[click\]\(http/);
  });

  test('csv: one long table, a row per section, property and jurisdiction; formulas neutralised', async () => {
    const csv = await rendered('csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([
      'Section',
      'Group',
      'Property',
      'Label',
      'Jurisdiction',
      'Value',
      'Detail',
    ]);
    const mapping = rows.filter((x) => x[0] === 'mapping');
    expect(mapping).toHaveLength(modelRows().length * JURISDICTIONS.length);
    expect(mapping.find((x) => x[2] === 'accrualPeriodicity' && x[4] === 'ca-bc')?.[5]).toBe(
      'vocabulary+lifted',
    );
    // the CSV keeps the jurisdiction's id and the field's whole path, for pivot tables and look-ups
    expect(mapping.find((x) => x[2] === 'description' && x[4] === 'ca-gc-hnap')?.[6]).toContain(
      'gmd:identificationInfo.gmd:MD_DataIdentification.gmd:abstract.gco:CharacterString',
    );
    expect(
      rows.find((x) => x[0] === 'fill' && x[2] === 'title' && x[4] === 'ca-qc')?.slice(5),
    ).toEqual(['1', '5/5']);
    expect(rows.filter((x) => x[0] === 'indicator' && x[4] === 'ca-gc').map((x) => x[2])).toEqual([
      'openLicence',
      'machineReadable',
      'fresh',
      'bilingual',
      'contactPoint',
    ]);
    const evidence = rows.filter((x) => x[0] === 'evidence' && x[3].includes('HYPERLINK'));
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e[3].startsWith("'=")).toBe(true);
  });

  test('json: the comparison as data', async () => {
    const c = JSON.parse(await rendered('json')) as Comparison;
    expect(c.schemaVersion).toBe(1);
    expect(Object.keys(c.measures ?? {})).toEqual(JURISDICTIONS);
    // the hostile record was read as one more federal record
    expect(c.measures?.['ca-gc'].records).toBe(17);
    expect(c.highValue?.jurisdictions['ca-gc'].datasets['consumer-prices'].records).toBe(2);
    expect(c.highValue?.list.categories[0].datasets[0]).toMatchObject({
      id: 'administrative-boundaries',
      themes: ['REGI', 'GOVE'],
    });
  });

  test('html: one page, no script, no network, charts as inline SVG, record text escaped', async () => {
    const html = await rendered('html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\/[^"'<\s]*\.(js|css)\b|<link /);
    expect(html.match(/<svg /g)?.length).toBe(9); // five indicators, MQA, stars, principles, high-value
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    // columns by name, the id on hover; a field by its label, the full path on hover
    expect(html).toContain(
      `<th scope="col" title="ca-gc-hnap">${profileYaml('ca-gc-hnap').name.en}</th>`,
    );
    expect(html).toMatch(
      /<code title="gmd:identificationInfo\.gmd:MD_DataIdentification\.gmd:abstract\.gco:CharacterString">Abstract<\/code>/,
    );
  });

  test("html: the charts' labels name each jurisdiction whole (the label column fits the longest, long column names slant)", async () => {
    const html = await rendered('html');
    const labels = [
      ...html.matchAll(/<text class="(?:label|legend)"[^>]*>([^<]*)<title>([^<]*)<\/title>/g),
    ];
    expect(labels.length).toBeGreaterThan(0);
    for (const [, shown, whole] of labels) expect(shown).toBe(whole);
    expect(labels.map((l) => l[2])).toContain(profileYaml('ca-gc-hnap').name.en);
  });

  test('French: --lang fr', async () => {
    const md = await rendered('markdown', 'fr');
    for (const h of [
      '# Comparaison des administrations',
      '## Matrice des correspondances',
      '### Obligatoires',
      '## Taux de remplissage',
      '## Indicateurs',
      '## Ensembles de données de forte valeur',
    ])
      expect(md).toContain(h);
    expect(md).toContain('**✗ lacune**');
    expect(md).toMatch(/\| Licence ouverte \| 57\u00A0% \(4\/7\)/);
    // in French, the French name of each profile and the French label of a field
    const hnap = profileYaml('ca-gc-hnap').name.fr;
    expect(md).toContain(` | ${escapeMarkdown(hnap)} |`);
    const title =
      md
        .split('\n')
        .find((l) => l.startsWith('| Titre (title) |'))
        ?.split(' | ') ?? [];
    expect(title[1 + JURISDICTIONS.indexOf('ca-gc-hnap')]).toContain('Titre \\(fr\\) — directe');
  });

  test('the command writes the same bytes as the comparison made in-process, and the same on each run', async () => {
    expect(run('json').stdout).toBe(await rendered('json'));
  });

  test('from the crosswalks alone: --profiles, no records', () => {
    const r = cli(['compare', '--profiles', 'ca-qc,ca-gc', '-f', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.matrix.jurisdictions.map((j) => j.id)).toEqual(['ca-qc', 'ca-gc']);
    expect(c.measures).toBeUndefined();
    // every shipped profile, those without bundled fixtures (ca-gc-legacy) too
    expect(
      cli(['compare'])
        .stdout.split('\n')
        .find((l) => l.startsWith('| Property')),
    ).toBe(`| Property | ${listProfileIds().sort().map(mdName).join(' | ')} |`);
  });

  test('usage errors: an unknown profile, a path without a profile, exit 2 and nothing on stdout', () => {
    for (const args of [['--profiles', 'ca-xx'], ['fixtures/ca-gc'], ['ca-gc=fixtures/nowhere']]) {
      const r = cli(['compare', ...args]);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/^passerelle: /);
    }
  });
});
