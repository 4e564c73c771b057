/**
 * `--debug` with every command, as the program lists it: accepted by each (a run that succeeds
 * with it ends as it would without), and an error of the command's own then shows its stack trace
 * (commander's usage errors have none to show). Two runs per command: the slow project
 * (test/commands.test.ts tries it with `validate` in `npm test`).
 */
import { commandNames } from '../src/cli/main.js';
import { commandInputs, expectDebug } from './command-cases.js';

commandInputs();

// validate's is in test/commands.test.ts
test.each(commandNames().filter((c) => c !== 'validate'))(
  'passerelle %s --debug: accepted, and adds the stack trace to an error',
  expectDebug,
);
