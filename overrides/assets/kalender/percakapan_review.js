/* Answering public comments in the browser (kalender review): on the inbox and on a post's
   conversation, each comment gets a form to draft an answer, approve it (Kasubbag) or record
   it as posted with its link; on the listening page each misinformation claim gets a button
   that makes it a proposed post. Active only when review.js announces a logged-in session
   (event "kalender:review-session"); on the static site it does nothing. Every word comes
   from the server's catalog (session.words); text written by people is set with textContent
   only. The server decides who may do what and says why when it refuses. */
(function () {
  "use strict";

  var session = null;

  function word(key) { return (session && session.words[key]) || key; }

  function api(path) {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* default */ }
    return new URL("api/" + path, new URL(base.replace(/\/?$/, "/"), location.href)).href;
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  function reload() { location.reload(); }

  function send(body, note, route, done) {
    note.textContent = word("saving");
    return fetch(api(route || "conversations/answers"), {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-Kalender-CSRF": session.csrf },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        note.textContent = data.message || String(response.status);
        note.setAttribute("data-kind", response.ok ? "ok" : "error");
        if (!response.ok) return;
        note.textContent += "\n" + word("rebuilding");
        return fetch(api("build?after=" + data.ticket), { credentials: "same-origin" })
          .then(function () { (done || reload)(data); });
      });
    }, function () { note.textContent = word("unreachable"); note.setAttribute("data-kind", "error"); });
  }

  function button(label, action) {
    var node = el("button", { type: "button", "class": "md-button", "data-answer-step": action,
                              text: label });
    return node;
  }

  function formFor(item) {
    var key = item.getAttribute("data-comment");
    var step = (item.querySelector("[data-step]") || item).getAttribute("data-step") || "";
    if (step === "diposting") return null;
    var id = "kal-answer-" + key.replace(/[^A-Za-z0-9_-]/g, "-");
    var box = el("form", { "class": "kal-answer-form", "data-answer-form": key });
    var text = el("textarea", { id: id, rows: "3", maxlength: "8000", "data-field": "text" });
    var note = el("p", { "class": "kal-review-status", role: "status", "aria-live": "polite" });
    box.appendChild(el("label", { "for": id, text: word("answer_text") }));
    box.appendChild(text);
    var draft = button(word("answer_draft"), "draf");
    draft.addEventListener("click", function () {
      send({ comment: key, step: "draf", text: text.value }, note);
    });
    box.appendChild(draft);
    if (step === "draf") {
      var approve = button(word("answer_approve"), "disetujui");
      approve.addEventListener("click", function () { send({ comment: key, step: "disetujui" }, note); });
      box.appendChild(approve);
    }
    if (step === "draf" || step === "disetujui") {
      var url = el("input", { type: "url", id: id + "-url", placeholder: "https://", "data-field": "url" });
      box.appendChild(el("label", { "for": id + "-url", text: word("answer_url") }));
      box.appendChild(url);
      var posted = button(word("answer_posted"), "diposting");
      posted.addEventListener("click", function () {
        send({ comment: key, step: "diposting", url: url.value }, note);
      });
      box.appendChild(posted);
    }
    box.addEventListener("submit", function (event) { event.preventDefault(); });
    box.appendChild(note);
    return box;
  }

  function counterFor(item) {
    var key = item.getAttribute("data-comment");
    var box = el("p", { "class": "kal-answer-form", "data-answer-form": key, "data-counter": "" });
    var note = el("span", { "class": "kal-review-status", role: "status", "aria-live": "polite" });
    var make = button(word("counter"), "counter");
    make.addEventListener("click", function () {
      send({ comment: key }, note, "conversations/counter", function (data) {
        var link = el("a", { href: new URL("pos/" + encodeURIComponent(data.post) + "/",
                                           api("../")).href, text: data.message });
        note.textContent = "";
        note.appendChild(link);
      });
    });
    box.appendChild(make);
    box.appendChild(note);
    return box;
  }

  function decorate() {
    document.querySelectorAll("[data-answer-form]").forEach(function (n) { n.remove(); });
    if (!session || !session.member) return;
    document.querySelectorAll("li.kal-conv[data-comment]").forEach(function (item) {
      var form = formFor(item);
      if (form) item.appendChild(form);
    });
    document.querySelectorAll("[data-kal-claims] li.kal-conv[data-comment]").forEach(function (item) {
      item.appendChild(counterFor(item));
    });
  }

  document.addEventListener("kalender:review-session", function (event) {
    session = event.detail;
    decorate();
  });
})();
