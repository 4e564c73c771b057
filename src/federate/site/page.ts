/**
 * The site's one page: landmarks and labelled controls in English, which the script puts in the
 * reader's language (`data-t` keys of words.ts). It holds no record text: the script builds the
 * results and the dataset view with text nodes only, and the Content-Security-Policy lets nothing
 * but the site's own files run or load.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export function indexHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title data-t="title">Open data search</title>
<link rel="stylesheet" href="assets/site.css">
</head>
<body>
<a class="skip" href="#results" data-t="skip">Skip to results</a>
<header>
  <p class="brand" id="site-title" data-t="title">Open data search</p>
  <p class="tagline" data-t="tagline">Datasets of Canadian jurisdictions, in English and French</p>
  <button type="button" id="lang-switch" lang="fr">Français</button>
</header>
<main id="main">
  <noscript><p data-t="noscript">This search needs JavaScript.</p></noscript>
  <div id="search-view">
    <h1 data-t="heading">Search open data</h1>
    <form id="search" role="search">
      <label for="q" data-t="query">Search datasets</label>
      <input type="search" id="q" name="q" autocomplete="off" spellcheck="false" aria-describedby="q-help">
      <p id="q-help" class="help" data-t="queryHelp">Titles, descriptions, keywords and publishers, in English or French; accents and case do not matter.</p>
      <label for="sort" data-t="sort">Sort by</label>
      <select id="sort" name="sort">
        <option value="relevance" data-t="sortRelevance">Relevance</option>
        <option value="title" data-t="sortTitle">Title</option>
        <option value="modified" data-t="sortModified">Last modified</option>
        <option value="quality" data-t="sortQuality">Quality score</option>
      </select>
    </form>
    <div class="layout">
      <aside id="facets" aria-labelledby="facets-heading">
        <h2 id="facets-heading" data-t="filters">Filters</h2>
        <button type="button" id="clear" data-t="clear">Clear all filters</button>
        <div id="facet-list"></div>
      </aside>
      <section id="results" aria-labelledby="results-heading" tabindex="-1">
        <h2 id="results-heading" data-t="results">Results</h2>
        <p id="status" role="status" aria-live="polite" aria-atomic="true"></p>
        <p id="progress" class="help"></p>
        <ol id="list"></ol>
        <nav id="pager" aria-labelledby="pager-label"><span id="pager-label" class="visually-hidden" data-t="pages">Pages</span></nav>
      </section>
    </div>
  </div>
  <article id="dataset-view" hidden tabindex="-1" aria-live="off"></article>
</main>
<footer><p id="about"></p></footer>
<script src="assets/minisearch.js"></script>
<script src="assets/site.js"></script>
<script src="data/links.js"></script>
<script src="data/catalogue.js"></script>
</body>
</html>
`;
}
