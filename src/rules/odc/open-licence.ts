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
template, count as open too. Licences that are not open are errors: those the review rejected
(non-commercial, no derivatives, "other (not open)", "not specified", "all rights reserved") and
those the licence table marks as granting no open reuse (terms of use, King's or Queen's Printer
terms, access only). Licences nobody reviewed and licences the table does not know are reported
as \`unreviewedLicences\` says: \`warning\` (the default), \`error\` (only reviewed open licences
pass), or \`accept\` (not reported).`,
      fr: `Des données sont ouvertes quand chacun peut les utiliser, les réutiliser et les redistribuer (Charte
P3.c). Une licence est ouverte quand l'examen de l'Open Definition l'a approuvée (CC BY 4.0, CC0, ODbL,
OGL-Canada 2.0…). Selon la politique par défaut (\`acceptCanadianOpenLicences: true\`), les licences du
gouvernement ouvert des provinces, bâties sur le même modèle, comptent aussi comme ouvertes. Les
licences non ouvertes sont des erreurs : celles que l'examen a rejetées (non commerciale, sans
modification, « autre (non ouverte) », « non précisée », « tous droits réservés ») et celles que la
table des licences marque comme n'accordant aucune réutilisation ouverte (conditions d'utilisation,
conditions de l'Imprimeur du Roi ou de la Reine, accès seulement). Les licences jamais examinées et
celles que la table ne connaît pas sont signalées selon \`unreviewedLicences\` : \`warning\`
(avertissement, par défaut), \`error\` (seules les licences ouvertes examinées passent) ou
\`accept\` (non signalées).`,
    },
    options: { acceptCanadianOpenLicences: true, unreviewedLicences: 'warning' },
    optionDocs: {
      acceptCanadianOpenLicences: {
        en: 'Count the provincial Open Government Licences (same template as OGL-Canada 2.0) as open.',
        fr: 'Compter comme ouvertes les licences du gouvernement ouvert des provinces (même modèle que la LGO-Canada 2.0).',
      },
      unreviewedLicences: {
        en: 'Licences not reviewed yet (unknown to the licence table, or known without a review): warning, error or accept.',
        fr: 'Licences pas encore examinées (inconnues de la table des licences, ou connues sans examen) : warning, error ou accept.',
      },
    },
    optionSchema: { unreviewedLicences: { type: 'string', enum: ['warning', 'error', 'accept'] } },
    messages: {
      notOpen: {
        en: 'Licence {{licence}} is not an open licence',
        fr: "La licence {{licence}} n'est pas une licence ouverte",
      },
      unreviewed: {
        en: 'Licence {{licence}} has not been reviewed against the Open Definition',
        fr: "La licence {{licence}} n'a pas été examinée au regard de l'Open Definition",
      },
      unknown: {
        en: 'Licence {{licence}} is not a known licence',
        fr: "La licence {{licence}} n'est pas une licence connue",
      },
    },
    examples: {
      pass: [
        { dataset: { distribution: [{ accessURL: ['https://example.ca/a.csv'], license: OGL }] } },
        {
          note: {
            en: 'provincial OGL, open by policy',
            fr: 'LGO provinciale, ouverte selon la politique',
          },
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                license: 'https://open.alberta.ca/licence',
              },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'non-commercial', fr: 'non commerciale' },
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                license: 'https://creativecommons.org/licenses/by-nc/4.0/',
              },
            ],
          },
        },
        {
          note: { en: "King's Printer terms", fr: "conditions de l'Imprimeur du Roi" },
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                license: 'https://www.ontario.ca/page/copyright-information',
              },
            ],
          },
        },
        {
          note: { en: 'a licence nobody reviewed', fr: 'une licence jamais examinée' },
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/a.csv'], license: 'https://example.ca/terms' },
            ],
          },
        },
      ],
    },
  },
  check(ctx) {
    const acceptFamily = ctx.options.acceptCanadianOpenLicences !== false;
    const policy = ctx.options.unreviewedLicences;
    // not reviewed, or not known: by the policy (a warning unless it says otherwise)
    const unreviewed = policy === 'accept' ? undefined : policy === 'error' ? 'error' : 'warning';
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
        case 'not-open':
          return ctx.report({ messageId: 'notOpen', property, data, value: d.license });
        case 'unknown':
          if (unreviewed)
            ctx.report({
              messageId: 'unknown',
              property,
              data,
              value: d.license,
              severity: unreviewed,
            });
          return;
        case 'unreviewed':
          if (unreviewed)
            ctx.report({
              messageId: 'unreviewed',
              property,
              data,
              value: d.license,
              severity: unreviewed,
            });
          return;
      }
    });
  },
});
