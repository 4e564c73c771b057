/**
 * A jest reporter: after the run, the tests that were skipped, by file, and what this machine
 * lacks for them (test/support/optional.mjs). Silent when nothing was skipped.
 */
import { relative } from 'node:path';
import { have, NEEDS } from './optional.mjs';

export default class SkipsReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      const n = file.testResults.filter((t) => t.status === 'pending').length;
      if (n > 0) skipped.push([relative(this.root, file.testFilePath), n]);
    }
    if (skipped.length === 0) return;
    const lines = ['Skipped tests, and what this machine lacks for them:'];
    for (const [file, n] of skipped) {
      const lacks = Object.entries(NEEDS)
        .filter(([need, { files }]) => files.includes(file) && !have(need))
        .map(([, { what, get }]) => `${what} (${get})`);
      lines.push(`  ${file}: ${n} skipped${lacks.length ? `; needs ${lacks.join(', ')}` : ''}`);
    }
    lines.push('  .ci/run installs the tools; README.md ("Tests") says what each needs.');
    process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}
