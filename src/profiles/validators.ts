/**
 * A profile's two ajv validators (util/validators.ts), compiled from the JSON Schema derived from it
 * (schema.ts): the detailed one, whose errors become findings (check.ts), and the quick one, which
 * only says valid or not. The build compiles those of the shipped profiles ahead of time.
 */
import { hashedSchema, type CheckedSchema } from '../util/validators.js';
import { profileSchema } from './schema.js';
import type { Profile } from './types.js';

export {
  type CheckedSchema,
  type Kind,
  VALIDATORS_DIR,
  validatorFor,
  writeValidator,
} from '../util/validators.js';

/**
 * The profile's JSON Schema as checked here: a code list (`enum` beside `x-vocabulary`) becomes
 * `x-codes`, the same values checked with a set. The exported schema keeps its `enum`s.
 */
function withCodeSets(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withCodeSets);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  const codeList = 'x-vocabulary' in schema && 'enum' in schema;
  for (const [k, v] of Object.entries(schema))
    out[codeList && k === 'enum' ? 'x-codes' : k] = withCodeSets(v);
  return out;
}

export function checkedSchema(profile: Profile): CheckedSchema {
  return hashedSchema(withCodeSets(profileSchema(profile)) as Record<string, unknown>);
}
