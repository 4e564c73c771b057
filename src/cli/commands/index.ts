/** The commands, in the order `passerelle --help` lists them. One file per command. */
import type { Command } from 'commander';
import type { SetExit } from './types.js';
import * as validate from './validate.js';
import * as profiles from './profiles.js';
import * as crosswalk from './crosswalk.js';
import * as convert from './convert.js';
import * as federate from './federate.js';
import * as query from './query.js';
import * as rules from './rules.js';
import * as config from './config.js';
import * as schema from './schema.js';
import * as compare from './compare.js';
import * as infer from './infer.js';
import * as harvest from './harvest.js';
import * as fix from './fix.js';

export const COMMANDS: { register(program: Command, setExit: SetExit): void }[] = [
  validate,
  fix,
  profiles,
  crosswalk,
  convert,
  federate,
  query,
  rules,
  config,
  schema,
  compare,
  infer,
  harvest,
];
