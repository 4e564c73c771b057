/**
 * `shacl/<constraint-component>`: the findings of `validate --shacl`, one rule per SHACL Core
 * constraint component (and SPARQL constraints), so that they are listed, configured and explained
 * like the others. Their severity comes from the shape (`sh:severity`) unless configuration says
 * otherwise; the shape's own `sh:message`, when it has one, is added to the message.
 */
import { stageRule } from '../define.js';
import type { StageRule } from '../types.js';
import type { Bilingual } from '../../core/lang.js';

interface Component {
  /** Local name in the SHACL namespace: `MinCountConstraintComponent`. */
  name: string;
  /** Parameters of the component, read from the shape for the message (`minCount`). */
  params: string[];
  title: Bilingual;
  message: Bilingual;
}

const c = (
  name: string,
  params: string[],
  title: [string, string],
  message: [string, string],
): Component => ({
  name: `${name}ConstraintComponent`,
  params,
  title: { en: title[0], fr: title[1] },
  message: { en: message[0], fr: message[1] },
});

/** SHACL Core's components (W3C SHACL §4) and SPARQL-based constraints (§5). */
export const COMPONENTS: readonly Component[] = [
  c(
    'Class',
    ['class'],
    ['Values are instances of a class', "Les valeurs sont des instances d'une classe"],
    ['{{path}}: {{value}} is not a {{class}}', "{{path}} : {{value}} n'est pas un(e) {{class}}"],
  ),
  c(
    'Datatype',
    ['datatype'],
    ['Literals have the expected datatype', 'Les littéraux ont le type de données attendu'],
    [
      '{{path}}: {{value}} is not of type {{datatype}}',
      "{{path}} : {{value}} n'est pas du type {{datatype}}",
    ],
  ),
  c(
    'NodeKind',
    ['nodeKind'],
    [
      'Values are of the expected kind (IRI, literal…)',
      'Les valeurs sont du genre attendu (IRI, littéral…)',
    ],
    ['{{path}}: {{value}} must be {{nodeKind}}', '{{path}} : {{value}} doit être {{nodeKindFr}}'],
  ),
  c(
    'MinCount',
    ['minCount'],
    [
      'Properties have at least the required number of values',
      'Les propriétés ont au moins le nombre de valeurs requis',
    ],
    [
      '{{path}}: at least {{minCount}} value(s) expected, none given',
      '{{path}} : au moins {{minCount}} valeur(s) attendue(s), aucune fournie',
    ],
  ),
  c(
    'MaxCount',
    ['maxCount'],
    [
      'Properties have at most the allowed number of values',
      'Les propriétés ont au plus le nombre de valeurs permis',
    ],
    [
      '{{path}}: at most {{maxCount}} value(s) allowed',
      '{{path}} : au plus {{maxCount}} valeur(s) permise(s)',
    ],
  ),
  c(
    'MinExclusive',
    ['minExclusive'],
    ['Values are above a minimum', 'Les valeurs dépassent un minimum'],
    [
      '{{path}}: {{value}} must be greater than {{minExclusive}}',
      '{{path}} : {{value}} doit être supérieur à {{minExclusive}}',
    ],
  ),
  c(
    'MinInclusive',
    ['minInclusive'],
    ['Values are at least a minimum', 'Les valeurs atteignent un minimum'],
    [
      '{{path}}: {{value}} must be at least {{minInclusive}}',
      '{{path}} : {{value}} doit être au moins {{minInclusive}}',
    ],
  ),
  c(
    'MaxExclusive',
    ['maxExclusive'],
    ['Values are below a maximum', 'Les valeurs restent sous un maximum'],
    [
      '{{path}}: {{value}} must be less than {{maxExclusive}}',
      '{{path}} : {{value}} doit être inférieur à {{maxExclusive}}',
    ],
  ),
  c(
    'MaxInclusive',
    ['maxInclusive'],
    ['Values are at most a maximum', 'Les valeurs ne dépassent pas un maximum'],
    [
      '{{path}}: {{value}} must be at most {{maxInclusive}}',
      '{{path}} : {{value}} doit être au plus {{maxInclusive}}',
    ],
  ),
  c(
    'MinLength',
    ['minLength'],
    ['Texts are long enough', 'Les textes sont assez longs'],
    [
      '{{path}}: {{value}} is shorter than {{minLength}} characters',
      '{{path}} : {{value}} compte moins de {{minLength}} caractères',
    ],
  ),
  c(
    'MaxLength',
    ['maxLength'],
    ['Texts are short enough', 'Les textes sont assez courts'],
    [
      '{{path}}: {{value}} is longer than {{maxLength}} characters',
      '{{path}} : {{value}} compte plus de {{maxLength}} caractères',
    ],
  ),
  c(
    'Pattern',
    ['pattern'],
    ['Values match a pattern', 'Les valeurs suivent un motif'],
    [
      '{{path}}: {{value}} does not match {{pattern}}',
      '{{path}} : {{value}} ne suit pas le motif {{pattern}}',
    ],
  ),
  c(
    'LanguageIn',
    ['languageIn'],
    ['Texts are in the allowed languages', 'Les textes sont dans les langues permises'],
    [
      '{{path}}: {{value}} is not in one of the languages {{languageIn}}',
      "{{path}} : {{value}} n'est pas dans une des langues {{languageIn}}",
    ],
  ),
  c(
    'UniqueLang',
    ['uniqueLang'],
    ['One text per language', 'Un texte par langue'],
    [
      '{{path}}: several values in the same language',
      '{{path}} : plusieurs valeurs dans la même langue',
    ],
  ),
  c(
    'Equals',
    ['equals'],
    ['Two properties have the same values', 'Deux propriétés ont les mêmes valeurs'],
    ['{{path}}: values differ from {{equals}}', '{{path}} : les valeurs diffèrent de {{equals}}'],
  ),
  c(
    'Disjoint',
    ['disjoint'],
    ['Two properties share no value', 'Deux propriétés ne partagent aucune valeur'],
    [
      '{{path}}: {{value}} is also a value of {{disjoint}}',
      '{{path}} : {{value}} est aussi une valeur de {{disjoint}}',
    ],
  ),
  c(
    'LessThan',
    ['lessThan'],
    [
      'Values come before those of another property',
      "Les valeurs précèdent celles d'une autre propriété",
    ],
    [
      '{{path}}: {{value}} is not less than {{lessThan}}',
      "{{path}} : {{value}} n'est pas inférieur à {{lessThan}}",
    ],
  ),
  c(
    'LessThanOrEquals',
    ['lessThanOrEquals'],
    [
      'Values do not come after those of another property',
      "Les valeurs ne suivent pas celles d'une autre propriété",
    ],
    [
      '{{path}}: {{value}} is greater than {{lessThanOrEquals}}',
      '{{path}} : {{value}} est supérieur à {{lessThanOrEquals}}',
    ],
  ),
  c(
    'Not',
    ['not'],
    [
      'Values do not conform to an excluded shape',
      'Les valeurs ne sont pas conformes à une forme exclue',
    ],
    [
      '{{path}}: {{value}} conforms to the excluded shape {{not}}',
      '{{path}} : {{value}} est conforme à la forme exclue {{not}}',
    ],
  ),
  c(
    'And',
    [],
    [
      'Values conform to all the given shapes',
      'Les valeurs sont conformes à toutes les formes données',
    ],
    [
      '{{path}}: {{value}} does not conform to all the required shapes',
      "{{path}} : {{value}} n'est pas conforme à toutes les formes requises",
    ],
  ),
  c(
    'Or',
    [],
    [
      'Values conform to one of the given shapes',
      "Les valeurs sont conformes à l'une des formes données",
    ],
    [
      '{{path}}: {{value}} conforms to none of the allowed shapes',
      "{{path}} : {{value}} n'est conforme à aucune des formes permises",
    ],
  ),
  c(
    'Xone',
    [],
    [
      'Values conform to exactly one of the given shapes',
      'Les valeurs sont conformes à exactement une des formes données',
    ],
    [
      '{{path}}: {{value}} must conform to exactly one of the given shapes',
      '{{path}} : {{value}} doit être conforme à exactement une des formes données',
    ],
  ),
  c(
    'Node',
    ['node'],
    ['Values conform to a node shape', 'Les valeurs sont conformes à une forme de nœud'],
    ['{{path}}: {{value}} is not as expected', "{{path}} : {{value}} n'est pas comme attendu"],
  ),
  c(
    'Property',
    [],
    ['Values conform to a property shape', 'Les valeurs sont conformes à une forme de propriété'],
    [
      '{{path}}: {{value}} does not conform to a property shape',
      "{{path}} : {{value}} n'est pas conforme à une forme de propriété",
    ],
  ),
  c(
    'QualifiedMinCount',
    ['qualifiedMinCount'],
    [
      'Enough values conform to a qualified shape',
      'Assez de valeurs sont conformes à une forme qualifiée',
    ],
    [
      '{{path}}: fewer than {{qualifiedMinCount}} value(s) of the expected kind',
      '{{path}} : moins de {{qualifiedMinCount}} valeur(s) du genre attendu',
    ],
  ),
  c(
    'QualifiedMaxCount',
    ['qualifiedMaxCount'],
    [
      'Not too many values conform to a qualified shape',
      'Pas trop de valeurs sont conformes à une forme qualifiée',
    ],
    [
      '{{path}}: more than {{qualifiedMaxCount}} value(s) of that kind',
      '{{path}} : plus de {{qualifiedMaxCount}} valeur(s) de ce genre',
    ],
  ),
  c(
    'Closed',
    [],
    [
      'Nodes use only the allowed properties',
      'Les nœuds utilisent seulement les propriétés permises',
    ],
    [
      '{{path}}: property not allowed here ({{value}})',
      '{{path}} : propriété non permise ici ({{value}})',
    ],
  ),
  c(
    'HasValue',
    ['hasValue'],
    ['A given value is present', 'Une valeur donnée est présente'],
    [
      '{{path}}: {{hasValue}} expected among the values',
      '{{path}} : {{hasValue}} attendu parmi les valeurs',
    ],
  ),
  c(
    'In',
    ['in'],
    ['Values come from a given list', "Les valeurs viennent d'une liste donnée"],
    [
      '{{path}}: {{value}} is not one of the allowed values',
      "{{path}} : {{value}} n'est pas une des valeurs permises",
    ],
  ),
  c(
    'SPARQL',
    [],
    ['SPARQL-based constraints hold', 'Les contraintes SPARQL sont respectées'],
    [
      '{{path}}: {{value}} does not satisfy a SPARQL constraint',
      '{{path}} : {{value}} ne respecte pas une contrainte SPARQL',
    ],
  ),
];

