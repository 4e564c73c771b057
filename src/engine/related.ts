/**
 * One gap, one finding: findings of other rules on the same gap (a presence table, the portal's
 * schema, an unmapped value) become the `related` of the finding that judges it (`mergeRelated`,
 * after scoring, before the report).
 */
import { SEVERITY_RANK } from '../core/severity.js';
import type { Finding, RelatedFinding } from '../core/finding.js';
import { byRank, cmp, sortByRank } from './findings.js';

/**
 * Rules whose finding says again what another finding on the same property says: DCAT-AP's
 * presence tables, the portal's own schema (a required field missing, a code outside its list), a
 * value no vocabulary maps. The other rules judge something of their own (two of them on one
 * property are two findings); `profile/type` too: a field of the wrong shape is a fault of its own,
 * whatever the crosswalk still reads from it.
 */
const RESTATING = new Set([
  'dcat-ap/mandatory',
  'dcat-ap/recommended',
  'profile/required',
  'profile/vocabulary',
  'odc/unmapped-value',
]);

/** A list index in a JSON Pointer (`/resources/0/format`), and all of them. */
const INDEX = /\/\d+(?=\/|$)/;
const INDICES = /\/\d+(?=\/|$)/g;

/**
 * A judgment's property as a pattern (`distribution[*].license`), or undefined for a finding that
 * judges no value: no property, an info, a restatement, a SHACL result or a type error.
 */
function judgedPattern(g: Finding): string | undefined {
  if (
    g.property === undefined ||
    g.severity === 'info' ||
    RESTATING.has(g.ruleId) ||
    g.ruleId.startsWith('shacl/') ||
    g.ruleId === 'profile/type'
  )
    return undefined;
  return g.property.split('@')[0].replace(/\[\d+\]/g, '[*]');
}

/**
 * The one property, among those a crosswalk fills from a field (`contactPoint[*].email`), that the
 * record's judgments report: the property itself, or an object above it whose judgment reads that
 * field (`odc/contact-point` on `contactPoint`); undefined when none does or several do.
 */
function judgedProperty(
  findings: readonly Finding[],
  patterns: readonly string[],
): string | undefined {
  if (patterns.length === 0) return undefined;
  // the property itself first; an object above it only when no judgment names the property
  for (const above of [false, true]) {
    let p: string | undefined;
    for (const g of findings) {
      const at = judgedPattern(g);
      if (at === undefined) continue;
      const reads = (q: string): boolean => {
        const rest = q.startsWith(`${at}[*].`)
          ? q.slice(at.length + 4)
          : q.startsWith(`${at}.`)
            ? q.slice(at.length + 1)
            : undefined;
        return rest !== undefined && (FIELDS_JUDGED[g.ruleId]?.includes(rest) ?? false);
      };
      if (!patterns.some((q) => q === at || (above && reads(q)))) continue;
      if (p === undefined) p = g.property;
      else if (p !== g.property) return undefined;
    }
    if (p !== undefined) return p;
  }
  return undefined;
}

/**
 * The judgments (indices) of one item property of a list, one per item (`distribution[0].license`,
 * `distribution[1].license`), among the properties a crosswalk fills from a field; with the
 * property's pattern (`distribution[*].license`).
 */
function itemJudgments(
  findings: readonly Finding[],
  patterns: readonly string[],
): { pattern: string; judgments: number[] } {
  let pattern = '';
  const judgments: number[] = [];
  findings.forEach((g, j) => {
    const at = judgedPattern(g);
    if (
      at === undefined ||
      !at.includes('[*]') ||
      !patterns.includes(at) ||
      (pattern && pattern !== at)
    )
      return;
    pattern = at;
    judgments.push(j);
  });
  return { pattern, judgments };
}

/**
 * The fields of its items that a judgment of a whole list or object reads (`distribution`: the
 * formats; `contactPoint`: the addresses), where a finding of another kind must know them.
 */
const FIELDS_JUDGED: Readonly<Record<string, readonly string[]>> = {
  'odc/machine-readable-format': ['format'],
  'odc/non-proprietary-format': ['format'],
  'odc/contact-point': ['email', 'url'],
};

