/**
 * Build step (`npm run build`): the shipped profiles' ajv validators compiled ahead of time into
 * dist/validators/ (see `src/profiles/validators.ts`), so that a run need not load ajv nor compile.
 */
import { rmSync } from 'node:fs';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import { checkedSchema, VALIDATORS_DIR, writeValidator } from '../profiles/validators.js';

// files of schemas that no longer exist would only pile up
rmSync(VALIDATORS_DIR, { recursive: true, force: true });
for (const id of listProfileIds()) {
  const schema = checkedSchema(loadProfile(id, { knownRules: RULE_IDS }));
  writeValidator(schema, 'detailed');
  writeValidator(schema, 'quick');
}
