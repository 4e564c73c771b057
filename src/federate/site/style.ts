/**
 * The site's style: system fonts (nothing fetched), colours with at least 4.5:1 contrast on their
 * background (WCAG AA: text #1b1f24, muted #4a5360, links #0b50b0 on white; the dark scheme's
 * pairs likewise), and a focus ring on every control.
 */
export const SITE_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #4a5360; --link: #0b50b0; --line: #c9ced6; --band: #f2f4f7; --focus: #0b50b0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #15181d; --muted: #b0b8c4; --link: #8ab4f8; --line: #3c4350; --band: #1f242c; --focus: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header, main, footer { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 1rem; border-bottom: 1px solid var(--line); padding-top: 0.6rem; padding-bottom: 0.6rem; }
.brand { font-weight: 700; font-size: 1.15rem; margin: 0; }
.tagline { color: var(--muted); margin: 0; flex: 1; }
button, select, input { font: inherit; color: inherit; }
button { background: var(--band); border: 1px solid var(--line); border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 1.2rem 0 0.4rem; }
h3 { font-size: 1.05rem; margin: 0.8rem 0 0.2rem; }
form#search { display: grid; grid-template-columns: 1fr auto; gap: 0.2rem 1rem; align-items: end; background: var(--band); padding: 0.8rem; border-radius: 6px; }
form#search label { font-weight: 600; }
form#search input[type=search] { width: 100%; padding: 0.4rem 0.6rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); }
form#search select { padding: 0.35rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); }
form#search label[for=q] { grid-column: 1; grid-row: 1; } form#search input { grid-column: 1; grid-row: 2; }
form#search label[for=sort] { grid-column: 2; grid-row: 1; } form#search select { grid-column: 2; grid-row: 2; }
.help { grid-column: 1 / 3; color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0 0; }
.layout { display: grid; grid-template-columns: 17rem 1fr; gap: 1.5rem; margin-top: 1rem; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
#facets fieldset { border: 0; border-top: 1px solid var(--line); margin: 0.6rem 0 0; padding: 0.4rem 0 0; }
#facets legend { font-weight: 600; padding: 0; }
#facets ul { list-style: none; margin: 0.2rem 0; padding: 0; }
#facets li { display: flex; gap: 0.4rem; align-items: baseline; margin: 0.15rem 0; }
#facets .count { color: var(--muted); font-variant-numeric: tabular-nums; }
#facets button.more { font-size: 0.9rem; }
#results:focus { outline: none; }
#status { font-weight: 600; margin: 0.2rem 0; }
ol#list { padding-left: 1.6rem; }
li.result { margin: 0 0 1rem; }
li.result h3 { margin: 0; font-size: 1.05rem; }
.meta, .other-title { color: var(--muted); margin: 0.1rem 0; font-size: 0.92rem; }
.desc { margin: 0.2rem 0; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: 0 0.35rem; margin: 0 0.3rem 0.2rem 0; font-size: 0.85rem; }
nav#pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts > div { display: contents; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table.distributions { border-collapse: collapse; width: 100%; }
table.distributions th, table.distributions td { text-align: left; border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; }
footer { color: var(--muted); border-top: 1px solid var(--line); margin-top: 2rem; }
[hidden] { display: none !important; }
`;