/** Whether two findings judge the same field of a list property's items and no item has it. */
function sameFieldAbsent(
  a: Finding,
  b: Finding | undefined,
  property: string,
  absent?: (property: string) => boolean,
): boolean {
  const field = FIELDS_JUDGED[a.ruleId]?.[0];
  return (
    field !== undefined &&
    b !== undefined &&
    FIELDS_JUDGED[b.ruleId]?.[0] === field &&
    absent?.(`${property}[*].${field}`) === true
  );
}

/** On a tie of severity the jurisdiction's own rule stands, then the Charter's, then DCAT-AP's. */
function namespaceRank(ruleId: string): number {
  return ruleId.startsWith('profile/')
    ? 0
    : ruleId.startsWith('odc/')
      ? 1
      : ruleId.startsWith('dcat-ap/')
        ? 2
        : 3;
}

function standsBefore(a: Finding, b: Finding): boolean {
  return (
    (SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      namespaceRank(a.ruleId) - namespaceRank(b.ruleId) ||
      cmp(a.ruleId, b.ruleId) ||
      byRank(a, b)) < 0
  );
}

/**
 * One gap, one finding: findings of several rules on the same property of a record (a missing
 * spatial coverage that `odc/spatial-coverage` and `dcat-ap/recommended` both report) become the
 * most severe of them (on a tie: `profile/`, `odc/`, `dcat-ap/`), naming the others in `related`.
 * A restating finding (`RESTATING`) joins the property's most severe judgment, or, when no other
 * rule judges the property, the restating findings on the same source field. A portal-schema
 * finding has a source field but no property: it takes the property of the findings at that field
 * when they have one. Judgments of a property the record lacks altogether (`absent`) are one gap too. Run after scoring (scores count every rule's verdict) and before the report
 * (whose counts are of the findings shown). `findings` is in `finalize`'s order; so is the result.
 */
export function mergeRelated(
  findings: Finding[],
  absent?: (property: string) => boolean,
  propertiesReading?: (field: string) => readonly string[],
): Finding[] {
  if (findings.length < 2) return findings;
  // a record may have thousands of findings (8,000 resources): every look-up below goes through a
  // map built in one pass, never a scan of the findings per finding
  const about = propertiesAbout(findings, propertiesReading);
  const { group, groups } = groupsOf(findings, about, absent);
  joinItemJudgments(about, group, groups);
  if (!group.some((g, i) => g >= 0 && g !== i)) return findings;
  return standingFindings(findings, about.property, group, groups);
}

/**
 * What each finding is about, for `mergeRelated`: its property (a portal-schema finding takes the
 * property of the findings at its source field, or the one the crosswalk fills from it); whether
 * it restates; and the item judgments a finding of a field filling every item stands for.
 */
interface About {
  property: (string | undefined)[];
  restates: boolean[];
  perItem: Map<number, { pattern: string; judgments: number[] }> | undefined;
}

function propertiesAbout(
  findings: readonly Finding[],
  propertiesReading?: (field: string) => readonly string[],
): About {
  const n = findings.length;
  const property: (string | undefined)[] = new Array(n);
  const restates: boolean[] = new Array(n);
  let perItem: About['perItem'];
  let under: FieldProperties | undefined;
  // judgments per set of patterns (`propertiesReading` answers the same array for a field)
  const judged = new Map<
    readonly string[],
    { p: string | undefined; items: { pattern: string; judgments: number[] } }
  >();
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    restates[i] = RESTATING.has(f.ruleId);
    // SHACL findings (`--shacl`) stand apart: they come on top of the rules' findings, in RDF's terms
    if (f.ruleId.startsWith('shacl/')) continue;
    property[i] = f.property;
    if (f.property !== undefined || f.sourcePath === undefined || !restates[i]) continue;
    // the findings at that field or inside it (a missing `resourceMaintenance` and the frequency
    // looked for within it); where a crosswalk looked for a missing value has no list indices
    const field = f.sourcePath;
    under ??= fieldProperties(findings);
    let p = under.at(field);
    // else the property the crosswalk fills from that field, as the record's judgments name it
    // (a missing `descriptiveKeywords`: `keyword`; an empty `contact_email`: `contactPoint`)
    // (a missing field only: a code outside the portal's list is a fault of its own)
    if (p === undefined && propertiesReading && f.ruleId === 'profile/required') {
      const patterns = propertiesReading(field);
      let j = judged.get(patterns);
      if (!j)
        judged.set(
          patterns,
          (j = { p: judgedProperty(findings, patterns), items: itemJudgments(findings, patterns) }),
        );
      p = j.p;
      // one field filling an item property of every item (a dataset's `license_id`, each
      // distribution's licence): the judgments of each item are this one gap
      if (p === undefined) (perItem ??= new Map()).set(i, j.items);
    }
    property[i] = p;
  }
  return { property, restates, perItem };
}

