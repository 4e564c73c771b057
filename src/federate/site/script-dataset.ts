/**
 * The page's script, part three: a dataset's view (`#dataset=<IRI>`): its title and descriptions
 * in both languages, facts, the source portal's page, contact, distributions, the quality score
 * with its findings (each rule linked to its page) and "also published by" (links to the other
 * jurisdictions' copies, from data/links.js). Record text as text nodes only, links checked (`h.safeUrl`).
 */
export const DATASET_SCRIPT = `
(function () {
  'use strict';
  var P = window.passerelle;
  var $ = function (id) { return document.getElementById(id); };

  var jurisdictionName = P.jurisdictionName;

  function facts(el, h, d) {
    var dl = el('dl', { 'class': 'facts' });
    var row = function (term, value) { if (value) dl.appendChild(el('div', {}, el('dt', {}, P.t(term)), el('dd', {}, value))); };
    row('jurisdiction', jurisdictionName(d.jurisdiction));
    row('publishedBy', d.publisher ? h.text(d.publisher) : null);
    row('themes', d.themes.map(function (t) { return h.label('theme', t); }).join(', '));
    row('highValue', d.highValue.map(function (t) { return h.label('highValue', t); }).join(', '));
    var kw = [];
    Object.keys(d.keywords).forEach(function (l) { d.keywords[l].forEach(function (k) { kw.push(el('span', { 'class': 'tag', lang: l !== 'und' ? l : null }, k)); }); });
    row('keywords', kw.length ? kw : null);
    row('issued', d.issued ? d.issued.slice(0, 10) : null);
    row('modified', d.modified ? d.modified.slice(0, 10) : null);
    row('licence', h.label('licence', d.openLicence));
    var page = h.safeUrl(d.landingPage);
    row('sourcePage', page ? h.link(page, page, { rel: 'noopener noreferrer' }) : null);
    if (d.contact) {
      var c = [];
      if (d.contact.name) c.push(h.text(d.contact.name), ' ');
      var mail = h.safeMail(d.contact.email);
      if (mail) c.push(h.link(mail, d.contact.email), ' ');
      var url = h.safeUrl(d.contact.url);
      if (url) c.push(h.link(url, url, { rel: 'noopener noreferrer' }));
      row('contact', c.length ? c : null);
    }
    return dl;
  }

  function descriptions(el, d) {
    var langs = Object.keys(d.description).sort(function (a, b) { return (b === P.lang) - (a === P.lang); });
    return langs.map(function (l) {
      var heading = l === 'en' || l === 'fr' ? P.t('descriptionIn_' + l) : P.t('description');
      return el('section', { 'class': 'description' }, el('h2', {}, heading), el('p', { lang: l !== 'und' ? l : null }, d.description[l]));
    });
  }

  function distributions(el, h, d) {
    if (!d.distributions.length) return el('p', {}, P.t('noDistribution'));
    var L = P.cat.labels.licences;
    return el('table', { 'class': 'distributions' },
      el('thead', {}, el('tr', {}, ['distTitle', 'format', 'licence', 'link'].map(function (k) { return el('th', { scope: 'col' }, P.t(k)); }))),
      el('tbody', {}, d.distributions.map(function (x) {
        var url = h.safeUrl(x.url);
        return el('tr', {},
          el('td', {}, x.title ? h.text(x.title) : ''),
          el('td', {}, x.format || ''),
          el('td', {}, x.licence ? (L[x.licence] ? P.pick(L[x.licence]) : x.licence) : ''),
          el('td', {}, url ? h.link(url, P.t('download'), { rel: 'noopener noreferrer' }) : ''));
      })));
  }

  function quality(el, d) {
    var q = d.quality;
    var R = P.cat.labels.rules;
    return el('section', { 'class': 'quality', 'aria-labelledby': 'quality-heading' },
      el('h2', { id: 'quality-heading' }, P.t('quality')),
      el('p', {}, P.t('score', { n: q.points, total: q.max }), ' · ', P.t('band_' + q.band), ' · ', P.t('stars', { n: q.stars }), ' · ', P.t('errors', { n: q.errors }), ', ', P.t('warnings', { n: q.warnings })),
      el('h3', {}, P.t('findings')),
      q.rules.length ? el('ul', { 'class': 'rules' }, q.rules.map(function (r) {
        var info = R[r];
        var url = info && (info.url[P.lang] || info.url.en);
        return el('li', {}, url ? el('a', { href: url, rel: 'noopener noreferrer' }, el('code', {}, r)) : el('code', {}, r), info ? ' — ' + P.pick(info.title) : '');
      })) : el('p', {}, P.t('noFindings')));
  }

  // "also published by" (data/links.js): the first copies, and how many there are
  function copies(el, d) {
    var c = P.copies[d.id];
    if (!c) return null;
    var more = (c.duplicateCount || c.duplicates.length) - c.duplicates.length;
    return el('section', { 'class': 'copies', 'aria-labelledby': 'copies-heading' },
      el('h2', { id: 'copies-heading' }, P.t('alsoPublished')),
      el('ul', {}, c.duplicates.map(function (id) {
        var i = P.byId.get(id);
        var other = i === undefined ? null : P.docs[i];
        var label = other ? jurisdictionName(other.jurisdiction) + ' — ' + (P.pick(other.title) || id) : id;
        return el('li', {}, el('a', { href: '#' + P.writeState({ dataset: id, lang: P.readState().lang }), 'data-copy': id }, label));
      })),
      more > 0 ? el('p', {}, P.t('andMore', { n: more })) : null);
  }

  P.drawDataset = function (state, el, h) {
    var view = $('dataset-view');
    $('search-view').hidden = true;
    view.hidden = false;
    while (view.firstChild) view.removeChild(view.firstChild);
    var back = el('p', {}, el('a', { href: P.lastSearch(), 'class': 'back' }, P.t('back')));
    var i = P.byId.get(state.dataset);
    if (i === undefined) {
      view.appendChild(back);
      view.appendChild(el('p', { role: 'status' }, P.complete ? P.t('notFound') : P.t('loadingDataset')));
      return;
    }
    var d = P.docs[i];
    var other = P.lang === 'fr' ? 'en' : 'fr';
    var title = el('h1', { id: 'dataset-title', tabindex: '-1' }, h.text(d.title) || P.t('untitled'));
    view.appendChild(back);
    view.appendChild(title);
    if (d.title[other] && d.title[P.lang]) view.appendChild(el('p', { 'class': 'other-title', lang: other }, d.title[other]));
    view.appendChild(facts(el, h, d));
    descriptions(el, d).forEach(function (s) { view.appendChild(s); });
    view.appendChild(el('section', { 'aria-labelledby': 'dist-heading' }, el('h2', { id: 'dist-heading' }, P.t('distributions')), distributions(el, h, d)));
    view.appendChild(quality(el, d));
    var c = copies(el, d);
    if (c) view.appendChild(c);
    document.title = (P.pick(d.title) || P.t('untitled')) + ' — ' + P.t('title');
    if (view.getAttribute('data-shown') !== d.id) { view.setAttribute('data-shown', d.id); title.focus(); }
  };
})();
`;
