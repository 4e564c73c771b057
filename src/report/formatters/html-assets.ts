/**
 * The HTML report's style and script, inline in the page (no file, font or script is fetched).
 * The page's Content-Security-Policy allows exactly these two by their SHA-256 hashes: nothing
 * else can run or load, even if some record text slipped through escaping.
 */
import { createHash } from 'node:crypto';

export const CSS = `
:root { color-scheme: light dark; --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --line: #d0d4da; --muted: #5b6470; --band: #f4f6f8; }
@media (prefers-color-scheme: dark) { :root { --error: #ff8a80; --warning: #ffcc66; --info: #8ab4f8; --line: #3c4350; --muted: #a7b0bc; --band: #1f242c; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { padding: 0 1.5rem; max-width: 90rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 1.2rem 0 0.2rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.6rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.muted, footer { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: var(--band); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.counts { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0.4rem 0 1rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.8rem; min-width: 7rem; }
.counts b { display: block; font-size: 1.4rem; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.where { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.rec small { display: block; color: var(--muted); }
form#filters { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: end; padding: 0.8rem; background: var(--band); border-radius: 6px; }
form#filters fieldset { border: 0; margin: 0; padding: 0; }
form#filters legend, form#filters label.title { font-weight: 600; display: block; margin-bottom: 0.2rem; }
form#filters select, form#filters input[type=search] { font: inherit; padding: 0.2rem 0.4rem; min-width: 16rem; }
#shown { display: block; margin: 0.6rem 0; color: var(--muted); }
details { margin: 0.3rem 0; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.4rem 0 1rem; }
dl.run dt { font-weight: 600; } dl.run dd { margin: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure.chart { margin: 0.4rem 0; } figure.chart figcaption { font-weight: 600; margin-bottom: 0.3rem; }
figure.chart svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; fill: currentColor; }
.bar { fill: var(--muted); } .bar.sev-error { fill: var(--error); } .bar.sev-warning { fill: var(--warning); } .bar.sev-info { fill: var(--info); }
article.rule { border-top: 1px solid var(--line); padding: 0.3rem 0; }
article.rule h3 { margin: 0.6rem 0 0.2rem; } article.rule p { margin: 0.2rem 0; }
ul.examples { margin: 0.2rem 0; font-size: 0.92em; }
.note { padding: 0.5rem 0.8rem; border-left: 4px solid var(--warning); background: var(--band); }
details.record { border-bottom: 1px solid var(--line); margin: 0; padding: 0.25rem 0; }
details.record > summary { cursor: pointer; }
details.record .rec small { display: inline; margin-left: 0.5rem; }
details.record table { margin: 0.3rem 0 0.5rem 1.2rem; width: calc(100% - 1.2rem); } details p { margin: 0.4rem 0 0.4rem 1rem; max-width: 60rem; }
button#more { font: inherit; margin: 0.6rem 0; padding: 0.3rem 0.8rem; cursor: pointer; }
[hidden] { display: none !important; }
`;

