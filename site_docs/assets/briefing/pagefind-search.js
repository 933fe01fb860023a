// Over HTTP, the header search asks Pagefind (site/pagefind/, written by `briefing build`):
// its index is cut in chunks and a query loads only the few it needs, so the first
// results come at once however large the briefing. Theme search would first download
// and build one index of the whole site (30 MB at 2,225 articles, about 15 s).
// Pagefind cannot load from file://; there the theme's own search runs as before.
// This file is listed under extra.polyfills in mkdocs.yml, so it runs before the theme.
(function () {
  "use strict";
  if (location.protocol !== "http:" && location.protocol !== "https:") return;

  var RESULTS = 10;
  // The site's root, from this script's own address (assets/briefing/ in the site): known in the
  // page's head, before the page's body and its settings are read.
  var base = new URL("../../", document.currentScript.src);
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module
          .options({ baseUrl: base.pathname })
          .then(module.init)
          .then(function () {
            return module;
          });
      });
    }
    return pagefind;
  }

  // Pagefind's code and the index's table of contents are small (about 100 kB): asked for
  // while the page itself still loads, its search worker is ready by the time a reader types,
  // and the first query needs only its own chunks.
  load();

  // The theme loads its whole index when its script finds a form named "search". Renamed
  // before that script runs (an observer's callback runs before the next script does),
  // the theme leaves search alone and the form is this file's.
  new MutationObserver(function (records, observer) {
    var form = document.forms.namedItem("search");
    if (form) {
      form.setAttribute("name", "pagefind-search");
      observer.disconnect();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector(".md-search__input");
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    if (!input || !list || !meta) return;
    function item(result) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      li.innerHTML =
        '<a class="md-search-result__link" tabindex="-1"><article class="md-search-result__article md-typeset">' +
        "<h1></h1><p></p></article></a>";
      li.querySelector("a").href = result.url;
      li.querySelector("h1").textContent = result.meta.title || result.url;
      li.querySelector("p").innerHTML = result.excerpt; // Pagefind's excerpt: escaped text and <mark>
      return li;
    }

    // One query at a time, and after it the latest one typed: a query per key press,
    // all at once, would make the reader wait for every word they typed on the way.
    var busy = false;
    var wanted = null;

    function show(query) {
      wanted = query;
      if (!busy) next();
    }

    function next() {
      if (wanted === null) return;
      var query = wanted.trim();
      wanted = null;
      if (!query) {
        render([], 0);
        meta.textContent = "Type to start searching";
        return;
      }
      busy = true;
      load()
        .then(function (module) {
          return module.search(query);
        })
        .then(function (found) {
          if (wanted !== null) return; // the reader typed on: answer that instead
          // Every result's excerpt is asked for at once, and each result is shown as soon as it
          // and those above it are in: the first waits for its own excerpt, not for ten.
          var shown = [];
          render(shown, found.results.length);
          return found.results.slice(0, RESULTS).reduce(function (above, r) {
            var data = r.data();
            return above.then(function () {
              return data.then(function (result) {
                if (wanted !== null) return; // the reader typed on: leave the rest
                shown.push(result);
                render(shown, found.results.length);
              });
            });
          }, Promise.resolve());
        })
        .finally(function () {
          busy = false;
          next();
        });
    }

    function render(results, count) {
      list.replaceChildren.apply(list, results.map(item));
      list.hidden = false; // the theme hides the list while its own search has no answer
      meta.textContent = count === 0 ? "No matching documents" : count === 1 ? "1 matching document" : count + " matching documents";
    }

    input.addEventListener("focus", function () {
      if (toggle) toggle.checked = true;
    });
    input.addEventListener("input", function () {
      if (toggle) toggle.checked = true;
      show(input.value);
    });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
    meta.textContent = "Type to start searching";
  });
})();
