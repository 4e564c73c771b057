import { codeRule } from '../define.js';

export default codeRule({
  meta: {
    id: 'odc/temporal-coverage',
    principle: 'P2',
    commitment: 'P2.b',
    severity: 'warning',
    title: {
      en: 'The period the data covers is stated',
      fr: 'La période couverte par les données est indiquée',
    },
    docs: {
      en: `Whether data is comprehensive and current (Charter P2.b) depends on the period it covers, not only on
when it was published: a 2026 release of 1990s census tables is not current data. The record needs a
temporal coverage with a start date (an ongoing series may leave the end open), and the start cannot
be after the end. The EU Metadata Quality Assessment counts it for time-based search (20 points).`,
      fr: `Le caractère complet et actuel des données (Charte P2.b) dépend de la période qu'elles couvrent, pas
seulement de leur date de publication : une diffusion de 2026 de tableaux du recensement des années
1990 n'est pas une donnée actuelle. L'enregistrement doit indiquer une couverture temporelle avec une
date de début (une série en cours peut laisser la fin ouverte), et le début ne peut pas suivre la fin.
L'évaluation de la qualité des métadonnées de l'UE la compte pour la recherche par période (20 points).`,
    },
    messages: {
      missing: {
        en: 'The period the data covers is not stated',
        fr: "La période couverte par les données n'est pas indiquée",
      },
      order: {
        en: 'The coverage ends ({{end}}) before it starts ({{start}})',
        fr: 'La couverture se termine ({{end}}) avant de commencer ({{start}})',
      },
    },
    examples: {
      pass: [
        {
          note: { en: 'an ongoing series', fr: 'une série en cours' },
          dataset: { temporal: [{ startDate: '1914-01-01' }] },
        },
        { dataset: { temporal: [{ startDate: '2020-01-01', endDate: '2020-12-31' }] } },
      ],
      fail: [
        { note: { en: 'not stated', fr: 'non indiqué' }, dataset: {} },
        {
          note: { en: 'end before start', fr: 'fin avant le début' },
          dataset: { temporal: [{ startDate: '2021-01-01', endDate: '2020-12-31' }] },
        },
      ],
    },
  },
  check(ctx) {
    const periods = ctx.dataset.temporal ?? [];
    if (!periods.some((p) => p.startDate || p.endDate))
      return ctx.report({ messageId: 'missing', property: 'temporal' });
    periods.forEach((p, i) => {
      if (!p.startDate || !p.endDate) return;
      const n = Math.min(p.startDate.length, p.endDate.length);
      if (p.endDate.slice(0, n) < p.startDate.slice(0, n)) {
        ctx.report({
          messageId: 'order',
          property: `temporal[${i}].endDate`,
          data: { start: p.startDate, end: p.endDate },
          value: p.endDate,
        });
      }
    });
  },
});
