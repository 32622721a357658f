// Ishigaki console: live "waiting since" counters, the policy side panel's close button and focus.
// No inline script anywhere (strict CSP); everything is wired from here.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-since]").forEach(function (el) {
      var since = Number(el.getAttribute("data-since"));
      if (!since) { el.textContent = ""; return; }
      var s = Math.max(0, Math.floor((now - since) / 1000));
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
      el.textContent = (h > 0 ? h + ":" + pad(m) : String(m)) + ":" + pad(sec);
    });
  }

  document.addEventListener("click", function (ev) {
    var close = ev.target.closest("[data-close-panel]");
    if (close) {
      var panel = document.getElementById("policy-panel");
      panel.replaceChildren();
      panel.classList.remove("open");
    }
  });

  document.addEventListener("htmx:afterSwap", function (ev) {
    if (ev.detail.target && ev.detail.target.id === "policy-panel") {
      ev.detail.target.classList.add("open");
      var inner = document.getElementById("policy-panel-content");
      if (inner) { inner.focus(); }
    }
    tick();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      var panel = document.getElementById("policy-panel");
      if (panel && panel.classList.contains("open")) {
        panel.replaceChildren();
        panel.classList.remove("open");
      }
    }
  });

  // The live indicator: green while the server-sent event stream is open.
  document.addEventListener("htmx:sseOpen", function () { document.body.setAttribute("data-live", "open"); });
  document.addEventListener("htmx:sseError", function () { document.body.setAttribute("data-live", "lost"); });

  document.addEventListener("DOMContentLoaded", tick);
  setInterval(tick, 1000);
})();
