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

  /* Every day with entries, oldest first, with its link: a bar of the overview strip links to its
     first day (data-day) and holds its later days (data-later, in days after the first), which
     are on the same page. */
  function days() {
    var list = [];
    bars().forEach(function (bar) {
      var first = bar.getAttribute("data-day"), href = bar.getAttribute("href");
      list.push({ day: first, href: href });
      (bar.getAttribute("data-later") || "").split(" ").filter(Boolean).forEach(function (n) {
        var day = addDays(first, Number(n));
        list.push({ day: day, href: href.split("#")[0] + "#" + day });
      });
    });
    return list;
  }

  function addDays(day, count) {
    var time = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
    return new Date(time + count * 86400000).toISOString().slice(0, 10);
  }

  /* A day's heading: its own, else that of a coarse entry dated that day (the strip links a
     bar's later days by date, and such a day has no heading of its own). */
  function dayHeading(id) {
    var own = document.getElementById(id);
    if (own || !DAY.test("#" + id)) return own;
    var time = document.querySelector('.timeline .day-heading time[datetime="' + id + '"]');
    return time && time.closest(".day");
  }

  /* The same filters on another page: the query goes before the day anchor. */
  function withQuery(href) {
    var parts = href.split("#");
    return parts[0] + location.search + (parts.length > 1 ? "#" + parts[1] : "");
  }

  function go(href) {
    if (href.charAt(0) === "#") {
      var target = dayHeading(href.slice(1));
      if (location.hash === href && target) target.scrollIntoView();
      else location.hash = href;
    } else {
      location.href = withQuery(href);
    }
  }

  /* A day on another page of the timeline: follow the overview strip's link to it. */
  function followDayAnchor() {
    var match = DAY.exec(location.hash);
    if (!match) return;
    var heading = dayHeading(match[1]);
    if (heading) {
      if (heading.id !== match[1]) heading.scrollIntoView();
      return;
    }
    var link = days().filter(function (d) { return d.day === match[1]; })[0];
    if (link && link.href.charAt(0) !== "#") location.replace(withQuery(link.href));
  }

  /* The first day on or after `day` (or the last before it, when `before` is set). */
  function nearest(day, before) {
    var all = days();
    if (!all.length) return null;
    var chosen = before ? null : all[all.length - 1];
    for (var i = 0; i < all.length; i++) {
      if (!before && all[i].day >= day) return all[i];
      if (before && all[i].day <= day) chosen = all[i];
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
      var found = nearest(form.querySelector("input[type=date]").value, false);
      if (found) go(found.href);
    });
    form.querySelector(".jump-today").addEventListener("click", function () {
      var found = nearest(today(), true);
      if (found) go(found.href);
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
