import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';

export function profilesCommand(): number {
  const rows = listProfileIds().map((id) => {
    const p = loadProfile(id, { knownRules: RULE_IDS });
    return [id, p.name.en ?? id, p.platform ?? ''];
  });
  const w = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    process.stdout.write(
      `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}\n`.replace(/\s+\n$/, '\n'),
    );
  return 0;
}
