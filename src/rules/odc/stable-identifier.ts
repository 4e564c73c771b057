import { safeRegExp } from '../../util/safe-regex.js';
import { codeRule } from '../define.js';

/** Identifier forms that are stable by construction: minted once, never derived from the title. */
const FORMS: [string, RegExp][] = [
  ['HTTP(S) URI', /^https?:\/\/[^\s/]+\/\S*$/i],
  ['URN', /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i],
  ['UUID', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['DOI', /^(doi:|https?:\/\/doi\.org\/)?10\.\d{4,9}\/\S+$/i],
  ['Socrata 4x4', /^[a-z0-9]{4}-[a-z0-9]{4}$/],
];

/** The `patterns` option's expressions, compiled once per configuration (keyed by the option's list itself: nothing else goes in). */
const compiled = new WeakMap<readonly string[], RegExp[]>();
function patternsOf(patterns: string[] | undefined): RegExp[] {
  if (!patterns || patterns.length === 0) return [];
  let res = compiled.get(patterns);
  if (!res) compiled.set(patterns, (res = patterns.map((p) => safeRegExp(`^(?:${p})$`, 'u'))));
  return res;
}

export default codeRule({
  meta: {
    id: 'odc/stable-identifier',
    principle: 'P4',
    commitment: 'P4.a',
    severity: 'error',
    title: {
      en: 'The dataset has a stable identifier',
      fr: 'Le jeu de données a un identifiant stable',
    },
    docs: {
      en: `Comparing and linking data across catalogues and over time needs identifiers that do not change
(Charter P4.a: common identifiers). A dataset needs an identifier, and it should be one minted once:
an HTTP(S) URI, a URN, a UUID (CKAN's package id), a DOI, or a Socrata dataset id (\`abcd-1234\`).
Names derived from the title (CKAN's \`name\` slug) change when the title is edited; they are
reported as warnings. The \`patterns\` option adds local forms (regular expressions) known to be stable.`,
      fr: `Comparer et relier les données d'un catalogue à l'autre et dans le temps exige des identifiants qui ne
changent pas (Charte P4.a : identifiants communs). Un jeu de données doit avoir un identifiant, attribué
une fois pour toutes : une URI HTTP(S), un URN, un UUID (l'id de paquet de CKAN), un DOI ou un
identifiant Socrata (\`abcd-1234\`). Les noms dérivés du titre (le \`name\` de CKAN) changent quand le
titre est modifié; ils sont signalés comme avertissements. L'option \`patterns\` ajoute des formes
locales (expressions régulières) reconnues comme stables.`,
    },
    options: { patterns: [] as string[] },
    optionDocs: {
      patterns: {
        en: 'More identifier forms to accept as stable: regular expressions matched against the whole identifier.',
        fr: "Autres formes d'identifiant acceptées comme stables : expressions régulières appliquées à tout l'identifiant.",
      },
    },
    optionSchema: { patterns: { type: 'array', items: { type: 'string', format: 'regex' } } },
    messages: {
      missing: {
        en: 'The dataset has no identifier',
        fr: "Le jeu de données n'a pas d'identifiant",
      },
      notStable: {
        en: 'Identifier "{{value}}" is not in a stable form (URI, UUID, DOI…) and may change',
        fr: "L'identifiant « {{value}} » n'a pas une forme stable (URI, UUID, DOI…) et pourrait changer",
      },
    },
    examples: {
      pass: [
        { dataset: { identifier: '1b8a3e8f-5c2d-4f7e-9a3b-6d1e0f2a4c51' } },
        { dataset: { identifier: 'https://data.ontario.ca/dataset/air-quality' } },
      ],
      fail: [
        { dataset: {} },
        {
          note: { en: 'a title slug', fr: 'un nom tiré du titre' },
          dataset: { identifier: 'consumer-price-index-monthly' },
        },
      ],
    },
  },
  check(ctx) {
    const property = ctx.dataset.identifier ? 'identifier' : 'id';
    const value = ctx.dataset.identifier ?? ctx.dataset.id;
    if (!value?.trim()) return ctx.report({ messageId: 'missing', property: 'identifier' });
    const id = value.trim();
    if (
      FORMS.some(([, re]) => re.test(id)) ||
      patternsOf(ctx.options.patterns as string[] | undefined).some((re) => re.test(id))
    )
      return;
    ctx.report({ messageId: 'notStable', property, data: { value }, value, severity: 'warning' });
  },
});
