/**
 * The example query `queries/high-value-coverage.rq`, written from the high-value list
 * (`crosswalks/vocabularies/hvd-category.yaml`): the terms `passerelle compare` matches core
 * datasets with, normalised as compare normalises them (lower case, no accents, letters and digits
 * only), as one pattern per category and language that titles and keywords, normalised the same
 * way, are matched with: four times quicker on Oxigraph than a VALUES table of terms compared one
 * by one, and a hundred times quicker than patterns that fold accents themselves.
 * `node dist/build/hvd-query.js` rewrites the file; `test/query.test.ts` fails when it differs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HIGH_VALUE_FILE, loadHighValueList } from '../compare/high-value.js';
import { defaultVocabularies } from '../vocab/vocabulary.js';
import { QUERIES_DIR } from '../query/examples.js';

export const HIGH_VALUE_QUERY = join(QUERIES_DIR, 'high-value-coverage.rq');

const HEAD = `# en: High-value coverage: datasets per jurisdiction in each EU high-value category, tagged dcatap:hvdCategory or matched by the category's terms (crosswalks/vocabularies/hvd-category.yaml) in a title or keyword
# fr: Couverture des données de forte valeur : jeux de données par administration dans chaque catégorie de forte valeur de l'UE, marqués dcatap:hvdCategory ou trouvés par les termes de la catégorie (crosswalks/vocabularies/hvd-category.yaml) dans un titre ou un mot-clé
#
# The federation does not tag high-value datasets itself: a dataset counts when its source tagged it
# (dcatap:hvdCategory, DCAT-AP HVD) or when one of its category's terms is, as whole words, in its
# title or one of its keywords in the term's language (untagged text: either language), accents and
# case ignored, as passerelle compare matches core datasets (without compare's theme check).
# Written by \`node dist/build/hvd-query.js\` from crosswalks/vocabularies/hvd-category.yaml (its
# terms, normalised as compare does, one pattern per category and language): edit the YAML, not
# the patterns.
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX dcatap: <http://data.europa.eu/r5r/>

SELECT ?catalogue (STR(?name) AS ?jurisdiction) ?category ?datasets
WHERE {
  {
    SELECT ?catalogue ?category (COUNT(DISTINCT ?dataset) AS ?datasets)
    WHERE {
      {
        ?dataset dcatap:hvdCategory ?category .
      } UNION {
        # each title and keyword once: accents and case folded, anything but letters and digits a space
        {
          SELECT ?dataset ?words ?textLang WHERE {
            { ?dataset dct:title ?text } UNION { ?dataset dcat:keyword ?text }
            BIND(CONCAT(" ", REPLACE(
              REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(LCASE(STR(?text)),
                "[àáâãäå]", "a"), "[çć]", "c"), "[èéêë]", "e"), "[ìíîï]", "i"), "[òóôõö]", "o"), "[ùúûü]", "u"),
              "[^a-z0-9]+", " "), " ") AS ?words)
            BIND(LCASE(SUBSTR(LANG(?text), 1, 2)) AS ?textLang)
          }
        }
`;

const TAIL = `      }
      ?federation dcat:catalog ?catalogue .
      ?catalogue dcat:dataset ?dataset .
    }
    GROUP BY ?catalogue ?category
  }
  # the jurisdiction's English name, looked up once per row of counts
  OPTIONAL { ?catalogue dct:title ?name FILTER(langMatches(lang(?name), "en")) }
}
ORDER BY ?catalogue ?category
`;

/** The query's text. */
export function highValueQuery(file = HIGH_VALUE_FILE): string {
  const categories = loadHighValueList(file, defaultVocabularies()).categories;
  // normalised terms are letters, digits and single spaces: nothing to escape in a pattern
  const pattern = (terms: string[]): string => ` (${[...new Set(terms)].join('|')}) `;
  const tests = categories.map(
    (c) =>
      `          # ${c.id}\n` +
      `          (?category = <${c.uri}> && (\n` +
      `            ((?textLang = "en" || ?textLang = "") && REGEX(?words, "${pattern(c.datasets.flatMap((d) => d.keys.en))}")) ||\n` +
      `            ((?textLang = "fr" || ?textLang = "") && REGEX(?words, "${pattern(c.datasets.flatMap((d) => d.keys.fr))}"))))`,
  );
  const values = categories.map((c) => `<${c.uri}>`).join(' ');
  return `${HEAD}        VALUES ?category { ${values} }\n        FILTER(\n${tests.join(' ||\n')}\n        )\n${TAIL}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(HIGH_VALUE_QUERY, highValueQuery());
  process.stdout.write(`${HIGH_VALUE_QUERY}: written\n`);
}
