import { codeRule } from '../define.js';
import { parseDate } from '../../util/coerce.js';
import type { RuleContext } from '../types.js';

/** The first day a date (YYYY, YYYY-MM, YYYY-MM-DD) covers, for comparisons. */
const start = (date: string): string =>
  date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;

/**
 * The day a run's date falls on (YYYY-MM-DD), kept for the run's records: a memo of a function of
 * `now` alone, keyed by it, so another run's date is never answered with this one's day.
 */
let todayOf: { time: number; day: string } | undefined;
function today(now: Date): string {
  const time = now.getTime();
  if (todayOf?.time !== time) todayOf = { time, day: now.toISOString().slice(0, 10) };
  return todayOf.day;
}

/** `a` sorts before `b` on their common length (dates of different precision compared on what both say). */
function before(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k);
    const y = b.charCodeAt(k);
    if (x !== y) return x < y;
  }
  return false;
}

const NAMES = ['issued', 'modified'] as const;
const propertyAt = (index: number, name: string): string =>
  index < 0 ? name : `distribution[${index}].${name}`;

/** The dates of the dataset (`index` -1) or of one distribution; whether it has any. */
function checkNode(
  ctx: RuleContext,
  node: { issued?: string; modified?: string },
  index: number,
  now: string,
): boolean {
  let seen = false;
  let issued: string | undefined;
  let modified: string | undefined;
  for (const name of NAMES) {
    const value = node[name];
    if (value === undefined || value === null) continue;
    seen = true;
    const parsed = parseDate(value);
    if (!parsed) {
      const property = propertyAt(index, name);
      ctx.report({ messageId: 'invalid', property, data: { property, value }, value });
      continue;
    }
    if (name === 'issued') issued = parsed.date;
    else modified = parsed.date;
    if (start(parsed.date) > now) {
      const property = propertyAt(index, name);
      ctx.report({
        messageId: 'future',
        property,
        data: { property, date: parsed.date, now },
        value,
      });
    }
  }
  if (issued && modified && before(modified, issued)) {
    const property = propertyAt(index, 'modified');
    ctx.report({
      messageId: 'beforeIssued',
      property,
      data: { property, modified, issued },
      value: node.modified,
    });
  }
  return seen;
}

export default codeRule({
  meta: {
    id: 'odc/dates-valid',
    principle: 'P2',
    commitment: 'P2.b',
    severity: 'error',
    title: {
      en: 'Release and modification dates are valid',
      fr: 'Les dates de publication et de modification sont valides',
    },
    docs: {
      en: `Users judge how timely data is (Charter P2.b) by its release and modification dates, on the dataset and
on each distribution. They must be ISO 8601 dates (\`2024-03-31\`, or a year or month), the
modification date cannot be before the release date, and neither can be after the reference date
(\`--now\`, default today): a date in the future is a typing error or a placeholder. Dates are
compared at the precision both give (\`2024\` is not before \`2024-05-01\`).`,
      fr: `Les utilisateurs jugent de l'actualité des données (Charte P2.b) par leurs dates de publication et de
modification, sur le jeu de données et sur chaque distribution. Ce doivent être des dates ISO 8601
(\`2024-03-31\`, ou une année ou un mois), la date de modification ne peut pas précéder la date de
publication, et aucune ne peut être postérieure à la date de référence (\`--now\`, aujourd'hui par
défaut) : une date future est une faute de frappe ou une valeur provisoire. Les dates sont comparées à
la précision que les deux donnent (\`2024\` n'est pas antérieure à \`2024-05-01\`).`,
    },
    messages: {
      invalid: {
        en: '{{property}}: "{{value}}" is not an ISO 8601 date',
        fr: "{{property}} : « {{value}} » n'est pas une date ISO 8601",
      },
      future: {
        en: '{{property}} {{date}} is after the reference date {{now}}',
        fr: '{{property}} {{date}} est postérieure à la date de référence {{now}}',
      },
      beforeIssued: {
        en: '{{property}} {{modified}} is before the release date {{issued}}',
        fr: '{{property}} {{modified}} est antérieure à la date de publication {{issued}}',
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            issued: '2019-05-21',
            modified: '2026-10-21',
            distribution: [{ accessURL: ['https://example.ca/a.csv'], issued: '2019' }],
          },
        },
      ],
      fail: [
        {
          note: { en: 'modified before issued', fr: 'modifié avant sa publication' },
          dataset: { issued: '2020-06-01', modified: '2020-05-31' },
        },
        {
          note: { en: 'in the future (as of 2026-11-01)', fr: 'dans le futur (au 2026-11-01)' },
          dataset: { modified: '2027-01-15' },
        },
        { note: { en: 'not a date', fr: 'pas une date' }, dataset: { issued: '31/03/2024' } },
      ],
    },
  },
  check(ctx) {
    const now = today(ctx.now);
    let seen = checkNode(ctx, ctx.dataset, -1, now);
    (ctx.dataset.distribution ?? []).forEach((d, i) => {
      if (checkNode(ctx, d, i, now)) seen = true;
    });
    if (!seen) ctx.notApplicable();
  },
});
