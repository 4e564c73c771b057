/**
 * Build step (`npm run build`): the shipped profiles' ajv validators and those of the files a user
 * writes compiled ahead of time into dist/validators/ (see `src/util/validators.ts`), so that a run
 * need not load ajv nor compile; and those files' JSON Schemas written to dist/schemas/<kind>.schema.json
 * for editors (`# yaml-language-server: $schema=…`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { SCHEMA_KINDS } from '../file-schemas/index.js';
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

const schemasDir = join(PACKAGE_ROOT, 'dist', 'schemas');
rmSync(schemasDir, { recursive: true, force: true });
mkdirSync(schemasDir, { recursive: true });
for (const { kind, schema } of SCHEMA_KINDS) {
  writeValidator(schema(), 'quick');
  writeValidator(schema(), 'detailed');
  writeFileSync(
    join(schemasDir, `${kind}.schema.json`),
    `${JSON.stringify(schema().schema, null, 2)}\n`,
  );
}
