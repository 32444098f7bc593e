/*
 * Calendar pages: filters by platform, category, type and status, kept in the URL
 * (#platform=instagram&status=draf) so a filtered view can be shared and survives a reload;
 * links marked data-keep-filter carry the filter to the next page. Works offline and from
 * file://. Without JavaScript every post stays visible and the filter form stays hidden.
 */
(function () {
  "use strict";
  var KEYS = ["platform", "category", "type", "status"];

  function readState() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    return state;
  }

  function emptyState() {
    var state = {};
    KEYS.forEach(function (key) { state[key] = ""; });
    return state;
  }

  function hashOf(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) {
      if (state[key]) { params.set(key, state[key]); }
    });
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function matches(post, state) {
    var platforms = (post.getAttribute("data-platforms") || "").split(" ");
    return (!state.platform || platforms.indexOf(state.platform) >= 0) &&
      (!state.category || post.getAttribute("data-category") === state.category) &&
      (!state.type || post.getAttribute("data-type") === state.type) &&
      (!state.status || post.getAttribute("data-status") === state.status);
  }

  function showPosts(state) {
    var posts = document.querySelectorAll("[data-kal-filterable] [data-post]");
    var shown = 0;
    posts.forEach(function (post) {
      var visible = matches(post, state);
      post.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll("[data-kal-filterable] .kal-group").forEach(function (group) {
      group.hidden = !group.querySelector("[data-post]:not([hidden])");
    });
    return { shown: shown, total: posts.length };
  }

  function keepInLinks(hash) {
    document.querySelectorAll("a[data-keep-filter]").forEach(function (link) {
      var base = link.getAttribute("href").split("#")[0];
      link.setAttribute("href", base + hash);
    });
  }

  function writeUrl(hash) {
    if (location.hash === hash || (!hash && !location.hash)) { return; }
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (error) {
      location.hash = hash;
    }
  }

  function apply(form, state) {
    KEYS.forEach(function (key) {
      var select = form.elements.namedItem(key);
      if (select) { select.value = state[key]; }
      if (select && select.value !== state[key]) { state[key] = ""; }
    });
    var counted = showPosts(state);
    var count = form.querySelector(".kal-filters__count");
    var filtered = KEYS.some(function (key) { return state[key]; });
    if (count) {
      count.textContent = filtered ? form.getAttribute("data-count-text")
        .replace("{shown}", counted.shown).replace("{total}", counted.total) : "";
    }
    var hash = hashOf(state);
    keepInLinks(hash);
    return hash;
  }

  function formState(form) {
    var state = {};
    KEYS.forEach(function (key) {
      var select = form.elements.namedItem(key);
      state[key] = select ? select.value : "";
    });
    return state;
  }

  function setUpFilters() {
    var form = document.querySelector("[data-kal-filters]");
    if (!form) { return; }
    form.hidden = false;
    apply(form, readState());
    form.addEventListener("change", function () {
      writeUrl(apply(form, formState(form)));
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      writeUrl(apply(form, emptyState()));
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () { apply(form, readState()); });
  }

  function setUpPrint() {
    document.querySelectorAll("[data-kal-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* Material's search dialog has no name; give it the search field's own label. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input[aria-label]");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  setUpFilters();
  setUpPrint();
  nameSearchDialog();
})();
