/**
 * Build step (`npm run build`): snapshots of the shipped YAML (profiles, crosswalks, vocabularies),
 * so that a run reads JSON instead of parsing YAML (see `src/util/yaml.ts`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CROSSWALKS_DIR, PROFILES_DIR, VOCABULARIES_DIR } from '../paths.js';
import { writeSnapshot } from '../util/yaml.js';

for (const dir of [PROFILES_DIR, CROSSWALKS_DIR, VOCABULARIES_DIR]) {
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    try {
      writeSnapshot(join(dir, name));
    } catch {
      // a file that does not parse gets no snapshot: loading it reports the problem as before
    }
  }
}
