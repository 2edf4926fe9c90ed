// Saves answers without reloading the page. Every form works without this
// script; it only makes answering smoother: a choice is saved as soon as it
// is picked, and the question is replaced by the server's new HTML.
(function () {
  "use strict";

  function progress(answered) {
    if (!answered) return;
    var el = document.querySelector("[data-answered]");
    if (el) el.textContent = answered;
    var left = document.querySelectorAll("[data-question]").length - Number(answered);
    var hint = document.querySelector("[data-left]");
    if (hint) hint.textContent = left > 0 ? " (" + left + " still unanswered)" : "";
  }

  function save(form) {
    var card = form.closest("[data-question]");
    var status = form.querySelector(".status");
    if (status) { status.textContent = "Saving…"; status.className = "status saving"; }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (res) {
      var ct = res.headers.get("Content-Type") || "";
      if (ct.indexOf("text/html") === -1) throw new Error("unexpected response");
      progress(res.headers.get("X-Answered"));
      return res.text().then(function (html) { return { ok: res.ok, status: res.status, html: html }; });
    }).then(function (r) {
      if (r.html.indexOf("data-question") === -1) {
        // Not a question fragment (the attempt ended, say): follow the normal way.
        form.submit();
        return;
      }
      var tmp = document.createElement("div");
      tmp.innerHTML = r.html;
      var fresh = tmp.firstElementChild;
      card.replaceWith(fresh);
      bind(fresh);
    }).catch(function () {
      form.submit();
    });
  }

  function bind(root) {
    root.querySelectorAll("form.answer-form").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        save(form);
      });
      if (!form.hasAttribute("data-autosave")) return;
      form.querySelectorAll("input[type=radio]").forEach(function (input) {
        input.addEventListener("change", function () { save(form); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { bind(document); });
})();
