import type { Emitted } from '../../core/finding.js';
import type { Bilingual } from '../../core/lang.js';
import type { Severity } from '../../core/severity.js';
import { stageRule } from '../define.js';

/** Findings of one rule a record lists at most; the others are counted in one `input/too-many-findings`. */
export const MAX_FINDINGS_PER_RULE = 1000;

const inBoth = (n: number): Bilingual => ({
  en: n.toLocaleString('en-CA'),
  fr: n.toLocaleString('fr-CA'),
});
const MAX = inBoth(MAX_FINDINGS_PER_RULE);

/** The finding that stands for the `count` findings of `rule` a record does not list, as severe as the worst of them. */
export function notListed(rule: string, count: number, severity: Severity): Emitted {
  return {
    ruleId: 'input/too-many-findings',
    messageId: count === 1 ? 'oneMore' : 'more',
    data: { rule, count: inBoth(count), max: MAX },
    severity,
  };
}

export default stageRule({
  stage: 'input',
  meta: {
    id: 'input/too-many-findings',
    severity: 'error',
    title: {
      en: `A record lists at most ${MAX.en} findings of one rule`,
      fr: `Un enregistrement donne au plus ${MAX.fr} constats d'une même règle`,
    },
    docs: {
      en: `When one rule finds more than ${MAX.en} problems on one record (a list of 300,000 codes none of
the code list has, a record of 8,000 resources), the report lists the first ${MAX.en} in the
record's order (the record's own fields, then list items by their number), and this one finding says
how many more there are. Its severity is the highest of the findings it stands for, so the record's
status and the run's exit code are what they would be with every finding listed. The findings are
counted as the rule found them, before findings on one gap are merged (\`related\`); the summary's
counts are of the findings listed (this one included), and the number left out is in its message.
Scores do not change: they count which rules fail, not how often. Without the cap, 300,000 findings
on one record took a gigabyte of memory. \`passerelle fix\` applies the fixes of the findings
listed: run it again for the next ones.`,
      fr: `Quand une règle trouve plus de ${MAX.fr} problèmes dans un enregistrement (une liste de 300 000
codes absents de la liste de codes, un enregistrement de 8 000 ressources), le rapport donne les
${MAX.fr} premiers dans l'ordre de l'enregistrement (ses propres champs, puis les éléments des listes
selon leur numéro), et ce constat-ci dit combien il y en a de plus. Sa gravité est la plus haute des
constats qu'il représente : le statut de l'enregistrement et le code de sortie sont ceux qu'ils
seraient avec tous les constats donnés. Les constats sont comptés tels que la règle les a trouvés,
avant que les constats d'une même lacune soient regroupés (\`related\`) ; les comptes du résumé sont
ceux des constats donnés (celui-ci compris), et le nombre laissé de côté est dans son message. Les
scores ne changent pas : ils comptent les règles qui échouent, pas combien de fois. Sans ce plafond,
300 000 constats sur un enregistrement prenaient un gigaoctet de mémoire. \`passerelle fix\` applique
les corrections des constats donnés : relancez-le pour les suivants.`,
    },
    messages: {
      more: {
        en: '{{count}} more findings of {{rule}} on this record are not listed: a record lists at most {{max}} findings of one rule',
        fr: "{{count}} autres constats de {{rule}} dans cet enregistrement ne sont pas donnés : un enregistrement en donne au plus {{max}} constats d'une même règle",
      },
      oneMore: {
        en: '1 more finding of {{rule}} on this record is not listed: a record lists at most {{max}} findings of one rule',
        fr: "1 autre constat de {{rule}} dans cet enregistrement n'est pas donné : un enregistrement en donne au plus {{max}} constats d'une même règle",
      },
    },
  },
});
