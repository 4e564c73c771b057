/**
 * The portal registry: where each portal's catalogue can be fetched, as data. One YAML file per
 * portal, `profiles/portals/<id>.yaml`, found on the profile search path (src/util/search-path.ts):
 * a user folder's `profiles/portals/` first, the package's last. A file is checked against
 * PORTAL_SCHEMA (ajv, as the configuration is) and a problem is said at its file:line:col.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import type { Bilingual } from '../core/lang.js';
import { PROFILES_DIR } from '../paths.js';
import { ConfigError, UsageError } from '../util/errors.js';
import { searchPath } from '../util/search-path.js';
import { loadYaml, type YamlSource } from '../util/yaml.js';

/** The protocols `passerelle harvest` speaks. */
export const API_KINDS = ['ckan', 'ckan-bulk', 'csw', 'socrata', 'data-json', 'dcat-ap'] as const;
export type ApiKind = (typeof API_KINDS)[number];

export interface PortalApi {
  kind: ApiKind;
  url: string;
  /** Records asked for per page (the portal's limit, or less). */
  pageSize?: number;
}

export interface Portal {
  id: string;
  name: Bilingual;
  /** The profile its records follow. */
  profile: string;
  home?: string;
  /** In order of preference: the first is used unless `--api` names another. */
  apis: PortalApi[];
  rate?: { requestsPerSecond: number };
  notes?: Bilingual;
  /** The file it was read from, for messages. */
  file: string;
}

const bilingual = {
  type: 'object',
  required: ['en', 'fr'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1 }, fr: { type: 'string', minLength: 1 } },
};

/** The JSON Schema of a portal file (to be registered with the other user-file schemas). */
export const PORTAL_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Passerelle portal',
  type: 'object',
  required: ['id', 'name', 'profile', 'apis'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    name: bilingual,
    profile: { type: 'string', pattern: '^[a-z0-9-]+$' },
    home: { type: 'string', pattern: '^https?://' },
    apis: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'url'],
        additionalProperties: false,
        properties: {
          kind: { enum: [...API_KINDS] },
          url: { type: 'string', pattern: '^https?://' },
          pageSize: { type: 'integer', minimum: 1, maximum: 10000 },
        },
      },
    },
    rate: {
      type: 'object',
      required: ['requestsPerSecond'],
      additionalProperties: false,
      properties: { requestsPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 10 } },
    },
    notes: bilingual,
  },
} as const;

let validator: ReturnType<AjvClass['compile']> | undefined;
function check(data: unknown): ErrorObject[] {
  if (!validator) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(PORTAL_SCHEMA);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

const segments = (pointer: string): (string | number)[] =>
  pointer
    ? pointer
        .slice(1)
        .split('/')
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')))
    : [];

function describe(e: ErrorObject, y: YamlSource): string {
  const path = segments(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    return `${y.where([...path, key], true)}: unknown key "${key}"`;
  }
  const what = path.length ? path.join('.') : 'the portal';
  return `${y.where(path)}: ${what} ${e.message ?? 'is not valid'}`;
}

/** Reads and checks one portal file. */
export function loadPortal(file: string): Portal {
  const y = loadYaml(file);
  const errors = check(y.data);
  if (errors.length) throw new ConfigError(errors.map((e) => describe(e, y)).join('\n'));
  return { ...(y.data as Omit<Portal, 'file'>), file: y.file };
}

const ID = /^[a-z0-9-]+$/;
const folders = (): string[] => [
  ...searchPath().folders.map((f) => join(f, 'profiles', 'portals')),
  join(PROFILES_DIR, 'portals'),
];

/** The portal of this id: the first folder of the search path that has it, else the package's. */
export function findPortal(id: string): Portal | undefined {
  if (!ID.test(id)) return undefined;
  for (const dir of folders()) {
    const file = join(dir, `${id}.yaml`);
    if (existsSync(file)) return loadPortal(file);
  }
  return undefined;
}

/** Every portal id on the search path, sorted. */
export function portalIds(): string[] {
  const ids = new Set<string>();
  for (const dir of folders()) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // a folder without portals
    }
    for (const n of names)
      if (n.endsWith('.yaml') && ID.test(n.slice(0, -5))) ids.add(n.slice(0, -5));
  }
  return [...ids].sort();
}

/** The portal named, or a usage error listing the known ones. */
export function portalOrFail(id: string): Portal {
  const p = findPortal(id);
  if (!p) throw new UsageError(`unknown portal "${id}" (known: ${portalIds().join(', ')})`);
  return p;
}
