import { codeRule } from '../define.js';
import { coerce } from '../../util/coerce.js';

export default codeRule({
  meta: {
    id: 'odc/contact-point',
    principle: 'P2',
    commitment: 'P2.e',
    severity: 'error',
    title: {
      en: 'Users can reach the publisher',
      fr: "Les utilisateurs peuvent joindre l'éditeur",
    },
    docs: {
      en: `The Charter asks for ways for users to give feedback and report problems (P2.e). A contact point with
a well-formed email address or contact-form URL is that channel; generic inboxes are fine. Invalid
addresses are left out of the common record (and reported as \`profile/type\`), so they do not count.`,
      fr: `La Charte demande aux administrations d'offrir aux utilisateurs un moyen de donner leur avis et de
signaler des problèmes (P2.e). Un point de contact avec une adresse courriel ou l'URL d'un formulaire
bien formée est ce moyen; une boîte générique convient. Les adresses invalides sont écartées de
l'enregistrement commun (et signalées par \`profile/type\`) : elles ne comptent pas.`,
    },
    messages: {
      missing: {
        en: 'No contact point with a valid email address or URL',
        fr: 'Aucun point de contact avec une adresse courriel ou une URL valide',
      },
    },
    examples: {
      pass: [
        { dataset: { contactPoint: [{ email: 'infostats@statcan.gc.ca' }] } },
        {
          dataset: {
            contactPoint: [{ url: 'https://www.statcan.gc.ca/en/reference/refcentre/index' }],
          },
        },
      ],
      fail: [
        { dataset: {} },
        {
          note: { en: 'a name only', fr: 'un nom seulement' },
          dataset: { contactPoint: [{ name: { en: 'Data team' } }] },
        },
      ],
    },
  },
  check(ctx) {
    const ok = (ctx.dataset.contactPoint ?? []).some(
      (c) => (c.email && coerce(c.email, 'email')) || (c.url && coerce(c.url, 'uri')),
    );
    if (!ok) ctx.report({ messageId: 'missing', property: 'contactPoint' });
  },
});