export const SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  var list = document.getElementById('record-list');
  var data = document.getElementById('record-data');
  var later = document.getElementById('later');
  var more = document.getElementById('more');
  var severities = Array.prototype.slice.call(form.querySelectorAll('input[name=severity]'));
  var rule = document.getElementById('f-rule');
  var profile = document.getElementById('f-profile');
  var search = document.getElementById('f-record');
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');
  if (later) later.hidden = true;
  var page = Number(list.getAttribute('data-page')) || 100;
  var total = Number(list.getAttribute('data-findings')) || 0;
  // every record: the first page is built (the page's HTML); the others are lines of HTML in the
  // data block, built when first shown. The filters read a record's HTML, not its elements.
  var records = Array.prototype.slice.call(list.children).map(function (el) { return { el: el, html: null }; });
  if (data) data.textContent.split('\\n').forEach(function (s) { if (s) records.push({ el: null, html: s }); });
  var matches = records;
  var limit = page;
  var ROW = /<tr data-severity="([^"]*)" data-rule="([^"]*)"/g;
  var ENTITY = /&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|nbsp);/gi;
  var NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\\u00a0' };
  function decode(s) {
    return s.replace(ENTITY, function (all, e) {
      if (e.charAt(0) !== '#') return NAMED[e.toLowerCase()];
      return String.fromCharCode(e.charAt(1) === 'x' || e.charAt(1) === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
  }
  // a record's findings (severity, rule), profile and text, read once from its HTML
  function read(rec) {
    if (rec.rows) return;
    var s = rec.html !== null ? rec.html : rec.el.outerHTML;
    var m;
    rec.rows = [];
    ROW.lastIndex = 0;
    while ((m = ROW.exec(s)) !== null) rec.rows.push([m[1], decode(m[2])]);
    m = /data-profile="([^"]*)"/.exec(s);
    rec.profile = m ? decode(m[1]) : '';
    rec.source = s;
  }
  // the text a search looks in (what the record's elements' textContent gives), once
  function text(rec) {
    if (rec.text === undefined) rec.text = decode(rec.source.replace(/<[^>]*>/g, '')).toLowerCase();
    return rec.text;
  }
  // the first \`limit\` records the filters keep, built if need be (together: one parse), in order
  function render() {
    var show = matches.slice(0, limit);
    var todo = show.filter(function (rec) { return !rec.el; });
    if (todo.length) {
      var tpl = document.createElement('template');
      tpl.innerHTML = todo.map(function (rec) { return rec.html; }).join('');
      var built = Array.prototype.slice.call(tpl.content.children);
      todo.forEach(function (rec, i) { rec.el = built[i]; });
    }
    var frag = document.createDocumentFragment();
    show.forEach(function (rec) {
      if (rec.visible) {
        if (!rec.trs) rec.trs = Array.prototype.slice.call(rec.el.querySelectorAll('tr[data-severity]'));
        rec.trs.forEach(function (tr, i) { if (tr.hidden === rec.visible[i]) tr.hidden = !rec.visible[i]; });
      }
      frag.appendChild(rec.el);
    });
    list.textContent = '';
    list.appendChild(frag);
    more.hidden = matches.length <= show.length;
    if (!more.hidden) more.textContent = more.getAttribute('data-template')
      .replace('{{n}}', String(show.length)).replace('{{total}}', String(matches.length));
  }
  function say(n) {
    if (shown) shown.textContent =
      shown.getAttribute('data-template').replace('{{n}}', String(n)).replace('{{total}}', String(total)) + ' · ' +
      shown.getAttribute('data-records').replace('{{n}}', String(matches.length)).replace('{{total}}', String(records.length));
    if (empty) empty.hidden = n > 0;
  }
  function apply() {
    var wanted = {};
    severities.forEach(function (c) { if (c.checked) wanted[c.value] = true; });
    var r = rule ? rule.value : '';
    var p = profile ? profile.value : '';
    var q = search ? search.value.trim().toLowerCase() : '';
    var n = 0;
    matches = [];
    records.forEach(function (rec) {
      read(rec);
      var ok = (!p || rec.profile === p) && (!q || text(rec).indexOf(q) !== -1);
      var k = 0;
      rec.visible = rec.rows.map(function (row) {
        var show = ok && wanted[row[0]] === true && (!r || row[1] === r);
        if (show) k++;
        return show;
      });
      if (k) matches.push(rec);
      n += k;
    });
    limit = page;
    render();
    say(n);
  }
  function next() { limit += page; render(); }
  severities.concat([rule, profile, search]).forEach(function (el) {
    if (!el) return;
    el.addEventListener('input', apply);
    el.addEventListener('change', apply);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  more.addEventListener('click', next);
  // the next page comes as the end of the list comes into view
  if (window.IntersectionObserver) new IntersectionObserver(function (seen) {
    if (seen[0].isIntersecting && !more.hidden) next();
  }, { rootMargin: '600px' }).observe(more);
  render();
  say(total);
})();
`;

const hash = (s: string): string =>
  `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Nothing but the page's own style and script: no network, no other script, no form posting. */
export const CSP = `default-src 'none'; style-src ${hash(CSS)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
