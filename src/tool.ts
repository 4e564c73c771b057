/** Passerelle's name and version, from package.json (read once; the command line needs it to start). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

export interface ToolInfo {
  name: string;
  version: string;
}

let toolInfo: ToolInfo | undefined;
export function tool(): ToolInfo {
  if (!toolInfo) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    toolInfo = { name: pkg.name, version: pkg.version };
  }
  return toolInfo;
}

/**
 * Where the repository's docs are published (package.json's `homepage` is the repository): every
 * report links a rule id to its page under `rules/`, written by `npm run docs:rules`.
 */
export const DOCS_URL = 'https://github.com/passerelle/passerelle/blob/main/docs/';

/** A rule's page under docs/: `rules/odc/keywords.md`, in French `rules/fr/odc/keywords.md`. */
export function rulePagePath(id: string, lang: 'en' | 'fr'): string {
  return `rules/${lang === 'fr' ? 'fr/' : ''}${id}.md`;
}

/** A rule's published page. */
export function rulePageUrl(id: string, lang: 'en' | 'fr'): string {
  return DOCS_URL + rulePagePath(id, lang);
}
