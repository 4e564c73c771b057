import { codeRule } from '../define.js';
import { formatConcept, isKnownMediaType } from '../../vocab/facts.js';

const FT = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = 'http://www.iana.org/assignments/media-types/';

export default codeRule({
  meta: {
    id: 'odc/format-vocabulary',
    principle: 'P3',
    commitment: 'P3.b',
    severity: 'warning',
    title: {
      en: 'Each distribution states its format and media type',
      fr: 'Chaque distribution indique son format et son type de média',
    },
    docs: {
      en: `Programs decide how to read a file from its declared format (Charter P3.b: data processable by
computers). Each distribution needs a format from the EU file-type table and an IANA media type
(\`text/csv\`) that the vocabulary knows. Portals' own format codes are mapped by the crosswalk, and a
media type can be derived from the format. The EU Metadata Quality Assessment gives 20 points to the
format, 10 to the media type and 10 to both coming from vocabularies.`,
      fr: `Les programmes choisissent comment lire un fichier d'après son format déclaré (Charte P3.b : données
traitables par ordinateur). Chaque distribution doit indiquer un format de la table des types de
fichiers de l'UE et un type de média IANA (\`text/csv\`) connu du vocabulaire. Les codes de format
propres aux portails sont convertis par la correspondance, et le type de média peut être déduit du
format. L'évaluation de la qualité des métadonnées de l'UE accorde 20 points au format, 10 au type de
média et 10 à leur provenance de vocabulaires.`,
    },
    messages: {
      noFormat: {
        en: 'Distribution states no format',
        fr: "La distribution n'indique pas son format",
      },
      unknownFormat: {
        en: 'Format {{value}} is not in the EU file-type table',
        fr: "Le format {{value}} ne figure pas dans la table des types de fichiers de l'UE",
      },
      noMediaType: {
        en: 'Distribution states no media type',
        fr: "La distribution n'indique pas son type de média",
      },
      unknownMediaType: {
        en: 'Media type {{value}} is not a known IANA media type',
        fr: "Le type de média {{value}} n'est pas un type de média IANA connu",
      },
    },
    examples: {
      pass: [
        {
          dataset: {
            distribution: [
              {
                accessURL: ['https://example.ca/a.csv'],
                format: `${FT}CSV`,
                mediaType: `${IANA}text/csv`,
              },
            ],
          },
        },
      ],
      fail: [
        {
          note: { en: 'no media type', fr: 'pas de type de média' },
          dataset: {
            distribution: [{ accessURL: ['https://example.ca/a.csv'], format: `${FT}CSV` }],
          },
        },
        {
          note: { en: 'no format, made-up media type', fr: 'pas de format, type de média inventé' },
          dataset: {
            distribution: [
              { accessURL: ['https://example.ca/a'], mediaType: `${IANA}text/x-made-up` },
            ],
          },
        },
      ],
    },
  },
  check(ctx) {
    const distributions = ctx.dataset.distribution ?? [];
    if (distributions.length === 0) return ctx.notApplicable();
    distributions.forEach((d, i) => {
      const at = `distribution[${i}]`;
      if (!d.format) ctx.report({ messageId: 'noFormat', property: `${at}.format` });
      else if (!formatConcept(d.format, ctx.vocabularies))
        ctx.report({
          messageId: 'unknownFormat',
          property: `${at}.format`,
          data: { value: d.format },
          value: d.format,
        });
      if (!d.mediaType) ctx.report({ messageId: 'noMediaType', property: `${at}.mediaType` });
      else if (!isKnownMediaType(d.mediaType, ctx.vocabularies))
        ctx.report({
          messageId: 'unknownMediaType',
          property: `${at}.mediaType`,
          data: { value: d.mediaType.replace(IANA, '') },
          value: d.mediaType,
        });
    });
  },
});
