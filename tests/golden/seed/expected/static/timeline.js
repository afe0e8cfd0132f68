/* Dateline timeline pages: filters, jump to a date or today, day anchors across pages.
   Progressive enhancement only: every page is complete without this file. */
(function () {
  "use strict";
  var KINDS = ["tag", "place", "source"];
  var DAY = /^#(\d{4}-\d{2}-\d{2})$/;
  /* Loaded in <head> so the JavaScript-only controls are laid out before the first paint. */
  document.documentElement.classList.add("js");

  function bars() {
    return Array.prototype.slice.call(document.querySelectorAll("svg.overview a[data-day]"));
  }

  /* The same filters on another page: the query goes before the day anchor. */
  function withQuery(href) {
    var parts = href.split("#");
    return parts[0] + location.search + (parts.length > 1 ? "#" + parts[1] : "");
  }

  function go(href) {
    if (href.charAt(0) === "#") {
      var target = document.getElementById(href.slice(1));
      if (location.hash === href && target) target.scrollIntoView();
      else location.hash = href;
    } else {
      location.href = withQuery(href);
    }
  }

  /* A day on another page of the timeline: follow the overview strip's link to it. */
  function followDayAnchor() {
    var match = DAY.exec(location.hash);
    if (!match || document.getElementById(match[1])) return;
    var bar = bars().filter(function (a) { return a.getAttribute("data-day") === match[1]; })[0];
    if (bar && bar.getAttribute("href").charAt(0) !== "#") location.replace(withQuery(bar.getAttribute("href")));
  }

  /* The first day on or after `day` (or the last before it, when `before` is set). */
  function nearest(day, before) {
    var all = bars();
    if (!all.length) return null;
    var chosen = before ? null : all[all.length - 1];
    for (var i = 0; i < all.length; i++) {
      var d = all[i].getAttribute("data-day");
      if (!before && d >= day) return all[i];
      if (before && d <= day) chosen = all[i];
    }
    return chosen || all[0];
  }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function setUpJump() {
    var form = document.querySelector("form.jump-to");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var bar = nearest(form.querySelector("input[type=date]").value, false);
      if (bar) go(bar.getAttribute("href"));
    });
    form.querySelector(".jump-today").addEventListener("click", function () {
      var bar = nearest(today(), true);
      if (bar) go(bar.getAttribute("href"));
    });
  }

  function chosenFilters(form) {
    var chosen = {};
    KINDS.forEach(function (kind) {
      var select = form.querySelector("select[name=" + kind + "]");
      if (select && select.value) chosen[kind] = select.value;
    });
    return chosen;
  }

  function matches(entry, chosen) {
    return Object.keys(chosen).every(function (kind) {
      return (entry.getAttribute("data-" + kind) || "").split(" ").indexOf(chosen[kind]) >= 0;
    });
  }

  function applyFilters(form) {
    var chosen = chosenFilters(form);
    var entries = document.querySelectorAll(".timeline .entry");
    var shown = 0;
    Array.prototype.forEach.call(entries, function (entry) {
      var visible = matches(entry, chosen);
      entry.parentNode.hidden = !visible;
      if (visible) shown += 1;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".timeline .day"), function (day) {
      day.hidden = !day.querySelector(".entries > li:not([hidden])");
    });
    var filtering = Object.keys(chosen).length > 0;
    form.querySelector(".filter-status").textContent = filtering
      ? "Showing " + shown + " of " + entries.length + " entries on this page." : "";
    document.querySelector(".no-match").hidden = shown > 0;
    var query = filtering ? "?" + new URLSearchParams(chosen).toString() : "";
    history.replaceState(null, "", location.pathname + query + location.hash);
    var toggle = document.querySelector(".order-toggle");
    if (toggle) toggle.setAttribute("href", toggle.getAttribute("href").split("?")[0] + query);
  }

  function setUpFilters() {
    var form = document.querySelector("form.filters");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    KINDS.forEach(function (kind) {
      var select = form.querySelector("select[name=" + kind + "]");
      var wanted = params.get(kind);
      if (select && wanted && select.querySelector("option[value='" + CSS.escape(wanted) + "']")) select.value = wanted;
    });
    form.addEventListener("change", function () { applyFilters(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { applyFilters(form); }, 0); });
    applyFilters(form);
  }

  function start() {
    followDayAnchor();
    setUpJump();
    setUpFilters();
    var match = DAY.exec(location.hash);
    var target = match && document.getElementById(match[1]);
    if (target && location.search) target.scrollIntoView();
    window.addEventListener("hashchange", followDayAnchor);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
