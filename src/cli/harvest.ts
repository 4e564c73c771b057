/** `passerelle harvest`: options checked, the harvest run, its summary said honestly. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Bilingual, Lang } from '../core/lang.js';
import { harvest } from '../harvest/harvest.js';
import {
  API_KINDS,
  findPortal,
  portalIds,
  portalOrFail,
  type ApiKind,
  type PortalApi,
} from '../harvest/portals.js';
import { kindOfUrl } from '../harvest/protocols.js';
import type { SnapshotManifest } from '../sources/snapshot.js';
import { pluralForm, type PluralForms, word } from '../i18n/plural.js';
import { UsageError } from '../util/errors.js';
import { relativeToCwd } from '../util/files.js';

export interface HarvestCliOptions {
  out?: string;
  api?: ApiKind;
  profile?: string;
  pageSize?: string;
  rate?: string;
  timeout?: string;
  maxRetries?: string;
  maxSize?: string;
  maxPages?: string;
  allowPrivate?: boolean;
  lang?: Lang;
}

/** A numeric option within its documented range, or a usage error naming both. */
function numberIn(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(
      `${name} ${value}: must be a number from ${min} to ${max}`,
      `${name} ${value} : doit être un nombre de ${min} à ${max}`,
    );
  return n;
}

function listPortals(lang: Lang): number {
  for (const id of portalIds()) {
    const p = findPortal(id);
    if (!p) continue;
    const apis = p.apis.map((a) => a.kind).join(', ') || (lang === 'fr' ? 'aucune API' : 'no API');
    process.stdout.write(`${id.padEnd(12)} ${p.name[lang]} — ${apis}\n`);
  }
  return 0;
}

/** The API to harvest: the portal's (the first, or `--api`), or the URL given with its protocol. */
function apiOf(target: string, o: HarvestCliOptions) {
  const pageSize = numberIn('--page-size', o.pageSize, 1, 10_000);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    let kind: ApiKind;
    try {
      kind = o.api ?? kindOfUrl(target);
    } catch {
      throw new UsageError(`${target}: not a valid URL`, `${target} : URL non valide`);
    }
    const api: PortalApi = { kind, url: target, ...(pageSize ? { pageSize } : {}) };
    return { api, portal: undefined };
  }
  const portal = portalOrFail(target);
  const api = o.api ? portal.apis.find((a) => a.kind === o.api) : portal.apis[0];
  if (!api)
    throw new UsageError(
      portal.apis.length === 0
        ? `${target}: no harvestable API is known for this portal (${portal.notes?.en ?? relativeToCwd(portal.file)})`
        : `${target}: no ${o.api} API (this portal has: ${portal.apis.map((a) => a.kind).join(', ')})`,
      portal.apis.length === 0
        ? `${target} : aucune API moissonnable n’est connue pour ce portail (${portal.notes?.fr ?? relativeToCwd(portal.file)})`
        : `${target} : pas d’API ${o.api} (ce portail a : ${portal.apis.map((a) => a.kind).join(', ')})`,
    );
  return { api: pageSize ? { ...api, pageSize } : api, portal };
}

const FR = (n: number): string => n.toLocaleString('fr-CA');
const EN = (n: number): string => n.toLocaleString('en-CA');

/** The summary's counted words, each agreeing with its number. */
const COUNTS = {
  pages: { en: { one: 'page', other: 'pages' }, fr: { one: 'page', other: 'pages' } },
  notModified: {
    en: { one: 'not modified', other: 'not modified' },
    fr: { one: 'inchangée', other: 'inchangées' },
  },
  requests: {
    en: { one: 'request', other: 'requests' },
    fr: { one: 'requête', other: 'requêtes' },
  },
  retries: { en: { one: 'retry', other: 'retries' }, fr: { one: 'reprise', other: 'reprises' } },
  written: {
    en: { one: 'record written', other: 'records written' },
    fr: { one: 'fiche écrite', other: 'fiches écrites' },
  },
  duplicates: {
    en: { one: 'duplicate left out', other: 'duplicates left out' },
    fr: { one: 'doublon écarté', other: 'doublons écartés' },
  },
  recovered: {
    en: { one: 'recovered by a second walk', other: 'recovered by a second walk' },
    fr: { one: 'retrouvée au second passage', other: 'retrouvées au second passage' },
  },
} satisfies Record<string, PluralForms>;

