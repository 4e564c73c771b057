/**
 * The draft profile and crosswalk as YAML a steward reviews: the same forms as the shipped ones,
 * with a comment on each field (how often filled, values seen, the pattern found) and a TODO comment
 * wherever a guess needs checking.
 */
import { Document, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldType } from '../profiles/types.js';
import type { DraftCrosswalk } from './crosswalk.js';
import type { DraftEntry } from './entries.js';
import { allFields, type InferredField, pathOf } from './fields.js';

export const TODO = 'TODO';
const pct = (n: number): string => `${Math.round(n * 100)}%`;
const short = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}…` : s);

export interface DraftInfo {
  id: string;
  /** Inputs as given, and how many records were read from them. */
  inputs: string[];
  records: number;
  rejected: number;
}

/** Sets a comment above a key of a map (the key's own line). */
function commentKey(map: unknown, key: string, comment: string): void {
  if (!isMap(map)) return;
  const pair = (map as YAMLMap).items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  if (pair && isScalar(pair.key))
    pair.key.commentBefore = comment
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
}

/** Small maps (an entry's keys, a label) on one line. */
function flowLeaves(node: unknown, depth = 0): void {
  if (!isMap(node)) return;
  const map = node as YAMLMap;
  const simple = map.items.every(
    (p) =>
      isScalar(p.value) ||
      (isMap(p.value) && (p.value as YAMLMap).items.every((q) => isScalar(q.value))) ||
      (p.value as Node & { items?: unknown[] })?.items?.every?.((x) => isScalar(x)),
  );
  const commented = map.items.some((p) => isScalar(p.key) && p.key.commentBefore);
  if (depth > 0 && simple && !commented && map.items.length <= 4) {
    map.flow = true;
    return;
  }
  for (const p of map.items) {
    if (isMap(p.value)) flowLeaves(p.value, depth + 1);
    else if ((p.value as { items?: unknown[] })?.items)
      for (const x of (p.value as { items: unknown[] }).items) flowLeaves(x, depth + 1);
  }
}

/** The name of a field's code list in the profile: its own name, made unique. */
function codeListNames(fields: readonly InferredField[]): Map<InferredField, string> {
  const out = new Map<InferredField, string>();
  const taken = new Set<string>();
  for (const f of allFields(fields)) {
    if (!f.codes) continue;
    const base = (f.names[f.names.length - 1] ?? f.name).replace(/ /g, '_') || 'codes';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    out.set(f, name);
  }
  return out;
}

function fieldNote(f: InferredField, total: number): string {
  const notes = [`filled in ${f.records} of ${total} records (${pct(f.fill)})`];
  if (f.perRecord > 1.05 && f.type !== 'list')
    notes.push(`${f.perRecord.toFixed(1)} values per record`);
  if (f.vocabulary)
    notes.push(
      `${f.vocabulary.id} codes${f.vocabulary.split ? ` in text split on "${f.vocabulary.split}"` : ''}: ${f.sample.slice(0, 5).join(', ')}`,
    );
  else if (f.codes)
    notes.push(`codes seen: ${f.codes.slice(0, 8).join(', ')}${f.codes.length > 8 ? ', …' : ''}`);
  else if (f.sample.length && !['list', 'object', 'text', 'tags'].includes(f.type))
    notes.push(`e.g. ${f.sample.slice(0, 2).map(short).join(', ')}`);
  if (f.languages) notes.push(`languages ${f.languages.join(', ')}`);
  if (f.pair)
    notes.push(
      `${f.pair.language === 'en' ? 'English' : 'French'}, with ${f.pair.other.name} in ${f.pair.language === 'en' ? 'French' : 'English'}`,
    );
  if (f.epoch) notes.push('seconds since 1970');
  return notes.join('; ');
}

/** The draft profile (YAML). */
export function profileYaml(
  fields: readonly InferredField[],
  languages: string[],
  info: DraftInfo,
): string {
  const lists = codeListNames(fields);
  const vocabularies: Record<string, { codes: string[] }> = {};
  const build = (list: readonly InferredField[], top: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const f of list) {
      const def: Record<string, unknown> = { type: f.type as FieldType };
      if (top && f.fill === 1 && info.records >= 3) def.required = true;
      if (f.languages?.includes('en') && f.languages.includes('fr')) def.bilingual = true;
      const codes = lists.get(f);
      if (codes) {
        def.vocabulary = codes;
        vocabularies[codes] = { codes: f.codes as string[] };
      }
      if (f.headers) def.headers = f.headers;
      if (f.fields.length && (f.type === 'list' || f.type === 'object'))
        def.fields = build(f.fields, false);
      out[f.name] = def;
    }
    return out;
  };
  const data: Record<string, unknown> = {
    id: info.id,
    name: { en: `${info.id} (draft)`, fr: `${info.id} (ébauche)` },
    platform: 'unknown (inferred from a sample export)',
    languages,
    source: `inferred by passerelle infer from ${info.inputs.join(', ')} (${info.records} records)`,
    fields: build(fields, true),
  };
  if (Object.keys(vocabularies).length) data.vocabularies = vocabularies;
  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` Draft profile inferred by \`passerelle infer\` from ${info.records} records (${info.rejected} unreadable) of ${info.inputs.join(', ')}.`,
    ` Each field says how often the sample fills it and what its values look like. ${TODO}: name the portal`,
    ' (name, platform, portal), check the types, the required fields (filled in every sampled record) and',
    ' the code lists (only the codes seen), add labels, and a `detect` block for --profile auto.',
  ].join('\n');
  // comments on fields, depth first
  const annotate = (list: readonly InferredField[], path: (string | number)[]): void => {
    const map = doc.getIn(path, true);
    for (const f of list) {
      const note = fieldNote(f, info.records);
      const todo = f.codes
        ? `\n${TODO}: complete the code list ${lists.get(f)} (only the codes seen in the sample)`
        : f.type === 'any'
          ? `\n${TODO}: values of several kinds; give the field a type`
          : '';
      commentKey(map, f.name, note + todo);
      if (f.fields.length && (f.type === 'list' || f.type === 'object'))
        annotate(f.fields, [...path, f.name, 'fields']);
    }
  };
  annotate(fields, ['fields']);
  flowLeaves(doc.contents);
  return doc.toString({ lineWidth: 0 });
}

