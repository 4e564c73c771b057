import { codeRule } from '../define.js';
import { isPublicAccess } from '../../vocab/facts.js';
import { isEmpty } from '../../util/empty.js';

const AR = 'http://publications.europa.eu/resource/authority/access-right/';

export default codeRule({
  meta: {
    id: 'odc/access-restriction-justified',
    principle: 'P1',
    commitment: 'P1.b',
    severity: 'warning',
    title: { en: 'A restricted record says why', fr: 'Un enregistrement restreint dit pourquoi' },
    docs: {
      en: `The Charter recognises legitimate reasons not to release some data, and asks governments to state them
(P1.b). When the access rights are restricted or non-public, the record must carry a rights statement
(\`dct:rights\`) explaining why: privacy, security, confidentiality, third-party rights. Public
records are not concerned.`,
      fr: `La Charte reconnaît des raisons légitimes de ne pas diffuser certaines données, et demande aux
gouvernements de les énoncer (P1.b). Quand les droits d'accès sont restreints ou non publics,
l'enregistrement doit porter une déclaration de droits (\`dct:rights\`) qui explique pourquoi : vie
privée, sécurité, confidentialité, droits de tiers. Les enregistrements publics ne sont pas concernés.`,
    },
    messages: {
      unjustified: {
        en: 'Access is restricted but no rights statement says why',
        fr: "L'accès est restreint mais aucune déclaration de droits n'explique pourquoi",
      },
    },
    examples: {
      pass: [
        {
          note: { en: 'public: nothing to justify', fr: 'public : rien à justifier' },
          dataset: { accessRights: `${AR}PUBLIC` },
        },
        {
          note: { en: 'restricted, with the reason', fr: 'restreint, avec la raison' },
          dataset: {
            accessRights: `${AR}RESTRICTED`,
            rights: {
              en: 'Contains third-party data licensed for government use only.',
              fr: 'Contient des données de tiers réservées au gouvernement.',
            },
          },
        },
      ],
      fail: [
        {
          note: { en: 'non-public, no reason', fr: 'non public, sans raison' },
          dataset: { accessRights: `${AR}NON_PUBLIC` },
        },
      ],
    },
  },
  check(ctx) {
    if (isPublicAccess(ctx.dataset.accessRights, ctx.vocabularies) !== false)
      return ctx.notApplicable();
    if (isEmpty(ctx.dataset.rights)) ctx.report({ messageId: 'unjustified', property: 'rights' });
  },
});