/**
 * Each finding's group (`group[k]`: the index of the finding the group gathers around, or -1,
 * alone): judgments of one property around its most severe one, when they report one absence;
 * restatements around the first of each source field, then around the property's judgment.
 */
function groupsOf(
  findings: readonly Finding[],
  { property, restates }: About,
  absent?: (property: string) => boolean,
): { group: number[]; groups: Groups } {
  const n = findings.length;
  const group: number[] = new Array(n).fill(-1);
  const judgmentOf: number[] = new Array(n).fill(-1);
  // each property's most severe judgment (the first of equals), and the first restatement of each
  // property and source field
  const judgmentBy = new Map<string, number>();
  const firstRestating = new Map<string, Map<string | undefined, number>>();
  for (let j = 0; j < n; j++) {
    const p = property[j];
    if (p === undefined) continue;
    if (!restates[j]) {
      const judgment = judgmentBy.get(p);
      if (judgment === undefined || standsBefore(findings[j], findings[judgment]))
        judgmentBy.set(p, j);
    } else {
      let bySource = firstRestating.get(p);
      if (!bySource) firstRestating.set(p, (bySource = new Map()));
      if (!bySource.has(findings[j].sourcePath)) bySource.set(findings[j].sourcePath, j);
    }
  }
  for (let i = 0; i < n; i++) {
    const p = property[i];
    if (p === undefined) continue;
    const judgment = judgmentBy.get(p) ?? -1;
    judgmentOf[i] = judgment;
    // two judgments of a property the record does not have at all (no distribution: no access URL,
    // no licence, no machine-readable format) report one absence; else they judge different things
    // (a value of the wrong type is a fault of its own even there: two bad codes are two findings);
    // likewise two judgments of one field every item lacks (no distribution states a known format:
    // "none machine-readable" and "none in an open format" say one thing, that no format is known)
    if (!restates[i])
      group[i] =
        judgment === i ||
        (absent?.(p) && findings[i].ruleId !== 'profile/type') ||
        sameFieldAbsent(findings[i], findings[judgment], p, absent)
          ? judgment
          : -1;
    // restatements of one source field first gather around the first of them…
    else group[i] = firstRestating.get(p)?.get(findings[i].sourcePath) ?? i;
  }
  const groups = new Groups(group);
  // …then join the property's judgment, unless it names one of their rules already (a second
  // unmapped code is a second fault: it stands beside the judgment)
  for (let f = 0; f < n; f++) {
    const judgment = judgmentOf[f];
    if (!restates[f] || group[f] !== f || judgment < 0) continue;
    const rules = new Set(groups.members(judgment).map((j) => findings[j].ruleId));
    if (groups.members(f).some((i) => rules.has(findings[i].ruleId))) continue;
    groups.move(f, judgment);
  }
  return { group, groups };
}

/** A portal finding standing for the judgments of every item: their groups join it, and it takes their pattern as its property. */
function joinItemJudgments({ property, perItem }: About, group: number[], groups: Groups): void {
  for (const [i, items] of perItem ?? []) {
    if (items.judgments.length < 2 || (group[i] !== -1 && group[i] !== i)) continue;
    for (const j of items.judgments) {
      if (group[j] >= 0) groups.move(group[j], i);
      else groups.join(j, i);
    }
    if (group[i] !== i) groups.join(i, i);
    property[i] = items.pattern;
  }
}

