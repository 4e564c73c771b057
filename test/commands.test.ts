/**
 * Every command, as the program lists it (so that a new command cannot be missed): its exit codes
 * (0 done and clean, 1 findings or unreadable records, 2 usage or configuration errors), one line
 * on stderr and no stack trace unless `--debug`, and no network use at all, whatever the input
 * holds (a JSON-LD context on the web, XML entities and DTDs on the web), unless `--check-urls`.
 *
 * Each command runs with test/support/no-network.mjs preloaded: every TCP/TLS connection and DNS
 * look-up is refused and logged; the log must stay empty. The cases are in test/command-cases.ts;
 * `--debug` is tried here with `validate`, and with every command in test/commands-debug.test.ts
 * (the slow project: two more runs per command).
 */
import { commandNames } from '../src/cli/main.js';
import {
  CASES,
  commandInputs,
  expectDebug,
  forgetNetworkUse,
  fx,
  networkUse,
  NOW,
  run,
} from './command-cases.js';

commandInputs();

test('every command of the program has exit-code cases here', () => {
  expect(Object.keys(CASES).sort()).toEqual(commandNames().sort());
});

describe.each(commandNames())('passerelle %s', (name) => {
  beforeEach(forgetNetworkUse);

  test.each((CASES[name] ?? []).map(([code, args]) => [code, args] as const))(
    'exit %d, no network, no stack trace',
    (code, args) => {
      const argv = args();
      const r = run(argv);
      expect([argv.join(' '), r.code, r.stderr]).toEqual([argv.join(' '), code, expect.anything()]);
      expect(networkUse()).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      // a usage error is one line (a group command alone shows its help instead)
      if (code === 2 && !/^Usage:/m.test(r.stderr))
        expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    },
  );
});

test('passerelle validate --debug: accepted, and adds the stack trace to an error (the other commands: commands-debug.test.ts)', () =>
  expectDebug('validate'));

test('--check-urls is the one way out: with it, the connections are tried (and here refused)', () => {
  forgetNetworkUse();
  const r = run([
    'validate',
    fx('ckan'),
    '-p',
    'ckan',
    '--check-urls',
    '--url-timeout',
    '5',
    '-f',
    'json',
    ...NOW,
  ]);
  expect(r.code).toBe(1);
  expect(networkUse()).toMatch(/^connect /m);
  expect(r.stdout).toMatch(/not reachable \(ECONNREFUSED\)|ne répond pas/);
});
