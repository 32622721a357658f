// Ishigaki console: live "waiting since" counters, the policy side panel's close button and focus.
// No inline script anywhere (strict CSP); everything is wired from here.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function clock(s) {
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return (h > 0 ? h + ":" + pad(m) : String(m)) + ":" + pad(sec);
  }

  // Live countdown to the next escalation or deadline; past it, the time overdue.
  function tick() {
    var now = Date.now();
    var en = document.documentElement.lang === "en";
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      var due = Number(el.getAttribute("data-due"));
      if (!due) { return; }
      var s = Math.floor((due - now) / 1000);
      if (s >= 0) {
        el.textContent = (en ? "in " : "残り ") + clock(s);
        el.classList.remove("late");
      } else {
        el.textContent = (en ? "overdue " : "超過 ") + clock(-s);
        el.classList.add("late");
      }
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

  // Forms that destroy something ask first (data-confirm holds the question; no inline script under the CSP).
  document.addEventListener("submit", function (ev) {
    var form = ev.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.getAttribute("data-confirm"))) {
      ev.preventDefault();
    }
  });

  document.addEventListener("DOMContentLoaded", tick);
  setInterval(tick, 1000);
})();
