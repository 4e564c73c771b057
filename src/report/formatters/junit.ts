/**
 * JUnit XML, as CI servers read it (Jenkins, GitLab): one <testsuite> per input file, one <testcase>
 * per record. A record fails when it has a finding at or above the run's threshold (`--fail-on`,
 * error by default) and the <failure> lists those findings; a record that could not be read is an
 * <error> (the test could not run); findings below the threshold go to <system-out>.
 * Valid against the Jenkins xUnit plugin's junit-10.xsd (see docs/ci.md).
 *
 * A testsuite's counts sit in its start tag, so each suite's testcases are kept until the file
 * ends: in memory up to a limit, then in a temporary file (SpillBuffer), never the whole catalogue
 * in memory. Records of one input file arrive together, in input order.
 */
import { render } from '../../i18n/render.js';
import { severityLabel, t } from '../../i18n/ui.js';
import { escapeXml as x } from '../../util/escape.js';
import type { RecordResult } from '../../core/record.js';
import { SpillBuffer } from '../spill.js';
import { atOrAbove, placeOf, recordName, relatedNote } from './common.js';
import type { Chunk, FormatterFactory, FormatterOptions } from './types.js';

interface Suite {
  file: string;
  profile: string | null;
  tests: number;
  failures: number;
  errors: number;
  body: SpillBuffer;
}

/** Without extensions, as JUnit class names usually are (`fixtures/ca-gc/catalogue`). */
function className(file: string): string {
  return file.replace(/\\/g, '/').replace(/(\.(jsonl|ndjson|json|xml|csv|tsv|gz))+$/i, '');
}

export function junitWith(spillLimit?: number): FormatterFactory {
  return (o: FormatterOptions) => {
    const threshold = o.failOn ?? 'error';
    let suite: Suite | undefined;
    const pending = new Set<SpillBuffer>();

    const line = (r: RecordResult, f: RecordResult['findings'][number]): string =>
      `${placeOf(r, f)}  ${severityLabel(f.severity, o.lang)}  ${f.message}  [${f.ruleId}${relatedNote(f)}]${(f.sourcePath ?? f.property) ? `  ${f.sourcePath ?? f.property}` : ''}`;

    const testcase = (s: Suite, r: RecordResult): string => {
      const name =
        r.id === null
          ? `${recordName(r, o.lang)} (${placeOf(r)})`
          : r.title
            ? `${r.id} — ${r.title}`
            : r.id;
      const failing = r.findings.filter(
        (f) => r.status === 'rejected' || atOrAbove(f.severity, threshold),
      );
      const others = r.findings.filter((f) => !failing.includes(f));
      s.tests++;
      let inner = '';
      if (failing.length > 0) {
        const tag = r.status === 'rejected' ? 'error' : 'failure';
        if (tag === 'error') s.errors++;
        else s.failures++;
        const first = failing[0];
        const more =
          failing.length > 1 ? ` (${render(t('andMore', o.lang), { n: failing.length - 1 })})` : '';
        inner += `      <${tag} type="${x(first.ruleId)}" message="${x(first.message + more)}">${x(failing.map((f) => line(r, f)).join('\n'))}</${tag}>\n`;
      }
      if (others.length > 0)
        inner += `      <system-out>${x(others.map((f) => line(r, f)).join('\n'))}</system-out>\n`;
      const open = `    <testcase name="${x(name)}" classname="${x(className(r.source.file))}"`;
      return inner ? `${open}>\n${inner}    </testcase>\n` : `${open}/>\n`;
    };

    /** The suite's text; its testcases are read back as the text is consumed. */
    const close = (s: Suite): Generator<string> => {
      pending.add(s.body);
      return closing(s);
    };
    function* closing(s: Suite): Generator<string> {
      yield `  <testsuite name="${x(s.file)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0" file="${x(s.file)}">\n`;
      if (s.profile)
        yield `    <properties>\n      <property name="profile" value="${x(s.profile)}"/>\n    </properties>\n`;
      yield* s.body.drain();
      pending.delete(s.body);
      yield '  </testsuite>\n';
    }

    return {
      start: () =>
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${x(o.tool.name)}">\n`,
      record: (r): Chunk => {
        let out: Chunk = '';
        if (suite && suite.file !== r.source.file) {
          out = close(suite);
          suite = undefined;
        }
        suite ??= {
          file: r.source.file,
          profile: r.profile,
          tests: 0,
          failures: 0,
          errors: 0,
          body: new SpillBuffer(spillLimit),
        };
        suite.body.append(testcase(suite, r));
        return out;
      },
      end: (): Chunk => {
        const last = suite ? close(suite) : undefined;
        suite = undefined;
        return (function* () {
          if (last) yield* last;
          yield '</testsuites>\n';
        })();
      },
      dispose: () => {
        suite?.body.dispose();
        for (const b of pending) b.dispose();
      },
    };
  };
}

export const junit: FormatterFactory = junitWith();
