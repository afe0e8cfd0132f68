/* Dateline search page: Pagefind's UI over the index built with the site, ?q= searches at once.
   A large site's index comes in parts (pagefind/dateline-parts.js names them); the UI merges
   them into the first, so a search covers every part. */
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("search");
    if (!element) return;
    if (typeof window.PagefindUI !== "function") {
      document.querySelector(".search-unavailable").hidden = false;
      return;
    }
    var base = new URL(element.getAttribute("data-root") || "./", location.href).pathname;
    var parts = window.datelineSearchParts || [];
    var ui = new window.PagefindUI({
      element: "#search",
      baseUrl: base,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: !new URLSearchParams(location.search).get("q"),
      mergeIndex: parts.map(function (part) {
        return { bundlePath: base + "pagefind/" + part };
      })
    });
    /* Pagefind's input has only a placeholder; give it the visible label the page provides. */
    var input = element.querySelector("input");
    if (input) input.id = "search-input";
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
