/**
 * The profile check runs a quick validator (valid or not) and the detailed one only on failure:
 * the two must agree on every record, for every profile's schema. Records are built from each
 * profile's fields, then each field in turn is given odd values (blank, null, wrong types,
 * unknown codes, empty maps and lists…). The validators the build writes ahead of time
 * (dist/validators) must give the same answers and errors as those compiled at run time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkAgainstProfile, profileValidators } from '../src/profiles/check.js';
import { checkedSchema, validatorFor, writeValidator } from '../src/profiles/validators.js';
import { listProfileIds, loadProfile } from '../src/profiles/load.js';
import type { FieldDef, Profile } from '../src/profiles/types.js';

function sample(f: FieldDef, profile: Profile): unknown {
  const code = (): string =>
    [...(profile.vocabularies[f.vocabulary as string]?.codes.keys() ?? ['x'])][0];
  switch (f.type) {
    case 'string':
      return 'text';
    case 'strings':
      return ['a', 'b'];
    case 'text':
      return { en: 'text', fr: 'texte' };
    case 'tags':
      return { en: ['a'], fr: ['b'] };
    case 'code':
      return code();
    case 'codes':
      return [code()];
    case 'date':
      return '2020-02-29';
    case 'datetime':
      return '2020-12-23T13:55:02.384919';
    case 'email':
      return 'mailto:a@b.ca';
    case 'url':
      return 'https://example.ca/x';
    case 'integer':
      return ' 12 ';
    case 'number':
      return -1.5;
    case 'boolean':
      return 'True';
    case 'json':
      return '{"a": 1}';
    case 'list':
      return [record(f.fields ?? {}, profile)];
    case 'object':
      return f.fields ? record(f.fields, profile) : { a: 1 };
    case 'any':
      return [1];
  }
}

function record(fields: Record<string, FieldDef>, profile: Profile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of Object.values(fields)) if (!f.aliasOf) out[f.name] = sample(f, profile);
  return out;
}

const ODD: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'nope',
  0,
  1.5,
  -3,
  true,
  'false',
  [],
  [''],
  [' '],
  ['x', null],
  [1],
  [[]],
  {},
  { en: '' },
  { en: ' ', fr: null },
  { en: 1 },
  { en: ['a'], fr: [] },
  { en: [''] },
  { en: [1] },
  [{}],
  '2020-02-30',
  '2020-13-01',
  '12',
  ' 3.0 ',
  'a@b',
  'ftp://x',
  '{',
  'True ',
];

/** The record with each field (and the fields of its lists and objects, two levels down) set to each odd value. */
function* variants(
  base: Record<string, unknown>,
  fields: Record<string, FieldDef>,
  depth = 0,
): Generator<unknown> {
  for (const f of Object.values(fields)) {
    for (const v of ODD) {
      const r = { ...base };
      if (v === undefined) delete r[f.name];
      else r[f.name] = v;
      yield r;
    }
    const value = base[f.name];
    if (depth >= 2) continue;
    if (f.type === 'list' && f.fields && Array.isArray(value)) {
      for (const item of variants(value[0] as Record<string, unknown>, f.fields, depth + 1))
        yield { ...base, [f.name]: [value[0], item] };
    }
    if (f.type === 'object' && f.fields && value && typeof value === 'object') {
      for (const inner of variants(value as Record<string, unknown>, f.fields, depth + 1))
        yield { ...base, [f.name]: inner };
    }
  }
}

describe('the quick profile validator agrees with the detailed one', () => {
  test.each(listProfileIds())('%s', (id) => {
    const profile = loadProfile(id);
    const { quick, detailed } = profileValidators(profile);
    const base = record(profile.fields, profile);
    let valid = 0;
    let invalid = 0;
    for (const r of [base, ...variants(base, profile.fields), null, [], 'x', {}]) {
      const ok = detailed(r);
      if (quick(r) !== ok) expect({ record: r, valid: quick(r) }).toEqual({ record: r, valid: ok });
      if (ok) valid++;
      else {
        invalid++;
        expect(checkAgainstProfile(profile, r).length).toBeGreaterThan(0);
      }
    }
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});

describe('validators written ahead of time give what those compiled at run time give', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-validators-'));
  const none = join(dir, 'none'); // no prebuilt file there: compiled at run time
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(listProfileIds())('%s', (id) => {
    const profile = loadProfile(id);
    const schema = checkedSchema(profile);
    writeValidator(schema, 'detailed', dir);
    writeValidator(schema, 'quick', dir);
    const prebuilt = {
      detailed: validatorFor(schema, 'detailed', dir),
      quick: validatorFor(schema, 'quick', dir),
    };
    const compiled = {
      detailed: validatorFor(schema, 'detailed', none),
      quick: validatorFor(schema, 'quick', none),
    };
    expect(prebuilt.detailed).not.toBe(compiled.detailed);
    const base = record(profile.fields, profile);
    let errors = 0;
    // Compared with node's deep equality, handed to jest only when they differ (for its diff):
    // jest's toEqual over every variant's errors (about 100 MB of them for ca-gc) took minutes.
    for (const r of [base, ...variants(base, profile.fields), null, [], 'x', {}]) {
      const got = { quick: prebuilt.quick(r), detailed: prebuilt.detailed(r) };
      const gotErrors = prebuilt.detailed.errors;
      const want = { quick: compiled.quick(r), detailed: compiled.detailed(r) };
      const wantErrors = compiled.detailed.errors;
      if (!isDeepStrictEqual(got, want) || !isDeepStrictEqual(gotErrors, wantErrors))
        expect({ record: r, ...got, errors: gotErrors }).toEqual({
          record: r,
          ...want,
          errors: wantErrors,
        });
      errors += wantErrors?.length ?? 0;
    }
    expect(errors).toBeGreaterThan(0);
  });
});
