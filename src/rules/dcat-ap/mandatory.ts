import { codeRule } from '../define.js';
import { CLASSES, type ClassName } from '../../model/properties.js';
import { isEmpty } from '../../util/empty.js';

/** Class names in messages, in both languages. */
const CLASS_LABELS: Record<ClassName, { en: string; fr: string }> = {
  Dataset: { en: 'Dataset', fr: 'Jeu de données' },
  Distribution: { en: 'Distribution', fr: 'Distribution' },
  Agent: { en: 'Agent', fr: 'Agent' },
  ContactPoint: { en: 'Contact point', fr: 'Point de contact' },
  PeriodOfTime: { en: 'Period of time', fr: 'Période' },
  Location: { en: 'Location', fr: 'Lieu' },
};

/** DCAT-AP 3.0.1 mandatory properties, read from the common model's property table. */
export default codeRule({
  meta: {
    id: 'dcat-ap/mandatory',
    principle: 'P4',
    commitment: 'P4.b',
    severity: 'error',
    title: { en: 'DCAT-AP mandatory properties are present', fr: 'Les propriétés obligatoires de DCAT-AP sont présentes' },
    docs: {
      en: `DCAT-AP 3.0.1, the European application profile the common schema follows, makes a few properties
mandatory: a dataset's title and description, a distribution's access URL, an agent's name. Records
without them cannot be exchanged with DCAT-AP catalogues (Charter P4.b: consistent core metadata).`,
      fr: `DCAT-AP 3.0.1, le profil d'application européen que suit le schéma commun, rend quelques propriétés
obligatoires : le titre et la description d'un jeu de données, l'URL d'accès d'une distribution, le nom
d'un agent. Sans elles, les enregistrements ne peuvent pas être échangés avec des catalogues DCAT-AP
(Charte P4.b : métadonnées de base cohérentes).`,
    },
    messages: {
      missing: { en: '{{class}} has no {{label}} ({{iri}})', fr: '{{class}} : {{labelFr}} absent(e) ({{iri}})' },
    },
    examples: {
      pass: [
        {
          dataset: {
            title: { en: 'Air quality' },
            description: { en: 'Hourly readings.' },
            distribution: [{ accessURL: ['https://example.ca/aq.csv'] }],
            publisher: { name: { en: 'Environment and Climate Change Canada' } },
          },
        },
      ],
      fail: [
        { note: 'no description', dataset: { title: { en: 'Air quality' } } },
        { note: 'distribution without access URL', dataset: { title: { en: 'A' }, description: { en: 'B' }, distribution: [{ format: 'x' }] } },
      ],
    },
  },
  check(ctx) {
    const visit = (node: Record<string, unknown>, cls: ClassName, path: string): void => {
      for (const def of CLASSES[cls].properties) {
        const value = node[def.name];
        const property = path ? `${path}.${def.name}` : def.name;
        if (def.obligation === 'mandatory' && isEmpty(value)) {
          ctx.report({
            messageId: 'missing',
            property,
            data: { class: CLASS_LABELS[cls], label: def.label.en.toLowerCase(), labelFr: def.label.fr.toLowerCase(), iri: def.iri },
          });
        }
        if (def.kind === 'object' && def.class && value) {
          const items = Array.isArray(value) ? value : [value];
          items.forEach((item, i) => visit(item as Record<string, unknown>, def.class as ClassName, def.multiple ? `${property}[${i}]` : property));
        }
      }
    };
    visit(ctx.dataset as Record<string, unknown>, 'Dataset', '');
  },
});
