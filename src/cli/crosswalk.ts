import { existsSync } from 'node:fs';
import type { Lang } from '../core/lang.js';
import { basename, dirname, join } from 'node:path';
import { crosswalkPath, lintCrosswalk } from '../crosswalk/crosswalk.js';
import { listProfileIds, loadProfile } from '../profiles/load.js';
import { RULE_IDS } from '../rules/index.js';
import { loadYaml } from '../util/yaml.js';

/**
 * Lints crosswalks; prints every problem as file:line:col: message (in French, `file:line:col :
 * message`, as the errors say it). Exit 1 when any is found.
 */
export function crosswalkCheckCommand(args: string[], lang: Lang = 'en'): number {
  const targets = args.length
    ? args
    : listProfileIds().filter((id) => existsSync(crosswalkPath(id)));
  let problems = 0;
  for (const arg of targets) {
    const file = existsSync(arg) ? arg : crosswalkPath(arg);
    const profileId = existsSync(arg)
      ? String(loadYaml<{ profile?: string }>(file).data?.profile ?? basename(arg, '.yaml'))
      : arg;
    // a crosswalk in a `crosswalks/` folder is checked against the profile in the `profiles/` folder beside it
    // (drafts from `passerelle infer`, a portal of one's own), else against the shipped one
    const beside = join(dirname(file), '..', 'profiles');
    const profile =
      existsSync(arg) && existsSync(join(beside, `${profileId}.yaml`))
        ? loadProfile(profileId, { dir: beside, knownRules: RULE_IDS })
        : loadProfile(profileId, { knownRules: RULE_IDS });
    const { issues } = lintCrosswalk(file, profile);
    for (const i of issues)
      process.stdout.write(lang === 'fr' ? `${i.where} : ${i.fr}\n` : `${i.where}: ${i.message}\n`);
    problems += issues.length;
    if (issues.length === 0)
      process.stdout.write(lang === 'fr' ? `${file} : ok\n` : `${file}: ok\n`);
  }
  return problems ? 1 : 0;
}
