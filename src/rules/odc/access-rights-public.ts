import { codeRule } from '../define.js';
import { isPublicAccess } from '../../vocab/facts.js';

const AR = 'http://publications.europa.eu/resource/authority/access-right/';

export default codeRule({
  meta: {
    id: 'odc/access-rights-public',
    principle: 'P1',
    commitment: 'P1.a',
    severity: 'error',
    title: {
      en: 'Access rights are stated and public',
      fr: "Les droits d'accès sont indiqués et publics",
    },
    docs: {
      en: `Open by default (Charter P1.a) means a record says who may access the data, and that the answer is
everyone. The access rights must come from the EU access-right table (PUBLIC, RESTRICTED,
NON_PUBLIC); portals' own codes (open.canada.ca's \`restrictions: unrestricted\`) are mapped by the
crosswalk. A missing statement is an error; a restricted or non-public record is a warning, and
should say why (\`odc/access-restriction-justified\`).`,
      fr: `L'ouverture par défaut (Charte P1.a) suppose que l'enregistrement dise qui peut accéder aux données, et
que la réponse soit : tout le monde. Les droits d'accès viennent de la table des droits d'accès de l'UE
(PUBLIC, RESTRICTED, NON_PUBLIC); les codes propres aux portails (\`restrictions: unrestricted\`
d'ouvert.canada.ca) sont convertis par la correspondance. L'absence d'indication est une erreur; un
enregistrement restreint ou non public est un avertissement, et devrait dire pourquoi
(\`odc/access-restriction-justified\`).`,
    },
    messages: {
      missing: {
        en: 'The access rights are not stated',
        fr: "Les droits d'accès ne sont pas indiqués",
      },
      notPublic: {
        en: 'Access is {{rights}}, not public',
        fr: "L'accès est « {{rights}} », et non public",
      },
      unknown: {
        en: 'The access rights {{value}} are not from the EU access-right table',
        fr: "Les droits d'accès {{value}} ne viennent pas de la table des droits d'accès de l'UE",
      },
    },
    examples: {
      pass: [{ dataset: { accessRights: `${AR}PUBLIC` } }],
      fail: [
        { note: { en: 'not stated', fr: 'non indiqué' }, dataset: {} },
        {
          note: { en: 'restricted', fr: 'restreint' },
          dataset: { accessRights: `${AR}RESTRICTED` },
        },
      ],
    },
  },
  check(ctx) {
    const rights = ctx.dataset.accessRights;
    if (!rights) return ctx.report({ messageId: 'missing', property: 'accessRights' });
    const open = isPublicAccess(rights, ctx.vocabularies);
    if (open === true) return;
    if (open === undefined)
      return ctx.report({
        messageId: 'unknown',
        property: 'accessRights',
        data: { value: rights },
        value: rights,
        severity: 'warning',
      });
    ctx.report({
      messageId: 'notPublic',
      property: 'accessRights',
      // a language map: named in the report's language
      data: { rights: ctx.vocabularies.require('access-right').get(rights)?.label ?? rights },
      value: rights,
      severity: 'warning',
    });
  },
});
