/**
 * The profile search path of a command (docs/profiles.md, "Your own profiles"): the folders of the
 * configuration's `profileDirs`, then each `--profile-dir`, then PASSERELLE_PROFILE_DIRS, then the
 * current folder when it holds profiles/ or crosswalks/ (where `passerelle infer` writes its
 * drafts), then the package. Set once, before the command loads any profile.
 */
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { relativeToCwd } from '../util/files.js';
import {
  checkFolder,
  distinctFolders,
  setSearchPath,
  type SearchPath,
} from '../util/search-path.js';

export const PROFILE_DIRS_ENV = 'PASSERELLE_PROFILE_DIRS';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--profile-dir <folder>` (repeatable), `--allow-shadow` and `--config`, on every command that reads profiles. */
export function addProfilePathOptions(cmd: Command): Command {
  // the configuration names folders too: commands without rules to configure still read it
  if (!cmd.options.some((o) => o.long === '--config'))
    cmd
      .option(
        '-c, --config <file>',
        'configuration, for its profileDirs and allowShadow (default: the nearest passerelle.config.yaml)',
      )
      .option('--no-config', 'ignore passerelle.config.yaml files');
  return cmd
    .option(
      '--profile-dir <folder>',
      'also find profiles and crosswalks in this folder (it holds profiles/ and crosswalks/); repeatable',
      collect,
    )
    .option(
      '--allow-shadow',
      'let a profile, crosswalk or vocabulary of your folders replace a shipped one of the same id',
    );
}

export interface ProfilePathOptions {
  profileDir?: string[];
  allowShadow?: boolean;
  /** `--config <file>`, `false` for `--no-config`, else the nearest passerelle.config.yaml. */
  config?: string | false;
}

/** The search path of this command's options, configuration, environment and folder; set for the run. */
export async function useProfilePath(
  o: ProfilePathOptions,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<SearchPath> {
  const { resolveConfig } = await import('../config/load.js');
  const folders: string[] = [];
  for (const dir of o.profileDir ?? [])
    folders.push(checkFolder(resolve(cwd, dir), `--profile-dir ${dir}`));
  for (const dir of (env[PROFILE_DIRS_ENV] ?? '').split(delimiter).filter(Boolean))
    folders.push(checkFolder(resolve(cwd, dir), `${PROFILE_DIRS_ENV}: ${dir}`));
  // drafts of `passerelle infer` work where they were written, with no flag
  if (existsSync(join(cwd, 'profiles')) || existsSync(join(cwd, 'crosswalks')))
    folders.push(resolve(cwd));
  // the configuration may name profiles of these folders (and of its own) in its `profiles:`
  setSearchPath({ folders, allowShadow: true });
  const config = resolveConfig(o.config, cwd);
  const own = (config?.profileDirs ?? []).map(({ dir, where }) =>
    checkFolder(dir, `${where}: profileDirs: ${relativeToCwd(dir)}`),
  );
  folders.unshift(...own);
  const path = {
    folders: distinctFolders(folders),
    allowShadow: o.allowShadow === true || config?.allowShadow === true,
  };
  setSearchPath(path);
  return path;
}
