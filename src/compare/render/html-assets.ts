/**
 * The comparison page's stylesheet, inline. The page runs no script; its Content-Security-Policy
 * allows exactly this stylesheet (by its SHA-256 hash) and nothing else: no network, no script.
 */
import { createHash } from 'node:crypto';

const shades = Array.from({ length: 11 }, (_, i) => i);

export const CSS = `
:root { color-scheme: light dark; --line: #d0d4da; --muted: #5b6470; --band: #f4f6f8; --gap: #b3261e; --gap-bg: #fdecea;
  --bar: #1f5fa8; --track: #e8ecf1; --ink: #1b1f24; }
@media (prefers-color-scheme: dark) { :root { --line: #3c4350; --muted: #a7b0bc; --band: #1f242c; --gap: #ff8a80; --gap-bg: #3a1d1b;
  --bar: #8ab4f8; --track: #2a3038; --ink: #e8eaed; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { padding: 0 1.5rem; max-width: 110rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 1.2rem 0 0.2rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.6rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
.muted, footer { color: var(--muted); }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.45rem; border: 1px solid var(--line); }
thead th { background: var(--band); position: sticky; top: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: 0.88em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
div.scroll { overflow-x: auto; }
table.matrix td { font-size: 0.85em; min-width: 9rem; max-width: 22rem; }
table.matrix ul { margin: 0; padding-left: 1rem; }
table.matrix .how { color: var(--muted); }
td.gap { background: var(--gap-bg); color: var(--gap); font-weight: 600; }
td.none { color: var(--muted); text-align: center; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.legend dt { font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure { margin: 0.5rem 0; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
svg.chart { font: 12px system-ui, sans-serif; max-width: 100%; height: auto; }
svg.chart text { fill: var(--ink); }
svg.chart .axis { stroke: var(--muted); }
svg.chart .track { fill: var(--track); }
svg.chart .bar { fill: var(--bar); }
svg.chart .band-excellent { fill: #1e7d32; } svg.chart .band-good { fill: #4c9a2a; }
svg.chart .band-sufficient { fill: #c98b00; } svg.chart .band-bad { fill: #b3261e; }
svg.chart .seg-0 { fill: #9aa3ad; } svg.chart .seg-1 { fill: #f2c14e; } svg.chart .seg-2 { fill: #f78154; }
svg.chart .seg-3 { fill: #4d9078; } svg.chart .seg-4 { fill: #2b59c3; } svg.chart .seg-5 { fill: #5b2a86; }
svg.chart .cell.none { fill: var(--band); }
svg.chart text.on-dark { fill: #fff; }
${shades.map((i) => `svg.chart .h${i} { fill: hsl(212 60% ${96 - i * 6}%); }`).join('\n')}
${shades.map((i) => `td.f${i} { background: hsl(212 60% ${96 - i * 5}%); color: ${i >= 7 ? '#fff' : '#1b1f24'}; }`).join('\n')}
details { margin: 0.3rem 0; }
details ul { margin: 0.2rem 0 0.4rem; }
`;

const hash = (s: string): string =>
  `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export const CSP = `default-src 'none'; style-src ${hash(CSS)}; img-src data:; base-uri 'none'; form-action 'none'`;
