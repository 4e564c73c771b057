import { codeRule } from '../define.js';
import { pickText } from '../../core/lang.js';

export default codeRule({
  meta: {
    id: 'odc/spatial-coverage',
    principle: 'P4',
    commitment: 'P4.a',
    severity: 'warning',
    title: {
      en: 'The area the data covers is stated',
      fr: 'Le territoire couvert par les données est indiqué',
    },
    docs: {
      en: `People search data by place, and comparing jurisdictions needs places named the same way (Charter
P4.a). The dataset needs a geographical coverage, given as a place URI from a gazetteer (Statistics
Canada's Standard Geographical Classification, GeoNames, Wikidata) or as a geometry or bounding box.
A place name alone is free text that programs cannot match; it is reported as uncontrolled. The EU
Metadata Quality Assessment gives spatial coverage 20 points.`,
      fr: `On cherche des données par lieu, et comparer les administrations exige des lieux nommés de la même façon
(Charte P4.a). Le jeu de données doit indiquer sa couverture géographique, sous forme d'URI de lieu tirée
d'un répertoire géographique (Classification géographique type de Statistique Canada, GeoNames,
Wikidata) ou sous forme de géométrie ou d'emprise. Un nom de lieu seul est un texte libre que les
programmes ne peuvent pas apparier; il est signalé comme non contrôlé. L'évaluation de la qualité des
métadonnées de l'UE accorde 20 points à la couverture géographique.`,
    },
    messages: {
      missing: {
        en: 'The area the data covers is not stated',
        fr: "Le territoire couvert par les données n'est pas indiqué",
      },
      uncontrolled: {
        en: 'Place "{{label}}" is named but has no URI or geometry',
        fr: "Le lieu « {{label}} » est nommé mais n'a ni URI ni géométrie",
      },
    },
    examples: {
      pass: [
        {
          note: { en: 'a gazetteer URI', fr: "l'URI d'un répertoire géographique" },
          dataset: {
            spatial: [{ id: 'https://www.wikidata.org/wiki/Q1904', label: { en: 'Ontario' } }],
          },
        },
        {
          note: { en: 'a bounding box', fr: 'une emprise' },
          dataset: {
            spatial: [{ bbox: 'POLYGON((-141 41.7,-52.6 41.7,-52.6 83.1,-141 83.1,-141 41.7))' }],
          },
        },
      ],
      fail: [
        { dataset: {} },
        {
          note: { en: 'a name only', fr: 'un nom seulement' },
          dataset: { spatial: [{ label: { en: 'Northern Ontario' } }] },
        },
      ],
    },
  },
  check(ctx) {
    const places = ctx.dataset.spatial ?? [];
    if (!places.some((p) => p.id || p.geometry || p.bbox || pickText(p.label)))
      return ctx.report({ messageId: 'missing', property: 'spatial' });
    places.forEach((p, i) => {
      if (p.id || p.geometry || p.bbox) return;
      const label = pickText(p.label);
      if (label)
        ctx.report({
          messageId: 'uncontrolled',
          property: `spatial[${i}]`,
          data: { label },
          value: label,
        });
    });
  },
});
