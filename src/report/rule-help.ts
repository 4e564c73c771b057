/**
 * What reports say about a rule: its title and docs from the rule's own metadata, in the report's
 * language, and a link to the rule's page (docs/rules/). SARIF rule descriptors, the Markdown and
 * HTML reports' rule links and stylish's terminal links all come from here.
 */
import type { RuleBook } from '../rules/book.js';
import type { Lang } from '../core/lang.js';
import type { Severity } from '../core/severity.js';
import type { RuleMeta } from '../rules/types.js';
import { rulePageUrl } from '../tool.js';

export interface RuleHelp {
  id: string;
  /** One line: what the rule asks for. */
  title: string;
  /** Why it matters and how to fix it (Markdown, as written in the rule). */
  docs: string;
  /** The rule's page (docs/rules/…, or a user rule's `url`), when it has one. */
  helpUri?: string;
  principle?: string;
  commitment?: string;
  severity?: Severity;
}

/**
 * The rule's page: Passerelle's rules (and its rulesets' rules) have one, in the report's language;
 * a user's rule has the `url` its ruleset gives, or none.
 */
function pageOf(id: string, meta: RuleMeta | undefined, lang: Lang): string | undefined {
  if (!meta) return undefined;
  if (!meta.url) return meta.origin ? undefined : rulePageUrl(id, lang);
  return meta.url === rulePageUrl(id, 'en') ? rulePageUrl(id, lang) : meta.url;
}

/** What the run's rules (`rules`: its book) say about rule `id`. */
export function ruleHelp(rules: RuleBook, id: string, lang: Lang): RuleHelp {
  const meta = rules.byId(id)?.meta;
  const helpUri = pageOf(id, meta, lang);
  if (!meta) return { id, title: id, docs: '' };
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
