/* Review in the browser (kalender review): log in, comment on a preview (optionally pinned to
   a point of its picture), resolve, and Paraf / Setujui / Kembalikan / Ajukan / Unggah.
   Active only when GET api/session answers as the review server (asked only on pages that
   carry its kalender_review cookie): on the static site (served by anything else, or from
   file://) it does nothing. Every word comes from the server's
   catalog (session.words); text written by people is only ever set with textContent. */
(function () {
  "use strict";

  var session = null;
  var state = null;
  var pending = null; // {figure, x, y}: the point chosen for the next comment

  function siteBase() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* default */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function api(path) { return new URL("api/" + path, siteBase()).href; }

  function word(key, params) {
    var text = (session && session.words[key]) || key;
    Object.keys(params || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(params[name]));
    });
    return text;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function request(method, path, body) {
    var headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (session && session.csrf) headers["X-Kalender-CSRF"] = session.csrf;
    return fetch(api(path), {
      method: method, headers: headers, credentials: "same-origin", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  // -- the bar: who is logged in --------------------------------------------------------

  function status(text, kind) {
    var box = document.querySelector("[data-review-status]");
    if (!box) return;
    box.textContent = text || "";
    box.setAttribute("data-kind", kind || "info");
  }

  function bar() {
    var old = document.querySelector("[data-review-bar]");
    if (old) old.remove();
    var box = el("div", { "class": "kal-review-bar", "data-review-bar": "",
                          "role": "region", "aria-label": word("bar_label") });
    if (session.member) {
      var out = el("button", { type: "button", "class": "md-button", "data-review-logout": "",
                               text: word("logout") });
      out.addEventListener("click", logout);
      box.appendChild(el("span", { "data-review-who": session.member,
                                   text: word("logged_in", { name: session.name }) }));
      box.appendChild(out);
    } else {
      box.appendChild(loginForm());
    }
    box.appendChild(el("p", { "class": "kal-review-status", "data-review-status": "",
                              "role": "status", "aria-live": "polite" }));
    var where = document.querySelector(".md-content__inner") || document.body;
    where.insertBefore(box, where.firstChild);
  }

  function loginForm() {
    var select = el("select", { name: "member", id: "kal-review-member", required: "" });
    session.members.forEach(function (m) {
      select.appendChild(el("option", { value: m.id, text: m.name + " (" + m.id + ")" }));
    });
    var password = el("input", { type: "password", name: "password", id: "kal-review-password",
                                 autocomplete: "current-password", required: "" });
    var form = el("form", { "class": "kal-review-login", "data-review-login": "" }, [
      el("strong", { text: word("login_title") }),
      el("label", { "for": "kal-review-member", text: word("member") }), select,
      el("label", { "for": "kal-review-password", text: word("password") }), password,
      el("button", { type: "submit", "class": "md-button md-button--primary",
                     text: word("login") })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      request("POST", "login", { member: select.value, password: password.value })
        .then(function (answer) {
          if (!answer.ok) { status(answer.data.message || word("failed", answer), "error"); return; }
          password.value = "";
          start(answer.data);
        }, unreachable);
    });
    return form;
  }

  function logout() {
    request("POST", "logout", {}).then(function (answer) {
      if (answer.ok) { state = null; start(answer.data); }
      else status(answer.data.message || word("failed", answer), "error");
    }, unreachable);
  }

  function unreachable() { status(word("unreachable"), "error"); }

  // A message next to the control that caused it (one per control box, replaced each time).
  function say(near, text, kind) {
    if (!near) { status(text, kind); return; }
    var box = near.querySelector(":scope > [data-review-message]");
    if (!box) {
      box = el("p", { "class": "kal-review-message", "data-review-message": "",
                      "role": "status", "aria-live": "polite" });
      near.appendChild(box);
    }
    box.textContent = text || "";
    box.setAttribute("data-kind", kind || "info");
  }

  // -- the post page -------------------------------------------------------------------

  function postId() {
    var article = document.querySelector("article.kal-post[data-post]");
    return article ? article.getAttribute("data-post") : null;
  }

  function loadState() {
    var id = postId();
    if (!id || !session.member) { logoutPage(); return Promise.resolve(); }
    return request("GET", "posts/" + encodeURIComponent(id)).then(function (answer) {
      if (answer.ok) { state = answer.data.state; decorate(); }
      else status(answer.data.message || word("failed", answer), "error");
    }, unreachable);
  }

  var forms = {}; // platform ("" for the whole post) -> its comment form, kept across patches

  function clearPost() {
    document.querySelectorAll("[data-review-ui]").forEach(function (node) { node.remove(); });
  }

  function logoutPage() {
    clearPost();
    Object.keys(forms).forEach(function (key) { forms[key].remove(); });
    forms = {};
    setPin(null);
  }

  function hideNotices() {
    // Served by kalender review: the static site's "read-only" notice does not apply.
    document.querySelectorAll("[data-review-notice]").forEach(function (n) { n.hidden = true; });
  }

  function decorate() {
    clearPost();
    hideNotices();
    if (!state) return;
    var panel = movesPanel();
    if (panel) panel.appendChild(formFor("", null));
    document.querySelectorAll("figure.kk-preview[data-preview]").forEach(function (figure) {
      var platform = figure.getAttribute("data-preview");
      var key = platform + "/" + figure.getAttribute("data-format");
      if (!forms[key]) forms[key] = commentForm(platform, figure);
      figure.appendChild(forms[key]);
      drawPins(figure);
    });
    resolveButtons();
    if (pending) setPin(pending);
  }

  function formFor(platform, figure) {
    if (!forms[platform]) forms[platform] = commentForm(platform, figure);
    return forms[platform];
  }

  function movesPanel() {
    var slot = document.querySelector("[data-slot='approval']");
    if (!slot) return null;
    var panel = el("section", { "class": "kal-review-moves", "data-review-ui": "",
                                "data-review-moves": "", "data-state": state.state }, [
      el("h2", { text: word("moves_title") }),
      el("p", { "data-review-state": state.state, text: word("state", { label: state.label }) })
    ]);
    if (!state.moves.length) panel.appendChild(el("p", { text: word("no_moves") }));
    state.moves.forEach(function (move) { panel.appendChild(moveControl(move)); });
    slot.parentNode.insertBefore(panel, slot);
    return panel;
  }

  function moveControl(move) {
    var box = el("div", { "class": "kal-review-move", "data-move": move.action });
    var button = el("button", { type: "button", "class": "md-button md-button--primary",
                                "data-action": move.action, text: move.label });
    var extra = {};
    if (move.action === "return") {
      var note = el("textarea", { rows: "2", maxlength: "4000", "data-field": "note",
                                  id: "kal-review-note" });
      box.appendChild(el("label", { "for": "kal-review-note", text: word("note_label") }));
      box.appendChild(note);
      extra.note = note;
    } else if (move.action === "uploaded") {
      var platform = el("select", { "data-field": "platform", id: "kal-review-platform" });
      move.platforms.forEach(function (p, i) {
        platform.appendChild(el("option", { value: p, text: (move.platform_names || [])[i] || p }));
      });
      var url = el("input", { type: "url", "data-field": "url", id: "kal-review-url",
                              placeholder: "https://" });
      box.appendChild(el("label", { "for": "kal-review-platform", text: word("platform_label") }));
      box.appendChild(platform);
      box.appendChild(el("label", { "for": "kal-review-url", text: word("url_label") }));
      box.appendChild(url);
      extra.platform = platform;
      extra.url = url;
    }
    var holds = holdsList(move);
    button.addEventListener("click", function () {
      var body = { action: move.action, version: state.version };
      Object.keys(extra).forEach(function (name) { body[name] = extra[name].value; });
      if (holds) { body.acknowledged = holds.acknowledged(); body.carried = holds.carried(); }
      act(body, box);
    });
    box.appendChild(button);
    if (refused && refused.action === move.action) {
      box.appendChild(el("p", { "class": "kal-review-refused", "data-review-refused": "",
                                "role": "alert", text: refused.message }));
    }
    if (holds) box.appendChild(holds.node);
    return box;
  }

  // -- the gates of a move: errors, warnings to acknowledge, comments to carry ------------

  var refused = null; // {action, message}: the last move refused, shown next to its button
  var typed = {};     // reasons typed beside the checkboxes, kept across redraws

  function holdsList(move) {
    var holds = move.holds;
    if (!holds || !(holds.errors.length || holds.warnings.length || holds.comments.length)) return null;
    var node = el("div", { "class": "kal-review-holds", "data-holds": move.action });
    var picks = { acknowledged: [], carried: [] };
    if (holds.errors.length) {
      node.appendChild(el("p", { text: word("holds_errors") }));
      node.appendChild(el("ul", {}, holds.errors.map(function (f) {
        return el("li", { "data-finding": f.code, "data-severity": "error", text: findingText(f) });
      })));
    }
    holds.warnings.forEach(function (w) {
      node.appendChild(tickBox(move, "acknowledge", w.code, word("acknowledge", { code: w.code }),
                               w.findings.map(findingText), w.acknowledged, picks.acknowledged,
                               function (why) { return { code: w.code, why: why }; }));
    });
    holds.comments.forEach(function (c) {
      node.appendChild(tickBox(move, "carry", String(c.number), word("carry", { number: c.number }),
                               [c.line], null, picks.carried,
                               function (note) { return { comment: c.number, note: note }; }));
    });
    function chosen(list) {
      return list.filter(function (p) { return p.box.checked && !p.box.disabled; })
        .map(function (p) { return p.make(p.reason.value); });
    }
    return { node: node, acknowledged: function () { return chosen(picks.acknowledged); },
             carried: function () { return chosen(picks.carried); } };
  }

  function findingText(f) { return f.where + " [" + f.code + "] " + f.message; }

  function tickBox(move, kind, key, label, lines, before, picks, make) {
    var id = "kal-review-" + kind + "-" + move.action + "-" + key.replace(/[^a-z0-9]+/gi, "-");
    var memo = move.action + "/" + kind + "/" + key;
    var box = el("input", { type: "checkbox", id: id });
    box.setAttribute("data-" + kind, key);
    var reason = el("input", { type: "text", maxlength: "1000", id: id + "-why",
                               "data-why": key });
    reason.value = before || typed[memo] || "";
    reason.addEventListener("input", function () { typed[memo] = reason.value; });
    if (before !== null) { box.checked = true; box.disabled = true; reason.disabled = true; }
    picks.push({ box: box, reason: reason, make: make });
    var item = el("div", { "class": "kal-review-hold", "data-hold": kind }, [
      el("div", {}, [box, el("label", { "for": id, text: label })]),
      el("ul", {}, lines.map(function (line) { return el("li", { text: line }); })),
      el("label", { "for": id + "-why", text: word(before !== null ? "acknowledged_before"
                                                   : kind === "carry" ? "carry_note" : "why") }),
      reason
    ]);
    item.setAttribute("data-" + kind + "-item", key);
    return item;
  }

  function commentForm(platform, figure) {
    var id = "kal-review-comment-" + (figure ? platform + "-" + figure.getAttribute("data-format") : "umum");
    var label = platform ? word("comment_label", { platform: figure.querySelector(".kk-preview__name")
      ? figure.querySelector(".kk-preview__name").textContent : platform }) : word("comment_general");
    var text = el("textarea", { id: id, rows: "3", maxlength: "8000", "data-field": "text" });
    var pinInfo = el("p", { "class": "kal-review-pin-info", "data-pin-info": "",
                            text: figure ? word("pin_hint") : "" });
    var form = el("form", { "class": "kal-review-comment", "data-review-comment": platform }, [
      el("label", { "for": id, text: label }), text, pinInfo,
      el("button", { type: "submit", "class": "md-button", text: word("send") })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { action: "comment", text: text.value };
      if (platform) body.platform = platform;
      if (pending && pending.figure === figure) body.pin = [pending.x, pending.y];
      act(body, form).then(function (ok) { if (ok) { text.value = ""; setPin(null); } });
    });
    return form;
  }

  function pictureOf(figure) {
    return figure.querySelector(".kk-preview__frame img.kk-pic");
  }

  function setPin(point) {
    document.querySelectorAll("[data-review-new-pin]").forEach(function (n) { n.remove(); });
    if (pending) {
      var info = pending.figure.querySelector("[data-pin-info]");
      if (info) info.textContent = word("pin_hint");
    }
    pending = point;
    if (!point) return;
    var info2 = point.figure.querySelector("[data-pin-info]");
    if (info2) {
      info2.textContent = word("pin_set", { x: Math.round(point.x * 100), y: Math.round(point.y * 100) }) + " ";
      var clear = el("button", { type: "button", "class": "kal-review-link", text: word("pin_clear") });
      clear.addEventListener("click", function () { setPin(null); });
      info2.appendChild(clear);
    }
    placePin(point.figure, point.x, point.y, "+", { "data-review-new-pin": "" });
  }

  function placePin(figure, x, y, label, attrs) {
    var picture = pictureOf(figure);
    var frame = figure.querySelector(".kk-preview__frame");
    if (!picture || !frame) return;
    var box = picture.getBoundingClientRect();
    var outer = frame.getBoundingClientRect();
    var pin = el("span", Object.assign({ "class": "kal-review-pin", "data-review-ui": "",
                                         "aria-hidden": "true", text: label }, attrs));
    pin.style.left = (box.left - outer.left + x * box.width) + "px";
    pin.style.top = (box.top - outer.top + y * box.height) + "px";
    frame.appendChild(pin);
  }

  function drawPins(figure) {
    var platform = figure.getAttribute("data-preview");
    state.comments.forEach(function (c) {
      if (c.platform !== platform || !c.pin) return;
      placePin(figure, c.pin[0], c.pin[1], String(c.number),
               { "data-pin": String(c.number), "data-open": String(c.open),
                 title: word("pin_of", { number: c.number }) });
    });
  }

  function resolveButtons() {
    var open = {};
    state.comments.forEach(function (c) { if (c.open) open[c.number] = true; });
    document.querySelectorAll("li.kal-comment[data-comment]").forEach(function (item) {
      var number = Number(item.getAttribute("data-comment"));
      if (!open[number]) return;
      var button = el("button", { type: "button", "class": "kal-review-link", "data-review-ui": "",
                                  "data-resolve": String(number), text: word("resolve") });
      button.addEventListener("click", function () { act({ action: "resolve", comment: number }, item); });
      item.appendChild(button);
    });
  }

  document.addEventListener("click", function (event) {
    if (!state || !(event.target instanceof Element)) return;
    var picture = event.target.closest(".kk-preview__frame img.kk-pic");
    if (!picture) return;
    var figure = picture.closest("figure.kk-preview");
    var first = pictureOf(figure);
    var box = (first || picture).getBoundingClientRect();
    var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    setPin({ figure: figure, x: Math.round(x * 10000) / 10000, y: Math.round(y * 10000) / 10000 });
  });

  // -- acting, then patching the page from the rebuilt one ------------------------------

  // The control box is redrawn by decorate(): the message goes to the box drawn in its place.
  function placeOf(near) {
    if (!near) return null;
    var move = near.getAttribute("data-move");
    if (move) return function () { return document.querySelector("[data-review-moves] [data-move='" + move + "']"); };
    return function () { return document.contains(near) ? near : null; };
  }

  function act(body, near) {
    var where = placeOf(near);
    var show = function (text, kind) { say(where ? where() : null, text, kind); };
    show(word("saving"));
    return request("POST", "posts/" + encodeURIComponent(postId()) + "/actions", body)
      .then(function (answer) {
        if (answer.data.state) { state = answer.data.state; }
        refused = null;
        if (!answer.ok) {
          var message = answer.data.message || word("failed", answer);
          if (answer.status === 409 && body.version !== undefined) {
            refused = { action: body.action, message: message };  // drawn beside its button
          }
          decorate();
          if (!refused) show(message, "error");
          return refresh(0).then(function () {
            if (!refused) show(message, "error");
            return false;
          });
        }
        decorate();
        show(answer.data.message + "\n" + word("rebuilding"), "ok");
        changed();
        return refresh(answer.data.ticket).then(function () {
          show(answer.data.message + "\n" + word("updated"), "ok");
          return true;
        });
      }, function () { unreachable(); return false; });
  }

  // Tell the editor (editor.js) that the post's file changed: it reads its version again.
  function changed() { document.dispatchEvent(new CustomEvent("kalender:changed")); }

  function refresh(ticket) {
    var wait = ticket ? request("GET", "build?after=" + ticket) : Promise.resolve(null);
    return wait.then(function (answer) {
      if (answer && answer.data.error) status(word("build_failed", { error: answer.data.error }), "error");
      return fetch(location.href, { cache: "no-store", credentials: "same-origin" });
    }).then(function (response) { return response.text(); }).then(function (html) {
      patch(new DOMParser().parseFromString(html, "text/html"));
      decorate();
    });
  }

  var FRAGMENTS = [".kal-post__head", ".kal-details", "[data-slot='approval']", ".kal-findings",
                   ".kal-captions", ".kal-media", ".kal-material"];

  function patch(fresh) {
    FRAGMENTS.forEach(function (selector) { swap(document.querySelector(selector), fresh.querySelector(selector)); });
    addSymbols(fresh);
    document.querySelectorAll("figure.kk-preview[data-preview]").forEach(function (figure) {
      var key = "figure.kk-preview[data-preview='" + figure.getAttribute("data-preview") +
        "'][data-format='" + figure.getAttribute("data-format") + "'] .kal-thread";
      swap(figure.querySelector(".kal-thread"), fresh.querySelector(key));
    });
  }

  function swap(old, fresh) {
    if (old && fresh) old.replaceWith(document.importNode(fresh, true));
  }

  // A badge drawn after an action may use an icon this page's sprite does not hold yet.
  function addSymbols(fresh) {
    var sprite = document.querySelector("svg.kal-sprite");
    fresh.querySelectorAll("svg.kal-sprite symbol[id]").forEach(function (symbol) {
      if (document.getElementById(symbol.id)) return;
      if (!sprite) {
        sprite = document.importNode(symbol.ownerSVGElement || symbol.parentNode, false);
        document.body.appendChild(sprite);
      }
      sprite.appendChild(document.importNode(symbol, true));
    });
  }

  // -- start ---------------------------------------------------------------------------

  function start(data) {
    session = data;
    document.documentElement.setAttribute("data-review", session.member ? "in" : "out");
    hideNotices();
    bar();
    // Other page scripts (percakapan_review.js) act with the same session.
    document.dispatchEvent(new CustomEvent("kalender:review-session", { detail: session }));
    window.KalenderReview = { session: session, request: request, word: word, el: el, say: say,
                              api: api, siteBase: siteBase, refresh: refresh, postId: postId };
    document.dispatchEvent(new CustomEvent("kalender:session", { detail: session }));
    return loadState();
  }

  function boot() {
    // Only pages served by kalender review carry this cookie: the static site (any other
    // server, or file://) sends no request at all, so it logs no failed one either.
    if (!/(?:^|;\s*)kalender_review=1(?:;|$)/.test(document.cookie)) return;
    fetch(api("session"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && data.review === true) start(data); })
      .catch(function () { /* the static site: no review server, nothing to do */ });
  }

  function redrawPins() {
    if (!state) return;
    document.querySelectorAll(".kal-review-pin").forEach(function (pin) { pin.remove(); });
    document.querySelectorAll("figure.kk-preview[data-preview]").forEach(drawPins);
    if (pending) setPin(pending);
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(redrawPins, 200);
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
