/**
 * Which fields of the draft profile could hold a property of the common record: those whose values
 * have the property's shape (URLs, emails, dates, codes a vocabulary knows, text) and whose names
 * are among its English and French synonyms, best first.
 */
import { type InferredField, pathOf } from './fields.js';
import { isLocalisedText } from './languages.js';
import { nameScore, type Shape, type Target } from './synonyms.js';

/** A field that could hold a property, and how well it fits. */
export interface Candidate {
  field: InferredField;
  score: number;
  name: number;
}

/**
 * Whether a field's parent is an object with a name of its own (organization), rather than the
 * record, a list item, or a structural element (an ISO 19139 property or class element).
 */
function structural(f: InferredField): boolean {
  const p = f.parent;
  return p !== undefined && p.type === 'object' && !p.segs[p.segs.length - 1].includes(':');
}

/** Whether a field sits inside another, at any depth. */
export function within(f: InferredField, ancestor: InferredField | undefined): boolean {
  for (let p = f.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Shares of a field's texts. */
export function shares(f: InferredField): {
  spaced: number;
  urls: number;
  emails: number;
  dates: number;
  mean: number;
  slash: number;
} {
  const s = (f.node.item && f.node.arrays ? f.node.item : f.node).strings;
  const n = s.count || 1;
  const values = [...(f.node.item && f.node.arrays ? f.node.item : f.node).distinct.keys()];
  const slash = values.length
    ? values.filter((v) => /^[a-z]+\/[\w.+-]+/i.test(v)).length / values.length
    : 0;
  return {
    spaced: s.spaced / n,
    urls: s.urls / n,
    emails: s.emails / n,
    dates: s.dates / n,
    mean: s.totalLength / n,
    slash,
  };
}

const TEXTUAL = new Set(['string', 'text', 'strings', 'tags', 'code', 'codes']);

/**
 * Values of a field per unit: per record, or per item of the list distributions are made of (a
 * resource's URL is one per resource, several per record).
 */
function perUnit(f: InferredField, item: InferredField | undefined): number {
  const items = item?.node.item?.values;
  return item && items ? f.node.values / items : f.perRecord;
}

/** Whether a field's values have a target's shape (`scalar`: one value per unit). */
export function fits(
  f: InferredField,
  shape: Shape,
  scalar: boolean,
  item?: InferredField,
): boolean {
  if (f.type === 'list' || f.type === 'object') return false;
  const one = perUnit(f, item) <= 1.5;
  if (scalar && !one && shape !== 'keywords') return false;
  const s = shares(f);
  switch (shape) {
    case 'text': {
      // names and titles: text with spaces, or short words that differ from record to record (not slugs)
      const values = [...(f.node.item && f.node.arrays ? f.node.item : f.node).distinct.keys()];
      const slugs = values.filter((v) => /^[a-z0-9]+([-_.][a-z0-9]+)+$/.test(v)).length;
      const varied =
        f.records > 1 &&
        values.length >= 0.8 * f.records &&
        slugs < values.length / 2 &&
        f.type !== 'integer';
      return (
        TEXTUAL.has(f.type) &&
        (f.type === 'text' || s.spaced >= 0.5 || varied) &&
        s.urls < 0.5 &&
        s.emails < 0.5 &&
        s.dates === 0
      );
    }
    case 'longText':
      return TEXTUAL.has(f.type) && s.mean >= 20 && s.urls < 0.5;
    case 'keywords':
      return TEXTUAL.has(f.type) && s.urls < 0.2 && s.mean <= 80;
    case 'url':
      return f.type === 'url' || s.urls >= 0.8;
    case 'email':
      return f.type === 'email' || s.emails >= 0.8;
    case 'date':
      return (
        f.type === 'date' ||
        f.type === 'datetime' ||
        f.epoch === true ||
        (f.type === 'strings' && s.dates >= 0.9)
      );
    case 'identifier': {
      const values = f.node.item && f.node.arrays ? f.node.item : f.node;
      return (
        one &&
        (f.type === 'string' || f.type === 'integer' || f.type === 'strings') &&
        s.spaced < 0.2 &&
        values.distinct.size >= Math.min(f.records, 100) &&
        !values.overflow
      );
    }
    case 'integer':
      return f.type === 'integer';
    case 'mediaType':
      return s.slash >= 0.8;
    case 'any':
      return true;
  }
}

/** The fields among `among` that could hold a target, best first (`item`: the list distributions are made of). */
export function candidates(
  target: Target,
  among: readonly InferredField[],
  scalar: boolean,
  item?: InferredField,
): Candidate[] {
  const out: Candidate[] = [];
  for (const f of among) {
    if (isLocalisedText(f) || !fits(f, target.shape, scalar, item)) continue;
    // a field named like the target inside an object named otherwise (organization.title for a title) is less likely
    const own = nameScore(f.names.slice(0, 1), target.names);
    const full = f.names.length > 1 ? nameScore(f.names.slice(1), target.names) : 0;
    const name =
      full >= 10 || f.names.length === 1 || !structural(f)
        ? Math.max(own, full)
        : Math.max(own - 3, full);
    const hint = target.vocabulary && f.vocabulary?.id === target.vocabulary ? 8 : 0;
    if (name < 5 && !hint) continue;
    // language maps and paired fields give both languages; filled fields and short paths are likelier
    const bilingual = f.type === 'text' || f.type === 'tags' || f.pair ? 3 : 0;
    out.push({
      field: f,
      name,
      score: name + hint + bilingual + 2 * f.fill - 0.1 * f.segs.length,
    });
  }
  return out.sort((a, b) => b.score - a.score || (pathOf(a.field) < pathOf(b.field) ? -1 : 1));
}