/** What was done, and what was not: pages, records, retries, this run's failures (`failures`, in both languages). */
export function summary(
  m: SnapshotManifest,
  out: string,
  lang: Lang,
  failures: readonly Bilingual[] = m.failures.map((x) => ({ en: x, fr: x })),
): string {
  const f = lang === 'fr' ? FR : EN;
  const n = (k: keyof typeof COUNTS, x: number): string =>
    `${f(x)} ${pluralForm(x, COUNTS[k], lang)}`;
  const reported = m.reported === undefined ? undefined : f(m.reported);
  const shown = relativeToCwd(out);
  const lines =
    lang === 'fr'
      ? [
          `${m.complete ? 'Moisson terminée' : 'Moisson interrompue'} : ${m.api.url} (${m.api.kind})`,
          `  ${n('pages', m.pages.length)} (${n('notModified', m.notModified)}), ${n('requests', m.requests)}, ${n('retries', m.retries)}`,
          `  ${n('written', m.written)}${reported ? ` (le portail en annonce ${reported})` : ''}, ${n('duplicates', m.duplicates)}, ${n('recovered', m.recovered)}`,
          ...failures.map((x) => `  échec : ${x.fr}`),
          m.complete
            ? `  Instantané : ${shown} (passerelle validate ${shown})`
            : `  Relancez la même commande pour reprendre (${shown}/manifest.json)`,
        ]
      : [
          `${m.complete ? 'Harvest complete' : 'Harvest stopped'}: ${m.api.url} (${m.api.kind})`,
          `  ${n('pages', m.pages.length)} (${n('notModified', m.notModified)}), ${n('requests', m.requests)}, ${n('retries', m.retries)}`,
          `  ${n('written', m.written)}${reported ? ` (the portal reports ${reported})` : ''}, ${n('duplicates', m.duplicates)}, ${n('recovered', m.recovered)}`,
          ...failures.map((x) => `  failure: ${x.en}`),
          m.complete
            ? `  Snapshot: ${shown} (passerelle validate ${shown})`
            : `  Run the same command again to resume (${shown}/manifest.json)`,
        ];
  return `${lines.join('\n')}\n`;
}

/**
 * The cache folder of a portal's harvest for `validate --portal`: under PASSERELLE_CACHE_DIR, else
 * XDG_CACHE_HOME/passerelle, else ~/.cache/passerelle. Harvested (or renewed) there; a harvest that
 * stops is a usage error saying so, since validating part of a catalogue would mislead.
 */
export async function harvestToCache(
  id: string,
  o: { allowPrivate?: boolean; lang?: Lang },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const root =
    env.PASSERELLE_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'passerelle');
  const out = join(root, 'harvest', id);
  const code = await harvestCommand(id, { out, allowPrivate: o.allowPrivate, lang: o.lang });
  if (code !== 0)
    throw new UsageError(
      `--portal ${id}: the harvest stopped before the end (run the same command again to resume)`,
      `--portal ${id} : la moisson s’est arrêtée avant la fin (relancez la même commande pour la reprendre)`,
    );
  return out;
}

/** Exit 0: complete; 1: stopped (a failure, or --max-pages), resumable; 2: usage. */
export async function harvestCommand(
  target: string | undefined,
  o: HarvestCliOptions,
): Promise<number> {
  const lang = o.lang ?? 'en';
  if (!target) return listPortals(lang);
  if (o.api && !API_KINDS.includes(o.api))
    throw new UsageError(`--api ${o.api}: unknown`, `--api ${o.api} : inconnue`);
  const { api, portal } = apiOf(target, o);
  const name = portal?.id ?? new URL(api.url).hostname;
  const out = o.out ?? `harvest-${name}`;
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  const { manifest, failures } = await harvest({
    out,
    api,
    portal,
    profile: o.profile,
    allowPrivate: o.allowPrivate === true,
    requestsPerSecond: numberIn('--rate', o.rate, 0.01, 10),
    timeoutMs: (numberIn('--timeout', o.timeout, 1, 3600) ?? 60) * 1000,
    maxRetries: numberIn('--max-retries', o.maxRetries, 0, 20),
    maxBytes: (numberIn('--max-size', o.maxSize, 1, 4096) ?? 256) * 1024 * 1024,
    maxPages: numberIn('--max-pages', o.maxPages, 1, 1_000_000),
    onPage: tty
      ? (p, m) => process.stderr.write(`\r\x1b[2K  ${pagesLine(p.n, m.written, m.reported, lang)}`)
      : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[2K');
  process.stderr.write(summary(manifest, out, lang, failures));
  return manifest.complete ? 0 : 1;
}

/** The harvest's progress: "page 3 · 1,200 of 5,000 records", "page 3 · 1 200 enregistrements sur 5 000". */
export function pagesLine(
  page: number,
  written: number,
  reported: number | undefined,
  lang: Lang,
): string {
  const n = (x: number): string => x.toLocaleString(`${lang}-CA`);
  const of = reported !== undefined ? ` ${lang === 'fr' ? 'sur' : 'of'} ${n(reported)}` : '';
  return `page ${n(page)} · ${n(written)}${lang === 'en' ? of : ''} ${word('record', lang === 'fr' ? written : (reported ?? written), lang)}${lang === 'fr' ? of : ''}`;
}