/** Each group's finding that stands, naming the others in `related`; in `finalize`'s order still. */
function standingFindings(
  findings: readonly Finding[],
  property: readonly (string | undefined)[],
  group: readonly number[],
  groups: Groups,
): Finding[] {
  const n = findings.length;
  const top: number[] = new Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    const g = group[j];
    if (g >= 0 && (top[g] < 0 || standsBefore(findings[j], findings[top[g]]))) top[g] = j;
  }
  // each finding that stands keeps its place, the others leave theirs
  const out: Finding[] = [];
  let adopted = false;
  for (let i = 0; i < n; i++) {
    const g = group[i];
    if (g < 0) {
      out.push(findings[i]);
      continue;
    }
    if (top[g] !== i) continue; // named by the finding that stands
    const related: RelatedFinding[] = [];
    for (const j of groups.members(g).sort((a, b) => a - b))
      if (j !== i)
        related.push({
          ruleId: findings[j].ruleId,
          severity: findings[j].severity,
          message: findings[j].message,
          ...(findings[j].fix ? { fix: findings[j].fix } : {}),
        });
    if (related.length === 0) {
      out.push(findings[i]);
      continue;
    }
    const primary: Finding = { ...findings[i], related };
    // a portal-schema finding standing for the gap names the property the others are about
    if (primary.property === undefined && property[i] !== undefined) {
      primary.property = property[i];
      adopted = true;
    }
    out.push(primary);
  }
  return adopted ? sortByRank(out) : out;
}

/**
 * `mergeRelated`'s groups: `group[k]` (a group's index, or -1) and each group's members, kept
 * together so that moving a group costs its members, not a pass over every finding.
 */
class Groups {
  private readonly of = new Map<number, number[]>();
  constructor(private readonly group: number[]) {
    group.forEach((g, k) => {
      if (g >= 0) this.members(g).push(k);
    });
  }
  members(g: number): number[] {
    let m = this.of.get(g);
    if (!m) this.of.set(g, (m = []));
    return m;
  }
  /** Every member of group `from` into group `to`. */
  move(from: number, to: number): void {
    if (from === to) return;
    const m = this.members(from);
    for (const k of m) this.group[k] = to;
    this.members(to).push(...m);
    this.of.delete(from);
  }
  /** A finding in no group into group `to`. */
  join(k: number, to: number): void {
    this.group[k] = to;
    this.members(to).push(k);
  }
}

/**
 * The one property of the findings at a source field or inside it (`/resources/2` and
 * `/resources/2/format`), or, for a finding whose field has list indices, also those at the same
 * field without them and inside it (where a crosswalk looked for a missing value has no list
 * indices): undefined when none or several. Each finding's path is entered at every `/` of it once.
 */
interface FieldProperties {
  at(field: string): string | undefined;
}
const SEVERAL = Symbol('several');
function fieldProperties(findings: readonly Finding[]): FieldProperties {
  type One = string | typeof SEVERAL;
  const all = new Map<string, One>();
  const unindexed = new Map<string, One>();
  const enter = (map: Map<string, One>, key: string, p: string): void => {
    const had = map.get(key);
    if (had === undefined) map.set(key, p);
    else if (had !== p) map.set(key, SEVERAL);
  };
  for (const g of findings) {
    if (g.property === undefined || g.sourcePath === undefined || g.ruleId.startsWith('shacl/'))
      continue;
    const at = g.sourcePath;
    const plain = !INDEX.test(at);
    for (let k = at.indexOf('/'); ; k = at.indexOf('/', k + 1)) {
      const key = k < 0 ? at : at.slice(0, k);
      enter(all, key, g.property);
      if (plain) enter(unindexed, key, g.property);
      if (k < 0) break;
    }
  }
  return {
    at(field) {
      const a = all.get(field);
      const b = unindexed.get(field.replace(INDICES, ''));
      if (a === SEVERAL || b === SEVERAL || (a !== undefined && b !== undefined && a !== b))
        return undefined;
      return a ?? b;
    },
  };
}
