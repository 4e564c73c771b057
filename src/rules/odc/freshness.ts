import { codeRule } from '../define.js';
import { parseDate } from '../../util/coerce.js';
import { formatConcept } from '../../vocab/facts.js';
import type { Dataset } from '../../model/types.js';
import type { VocabularyRegistry } from '../../vocab/vocabulary.js';

const FREQ = 'http://publications.europa.eu/resource/authority/frequency/';
const DAY = 86_400_000;

/** Web services in the EU file-type table: the `_SRVC` codes (WMS_SRVC, WFS_SRVC…) and Esri REST. */
const SERVICE = /_SRVC$|^REST$/;

/** Whether the data is only served live: every distribution is a web service. */
function servedLive(d: Dataset, vocabularies: VocabularyRegistry): boolean {
  const distributions = d.distribution ?? [];
  return (
    distributions.length > 0 &&
    distributions.every((x) => SERVICE.test(formatConcept(x.format, vocabularies)?.code ?? ''))
  );
}

export default codeRule({
  meta: {
    id: 'odc/freshness',
    principle: 'P2',
    commitment: 'P2.b',
    severity: 'warning',
    title: {
      en: 'Data is as fresh as its declared frequency',
      fr: 'Les données sont aussi fraîches que leur fréquence déclarée',
    },
    docs: {
      en: `A dataset declared monthly but last modified two years ago breaks its promise to users (Charter P2.b).
The rule compares the last modification date (or the release date, when no modification date is
given) with the declared frequency, as of \`--now\` (default today): older than the period × 1.5 plus
a grace period (7 days) is a warning, older than the period × 3 an error. Frequencies with no
schedule (as needed, irregular, not planned, unknown) are not judged. A release date alone does not
judge data updated continuously, or data only served by web services (WMS, WFS, Esri REST): it says
when the series or the service was published, not when its data last changed.`,
      fr: `Un jeu de données annoncé mensuel mais modifié pour la dernière fois il y a deux ans ne tient pas sa
promesse (Charte P2.b). La règle compare la date de dernière modification (ou de publication, faute de
date de modification) à la fréquence déclarée, à la date \`--now\` (aujourd'hui par défaut) : plus
ancienne que la période × 1,5 plus un délai de grâce (7 jours), c'est un avertissement; plus ancienne
que la période × 3, une erreur. Les fréquences sans calendrier (au besoin, irrégulière, non planifiée,
inconnue) ne sont pas évaluées. La seule date de publication ne sert pas à juger des données mises à
jour en continu, ni des données servies uniquement par des services Web (WMS, WFS, REST d'Esri) : elle
dit quand la série ou le service a été publié, non quand ses données ont changé.`,
    },
    options: { graceDays: 7, warnFactor: 1.5, errorFactor: 3 },
    optionDocs: {
      graceDays: {
        en: 'Days added to both limits before data counts as stale.',
        fr: 'Jours ajoutés aux deux limites avant que les données soient jugées périmées.',
      },
      warnFactor: {
        en: 'A warning once the age exceeds the period × this factor (plus the grace days).',
        fr: "Un avertissement dès que l'âge dépasse la période × ce facteur (plus les jours de grâce).",
      },
      errorFactor: {
        en: 'An error once the age exceeds the period × this factor (plus the grace days).',
        fr: "Une erreur dès que l'âge dépasse la période × ce facteur (plus les jours de grâce).",
      },
    },
    messages: {
      stale: {
        en: 'Last updated {{date}} ({{age}} days ago) but declared {{frequency}}: expected within {{limit}} days',
        fr: 'Dernière mise à jour le {{date}} (il y a {{age}} jours) mais fréquence déclarée « {{frequencyFr}} » : attendue dans les {{limit}} jours',
      },
    },
    examples: {
      pass: [
        {
          note: {
            en: 'annual, updated 3 months before 2026-11-01',
            fr: 'annuel, mis à jour 3 mois avant le 2026-11-01',
          },
          dataset: { accrualPeriodicity: `${FREQ}ANNUAL`, modified: '2026-08-01' },
        },
        {
          note: { en: 'irregular is not judged', fr: "l'irrégulier n'est pas évalué" },
          dataset: { accrualPeriodicity: `${FREQ}IRREG`, modified: '2001-01-01' },
        },
        {
          note: {
            en: 'continuously updated, only a release date',
            fr: 'mis à jour en continu, seulement une date de publication',
          },
          dataset: { accrualPeriodicity: `${FREQ}UPDATE_CONT`, issued: '2023-02-02' },
        },
      ],
      fail: [
        {
          note: {
            en: 'monthly, updated two years before 2026-11-01',
            fr: 'mensuel, mis à jour deux ans avant le 2026-11-01',
          },
          dataset: { accrualPeriodicity: `${FREQ}MONTHLY`, modified: '2024-11-01' },
        },
      ],
    },
  },
  check(ctx) {
    const d = ctx.dataset;
    const concept = ctx.vocabularies.require('frequency').get(d.accrualPeriodicity);
    const days = concept?.days;
    // no frequency, one with no schedule (as needed, irregular…), or no date: nothing to judge
    if (
      typeof days !== 'number' ||
      (concept?.schedule !== 'regular' && concept?.schedule !== 'continuous')
    )
      return ctx.notApplicable();
    // a release date does not date the data of a continuous series or of a live service
    if (!d.modified && (concept?.schedule === 'continuous' || servedLive(d, ctx.vocabularies)))
      return ctx.notApplicable();
    const property = d.modified ? 'modified' : 'issued';
    const when = parseDate(d.modified ?? d.issued);
    if (!when) return ctx.notApplicable();
    const t = Date.parse(
      when.dateTime ?? `${when.date.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`,
    );
    const age = Math.floor((ctx.now.getTime() - t) / DAY);
    const grace = Number(ctx.options.graceDays ?? 7);
    const warnAfter = Math.ceil(days * Number(ctx.options.warnFactor ?? 1.5) + grace);
    const errorAfter = Math.ceil(days * Number(ctx.options.errorFactor ?? 3) + grace);
    if (age <= warnAfter) return;
    ctx.report({
      messageId: 'stale',
      property,
      value: d.modified ?? d.issued,
      severity: age > errorAfter ? 'error' : 'warning',
      data: {
        date: when.date,
        age,
        frequency: concept?.label?.en ?? concept?.code,
        frequencyFr: concept?.label?.fr ?? concept?.code,
        limit: warnAfter,
      },
    });
  },
});
