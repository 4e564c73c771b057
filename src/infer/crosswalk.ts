/**
 * A draft crosswalk: for each property of the common record, the field (or fields, as fallbacks)
 * of the draft profile that most likely holds it, with why and what to check (every guess that is
 * not clear is marked TODO); the dataset's publisher, contact point and time span as objects; and
 * how distributions are built: one per item of the list of resources, or one from a record's own
 * URL. Fields are matched in matching.ts, their entries written in entries.ts and licence.ts.
 */
import type { VocabularyRegistry } from '../vocab/vocabulary.js';
import { allFields, type InferredField, pathOf } from './fields.js';
import { type DraftContext, type DraftEntry, entryFor, unknownValues } from './entries.js';
import { guessLanguage, isLocalisedText, type MainLanguage, mainLanguageOf } from './languages.js';
import { licenceEntry } from './licence.js';
import { candidates, fits, shares, within } from './matching.js';
import { DISTRIBUTION_NAMES, nameScore, TARGETS, type Target } from './synonyms.js';

export interface DraftCrosswalk {
  /** Language of untagged text. */
  language?: 'en' | 'fr';
  dataset: Record<string, DraftEntry>;
  /** How distributions are built (several ways: fallbacks), when a distribution is found. */
  distribution?: {
    ways: {
      each?: InferredField;
      entries: Record<string, DraftEntry>;
      why: string;
      todo?: string;
    }[];
  };
  /** Properties left out, with why (comments at the end). */
  missing: { property: string; why: string }[];
}

const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** Drafts a crosswalk for the fields of a draft profile; also what writing its entries needs to know. */
export class CrosswalkDrafter implements DraftContext {
  readonly fields: InferredField[];
  readonly mainLanguage?: MainLanguage;
  readonly language?: 'en' | 'fr';

  constructor(
    top: readonly InferredField[],
    readonly vocabularies: VocabularyRegistry,
    readonly profile: string,
  ) {
    this.fields = allFields(top);
    // the records' main text: not the translations of localised text
    const plain = this.fields
      .filter((f) => f.type === 'string' && !isLocalisedText(f) && shares(f).spaced >= 0.5)
      .flatMap((f) => f.sample);
    this.language = guessLanguage(plain);
    this.mainLanguage = mainLanguageOf(this.fields, vocabularies, profile);
  }

