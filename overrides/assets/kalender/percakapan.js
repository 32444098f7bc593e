/*
 * The conversations inbox (percakapan/): filters by platform, class and post, kept in the URL
 * (#platform=youtube&kind=pertanyaan) like the calendar's filters, so a filtered inbox can be
 * shared and survives a reload. Works offline and from file://. Without JavaScript every
 * comment stays visible and the filter form stays hidden.
 */
(function () {
  "use strict";
  var KEYS = ["platform", "kind", "post"];
  var ATTRIBUTES = { platform: "data-platform", kind: "data-kind", post: "data-conv-post" };

  function readState() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    return state;
  }

  function hashOf(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) { if (state[key]) { params.set(key, state[key]); } });
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function matches(item, state) {
    return KEYS.every(function (key) {
      return !state[key] || item.getAttribute(ATTRIBUTES[key]) === state[key];
    });
  }

  function apply(form, state) {
    KEYS.forEach(function (key) {
      var select = form.elements.namedItem(key);
      if (select) { select.value = state[key]; }
      if (select && select.value !== state[key]) { state[key] = ""; }
    });
    var items = document.querySelectorAll("[data-kal-conv-list] [data-comment]");
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item, state);
      if (!item.hidden) { shown += 1; }
    });
    var count = form.querySelector(".kal-filters__count");
    var filtered = KEYS.some(function (key) { return state[key]; });
    if (count) {
      count.textContent = filtered ? form.getAttribute("data-count-text")
        .replace("{shown}", shown).replace("{total}", items.length) : "";
    }
    var hash = hashOf(state);
    document.querySelectorAll("a[data-keep-conv-filter]").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
    });
    return hash;
  }

  function writeUrl(hash) {
    if (location.hash === hash || (!hash && !location.hash)) { return; }
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (error) {
      location.hash = hash;
    }
  }

  function formState(form) {
    var state = {};
    KEYS.forEach(function (key) {
      var select = form.elements.namedItem(key);
      state[key] = select ? select.value : "";
    });
    return state;
  }

  function setUp() {
    var form = document.querySelector("[data-kal-conv-filters]");
    if (!form) { return; }
    form.hidden = false;
    apply(form, readState());
    form.addEventListener("change", function () { writeUrl(apply(form, formState(form))); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      writeUrl(apply(form, { platform: "", kind: "", post: "" }));
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () { apply(form, readState()); });
  }

  setUp();
})();
