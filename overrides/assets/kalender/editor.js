/* Writing in the browser (kalender review, after login): the "new proposal" form on the
   month, week and meeting pages; dragging a post to another day; on the post page the
   editor with live previews and counters (the server's Python code, asked after a pause in
   typing), media (drop, alt text, focus point, order), the schedule and the git history.
   Uses review.js (window.KalenderReview, the "kalender:session" event); every word comes
   from the server's catalog; text written by people is only set with textContent. */
(function () {
  "use strict";

  var R = null; // review.js: session, request, word, el, say, api, refresh, postId
  var choices = null;

  function w(key, params) { return R.word("ed_" + key, params); }
  function el(tag, attrs, children) { return R.el(tag, attrs, children); }
  function fail(answer) { return answer.data.message || R.word("failed", answer); }

  function field(name, label, control) {
    control.setAttribute("id", "kal-ed-" + name);
    control.setAttribute("name", name);
    return el("div", { "class": "kal-ed-field", "data-field": name },
              [el("label", { "for": "kal-ed-" + name, text: label }), control]);
  }

  // The message of a refusal next to the field it is about (else next to the button).
  function sayAt(form, answer, fallback) {
    var box = answer.data.field && form.querySelector("[data-field='" + answer.data.field + "']");
    R.say(box || fallback, fail(answer), "error");
  }

  function words(text) {
    return text.split(/[\s,]+/).map(function (word) { return word.replace(/^[#@]+/, ""); }).filter(Boolean);
  }

  function whenBuilt(ticket) {
    return ticket ? R.request("GET", "build?after=" + ticket) : Promise.resolve(null);
  }

  function postUrl(id) { return new URL("pos/" + id + "/", R.siteBase()).href; }

  // -- the "new proposal" form ---------------------------------------------------------

  function loadChoices() {
    if (choices) return Promise.resolve(choices);
    return R.request("GET", "choices").then(function (answer) {
      if (answer.ok) choices = answer.data;
      return choices;
    });
  }

  function select(options) {
    var node = el("select");
    options.forEach(function (o) { node.appendChild(el("option", { value: o.id, text: o.label || o.name })); });
    return node;
  }

  function proposalForm(day) {
    var category = select(choices.categories);
    var type = el("select");
    function types() {
      type.textContent = "";
      choices.categories.filter(function (c) { return c.id === category.value; })[0].types
        .forEach(function (t) { type.appendChild(el("option", { value: t.id, text: t.label })); });
    }
    category.addEventListener("change", types);
    types();
    var platforms = el("fieldset", { "class": "kal-ed-platforms" }, [el("legend", { text: w("platforms") })]);
    var perPlatform = []; // the caption of one platform, shown once it is ticked
    choices.platforms.forEach(function (p) {
      var box = el("input", { type: "checkbox", value: p.id, id: "kal-ed-p-" + p.id });
      var format = select(p.formats.map(function (f) { return { id: f, label: f }; }));
      format.value = p.default;
      format.setAttribute("data-format-of", p.id);
      format.setAttribute("aria-label", w("format_of", { platform: p.name }));
      platforms.appendChild(el("span", { "class": "kal-ed-platform" }, [
        box, el("label", { "for": "kal-ed-p-" + p.id, text: p.name }), format]));
      var own = field("captions." + p.id, w("caption_of", { platform: p.name }),
                      el("textarea", { rows: "2", "data-platform": p.id }));
      own.hidden = true;
      box.addEventListener("change", function () { own.hidden = !box.checked; });
      perPlatform.push(own);
    });
    var open = el("input", { type: "checkbox", id: "kal-ed-open" });
    var time = el("input", { type: "time", value: "09:00" });
    open.addEventListener("change", function () { time.disabled = open.checked; });
    var legal = ["jenis", "nomor", "tentang", "url"].map(function (key) {
      return field("legal_" + key, w("legal_" + key), el("input", { type: "text", "data-legal": key }));
    });
    var form = el("form", { "class": "kal-ed-form", "data-editor-ui": "", "data-new-proposal": "" }, [
      el("h2", { text: w("new_title") }),
      field("date", w("date"), el("input", { type: "date", required: "", value: day || "" })),
      field("time", w("time"), time),
      el("div", { "class": "kal-ed-field" }, [open, el("label", { "for": "kal-ed-open", text: w("time_open") })]),
      field("category", w("category"), category), field("type", w("type"), type),
      el("div", { "class": "kal-ed-field", "data-field": "platforms" }, [platforms]),
      field("title", w("title"), el("input", { type: "text", required: "", maxlength: "200" })),
      field("caption", w("caption"), el("textarea", { rows: "5" }))
    ].concat(perPlatform).concat([
      field("hashtags", w("hashtags"), el("input", { type: "text", value: choices.hashtags.join(" ") })),
      field("source", w("source"), el("input", { type: "text" })),
      el("fieldset", { "class": "kal-ed-legal", "data-field": "legal_product" },
         [el("legend", { text: w("legal") })].concat(legal)),
      field("notes", w("notes"), el("textarea", { rows: "3" })),
      el("button", { type: "submit", "class": "md-button md-button--primary", "data-create": "", text: w("create") })
    ]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = function (name) { return form.querySelector("[name='" + name + "']").value; };
      var body = { date: value("date"), time: open.checked ? "" : time.value, category: category.value,
                   type: type.value, title: value("title"), caption: value("caption"),
                   hashtags: words(value("hashtags")), source: value("source"), notes: value("notes"),
                   platforms: {} };
      var captions = {};
      platforms.querySelectorAll("input:checked").forEach(function (box) {
        body.platforms[box.value] = platforms.querySelector("[data-format-of='" + box.value + "']").value;
        var own = form.querySelector("textarea[data-platform='" + box.value + "']");
        if (own && own.value.trim()) captions[box.value] = own.value;
      });
      if (Object.keys(captions).length) body.captions = captions;
      var product = {};
      form.querySelectorAll("[data-legal]").forEach(function (i) { if (i.value.trim()) product[i.getAttribute("data-legal")] = i.value.trim(); });
      if (Object.keys(product).length) body.legal_product = product;
      var button = form.querySelector("[data-create]");
      R.say(form, w("saving"));
      R.request("POST", "posts", body).then(function (answer) {
        if (!answer.ok) { R.say(form, ""); sayAt(form, answer, form); return; }
        R.say(form, w("created", { id: answer.data.id }) + "\n" + R.word("rebuilding"), "ok");
        button.disabled = true;
        whenBuilt(answer.data.ticket).then(function () { location.href = postUrl(answer.data.id); });
      }, function () { R.say(form, R.word("unreachable"), "error"); });
    });
    return form;
  }

  function calendarPage(view) {
    var head = document.querySelector(".kal-page > .kal-head");
    if (!head) return;
    var button = el("button", { type: "button", "class": "md-button md-button--primary kal-ed-new",
                                "data-editor-ui": "", "data-open-proposal": "", text: w("new") });
    button.addEventListener("click", function () { openProposal(head, firstDay(view)); });
    head.parentNode.insertBefore(button, head.nextSibling);
    addButtons(head);
    if (view === "month" || view === "week") dragging();
  }

  // A "+" on every day: a proposal for that day.
  function addButtons(head) {
    document.querySelectorAll("li[data-date]").forEach(function (day) {
      var date = day.getAttribute("data-date");
      var add = el("button", { type: "button", "class": "kal-ed-add", "data-editor-ui": "", "data-add-on": date,
                               "aria-label": w("new_on", { date: date }), title: w("new_on", { date: date }), text: "+" });
      add.addEventListener("click", function () { openProposal(head, date); });
      day.appendChild(add);
    });
  }

  // The meeting plans the week after its own: the form starts on that Monday.
  function firstDay(view) {
    var page = document.querySelector("[data-kal-view='meeting'][data-week]");
    var found = view === "meeting" && page && /^(\d{4})-W(\d{2})$/.exec(page.getAttribute("data-week"));
    if (!found) return "";
    var jan4 = Date.UTC(Number(found[1]), 0, 4);
    var monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 864e5 + Number(found[2]) * 7 * 864e5;
    return new Date(monday).toISOString().slice(0, 10);
  }

  function openProposal(head, day) {
    var old = document.querySelector("[data-new-proposal]");
    if (old) old.remove();
    loadChoices().then(function () {
      if (!choices) return;
      var form = proposalForm(day);
      var after = document.querySelector("[data-open-proposal]") || head;
      after.parentNode.insertBefore(form, after.nextSibling);
      form.querySelector("[name='title']").focus();
    });
  }

  // -- dragging a post to another day --------------------------------------------------

  var dragged = null;

  function dragging() {
    var grid = document.querySelector("[data-kal-filterable]");
    if (!grid) return;
    var hint = el("p", { "class": "kal-ed-hint", "data-editor-ui": "", text: w("drag_hint") });
    grid.parentNode.insertBefore(hint, grid);
    grid.querySelectorAll("li[data-post]").forEach(function (item) { item.setAttribute("draggable", "true"); });
    if (grid.getAttribute("data-drag-ready")) return;
    grid.setAttribute("data-drag-ready", "1");
    grid.addEventListener("dragstart", function (event) {
      var item = event.target.closest && event.target.closest("li[data-post]");
      if (!item) return;
      dragged = item.getAttribute("data-post");
      event.dataTransfer.setData("text/plain", dragged);
      event.dataTransfer.effectAllowed = "move";
    });
    grid.addEventListener("dragover", function (event) {
      if (dragged && dayOf(event.target)) { event.preventDefault(); event.dataTransfer.dropEffect = "move"; }
    });
    grid.addEventListener("drop", function (event) {
      var day = dayOf(event.target);
      if (!day || !dragged) return;
      event.preventDefault();
      var id = dragged;
      dragged = null;
      if (id.slice(0, 10) !== day.getAttribute("data-date")) move(id, day.getAttribute("data-date"), day);
    });
  }

  function dayOf(node) { return node && node.closest ? node.closest("li[data-date]") : null; }

  function move(id, date, near) {
    R.say(near, w("moving"));
    R.request("GET", "posts/" + encodeURIComponent(id) + "/source").then(function (source) {
      if (!source.ok) { R.say(near, fail(source), "error"); return null; }
      return R.request("POST", "posts/" + encodeURIComponent(id) + "/move",
                       { version: source.data.version, date: date });
    }).then(function (answer) {
      if (!answer) return;
      if (!answer.ok) { R.say(near, fail(answer), "error"); return; }
      R.say(near, answer.data.message + "\n" + R.word("rebuilding"), "ok");
      whenBuilt(answer.data.ticket).then(function () { return reloadGrid(answer.data.message, date); });
    }, function () { R.say(near, R.word("unreachable"), "error"); });
  }

  function reloadGrid(message, date) {
    return fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-kal-filterable]");
        var grid = document.querySelector("[data-kal-filterable]");
        if (fresh && grid) { grid.replaceWith(document.importNode(fresh, true)); }
        document.querySelectorAll(".kal-ed-hint").forEach(function (n) { n.remove(); });
        addButtons(document.querySelector(".kal-page > .kal-head"));
        dragging();
        var day = document.querySelector("li[data-date='" + date + "']");
        if (day) R.say(day, message + "\n" + R.word("updated"), "ok");
      });
  }

  // -- the post page: editor, live preview, schedule, media, history -------------------

  var post = null; // {id, version, fields, notes}

  var listening = false;

  function postPage() {
    var article = document.querySelector("article.kal-post[data-post]");
    if (!article) return;
    readSource().then(function () { if (post) drawEditor(article); });
    if (!listening) document.addEventListener("kalender:changed", readSource);
    listening = true;
  }

  function readSource() {
    return R.request("GET", "posts/" + encodeURIComponent(R.postId()) + "/source").then(function (answer) {
      if (answer.ok) post = answer.data;
      var form = document.querySelector("[data-review-editor]");
      if (form && post) form.setAttribute("data-status", post.fields.status || "usulan");
      if (post) document.querySelectorAll("[data-void-note]").forEach(showBound);
    });
  }

  // Statuses whose step binds the fingerprint: a change of what is published voids that step.
  var BOUND = { diajukan: true, diparaf: true, disetujui: true, diunggah: true };
  var TITLED = { youtube: true, tiktok: true }; // platforms that publish the title

  function bound() { return !!BOUND[post.fields.status]; }

  function boundNote() {
    var note = el("p", { "class": "kal-ed-warning", "data-void-note": "", role: "note" });
    showBound(note);
    return note;
  }

  function showBound(note) {
    note.hidden = !bound();
    note.textContent = w("void_note", { status: post.fields.status || "" });
  }

  function drawEditor(article) {
    var old = document.querySelector("[data-review-editor-box]");
    if (old) old.remove();
    var f = post.fields;
    var platforms = platformsOf(f);
    var captions = f.captions || {};
    var form = el("form", { "class": "kal-ed-form", "data-review-editor": "", "data-status": f.status || "usulan" }, [
      el("h2", { text: w("editor_title") }),
      field("title", w("title"), el("input", { type: "text", maxlength: "200" })),
      field("caption", w("caption"), el("textarea", { rows: "8" }))
    ].concat(platforms.map(function (p) {
      return field("captions." + p, w("caption_of", { platform: p }), el("textarea", { rows: "3", "data-platform": p }));
    })).concat([
      field("hashtags", w("hashtags"), el("input", { type: "text" })),
      field("source", w("source"), el("input", { type: "text" })),
      field("notes", w("notes"), el("textarea", { rows: "3" })),
      el("p", { "class": "kal-ed-warning", "data-void-warning": "", hidden: "", role: "alert" }),
      el("div", { "class": "kal-ed-actions", "data-save-box": "" }, [
        el("button", { type: "submit", "class": "md-button md-button--primary", "data-save": "", text: w("save") })])
    ]));
    var live = el("aside", { "class": "kal-ed-live", "data-live": "", "aria-live": "polite" },
                  [el("h3", { text: w("live_title") })]);
    var box = el("section", { "class": "kal-ed", "data-editor-ui": "", "data-review-editor-box": "" },
                 [el("div", { "class": "kal-ed-columns" }, [form, live]), schedule(), mediaBox(), historyBox()]);
    fill(form, captions);
    form.addEventListener("input", function () { warnVoid(form); livePreview(form, live); });
    form.addEventListener("submit", function (event) { event.preventDefault(); save(form, live); });
    var findings = article.querySelector(".kal-findings");
    article.insertBefore(box, findings || null);
    livePreview(form, live);
  }

  function fill(form, captions) {
    var f = post.fields;
    var set = function (name, value) { var n = form.querySelector("[name='" + name + "']"); if (n) n.value = value || ""; };
    set("title", f.title); set("caption", f.caption); set("source", f.source); set("notes", post.notes);
    set("hashtags", (f.hashtags || []).map(function (h) { return "#" + h; }).join(" "));
    form.querySelectorAll("textarea[data-platform]").forEach(function (t) { t.value = captions[t.getAttribute("data-platform")] || ""; });
  }

  function typed(form) {
    var value = function (name) { return form.querySelector("[name='" + name + "']").value; };
    var captions = {};
    form.querySelectorAll("textarea[data-platform]").forEach(function (t) {
      if (t.value.trim()) captions[t.getAttribute("data-platform")] = trimmed(t.value);
    });
    return { title: value("title"), caption: value("caption"), source: value("source"),
             hashtags: words(value("hashtags")), captions: captions };
  }

  function changes(form) {
    var now = typed(form), f = post.fields, out = {};
    var same = function (a, b) { return JSON.stringify(a) === JSON.stringify(b); };
    if (now.title !== (f.title || "")) out.title = now.title;
    if (trimmed(now.caption) !== trimmed(f.caption)) out.caption = now.caption;
    if (now.source !== (f.source || "")) out.source = now.source;
    if (!same(now.hashtags, (f.hashtags || []).map(String))) out.hashtags = now.hashtags;
    if (!same(now.captions, trimmedAll(f.captions || {}))) out.captions = now.captions;
    return out;
  }

  function trimmed(text) { return String(text || "").replace(/\s+$/, ""); }

  function trimmedAll(map) {
    var out = {};
    Object.keys(map).forEach(function (key) { if (trimmed(map[key])) out[key] = trimmed(map[key]); });
    return out;
  }

  // Does this change touch what is published (the fingerprint)?
  function voids(change) {
    var titled = platformsOf(post.fields).some(function (p) { return TITLED[p]; });
    return ["caption", "captions", "hashtags"].some(function (k) { return k in change; }) ||
      ("title" in change && titled);
  }

  function platformsOf(f) {
    if (Array.isArray(f.platforms)) return f.platforms;
    return Object.keys(f.platforms && typeof f.platforms === "object" ? f.platforms : {});
  }

  function warnVoid(form) {
    var warning = form.querySelector("[data-void-warning]");
    var show = bound() && voids(changes(form));
    warning.hidden = !show;
    warning.textContent = show ? w("void_warning", { status: post.fields.status }) : "";
    form.querySelector("[data-save]").textContent = show ? w("save_void") : w("save");
  }

  var timer = null, asked = 0;

  function livePreview(form, live) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++asked;
      live.setAttribute("data-busy", "");
      R.request("POST", "preview", { id: post.id, fields: typed(form) }).then(function (answer) {
        if (mine !== asked) return; // an older answer: a newer question is on its way
        live.removeAttribute("data-busy");
        if (answer.ok) drawLive(live, answer.data);
        else R.say(live, fail(answer), "error");
      });
    }, 350);
  }

  function drawLive(live, data) {
    live.querySelectorAll("[data-live-part]").forEach(function (n) { n.remove(); });
    data.previews.forEach(function (p) {
      var part = el("div", { "class": "kal-ed-preview", "data-live-part": "", "data-platform": p.platform }, [
        el("h4", { text: p.name + " · " + p.format })]);
      p.counts.forEach(function (c) {
        part.appendChild(el("p", { "class": "kal-ed-count", "data-live-count": c.kind, "data-over": String(c.over),
                                   "data-warn": String(c.warn), text: c.label + ": " + c.shown }));
      });
      p.texts.forEach(function (t) {
        var text = el("div", { "class": "kal-ed-text", "data-live-text": t.field });
        text.innerHTML = t.head + (t.rest ? "<span class=\"kal-ed-fold\">" + t.rest + "</span>" : ""); // the build's escaped HTML
        part.appendChild(text);
      });
      part.appendChild(findingList(p.findings));
      live.appendChild(part);
    });
    var general = findingList(data.findings);
    general.setAttribute("data-live-part", "");
    live.appendChild(general);
  }

  function findingList(findings) {
    var list = el("ul", { "class": "kal-ed-findings", "data-live-findings": "" });
    findings.forEach(function (f) {
      list.appendChild(el("li", { "data-severity": f.severity, "data-rule": f.rule || "", text: f.message }));
    });
    return list;
  }

  function save(form, live) {
    var box = form.querySelector("[data-save-box]");
    var body = { version: post.version, fields: changes(form) };
    var notes = form.querySelector("[name='notes']").value;
    if (notes.trim() !== String(post.notes || "").trim()) body.notes = notes;
    R.say(box, w("saving"));
    R.request("POST", "posts/" + encodeURIComponent(post.id) + "/edit", body).then(function (answer) {
      if (answer.status === 409 && answer.data.diff) { stale(form, box, answer); return; }
      if (!answer.ok) { R.say(box, ""); sayAt(form, answer, box); return; }
      R.say(box, answer.data.message + (answer.data.ticket ? "\n" + R.word("rebuilding") : ""), "ok");
      readSource().then(function () { fill(form, post.fields.captions || {}); warnVoid(form); });
      if (answer.data.ticket) R.refresh(answer.data.ticket).then(function () {
        R.say(box, answer.data.message + "\n" + R.word("updated"), "ok");
      });
    }, function () { R.say(box, R.word("unreachable"), "error"); });
  }

  function stale(form, box, answer) {
    R.say(box, fail(answer), "error");
    var old = box.querySelector("[data-other-change]");
    if (old) old.remove();
    var reload = el("button", { type: "button", "class": "md-button", "data-reload-fields": "", text: w("reload_fields") });
    reload.addEventListener("click", function () {
      post = answer.data.current;
      fill(form, post.fields.captions || {});
      shown.remove();
      R.say(box, "");
    });
    var shown = el("div", { "class": "kal-ed-diff", "data-other-change": "" }, [diffList(answer.data.diff), reload]);
    box.appendChild(shown);
  }

  function diffList(lines) {
    var list = el("ol", { "class": "kal-ed-lines" });
    lines.forEach(function (line) {
      var mark = { added: "+ ", removed: "- ", same: "  ", skip: "" }[line.kind];
      list.appendChild(el("li", { "data-kind": line.kind, text: mark + line.text }));
    });
    return list;
  }

  // -- schedule ------------------------------------------------------------------------

  function schedule() {
    var when = String(post.fields.date || "");
    var date = el("input", { type: "date", value: when.slice(0, 10) });
    var time = el("input", { type: "time", value: when.slice(11, 16) });
    var button = el("button", { type: "button", "class": "md-button", "data-move-post": "", text: w("move") });
    var box = el("div", { "class": "kal-ed-schedule", "data-schedule": "" }, [
      el("h3", { text: w("schedule_title") }), boundNote(),
      field("move_date", w("date"), date), field("move_time", w("time_or_open"), time), button]);
    button.addEventListener("click", function () {
      R.say(box, w("moving"));
      R.request("POST", "posts/" + encodeURIComponent(post.id) + "/move",
                { version: post.version, date: date.value, time: time.value }).then(function (answer) {
        if (!answer.ok) { R.say(box, fail(answer), "error"); return; }
        R.say(box, answer.data.message + "\n" + R.word("rebuilding"), "ok");
        whenBuilt(answer.data.ticket).then(function () { location.href = postUrl(answer.data.id); });
      }, function () { R.say(box, R.word("unreachable"), "error"); });
    });
    return box;
  }

  // -- media ---------------------------------------------------------------------------

  function mediaBox() {
    var box = el("div", { "class": "kal-ed-media", "data-media": "" }, [el("h3", { text: w("media_title") }), boundNote()]);
    var list = el("ol", { "class": "kal-ed-media__list", "data-media-list": "" });
    (post.fields.media || []).forEach(function (m) { if (m && m.file) list.appendChild(mediaItem(m)); });
    var arrange = el("button", { type: "button", "class": "md-button", "data-save-media": "", text: w("save_media") });
    arrange.addEventListener("click", function () { saveMedia(list, arrange.parentNode); });
    box.appendChild(list);
    box.appendChild(el("div", { "class": "kal-ed-actions" }, [arrange]));
    box.appendChild(uploader());
    return box;
  }

  function mediaItem(m) {
    var item = el("li", { "class": "kal-ed-media__item", draggable: "true", "data-file": m.file });
    var alt = el("input", { type: "text", value: m.alt || "", "data-alt": "", "aria-label": w("alt") });
    var picture = el("div", { "class": "kal-ed-media__picture" });
    if (/\.(jpe?g|png|webp)$/i.test(m.file)) {
      var img = el("img", { src: R.api("posts/" + encodeURIComponent(post.id) + "/file?name=" + encodeURIComponent(m.file)),
                            alt: "", title: w("focus_hint") });
      img.addEventListener("click", function (event) {
        var r = img.getBoundingClientRect();
        setFocus(item, [(event.clientX - r.left) / r.width, (event.clientY - r.top) / r.height]);
      });
      picture.appendChild(img);
    }
    var up = el("button", { type: "button", "class": "kal-review-link", "data-up": "", text: w("up") });
    var down = el("button", { type: "button", "class": "kal-review-link", "data-down": "", text: w("down") });
    up.addEventListener("click", function () { if (item.previousSibling) item.parentNode.insertBefore(item, item.previousSibling); });
    down.addEventListener("click", function () { if (item.nextSibling) item.parentNode.insertBefore(item.nextSibling, item); });
    item.append(picture, el("div", {}, [el("code", { text: m.file.split("/").pop() }), alt,
                                       el("p", { "class": "kal-ed-focus", "data-focus-info": "", text: w("focus_hint") }),
                                       up, down]));
    item.addEventListener("dragstart", function (event) { event.dataTransfer.setData("text/x-kalender-media", m.file); item.setAttribute("data-dragging", ""); });
    item.addEventListener("dragend", function () { item.removeAttribute("data-dragging"); });
    item.addEventListener("dragover", function (event) { if (document.querySelector("[data-dragging]")) event.preventDefault(); });
    item.addEventListener("drop", function (event) {
      var moving = document.querySelector("[data-dragging]");
      if (!moving || moving === item) return;
      event.preventDefault();
      var before = moving.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING ? item.nextSibling : item;
      item.parentNode.insertBefore(moving, before);
    });
    if (Array.isArray(m.focus)) setFocus(item, m.focus);
    return item;
  }

  function setFocus(item, point) {
    var x = Math.round(Math.min(1, Math.max(0, point[0])) * 100) / 100;
    var y = Math.round(Math.min(1, Math.max(0, point[1])) * 100) / 100;
    item.setAttribute("data-focus", x + "," + y);
    item.querySelector("[data-focus-info]").textContent = w("focus_set", { x: Math.round(x * 100), y: Math.round(y * 100) });
    var picture = item.querySelector(".kal-ed-media__picture");
    var dot = picture.querySelector(".kal-ed-dot");
    if (!dot) { dot = el("span", { "class": "kal-ed-dot", "aria-hidden": "true" }); picture.appendChild(dot); }
    dot.style.left = (x * 100) + "%";
    dot.style.top = (y * 100) + "%";
  }

  function saveMedia(list, near) {
    var media = [];
    var missing = null;
    list.querySelectorAll("li[data-file]").forEach(function (item) {
      var entry = { file: item.getAttribute("data-file"), alt: item.querySelector("[data-alt]").value };
      if (!entry.alt.trim() && !missing) missing = item;
      var focus = item.getAttribute("data-focus");
      if (focus) entry.focus = focus.split(",").map(Number);
      media.push(entry);
    });
    if (missing) { R.say(missing, w("alt_needed"), "error"); return; }
    R.say(near, w("saving"));
    R.request("POST", "posts/" + encodeURIComponent(post.id) + "/media/arrange", { version: post.version, media: media })
      .then(function (answer) { done(answer, near); }, function () { R.say(near, R.word("unreachable"), "error"); });
  }

  function done(answer, near) {
    if (!answer.ok) { R.say(near, fail(answer), "error"); return; }
    R.say(near, (answer.data.message || w("saved")) + (answer.data.ticket ? "\n" + R.word("rebuilding") : ""), "ok");
    readSource().then(function () {
      var old = document.querySelector("[data-media]");
      var fresh = mediaBox();
      old.replaceWith(fresh);
      R.say(fresh.querySelector(near.hasAttribute("data-drop") ? "[data-drop]" : ".kal-ed-actions"),
            answer.data.message || w("saved"), "ok");
    });
    if (answer.data.ticket) R.refresh(answer.data.ticket);
  }

  function uploader() {
    var alt = el("input", { type: "text", "data-upload-alt": "" });
    var file = el("input", { type: "file", accept: "image/*,video/mp4,video/quicktime", "data-upload-file": "" });
    var drop = el("div", { "class": "kal-ed-drop", "data-drop": "", tabindex: "-1" }, [
      el("p", { text: w("drop_hint") }), field("upload_alt", w("alt"), alt), field("upload_file", w("file"), file)]);
    var send = function (files) {
      if (!files || !files.length) return;
      if (!alt.value.trim()) { R.say(alt.parentNode, w("alt_needed"), "error"); file.value = ""; return; }
      R.say(alt.parentNode, "");
      upload(files[0], alt.value.trim(), drop);
    };
    file.addEventListener("change", function () { send(file.files); });
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.setAttribute("data-over", ""); });
    drop.addEventListener("dragleave", function () { drop.removeAttribute("data-over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.removeAttribute("data-over");
      send(event.dataTransfer.files);
    });
    return drop;
  }

  function upload(file, alt, drop) {
    R.say(drop, w("uploading", { name: file.name }));
    var query = "?alt=" + encodeURIComponent(alt) + "&name=" + encodeURIComponent(file.name) +
      "&version=" + encodeURIComponent(post.version);
    fetch(R.api("posts/" + encodeURIComponent(post.id) + "/media" + query), {
      method: "POST", body: file, credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/octet-stream", "Accept": "application/json",
                 "X-Kalender-CSRF": R.session.csrf }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        done({ ok: response.ok, status: response.status, data: data }, drop);
      });
    }, function () { R.say(drop, R.word("unreachable"), "error"); });
  }

  // -- history -------------------------------------------------------------------------

  function historyBox() {
    var box = el("details", { "class": "kal-ed-history", "data-history": "" }, [el("summary", { text: w("history_title") })]);
    box.addEventListener("toggle", function () { if (box.open) drawHistory(box); });
    return box;
  }

  function drawHistory(box) {
    box.querySelectorAll("[data-history-part]").forEach(function (n) { n.remove(); });
    R.request("GET", "posts/" + encodeURIComponent(post.id) + "/history").then(function (answer) {
      if (!answer.ok) { R.say(box, fail(answer), "error"); return; }
      if (!answer.data.git) { box.appendChild(el("p", { "data-history-part": "", text: answer.data.message })); return; }
      var list = el("ol", { "class": "kal-ed-versions", "data-history-part": "" });
      answer.data.versions.forEach(function (v, i) {
        list.appendChild(el("li", { "data-commit": v.commit }, [
          el("input", { type: "radio", name: "kal-from", value: v.commit, "aria-label": w("from") }),
          el("input", { type: "radio", name: "kal-to", value: v.commit, "aria-label": w("to") }),
          el("span", { text: " " + v.when.slice(0, 16).replace("T", " ") + " · " + v.author + " · " + v.subject })]));
        if (i === 1) list.lastChild.querySelector("[name='kal-from']").checked = true;
        if (i === 0) list.lastChild.querySelector("[name='kal-to']").checked = true;
      });
      var show = el("button", { type: "button", "class": "md-button", "data-show-diff": "", text: w("show_diff") });
      var out = el("div", { "class": "kal-ed-diff", "data-diff": "", "data-history-part": "" });
      show.addEventListener("click", function () {
        var from = list.querySelector("[name='kal-from']:checked"), to = list.querySelector("[name='kal-to']:checked");
        if (!from || !to) return;
        R.request("GET", "posts/" + encodeURIComponent(post.id) + "/diff?from=" + from.value + "&to=" + to.value)
          .then(function (diff) {
            out.textContent = "";
            if (diff.ok) out.appendChild(diffList(diff.data.lines)); else R.say(out, fail(diff), "error");
          });
      });
      box.append(list, el("div", { "data-history-part": "" }, [show]), out);
    });
  }

  // -- start ---------------------------------------------------------------------------

  function start(event) {
    R = window.KalenderReview;
    clearTimeout(timer); // a preview asked for by the member who just left is not sent
    asked++;
    document.querySelectorAll("[data-editor-ui]").forEach(function (n) { n.remove(); });
    if (!R || !event.detail.member) return;
    var page = document.querySelector("[data-kal-view]");
    var view = page && page.getAttribute("data-kal-view");
    if (view === "month" || view === "week" || view === "meeting") calendarPage(view);
    else postPage();
  }

  document.addEventListener("kalender:session", start);
})();
