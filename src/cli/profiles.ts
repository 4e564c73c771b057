import type { Lang } from '../core/lang.js';
import { listProfiles, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import { relativeToCwd } from '../util/files.js';

/**
 * The profiles on the search path: id, name, platform and where each comes from (`package`, or
 * the user's folder that holds it), as a table or as JSON.
 */
export function profilesCommand(o: { format?: string; lang?: Lang } = {}): number {
  const found = listProfiles().map(({ id, file, origin }) => {
    const p = loadProfile(id, { knownRules: RULE_IDS });
    return {
      id,
      name: (o.format !== 'json' && o.lang === 'fr' ? p.name.fr : undefined) ?? p.name.en ?? id,
      platform: p.platform ?? '',
      origin:
        origin === 'package' ? 'package' : origin === process.cwd() ? '.' : relativeToCwd(origin),
      file: relativeToCwd(file),
    };
  });
  if (o.format === 'json') {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  // `package` is a value of the JSON; the table says it in the run's language
  const rows = found.map((p) => [
    p.id,
    p.name,
    p.platform,
    o.lang === 'fr' && p.origin === 'package' ? 'paquet' : p.origin,
  ]);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    process.stdout.write(
      `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}\n`.replace(
        /\s+\n$/,
        '\n',
      ),
    );
  return 0;
}
