/**
 * What reports say about a rule: its title and docs from the rule's own metadata, in the report's
 * language, and a link to the published requirement it applies. SARIF rule descriptors and the HTML
 * report's rule notes both come from here.
 */
import type { RuleBook } from '../rules/book.js';
import type { Lang } from '../core/lang.js';
import type { Severity } from '../core/severity.js';

export interface RuleHelp {
  id: string;
  /** One line: what the rule asks for. */
  title: string;
  /** Why it matters and how to fix it (Markdown, as written in the rule). */
  docs: string;
  /** The published requirement the rule applies, when there is one. */
  helpUri?: string;
  principle?: string;
  commitment?: string;
  severity?: Severity;
}

/**
 * Published requirements by rule namespace. Rules of a portal's own schema (`profile/…`) have none
 * in common: each portal documents its schema in its own place, named in its profile's `source`.
 */
const REFERENCES: [prefix: string, uri: string][] = [
  ['odc/', 'https://opendatacharter.net/principles/'],
  ['dcat-ap/', 'https://semiceu.github.io/DCAT-AP/releases/3.0.1/'],
  ['shacl/', 'https://www.w3.org/TR/shacl/'],
  ['input/', 'https://www.rfc-editor.org/rfc/rfc8259'],
];

/** What the run's rules (`rules`: its book) say about rule `id`. */
export function ruleHelp(rules: RuleBook, id: string, lang: Lang): RuleHelp {
  const meta = rules.byId(id)?.meta;
  const helpUri = REFERENCES.find(([prefix]) => id.startsWith(prefix))?.[1];
  if (!meta) return { id, title: id, docs: '', ...(helpUri ? { helpUri } : {}) };
  return {
    id,
    title: meta.title[lang],
    docs: meta.docs[lang],
    ...(helpUri ? { helpUri } : {}),
    ...(meta.principle ? { principle: meta.principle } : {}),
    ...(meta.commitment ? { commitment: meta.commitment } : {}),
    severity: meta.severity,
  };
}

/** Docs as plain text: hard-wrapped lines joined, paragraphs kept, Markdown marks removed. */
export function plainText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/\s*\n\s*/g, ' ')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\*([^*]+)\*/g, '$1')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}
