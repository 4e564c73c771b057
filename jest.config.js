/**
 * Two projects: `fast` (`npm test`) and `slow` (`npm run test:slow`: the browser, fuzz and scale
 * suites, each a minute or more on a loaded machine). PASSERELLE_TESTS=fast|slow picks one (the npm
 * scripts set it; jest's --selectProjects would swallow the file names given after it); unset,
 * both run, so `npx jest test/<file>.test.ts` runs any file. `.ci/run` runs both scripts.
 * docs/ci.md has the durations.
 */
const SLOW = [
  'test/commands-debug.test.ts', // --debug with every command (validate's in commands.test.ts)
  'test/compare-browser.test.ts', // headless Chromium
  'test/html-browser.test.ts', // headless Chromium
  'test/fix-corpus.test.ts', // fix over the real corpus, twice, re-validated twice (the fixtures: fix.test.ts)
  'test/site-browser.test.ts', // headless Chromium
  'test/fuzz.test.ts', // mutated inputs through the CLI
  'test/fuzz-formats.test.ts', // mutated inputs of every format
  'test/hostile-limits.test.ts', // hostile YAML through three commands (in-process in hostile.test.ts)
  'test/profile-quick.test.ts', // tens of thousands of records through every profile's validators
  'test/quadratic.test.ts', // the same run at two sizes
  'test/scale.test.ts', // large generated catalogues
  'test/signals-records.test.ts', // signals within records that take seconds to check
  'test/worker-memory.test.ts', // worker threads on a large catalogue
];

const base = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    // tsconfig's isolatedModules: ts-jest transpiles each file on its own (no type check; `npm run
    // build` type-checks src and `npm run lint` the rest).
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: { ignoreCodes: [151002] } }],
  },
  // Sized for a loaded 2-core machine: a test that spawns the CLI many times can take a minute there.
  testTimeout: 120000,
};

export default {
  // Jest's default is one fewer than the cores (one worker on 2 cores); the CLI tests mostly wait on
  // child processes, so two workers keep both cores busy.
  maxWorkers: 2,
  testTimeout: base.testTimeout,
  // Says, once at the end, which tests were skipped and what they need (jest hides their output).
  reporters: ['default', '<rootDir>/test/support/skips.mjs'],
  projects: [
    {
      ...base,
      displayName: 'fast',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...SLOW.map((f) => `<rootDir>/${f}$`)],
    },
    { ...base, displayName: 'slow', testMatch: SLOW.map((f) => `<rootDir>/${f}`) },
  ].filter((p) => !process.env.PASSERELLE_TESTS || p.displayName === process.env.PASSERELLE_TESTS),
};
