/*
 * Web workers for pages opened from file://.
 *
 * Chromium refuses `new Worker("file:...")`, so Material's search worker cannot start
 * when the site is opened from its folder. This runs the worker script in a hidden
 * iframe of the same page instead: `postMessage` in both directions becomes an event,
 * and `importScripts` returns a promise (Material's search worker awaits it).
 *
 * Written for the calendar site as a local stand-in for the CDN script the offline
 * plugin would add: the site makes no request to the internet. Served over http(s),
 * it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof window.EventTarget !== "function") {
    return;
  }

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("importScripts: " + url)); };
      doc.head.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.pending = [];
      this.ready = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(this.frame);
      this.start(new URL(url, location.href).href);
    }

    start(url) {
      var worker = this;
      var scope = this.frame.contentWindow;
      var doc = scope.document;
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return Promise.all(urls.map(function (each) { return loadScript(doc, each); }));
      };
      scope.postMessage = function (data) { worker.deliver(data); };
      loadScript(doc, url).then(function () {
        worker.ready = true;
        worker.pending.splice(0).forEach(function (data) { worker.postMessage(data); });
      }, function (error) { worker.fail(error); });
    }

    postMessage(data) {
      if (!this.ready) {
        this.pending.push(data);
        return;
      }
      var scope = this.frame.contentWindow;
      scope.dispatchEvent(new scope.MessageEvent("message", { data: data }));
    }

    deliver(data) {
      var event = new MessageEvent("message", { data: data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") {
        this.onmessage(event);
      }
    }

    fail(error) {
      var event = new ErrorEvent("error", { message: String(error), error: error });
      this.dispatchEvent(event);
      if (typeof this.onerror === "function") {
        this.onerror(event);
      }
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
