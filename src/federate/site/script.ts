/**
 * The page's script, part one: loading the data chunks, the search index, the state in the URL
 * (`#q=…&jurisdiction=…&sort=…&page=…`, `#dataset=<IRI>`), searching and counting facets. Part
 * two (script-view.ts) draws the search, part three (script-dataset.ts) a dataset. Plain ES2017 in a classic script: `file://` allows no module.
 *
 * Loading: data/links.js gives "also published by" of every dataset that has copies elsewhere;
 * data/catalogue.js names every chunk; they are added as <script> elements one after
 * the other, first chunks of every jurisdiction (or of the jurisdictions the URL filters on)
 * first, and each registers itself with `passerelle.chunk()`, is indexed, and the results are
 * drawn again: a first result needs one chunk, not the whole catalogue.
 *
 * Record text is untrusted: it only ever reaches the page as text nodes (`el()`), and links only
 * when they are http(s) or mailto (`safeUrl()`).
 */
import { SITE_WORDS } from './words.js';
import { VIEW_SCRIPT } from './script-view.js';
import { DATASET_SCRIPT } from './script-dataset.js';
import { foldTerm, SEARCH_BOOST, SEARCH_FIELDS } from './terms.js';

const CORE = String.raw`
(function () {
  'use strict';
  var P = { docs: [], byId: new Map(), loaded: 0, total: 0, failed: [], cat: null };
  window.passerelle = P;
  var FACETS = ['jurisdiction', 'publisher', 'theme', 'format', 'licence', 'highValue', 'band', 'stars', 'updated'];
  var PER_PAGE = 20;

  // one index per chunk (MiniSearch's serialization, written with the same options and foldTerm)
  var OPTIONS = { fields: SEARCH.fields, processTerm: SEARCH.term };
  var QUERY = { boost: SEARCH.boost, prefix: true, combineWith: 'AND' };
  var indexes = [];

  function both(t) { return t ? [t.en, t.fr].concat(Object.keys(t).filter(function (k) { return k !== 'en' && k !== 'fr'; }).map(function (k) { return t[k]; })).filter(Boolean).join(' ') : ''; }

  // facet values of a record, computed once when its chunk arrives
  function daysBetween(a, b) { return (Date.parse(b) - Date.parse(a)) / 86400000; }
  function updated(d) {
    var when = d.modified || d.issued;
    if (!when || isNaN(Date.parse(when))) return 'unknown';
    var days = daysBetween(when, P.cat.now);
    return days <= 30 ? 'month' : days <= 365 ? 'year' : 'older';
  }
  function facetValues(d) {
    return {
      jurisdiction: [d.jurisdiction],
      publisher: d.publisher ? [publisherKey(d.publisher)] : [],
      theme: d.themes,
      format: d.formats,
      licence: [d.openLicence],
      highValue: d.highValue,
      band: [d.quality.band],
      stars: [String(d.quality.stars)],
      updated: [updated(d)]
    };
  }
  function publisherKey(p) { return p.en || p.fr || both(p); }
  P.publisherKey = publisherKey;

  P.chunk = function (jurisdiction, n, records, index) {
    var base = P.docs.length;
    // the catalogue's order, whatever order the chunks arrive in: results without a query, and
    // their pages, are the same for every reader of a link
    var j = P.cat.jurisdictions.findIndex(function (x) { return x.id === jurisdiction; });
    records.forEach(function (d, k) {
      var i = P.docs.length;
      d.n = i;
      d.order = (j * 1e4 + n) * 1e6 + k;
      d.facets = facetValues(d);
      P.docs.push(d);
      if (!P.byId.has(d.id)) P.byId.set(d.id, i);
    });
    indexes.push({ base: base, index: MiniSearch.loadJS(index, OPTIONS) });
    P.loaded += records.length;
  };

  // chunk order: the jurisdictions the URL filters on first, then the first chunk of each, then the rest
  function queue(state) {
    var wanted = state.f.jurisdiction || [];
    var js = P.cat.jurisdictions.slice().sort(function (a, b) {
      return (wanted.indexOf(a.id) === -1) - (wanted.indexOf(b.id) === -1);
    });
    var files = [];
    var round = 0, more = true;
    while (more) {
      more = false;
      js.forEach(function (j) {
        if (round < j.chunks.length) { files.push(j.chunks[round].file); more = true; }
      });
      round++;
    }
    if (wanted.length) {
      var first = files.filter(function (f) { return wanted.some(function (w) { return f.indexOf('data/' + w + '/') === 0; }); });
      files = first.concat(files.filter(function (f) { return first.indexOf(f) === -1; }));
    }
    return files;
  }
  function loadNext(files) {
    if (!files.length) { P.complete = true; P.refresh(true); return; }
    var s = document.createElement('script');
    var file = files.shift();
    s.src = file;
    s.onload = function () { P.refresh(false); loadNext(files); };
    s.onerror = function () { P.failed.push(file); P.loaded += chunkSize(file); P.refresh(false); loadNext(files); };
    document.body.appendChild(s);
  }
  function chunkSize(file) {
    var n = 0;
    P.cat.jurisdictions.forEach(function (j) { j.chunks.forEach(function (c) { if (c.file === file) n = c.records; }); });
    return n;
  }

  // data/links.js, loaded before catalogue.js: "also published by", the federation's and not a chunk's
  P.copies = {};
  P.links = function (copies) { P.copies = copies; };

  P.catalogue = function (cat) {
    P.cat = cat;
    P.total = cat.records;
    P.start();
    loadNext(queue(P.readState()));
  };

  // the state in the URL's fragment, and back
  P.readState = function () {
    var h = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = { q: h.get('q') || '', f: {}, sort: h.get('sort') || 'relevance', page: Math.max(1, parseInt(h.get('page'), 10) || 1), dataset: h.get('dataset'), lang: h.get('lang') };
    FACETS.forEach(function (k) { var v = h.getAll(k); if (v.length) s.f[k] = v; });
    return s;
  };
  P.writeState = function (s) {
    var h = new URLSearchParams();
    if (s.lang) h.set('lang', s.lang);
    if (s.dataset) { h.set('dataset', s.dataset); return h.toString(); }
    if (s.q) h.set('q', s.q);
    FACETS.forEach(function (k) { (s.f[k] || []).forEach(function (v) { h.append(k, v); }); });
    if (s.sort && s.sort !== 'relevance') h.set('sort', s.sort);
    if (s.page > 1) h.set('page', String(s.page));
    return h.toString();
  };

  // the records that match the query and the filters, and the facet counts
  P.search = function (s) {
    var scores = null;
    if (s.q.trim()) {
      scores = new Map();
      indexes.forEach(function (x) {
        x.index.search(s.q, QUERY).forEach(function (r) { scores.set(x.base + r.id, r.score); });
      });
    }
    var active = FACETS.filter(function (k) { return s.f[k] && s.f[k].length; });
    var counts = {};
    FACETS.forEach(function (k) { counts[k] = new Map(); });
    var hits = [];
    P.docs.forEach(function (d) {
      if (scores && !scores.has(d.n)) return;
      // a record counts in a facet when it passes every other facet's filter
      var fails = [];
      for (var i = 0; i < active.length && fails.length < 2; i++) {
        var k = active[i], want = s.f[k], have = d.facets[k];
        if (!have.some(function (v) { return want.indexOf(v) !== -1; })) fails.push(k);
      }
      if (fails.length > 1) return;
      FACETS.forEach(function (k) {
        if (fails.length && fails[0] !== k) return;
        d.facets[k].forEach(function (v) { counts[k].set(v, (counts[k].get(v) || 0) + 1); });
      });
      if (!fails.length) hits.push(d);
    });
    sortHits(hits, s, scores);
    return { hits: hits, counts: counts, scores: scores };
  };

  function sortHits(hits, s, scores) {
    var lang = P.lang;
    var title = function (d) { return P.pick(d.title) || ''; };
    var byTitle = function (a, b) { return title(a).localeCompare(title(b), lang); };
    var cmp = {
      relevance: scores ? function (a, b) { return scores.get(b.n) - scores.get(a.n) || a.order - b.order; } : function (a, b) { return a.order - b.order; },
      title: byTitle,
      modified: function (a, b) { return (b.modified || '').localeCompare(a.modified || '') || byTitle(a, b); },
      quality: function (a, b) { return ratio(b) - ratio(a) || byTitle(a, b); }
    }[s.sort] || function (a, b) { return a.order - b.order; };
    hits.sort(cmp);
  }
  function ratio(d) { return d.quality.max ? d.quality.points / d.quality.max : 0; }

  // words in the page's language
  P.lang = 'en';
  P.t = function (key, vars) {
    var w = WORDS[key];
    if (!w) return key;
    if (w.one) w = new Intl.PluralRules(P.lang).select(vars && vars.n) === 'one' ? w.one : w.other;
    var s = w[P.lang] || w.en;
    return s.replace(/\{(\w+)\}/g, function (_, k) {
      var v = vars ? vars[k] : '';
      return typeof v === 'number' ? v.toLocaleString(P.lang === 'fr' ? 'fr-CA' : 'en-CA') : String(v);
    });
  };
  P.pick = function (t) {
    if (!t) return '';
    return t[P.lang] || t[P.lang === 'fr' ? 'en' : 'fr'] || t[Object.keys(t)[0]] || '';
  };
  // which language a text shown in the other's place is in, for the lang attribute
  P.langOf = function (t) {
    if (!t) return P.lang;
    if (t[P.lang]) return P.lang;
    var other = P.lang === 'fr' ? 'en' : 'fr';
    if (t[other]) return other;
    var k = Object.keys(t)[0];
    return k && k !== 'und' ? k : '';
  };
  // a jurisdiction by its name, and its source's when another one has the same name
  P.jurisdictionName = function (id) {
    var j = P.cat.jurisdictions.find(function (x) { return x.id === id; });
    if (!j) return id;
    var name = P.pick(j.name);
    var same = P.cat.jurisdictions.some(function (x) { return x !== j && P.pick(x.name) === name; });
    return same && j.source ? name + ' (' + P.pick(j.source) + ')' : name;
  };
  P.PER_PAGE = PER_PAGE;
  P.FACETS = FACETS;
})();
`;

/** The page's script: its words, the index's options, then the core, then the view. */
export function siteScript(): string {
  const search = `{ fields: ${JSON.stringify(SEARCH_FIELDS)}, boost: ${JSON.stringify(SEARCH_BOOST)}, term: ${foldTerm.toString()} }`;
  return `var WORDS = ${JSON.stringify(SITE_WORDS)};\nvar SEARCH = ${search};\n${CORE}\n${VIEW_SCRIPT}\n${DATASET_SCRIPT}`;
}
