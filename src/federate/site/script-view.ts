/**
 * The page's script, part two: drawing the search view (facets, results, pager) and the dataset
 * view from the state in the URL, the language switch, and keyboard focus. Every record text goes
 * in through `el()` as a text node; attributes from records are only `lang` and checked links.
 */
export const VIEW_SCRIPT = String.raw`
(function () {
  'use strict';
  var P = window.passerelle;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  var open = {};
  var lastSearch = '';

  // an element: attributes, then children (strings become text nodes, never markup)
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }
  function append(e, c) {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) c.forEach(function (x) { append(e, x); });
    else e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null; }
  function safeMail(m) { return typeof m === 'string' && /^[^\s@<>:]+@[^\s@<>:]+$/.test(m) ? 'mailto:' + m : null; }
  function text(t, tag, attrs) {
    var a = attrs || {};
    a.lang = P.langOf(t) !== P.lang ? P.langOf(t) : null;
    return el(tag || 'span', a, P.pick(t));
  }
  function link(href, label, attrs) {
    var a = attrs || {};
    a.href = href;
    return href ? el('a', a, label) : el('span', {}, label);
  }
  P.el = el;

  // facet values as the reader sees them
  function label(facet, v) {
    var L = P.cat.labels;
    switch (facet) {
      case 'jurisdiction': return P.jurisdictionName(v);
      case 'publisher': return publisherLabel(v);
      case 'theme': return L.themes[v] ? P.pick(L.themes[v]) : v;
      case 'licence': return P.t('licence_' + v);
      case 'highValue': return L.highValue[v] ? P.pick(L.highValue[v]) : v;
      case 'band': return P.t('band_' + v);
      case 'stars': return P.t('stars', { n: Number(v) });
      case 'updated': return P.t('updated_' + v);
      default: return v;
    }
  }
  var publishers = new Map();
  function publisherLabel(key) {
    if (!publishers.has(key)) {
      var d = P.docs.find(function (x) { return x.publisher && P.publisherKey(x.publisher) === key; });
      publishers.set(key, d ? d.publisher : null);
    }
    var p = publishers.get(key);
    return p ? P.pick(p) : key;
  }
  var ORDER = {
    licence: ['open', 'not-open', 'unreviewed', 'unknown'],
    band: ['excellent', 'good', 'sufficient', 'bad'],
    stars: ['5', '4', '3', '2', '1', '0'],
    updated: ['month', 'year', 'older', 'unknown']
  };

  function go(s, push) {
    var h = P.writeState(s);
    if (push) location.hash = h;
    else history.replaceState(null, '', '#' + h);
    draw(false, push);
  }

  function drawFacets(res) {
    var box = $('facet-list');
    // the control in focus is drawn again: focus goes back to its new self
    var f = document.activeElement;
    var kept = f && box.contains(f) ? [f.closest('fieldset').getAttribute('data-facet'), f.tagName === 'INPUT' ? f.value : null] : null;
    clear(box);
    P.FACETS.forEach(function (k) {
      var counts = res.counts[k];
      var chosen = state.f[k] || [];
      chosen.forEach(function (v) { if (!counts.has(v)) counts.set(v, 0); });
      if (!counts.size) return;
      var values = Array.from(counts.keys());
      if (ORDER[k]) values.sort(function (a, b) { return ORDER[k].indexOf(a) - ORDER[k].indexOf(b); });
      else values.sort(function (a, b) { return counts.get(b) - counts.get(a) || label(k, a).localeCompare(label(k, b), P.lang); });
      var many = values.length > 8 && !open[k];
      var shown = many ? values.filter(function (v, i) { return i < 6 || chosen.indexOf(v) !== -1; }) : values;
      var id = 'facet-' + k;
      var fs = el('fieldset', { id: id, 'data-facet': k }, el('legend', {}, P.t('facet_' + k)));
      var ul = el('ul', {});
      shown.forEach(function (v, i) {
        var cid = id + '-' + i;
        var input = el('input', { type: 'checkbox', id: cid, value: v, checked: chosen.indexOf(v) !== -1, onchange: function () { toggle(k, v); } });
        ul.appendChild(el('li', {}, input, el('label', { 'for': cid }, el('span', { 'class': 'value' }, label(k, v)), ' ', el('span', { 'class': 'count', 'data-count': counts.get(v) }, '(' + counts.get(v).toLocaleString(P.lang === 'fr' ? 'fr-CA' : 'en-CA') + ')'))));
      });
      fs.appendChild(ul);
      if (values.length > 8)
        fs.appendChild(el('button', { type: 'button', 'class': 'more', 'aria-expanded': String(!many), onclick: function () { open[k] = !open[k]; draw(true); } }, many ? P.t('more', { n: values.length }) : P.t('less')));
      box.appendChild(fs);
    });
    if (kept) {
      var again = Array.prototype.find.call(box.querySelectorAll('#facet-' + kept[0] + (kept[1] === null ? ' button.more' : ' input')), function (x) { return kept[1] === null || x.value === kept[1]; });
      if (again) again.focus();
    }
  }
  function toggle(k, v) {
    var s = P.readState();
    var list = (s.f[k] || []).slice();
    var i = list.indexOf(v);
    if (i === -1) list.push(v); else list.splice(i, 1);
    s.f[k] = list;
    s.page = 1;
    go(s, true);
  }

  function resultItem(d) {
    var meta = [P.jurisdictionName(d.jurisdiction)];
    if (d.publisher) meta.push(P.pick(d.publisher));
    if (d.modified) meta.push(P.t('modified') + ' ' + d.modified.slice(0, 10));
    meta.push(P.t('band_' + d.quality.band) + ', ' + P.t('stars', { n: d.quality.stars }));
    var desc = P.pick(d.description);
    return el('li', { 'class': 'result', 'data-id': d.id },
      el('h3', {}, link('#' + P.writeState({ dataset: d.id, lang: state.lang }), P.pick(d.title) || P.t('untitled'), { lang: P.langOf(d.title) !== P.lang ? P.langOf(d.title) : null })),
      el('p', { 'class': 'meta' }, meta.join(' · ')),
      desc ? el('p', { 'class': 'desc', lang: P.langOf(d.description) !== P.lang ? P.langOf(d.description) : null }, desc.length > 240 ? desc.slice(0, 240) + '…' : desc) : null,
      d.formats.length ? el('p', { 'class': 'formats' }, d.formats.map(function (f) { return el('span', { 'class': 'tag' }, f); })) : null);
  }

  function drawResults(res, announce) {
    var pages = Math.max(1, Math.ceil(res.hits.length / P.PER_PAGE));
    var page = Math.min(state.page, pages);
    var list = $('list');
    var f = document.activeElement;
    var kept = f && list.contains(f) ? f.closest('li.result').getAttribute('data-id') : null;
    clear(list);
    list.setAttribute('start', String((page - 1) * P.PER_PAGE + 1));
    res.hits.slice((page - 1) * P.PER_PAGE, page * P.PER_PAGE).forEach(function (d) {
      var item = list.appendChild(resultItem(d));
      if (d.id === kept) item.querySelector('a').focus();
    });
    var found = P.t('found', { n: res.hits.length });
    if (!res.hits.length && P.complete) found += '. ' + P.t('noResults');
    // announced (aria-live) when the reader changed something or the last chunk arrived, not at every chunk
    if (announce) $('status').textContent = found;
    $('progress').textContent = P.complete ? (P.failed.length ? P.t('loadFailed', { file: P.failed.join(', ') }) : '') : P.t('searched', { n: P.loaded, total: P.total });
    var nav = $('pager');
    Array.prototype.slice.call(nav.querySelectorAll('a, span.page')).forEach(function (x) { nav.removeChild(x); });
    if (pages > 1) {
      var at = function (p) { var s = P.readState(); s.page = p; return '#' + P.writeState(s); };
      if (page > 1) nav.appendChild(el('a', { href: at(page - 1), rel: 'prev' }, P.t('previous')));
      nav.appendChild(el('span', { 'class': 'page', 'aria-current': 'page' }, P.t('pageOf', { n: page, total: pages })));
      if (page < pages) nav.appendChild(el('a', { href: at(page + 1), rel: 'next' }, P.t('next')));
    }
  }

  var drawn = null;
  function draw(quiet, userAction) {
    var before = state;
    state = P.readState();
    drawn = location.hash;
    setLang(state.lang);
    if (state.dataset) {
      // a chunk arrived while a dataset is shown: drawn again only until it is found
      if (quiet && !userAction && $('dataset-view').getAttribute('data-shown') === state.dataset) return;
      return P.drawDataset(state, el, { text: text, link: link, safeUrl: safeUrl, safeMail: safeMail, label: label });
    }
    $('dataset-view').hidden = true;
    $('dataset-view').removeAttribute('data-shown');
    $('search-view').hidden = false;
    lastSearch = location.hash;
    if (document.activeElement !== $('q')) $('q').value = state.q;
    $('sort').value = state.sort;
    var res = P.search(state);
    drawFacets(res);
    drawResults(res, !quiet || userAction);
    // another page of results: focus to their top, as a new page would
    if (before && !before.dataset && before.page !== state.page) $('results').focus();
  }
  P.lastSearch = function () { return lastSearch || '#'; };

  // the page's words in its language: the browser's, unless the reader chose (lang= in the URL)
  function setLang(l) {
    var want = l === 'fr' || l === 'en' ? l : (navigator.languages || [navigator.language || 'en']).some(function (x) { return /^fr\b/i.test(x); }) && !/^en\b/i.test(navigator.language || '') ? 'fr' : 'en';
    if (want === P.lang && document.documentElement.lang === want) return;
    P.lang = want;
    document.documentElement.lang = want;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) { e.textContent = P.t(e.getAttribute('data-t')); });
    var other = want === 'fr' ? 'en' : 'fr';
    var b = $('lang-switch');
    b.textContent = P.t('switchTo');
    b.setAttribute('lang', other);
    document.title = P.t('title');
    var c = P.cat;
    $('about').textContent = P.t('about', { total: c.records, n: c.jurisdictions.length, date: c.now, tool: c.tool.name + ' ' + c.tool.version });
  }

  var typing = null;
  P.start = function () {
    $('search').addEventListener('submit', function (e) { e.preventDefault(); });
    $('q').addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { var s = P.readState(); s.q = $('q').value; s.page = 1; go(s, false); }, 200);
    });
    $('q').addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { clearTimeout(typing); var s = P.readState(); s.q = $('q').value; s.page = 1; go(s, true); }
    });
    $('sort').addEventListener('change', function () { var s = P.readState(); s.sort = $('sort').value; s.page = 1; go(s, true); });
    $('clear').addEventListener('click', function () { var s = P.readState(); s.f = {}; s.page = 1; go(s, true); });
    $('lang-switch').addEventListener('click', function () { var s = P.readState(); s.lang = P.lang === 'fr' ? 'en' : 'fr'; go(s, true); $('lang-switch').focus(); });
    // a link followed, back or forward (a change the page made itself is drawn already)
    window.addEventListener('hashchange', function () { if (location.hash !== drawn) draw(false, true); });
    draw(true);
  };
  // a chunk arrived (final: the last one); drawn again at most every 150 ms, or four times as long
  // as the last drawing took, so that drawing never takes most of the time loading has
  var pending = null;
  var cost = 0;
  function timed(quiet) { var t = performance.now(); draw(quiet); cost = performance.now() - t; }
  P.refresh = function (final) {
    if (final) { clearTimeout(pending); pending = null; return timed(false); }
    if (pending) return;
    pending = setTimeout(function () { pending = null; timed(true); }, Math.max(150, 4 * cost));
  };
})();
`;