  /** Up to three fields for a target, as fallbacks (`first`), with what to check. */
  private draft(
    target: Target,
    among: readonly InferredField[],
    item?: InferredField,
  ): DraftEntry | { missing: string } {
    const scalar = !['keyword', 'theme', 'language'].includes(target.property);
    const found = candidates(target, among, scalar, item);
    if (!found.length) return { missing: 'no field has a name or values that fit' };
    const best = found[0];
    // fallbacks, for records that lack the first: sibling fields known by one of the names, and
    // fields that fill records the others leave empty (exports that mix shapes: a spreadsheet and CKAN)
    const chosen = [best];
    const covered = new Set(best.field.node.inRecords);
    for (const c of found.slice(1)) {
      if (chosen.length >= 3) break;
      if (best.field.pair && c.field === best.field.pair.other) continue;
      const sibling = c.name >= 10 && best.name >= 10 && c.field.parent === best.field.parent;
      const fills = c.field.node.inRecords.filter((r) => !covered.has(r)).length;
      if (!sibling && fills === 0) continue;
      chosen.push(c);
      for (const r of c.field.node.inRecords) covered.add(r);
    }
    const entries = chosen.map((c) => entryFor(this, target, c.field, item));
    const entry = entries.length === 1 ? entries[0] : { first: entries };
    const f = best.field;
    const kind =
      f.type === 'text' || f.type === 'tags'
        ? `language map ${(f.languages ?? []).join(', ')}`
        : f.pair
          ? 'English and French fields'
          : f.type;
    const why = `${chosen.map((c) => pathOf(c.field)).join(', then ')}: ${kind}, filled in ${pct(f.fill)} of the records${
      f.sample.length && f.type !== 'text'
        ? ` (${f.sample
            .slice(0, 3)
            .map((s) => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…` : s))
            .join(', ')})`
        : ''
    }`;
    const todos: string[] = [];
    if (best.name < 10)
      todos.push(
        best.name >= 5 ? 'the field’s name only partly matches' : 'matched on its values only',
      );
    if (f.fill < 0.5) todos.push(`filled in only ${pct(f.fill)} of the records`);
    const close = found.find(
      (c) =>
        c !== best &&
        !chosen.includes(c) &&
        c.field !== best.field.pair?.other &&
        best.score - c.score < 1,
    );
    if (close) todos.push(`${pathOf(close.field)} fits too`);
    if (target.vocabulary && f.vocabulary?.id !== target.vocabulary)
      todos.push(unknownValues(this, f, target.vocabulary));
    return { entry, why, ...(todos.length ? { todo: todos.join('; ') } : {}) };
  }

  /** The list the distributions are made of: a list of items with a URL, by name and by how many items records have. */
  private distributionList(): InferredField | undefined {
    let best: { f: InferredField; score: number } | undefined;
    for (const f of this.fields) {
      if (f.type !== 'list' || !f.fields.length) continue;
      if (f.names.some((n) => /\b(contact|responsible|party|citation|author|thesaurus)\b/.test(n)))
        continue;
      const urls = allFields(f.fields).filter(
        (x) => fits(x, 'url', false, f) && !x.names.some((n) => /contact/.test(n)),
      );
      if (!urls.length) continue;
      const score =
        nameScore(f.names, DISTRIBUTION_NAMES) +
        (f.perRecord > 1 ? 3 : 0) +
        2 * f.fill +
        0.01 * f.segs.length;
      if (!best || score > best.score) best = { f, score };
    }
    return best && best.score >= 5 ? best.f : undefined;
  }

  /** A distribution's properties, from the fields of a list's items (`item`) or of the record. */
  private distributionWay(
    item: InferredField | undefined,
    among: readonly InferredField[],
    missing: DraftCrosswalk['missing'],
  ): Record<string, DraftEntry> {
    const entries: Record<string, DraftEntry> = {};
    // a distribution made from the record's own fields: its title, description and dates are the dataset's
    const own = item
      ? TARGETS
      : TARGETS.filter((t) =>
          [
            'distribution[*].accessURL',
            'distribution[*].downloadURL',
            'distribution[*].format',
            'distribution[*].mediaType',
            'distribution[*].byteSize',
          ].includes(t.property),
        );
    for (const t of own.filter((x) => x.on === 'distribution')) {
      const d = this.draft(t, among, item);
      if ('missing' in d) missing.push({ property: t.property, why: d.missing });
      else entries[t.property.split('.')[1]] = d;
    }
    // without a media type field, the format's media type (file-type vocabulary)
    if (
      !entries.mediaType &&
      entries.format &&
      typeof entries.format.entry === 'object' &&
      entries.format.entry.from
    ) {
      const { from, split } = entries.format.entry;
      entries.mediaType = {
        entry: {
          from,
          ...(split ? { split } : {}),
          vocabulary: 'file-type',
          fact: 'mediaType',
          as: 'mediatype',
          unmapped: 'ignore',
        },
        why: 'the media type of the format (file-type vocabulary)',
      };
      const at = missing.findIndex((m) => m.property === 'distribution[*].mediaType');
      if (at >= 0) missing.splice(at, 1);
    }
    const licence = licenceEntry(this, item);
    if (licence) entries.license = licence;
    else
      missing.push({
        property: 'distribution[*].license',
        why: 'no licence field, and no licence named in every record',
      });
    return entries;
  }

  /** The draft crosswalk: the dataset's entries, then how its distributions are built. */
  draftCrosswalk(): DraftCrosswalk {
    const out: DraftCrosswalk = {
      ...(this.language ? { language: this.language } : {}),
      dataset: {},
      missing: [],
    };
    const item = this.distributionList();
    this.draftDataset(out, item);
    this.draftDistributions(out, item);
    return out;
  }

  /** The dataset's entries, with its publisher, contact point and time span as objects (`item`: the list of resources). */
  private draftDataset(out: DraftCrosswalk, item: InferredField | undefined): void {
    const datasetFields = this.fields.filter((f) => !item || !within(f, item));
    const take = (
      t: Target,
      among: readonly InferredField[],
      into: Record<string, DraftEntry>,
      name: string,
    ): void => {
      const d = this.draft(t, among, t.on === 'distribution' ? item : undefined);
      if ('missing' in d) out.missing.push({ property: t.property, why: d.missing });
      else into[name] = d;
    };
    const publisher: Record<string, DraftEntry> = {};
    const contact: Record<string, DraftEntry> = {};
    const temporal: Record<string, DraftEntry> = {};
    for (const t of TARGETS.filter((x) => x.on === 'dataset')) {
      if (t.property === 'publisher.name') take(t, datasetFields, publisher, 'name');
      else if (t.property.startsWith('contactPoint'))
        take(t, datasetFields, contact, t.property.split('.')[1]);
      else if (t.property.startsWith('temporal'))
        take(t, datasetFields, temporal, t.property.split('.')[1]);
      else take(t, datasetFields, out.dataset, t.property);
    }
    const nest = (name: string, parts: Record<string, DraftEntry>): void => {
      if (!Object.keys(parts).length) return;
      const object = Object.fromEntries(Object.entries(parts).map(([k, d]) => [k, d.entry]));
      const todo = Object.entries(parts)
        .filter(([, d]) => d.todo)
        .map(([k, d]) => `${k}: ${d.todo}`)
        .join('; ');
      out.dataset[name] = {
        entry: { object },
        why: Object.entries(parts)
          .map(([k, d]) => `${k} from ${d.why}`)
          .join('; '),
        ...(todo ? { todo } : {}),
      };
    };
    nest('publisher', publisher);
    nest('contactPoint', contact);
    nest('temporal', temporal);
  }

  /**
   * How distributions are built: one per item of a list of resources; records without the list (a
   * spreadsheet row in the same export) may give one URL of their own.
   */
  private draftDistributions(out: DraftCrosswalk, item: InferredField | undefined): void {
    const ways: NonNullable<DraftCrosswalk['distribution']>['ways'] = [];
    const missing: DraftCrosswalk['missing'] = [];
    if (item) {
      const w = this.distributionWay(item, allFields(item.fields), missing);
      if (w.accessURL)
        ways.push({
          each: item,
          entries: w,
          why: `one per item of ${pathOf(item)} (${item.perRecord.toFixed(1)} per record, the items have URLs)`,
        });
      else
        missing.push({
          property: 'distribution',
          why: `the items of ${pathOf(item)} have no URL field`,
        });
    }
    const top = this.fields.filter((f) => f.segs.length === 1 && f !== item);
    const urls = candidates(
      TARGETS.find((t) => t.property === 'distribution[*].accessURL') as Target,
      top,
      true,
    );
    const listed = new Set(item?.node.inRecords ?? []);
    if (
      urls.length &&
      urls[0].name >= 10 &&
      urls[0].field.node.inRecords.some((r) => !listed.has(r))
    ) {
      const extra: DraftCrosswalk['missing'] = [];
      const w = this.distributionWay(undefined, top, ways.length ? extra : missing);
      ways.push({
        entries: w,
        why: item
          ? `records without ${pathOf(item)}: one distribution from their own URL`
          : 'one distribution per record, from its own URL',
        todo: 'check that the URL is the data, not a web page',
      });
    }
    out.missing.push(...missing);
    if (ways.length) out.distribution = { ways };
    else if (!item)
      out.missing.push({ property: 'distribution', why: 'no list of resources and no URL field' });
  }
}
