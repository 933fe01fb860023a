// The version selector (mkdocs-material's, which `briefing build` turns on while past versions
// are kept) reads ../versions.json: over HTTP the file beside the site. From file:// a browser
// refuses to load it, and the request would leave the site's folder, so there the theme is
// told, before its script runs, that the site has no versions.
// `briefing build` adds this file to extra.polyfills with the selector, so it runs before the theme.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  // The theme reads its settings from the #__config script element when its own script runs;
  // an observer's callback runs before the next script does, and the element's text is complete
  // once it parses.
  new MutationObserver(function (records, observer) {
    var element = document.getElementById("__config");
    var settings;
    try {
      settings = element && JSON.parse(element.textContent);
    } catch (incomplete) {
      return;
    }
    if (!settings) return;
    settings.version = null;
    element.textContent = JSON.stringify(settings);
    observer.disconnect();
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