/** The draft crosswalk (YAML) and how many TODO marks it has. */
export function crosswalkYaml(
  draft: DraftCrosswalk,
  info: DraftInfo,
): { text: string; todos: number } {
  const dataset: Record<string, unknown> = {};
  const notes = new Map<string, DraftEntry>();
  for (const [k, d] of Object.entries(draft.dataset)) {
    dataset[k] = d.entry;
    notes.set(k, d);
  }
  const ways = draft.distribution?.ways ?? [];
  const built = ways.map((w) => {
    const object = Object.fromEntries(Object.entries(w.entries).map(([k, d]) => [k, d.entry]));
    return w.each ? { each: pathOf(w.each), object } : { object };
  });
  if (built.length) dataset.distribution = built.length === 1 ? built[0] : { first: built };
  const data: Record<string, unknown> = {
    crosswalk: info.id,
    profile: info.id,
    title: `${info.id} to the common record (draft)`,
    ...(draft.language ? { language: draft.language } : {}),
    dataset,
  };
  const doc = new Document(data, { aliasDuplicateObjects: false });
  let todos = 0;
  const comment = (d: DraftEntry): string => {
    if (d.todo) todos++;
    return d.todo ? `${d.why}\n${TODO}: ${d.todo}` : d.why;
  };
  doc.commentBefore = [
    ` Draft crosswalk inferred by \`passerelle infer\` from ${info.records} records of ${info.inputs.join(', ')}.`,
    ` Each property says which field it was matched to and why; ${TODO} marks a guess to check.`,
    ' Check it with: passerelle crosswalk check <this file>',
  ].join('\n');
  if (!draft.language) {
    todos++;
    doc.commentBefore += `\n ${TODO}: the records' text is not tagged with a language and its language could not be told: add \`language: en\` or \`fr\``;
  } else
    commentKey(
      doc.contents,
      'language',
      `language of the records' untagged text, guessed from their words`,
    );
  const map = doc.getIn(['dataset'], true);
  for (const [k, d] of notes) commentKey(map, k, comment(d));
  if (ways.length) {
    const lines = ways.map((w) => (ways.length > 1 ? `${ways.indexOf(w) + 1}. ${w.why}` : w.why));
    for (const w of ways) if (w.todo) lines.push(`${TODO}: ${w.todo}`);
    if (!ways.some((w) => w.entries.downloadURL)) {
      lines.push(
        `${TODO}: downloadURL: which access URLs are files, not web pages or services? e.g. {from: url, when: {not: {path: format, in: [HTML, WMS]}}}`,
      );
    }
    todos += lines.length - ways.length;
    commentKey(map, 'distribution', lines.join('\n'));
    ways.forEach((w, i) => {
      const obj = doc.getIn(
        ways.length > 1
          ? ['dataset', 'distribution', 'first', i, 'object']
          : ['dataset', 'distribution', 'object'],
        true,
      );
      for (const [k, d] of Object.entries(w.entries)) commentKey(obj, k, comment(d));
    });
  }
  flowLeaves(doc.getIn(['dataset'], true));
  let text = doc.toString({ lineWidth: 0 });
  if (draft.missing.length) {
    todos += draft.missing.length;
    text += `# Not found in the sample (${TODO}: map them if the portal has them):\n${draft.missing.map((m) => `#   ${m.property}: ${m.why}`).join('\n')}\n`;
  }
  return { text, todos };
}
