/** `passerelle federate`: one DCAT-AP catalogue from many jurisdictions' exports, with a search index. */
import { statSync } from 'node:fs';
import { count, pluralForm, type PluralForms } from '../i18n/plural.js';
import { render } from '../i18n/render.js';
import { Federation, type FederationSummary } from '../federate/federate.js';
import type { RdfFormat } from '../rdf/write.js';
import { escapeTerminal } from '../util/escape.js';
import { rdfWriter } from '../rdf/write.js';
import type { Lang } from '../core/lang.js';
import { fileSink, requireDirectoryOf, stdoutSink, type Sink } from './output.js';
import { parseNow } from './validate.js';
import { readableInputs } from './stdin.js';
import { UsageError } from '../util/errors.js';
import { ENGINE_NAMES, type EngineName } from '../federate/engines/engines.js';

export interface FederateCommandOptions {
  profile?: string;
  to: RdfFormat | EngineName | 'site';
  full?: boolean;
  output?: string;
  index?: string;
  base?: string;
  publisher?: string;
  now?: string;
  lang: Lang;
}

const WORDS = {
  jurisdiction: {
    en: '{{profile}}: {{records}} datasets in {{catalogue}}',
    fr: '{{profile}} : {{records}} jeux de données dans {{catalogue}}',
  },
  total: {
    en: '{{written}} from {{records}} ({{rejected}}, {{duplicates}}, {{sameIri}})',
    fr: '{{written}} sur {{records}} ({{rejected}}, {{duplicates}}, {{sameIri}})',
  },
  duplicate: {
    en: 'duplicate: {{record}} of {{primary}} ({{reasons}})',
    fr: 'doublon : {{record}} de {{primary}} ({{reasons}})',
  },
  reasons: {
    'same-iri': { en: 'same IRI, written once', fr: 'même IRI, écrit une fois' },
    identifier: { en: 'same identifier', fr: 'même identifiant' },
    'landing-page': { en: 'same landing page', fr: "même page d'accueil" },
    'title-publisher': { en: 'same title and publisher', fr: 'même titre et même éditeur' },
  },
} as const;

/** The total's counted words, each agreeing with its number. */
const COUNTS = {
  written: {
    en: { one: 'dataset written', other: 'datasets written' },
    fr: { one: 'jeu de données écrit', other: 'jeux de données écrits' },
  },
  rejected: {
    en: { one: 'unreadable', other: 'unreadable' },
    fr: { one: 'illisible', other: 'illisibles' },
  },
  duplicates: {
    en: { one: 'duplicate linked', other: 'duplicates linked' },
    fr: { one: 'doublon relié', other: 'doublons reliés' },
  },
  sameIri: {
    en: { one: 'read twice and written once', other: 'read twice and written once' },
    fr: { one: 'lu deux fois et écrit une fois', other: 'lus deux fois et écrits une fois' },
  },
} satisfies Record<string, PluralForms>;

function report(s: FederationSummary, lang: Lang): string {
  const n = (k: keyof typeof COUNTS, x: number): string => `${x} ${pluralForm(x, COUNTS[k], lang)}`;
  const where = (e: FederationSummary['duplicates'][number]['entry']) =>
    `${e.profile}:${e.result.id ?? e.iri} (${e.result.source.file}${e.result.source.line !== undefined ? `:${e.result.source.line}` : ''})`;
  const lines = s.jurisdictions.map((j) => render(WORDS.jurisdiction[lang], j));
  for (const d of s.duplicates) {
    lines.push(
      render(WORDS.duplicate[lang], {
        record: where(d.entry),
        primary: where(d.primaryEntry),
        reasons: (d.reasons.includes('same-iri') ? (['same-iri'] as const) : d.reasons)
          .map((r) => WORDS.reasons[r][lang])
          .join(', '),
      }),
    );
  }
  const sameIri = s.duplicates.filter((d) => d.reasons.includes('same-iri')).length;
  lines.push(
    render(WORDS.total[lang], {
      written: n('written', s.written),
      records: count(s.records, 'recordsRead', lang),
      rejected: n('rejected', s.rejected),
      duplicates: n('duplicates', s.duplicates.length - sameIri),
      sameIri: n('sameIri', sameIri),
    }),
  );
  return `${lines.map(escapeTerminal).join('\n')}\n`;
}

const isFolder = (p: string): boolean =>
  /[/\\]$/.test(p) || statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;

/** Exit 0 when every record was read, 1 when some could not be (named on stderr). */
export async function federateCommand(paths: string[], o: FederateCommandOptions): Promise<number> {
  if (o.to === 'site' && o.output === undefined)
    throw new UsageError(
      '--to site needs --output <folder>: the site is a folder of files',
      '--to site demande --output <dossier> : le site est un dossier de fichiers',
    );
  // search-engine documents, the search site, or N-Quads into a folder: a folder kept up to date
  // per jurisdiction
  const folder = o.to === 'nquads' && o.output !== undefined && isFolder(o.output);
  if ((ENGINE_NAMES as readonly string[]).includes(o.to) || o.to === 'site' || folder) {
    const { engineCommand } = await import('./federate-engines.js');
    return engineCommand(paths, { ...o, to: o.to as EngineName | 'nquads' | 'site' });
  }
  requireDirectoryOf('--output', o.output);
  requireDirectoryOf('--index', o.index);
  paths = await readableInputs(paths);
  const federation = new Federation(paths, {
    profile: o.profile,
    lang: o.lang,
    now: parseNow(o.now),
    base: o.base,
    publisher: o.publisher,
  });
  const summary = await federation.scan();
  for (const e of federation.entries) {
    if (e.iri) continue;
    for (const f of e.result.findings) {
      process.stderr.write(
        `${escapeTerminal(`${[e.result.source.file, f.line ?? e.result.source.line, f.column].filter((x) => x !== undefined).join(':')}: ${f.message}`)}\n`,
      );
    }
  }
  const sink: Sink = o.output !== undefined ? fileSink(o.output) : stdoutSink();
  const index: Sink | undefined = o.index !== undefined ? fileSink(o.index) : undefined;
  try {
    for await (const chunk of federation.rdf(rdfWriter(o.to as RdfFormat))) await sink.write(chunk);
    if (index) for (const line of federation.indexLines()) await index.write(line);
    await sink.close();
    await index?.close();
  } catch (e) {
    sink.abort();
    index?.abort();
    throw e;
  }
  process.stderr.write(report(summary, o.lang));
  return summary.rejected ? 1 : 0;
}