const DOCS = {
  en: (
    name: string,
  ) => `A finding of \`validate --shacl\`: the common record, written as DCAT-AP 3 RDF, does not satisfy
a ${name} of a SHACL shape (Passerelle's DCAT-AP 3 shapes, or a file given with --shapes). The
finding names the shape's property and the common record's property, traced back to the field of
the source record. Its severity is the shape's sh:severity (sh:Violation: error, sh:Warning: warning,
sh:Info: info) unless configuration sets one. See docs/rdf.md for the shapes and how they differ from
the official DCAT-AP 3.0.1 files.`,
  fr: (
    name: string,
  ) => `Un constat de \`validate --shacl\` : l'enregistrement commun, écrit en RDF DCAT-AP 3, ne
respecte pas une contrainte ${name} d'une forme SHACL (les formes DCAT-AP 3 de Passerelle, ou un
fichier donné avec --shapes). Le constat nomme la propriété de la forme et celle de
l'enregistrement commun, rattachée au champ de l'enregistrement source. Sa gravité est le
sh:severity de la forme (sh:Violation : erreur, sh:Warning : avertissement, sh:Info : info), sauf si la
configuration en fixe une. Voir docs/rdf.md pour les formes et leurs écarts avec les fichiers
officiels de DCAT-AP 3.0.1.`,
};

export const SHACL_RULES: readonly StageRule[] = COMPONENTS.map((k) =>
  stageRule({
    stage: 'shacl',
    meta: {
      id: `shacl/${k.name}`,
      principle: 'P4',
      commitment: 'P4.b',
      severity: 'error',
      title: { en: `SHACL: ${k.title.en}`, fr: `SHACL : ${k.title.fr}` },
      docs: { en: DOCS.en(`sh:${k.name}`), fr: DOCS.fr(`sh:${k.name}`) },
      messages: {
        violation: { en: `${k.message.en}{{detail}}`, fr: `${k.message.fr}{{detailFr}}` },
      },
    },
  }),
);
