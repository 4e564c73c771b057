import { codeRule } from '../define.js';
import { licenceConcept, licenceOpenness } from '../../vocab/facts.js';

const OGL = 'https://open.canada.ca/en/open-government-licence-canada';

/** Open Definition conformance, with the licence policy for the Canadian OGL family (vocab/facts.ts). */
export default codeRule({
  meta: {
    id: 'odc/open-licence',
    principle: 'P3',
    releasedOnly: true,
    commitment: 'P3.c',
    severity: 'error',
    title: { en: 'The licence is open', fr: 'La licence est ouverte' },
    docs: {
      en: `Data is open when anyone may use, reuse and redistribute it (Charter P3.c). A licence is open when the
Open Definition review approved it (CC BY 4.0, CC0, ODbL, OGL-Canada 2.0…). By the default policy
(\`acceptCanadianOpenLicences: true\`) the provincial Open Government Licences, built on the same
template, count as open too. Licences the review rejected (non-commercial, "other (not open)", "not
specified") are errors; licences nobody reviewed are warnings until a policy decides.`,
      fr: `Des données sont ouvertes quand chacun peut les utiliser, les réutiliser et les redistribuer (Charte
P3.c). Une licence est ouverte quand l'examen de l'Open Definition l'a approuvée (CC BY 4.0, CC0, ODbL,
OGL-Canada 2.0…). Selon la politique par défaut (\`acceptCanadianOpenLicences: true\`), les licences du
gouvernement ouvert des provinces, bâties sur le même modèle, comptent aussi comme ouvertes. Les
licences rejetées (non commerciale, « autre (non ouverte) », « non précisée ») sont des erreurs; les
licences jamais examinées sont des avertissements en attendant une politique.`,
    },
    options: { acceptCanadianOpenLicences: true },
    optionDocs: {
      acceptCanadianOpenLicences: {
        en: 'Count the provincial Open Government Licences (same template as OGL-Canada 2.0) as open.',
        fr: 'Compter comme ouvertes les licences du gouvernement ouvert des provinces (même modèle que la LGO-Canada 2.0).',
      },
    },
    messages: {
      notOpen: { en: 'Licence {{licence}} is not an open licence', fr: "La licence {{licence}} n'est pas une licence ouverte" },
      unreviewed: {
        en: 'Licence {{licence}} has not been reviewed against the Open Definition',
        fr: "La licence {{licence}} n'a pas été examinée au regard de l'Open Definition",
      },
      unknown: { en: 'Licence {{licence}} is not a known licence', fr: "La licence {{licence}} n'est pas une licence connue" },
    },
    examples: {
      pass: [
        { dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: OGL }] } },
        { note: { en: 'provincial OGL, open by policy', fr: 'LGO provinciale, ouverte selon la politique' }, dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: 'https://open.alberta.ca/licence' }] } },
      ],
      fail: [
        { note: { en: 'non-commercial', fr: 'non commerciale' }, dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: 'https://creativecommons.org/licenses/by-nc/4.0/' }] } },
        { note: { en: 'terms of use', fr: "conditions d'utilisation" }, dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: 'https://example.ca/terms' }] } },
      ],
    },
  },
  check(ctx) {
    const acceptFamily = ctx.options.acceptCanadianOpenLicences !== false;
    const seen = new Set<string>();
    const distributions = ctx.dataset.distribution ?? [];
    if (!distributions.some((d) => d.license)) return ctx.notApplicable(); // odc/licence-present's finding
    distributions.forEach((d, i) => {
      if (!d.license || seen.has(d.license)) return;
      seen.add(d.license);
      const property = `distribution[${i}].license`;
      const licence = licenceConcept(d.license, ctx.vocabularies)?.label ?? d.license; // a language map: named in the report's language
      const data = { licence };
      switch (licenceOpenness(d.license, ctx.vocabularies, acceptFamily)) {
        case 'open':
          return;
        case 'unknown':
          return ctx.report({ messageId: 'unknown', property, data, value: d.license, severity: 'warning' });
        case 'not-open':
          return ctx.report({ messageId: 'notOpen', property, data, value: d.license });
        case 'unreviewed':
          return ctx.report({ messageId: 'unreviewed', property, data, value: d.license, severity: 'warning' });
      }
    });
  },
});
