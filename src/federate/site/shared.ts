/**
 * The site's shared files: data/catalogue.js (what every jurisdiction folder holds, the labels of
 * the codes their records use, the totals), data/links.js ("also published by", which changes
 * with any jurisdiction), the page and its assets. Written from the manifests of the folders under
 * data/ and the federation's links, so that after one jurisdiction's folder is rewritten, this
 * alone brings the rest of the site up to date.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LangText } from '../../core/lang.js';
import { jsonText } from '../../util/escape.js';
import { tool } from '../../tool.js';
import { SHIPPED_RULES } from '../../rules/book.js';
import { ruleHelp } from '../../report/rule-help.js';
import { defaultVocabularies } from '../../vocab/vocabulary.js';
import { loadHighValueList } from '../../compare/high-value.js';
import { readManifests, type JurisdictionManifest } from './write.js';
import type { SiteLinks } from './record.js';
import { indexHtml } from './page.js';
import { SITE_CSS } from './style.js';
import { siteScript } from './script.js';

export interface SharedOptions {
  /** The date "updated within" counts from (`--now`). */
  now: Date;
  /** "Also published by" of each dataset that has copies in other jurisdictions (`siteLinks`). */
  links?: Record<string, SiteLinks>;
}

export interface Catalogue {
  tool: { name: string; version: string };
  now: string;
  records: number;
  jurisdictions: Omit<JurisdictionManifest, 'codes'>[];
  labels: {
    themes: Record<string, LangText>;
    highValue: Record<string, LangText>;
    licences: Record<string, LangText>;
    rules: Record<string, { title: LangText; url: LangText }>;
  };
}

/** The search library's browser build (UMD: a classic script, `window.MiniSearch`). */
export const SEARCH_LIBRARY = 'minisearch.js';
function searchLibraryFile(): string {
  // the package's exports map hides dist/umd; it sits beside the CommonJS build
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('minisearch')), '..', 'umd', 'index.js');
}

const union = (ms: JurisdictionManifest[], pick: (c: JurisdictionManifest['codes']) => string[]) =>
  [...new Set(ms.flatMap((m) => pick(m.codes)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** catalogue.js's content, from the jurisdictions' manifests. */
export function catalogueOf(manifests: JurisdictionManifest[], o: SharedOptions): Catalogue {
  const vocab = defaultVocabularies();
  const label = (id: string, code: string): LangText =>
    vocab.get(id)?.lookup(code)?.label ?? { en: code, fr: code };
  const hv = new Map(loadHighValueList(undefined, vocab).categories.map((c) => [c.id, c.label]));
  const labels: Catalogue['labels'] = { themes: {}, highValue: {}, licences: {}, rules: {} };
  for (const t of union(manifests, (c) => c.themes)) labels.themes[t] = label('theme', t);
  for (const l of union(manifests, (c) => c.licences)) labels.licences[l] = label('licence', l);
  for (const h of union(manifests, (c) => c.highValue))
    labels.highValue[h] = hv.get(h) ?? { en: h, fr: h };
  for (const r of union(manifests, (c) => c.rules)) {
    const en = ruleHelp(SHIPPED_RULES, r, 'en');
    const fr = ruleHelp(SHIPPED_RULES, r, 'fr');
    labels.rules[r] = {
      title: { en: en.title, fr: fr.title },
      url: { ...(en.helpUri ? { en: en.helpUri } : {}), ...(fr.helpUri ? { fr: fr.helpUri } : {}) },
    };
  }
  const t = tool();
  return {
    tool: { name: t.name, version: t.version },
    now: o.now.toISOString().slice(0, 10),
    records: manifests.reduce((n, m) => n + m.records, 0),
    jurisdictions: manifests.map(({ codes: _, ...m }) => m),
    labels,
  };
}

/** Writes a file whole or not at all. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * The shared files (the incremental layer's second entry point): data/catalogue.js from every
 * folder's manifest, data/links.js, index.html and assets/. Returns what catalogue.js holds.
 */
export function writeShared(dir: string, o: SharedOptions): Catalogue {
  const catalogue = catalogueOf(readManifests(dir), o);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeAtomically(join(dir, 'assets', 'site.css'), SITE_CSS);
  writeAtomically(join(dir, 'assets', 'site.js'), siteScript());
  copyFileSync(searchLibraryFile(), join(dir, 'assets', SEARCH_LIBRARY));
  // before catalogue.js in the page: the links are there when the first chunk is
  writeAtomically(join(dir, 'data', 'links.js'), `passerelle.links(${jsonText(o.links ?? {})});\n`);
  writeAtomically(
    join(dir, 'data', 'catalogue.js'),
    `passerelle.catalogue(${jsonText(catalogue)});\n`,
  );
  writeAtomically(join(dir, 'index.html'), indexHtml());
  return catalogue;
}
