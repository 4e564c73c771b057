import { codeRule } from '../define.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';

export default codeRule({
  meta: {
    id: 'odc/machine-readable-format',
    principle: 'P3',
    releasedOnly: true,
    commitment: 'P3.b',
    severity: 'error',
    title: {
      en: 'At least one distribution is machine-readable',
      fr: 'Au moins une distribution est lisible par machine',
    },
    docs: {
      en: `Open data must be processable by computers (Charter P3.b). At least one distribution must be in a
machine-readable format according to the EU Metadata Quality Assessment list (CSV, JSON, GeoJSON,
XML, XLSX, RDF…). A PDF or a web page alone is for people, not for programs.`,
      fr: `Les données ouvertes doivent pouvoir être traitées par ordinateur (Charte P3.b). Au moins une
distribution doit être dans un format lisible par machine selon la liste de l'évaluation de la qualité
des métadonnées de l'UE (CSV, JSON, GeoJSON, XML, XLSX, RDF…). Un PDF ou une page Web seuls servent aux
personnes, pas aux programmes.`,
    },
    messages: {
      none: {
        en: 'No distribution is in a machine-readable format (found: {{formats}})',
        fr: "Aucune distribution n'est dans un format lisible par machine (trouvés : {{formats}})",
      },
      noFormat: {
        en: 'No distribution states its format',
        fr: "Aucune distribution n'indique son format",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/a.pdf'], format: `${FT}PDF` },
              { accessURL: ['https://example.ca/a.csv'], format: `${FT}CSV` },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'PDF only', fr: 'PDF seulement' },
          dataset: {
            distribution: [{ accessURL: ['https://example.ca/a.pdf'], format: `${FT}PDF` }],
          },
        },
        {
          note: { en: 'no format', fr: 'pas de format' },
          dataset: { distribution: [{ accessURL: ['https://example.ca/a'] }] },
        },
      ],
    },
  },
  check(ctx) {
    const vocab = ctx.vocabularies.require('file-type');
    let stated = false;
    for (const d of ctx.dataset.distribution ?? []) {
      if (!d.format) continue;
      if (vocab.get(d.format)?.machineReadable === true) return;
      stated = true;
    }
    if (!stated) return ctx.report({ messageId: 'noFormat', property: 'distribution' });
    const formats = (ctx.dataset.distribution ?? [])
      .map((d) => d.format)
      .filter((f): f is string => !!f);
    const names = [...new Set(formats.map((f) => vocab.get(f)?.code ?? f))].join(', ');
    ctx.report({ messageId: 'none', property: 'distribution', data: { formats: names } });
  },
});
