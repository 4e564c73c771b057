/**
 * Where a rule's page is published (docs/rules/<id>.md in the repository). One place for the
 * address, so that every report links the same page.
 */
const BASE = 'https://github.com/passerelle/passerelle/blob/main/docs/rules/';

/** The page of rule `id` (`odc/bilingual` → …/docs/rules/odc/bilingual.md). */
export function rulePageUrl(id: string): string {
  return `${BASE}${id.split('/').map(encodeURIComponent).join('/')}.md`;
}
