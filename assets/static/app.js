// Makes answering smoother; every form works without this script. The quiz
// page is one form, and every answer on it travels with each save:
//   - a Save button saves without reloading, and the question is redrawn
//     with focus kept on the control it was on;
//   - where answers can still change (feedback at the end), answers are
//     saved as the student pauses, and the page says so;
//   - a time limit shows a countdown, warns at one minute, and hands in
//     when it runs out;
//   - times are shown in the browser's time zone;
//   - a print button opens the print dialog (sign-in cards).
(function () {
  "use strict";

  var form = null, saveTimer = null, inFlight = false, again = false;

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function setState(text, cls) {
    var el = $("[data-save-state]");
    if (!el) return;
    el.textContent = text;
    el.className = "save-state" + (cls ? " " + cls : "");
  }

  function clock(d) {
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  // controlKey names a form control so that the same control can be found
  // again in a redrawn question.
  function controlKey(el) {
    if (!el || !el.name) return null;
    return { name: el.name, value: el.type === "radio" || el.type === "checkbox" || el.type === "submit" ? el.value : null,
      index: $all('[name="' + el.name + '"]').indexOf(el) };
  }

  function findControl(root, key) {
    if (!key) return null;
    var all = $all('[name="' + key.name + '"]', root);
    if (key.value !== null) {
      for (var i = 0; i < all.length; i++) if (all[i].value === key.value) return all[i];
      return null;
    }
    return all[key.index] || all[0] || null;
  }

  // replaceCard puts a redrawn question in place and keeps keyboard focus
  // inside it: on the same control when it is still there and enabled,
  // else on the question's feedback or the question itself.
  function replaceCard(old, fresh) {
    var had = old.contains(document.activeElement) ? controlKey(document.activeElement) : null;
    var wasFocused = old.contains(document.activeElement);
    old.replaceWith(fresh);
    if (!wasFocused) return;
    var target = findControl(fresh, had);
    if (!target || target.disabled) {
      target = $(".field-error", fresh) || $(".feedback", fresh) || fresh;
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  function progress(res, cards) {
    var answered = res.headers.get("X-Answered");
    var el = $("[data-answered]");
    if (el && answered) el.textContent = answered;
    var left = $("[data-left]");
    if (left && cards) left.textContent = cards.getAttribute("data-left") || "";
  }

  // send posts the whole quiz form; pressed is the id of the question whose
  // Save button was used, "" for a save while typing.
  function send(pressed) {
    if (inFlight) { again = true; return; }
    inFlight = true;
    var body = new URLSearchParams(new FormData(form));
    if (pressed) body.set("save", pressed);
    setState("Saving…", "saving");
    if (pressed) {
      var st = $('[data-question="' + pressed + '"] [data-status]');
      if (st) st.textContent = "Saving…";
    }
    fetch(form.action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (res) {
      var closed = res.headers.get("X-Attempt-Closed");
      if (closed) { window.location.assign(closed); return; }
      var ct = res.headers.get("Content-Type") || "";
      if (ct.indexOf("text/html") === -1) throw new Error("unexpected response");
      return res.text().then(function (html) {
        var tmp = document.createElement("div");
        tmp.innerHTML = html;
        var cards = $("[data-cards]", tmp);
        if (!cards) throw new Error("unexpected response");
        progress(res, cards);
        var saved = (res.headers.get("X-Saved") || "").split(",").filter(Boolean);
        var problems = 0, sent = {};
        // The cards that came are the question pressed and those with a
        // problem; every other question saved is marked so in place.
        $all("[data-question]", cards).forEach(function (fresh) {
          var id = fresh.getAttribute("data-question");
          sent[id] = true;
          var old = $('[data-question="' + id + '"]', form);
          if (!old) return;
          var err = $(".field-error", fresh);
          if (err) problems++;
          if (id === pressed || (err && !old.contains(document.activeElement))) {
            replaceCard(old, fresh);
            return;
          }
          var st = $("[data-status]", old);
          if (err && st) st.textContent = "Not saved: " + err.textContent;
          if (saved.indexOf(id) !== -1) {
            old.classList.add("answered");
            if (st) st.textContent = "Saved";
          }
        });
        saved.forEach(function (id) {
          if (sent[id]) return;
          var old = $('[data-question="' + id + '"]', form);
          if (!old) return;
          old.classList.add("answered");
          var st = $("[data-status]", old);
          if (st) st.textContent = "Saved";
        });
        if (problems) setState("Some answers are not saved yet: see the messages below them.", "problem");
        else setState("All answers saved at " + clock(new Date()), "ok");
      });
    }).catch(function () {
      setState("Could not save just now; your answers are still on this page and go with Finish.", "problem");
    }).then(function () {
      inFlight = false;
      if (again) { again = false; send(""); }
    });
  }

  function saveSoon(delay) {
    clearTimeout(saveTimer);
    setState("Not saved yet…", "pending");
    saveTimer = setTimeout(function () { send(""); }, delay);
  }

  function bindForm() {
    form = $("#attempt-form");
    if (!form) return;
    form.addEventListener("submit", function (ev) {
      var btn = ev.submitter;
      if (btn && btn.name === "save") {
        ev.preventDefault();
        clearTimeout(saveTimer);
        var id = btn.value;
        if (!id) {
          // Enter in an answer box: save the question it belongs to
          var card = document.activeElement && document.activeElement.closest("[data-question]");
          id = card ? card.getAttribute("data-question") : "";
        }
        send(id);
      }
      // Finish (and the hand-in when time runs out) go the normal way,
      // with every answer on the page.
    });
    if (!form.hasAttribute("data-autosave")) return;
    form.addEventListener("change", function (ev) {
      if (ev.target.matches("input[type=radio], input[type=checkbox], select")) saveSoon(250);
    });
    form.addEventListener("input", function (ev) {
      if (ev.target.matches("input[type=text], textarea")) saveSoon(1500);
    });
  }

  // countdown shows the time left, warns once at one minute, and hands the
  // attempt in (with the answers on the page) when it runs out.
  function countdown() {
    var box = $("[data-countdown]");
    if (!box) return;
    var deadline = Date.parse(box.getAttribute("data-deadline"));
    if (isNaN(deadline)) return;
    box.innerHTML = "";
    box.classList.add("live");
    var left = document.createElement("span");
    left.className = "time-left";
    var alertBox = document.createElement("span");
    alertBox.className = "sr-only";
    alertBox.setAttribute("role", "alert");
    box.appendChild(left);
    box.appendChild(alertBox);
    var warned = false, done = false;
    function tick() {
      var ms = deadline - Date.now();
      var s = Math.max(0, Math.ceil(ms / 1000));
      var text = Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
      left.textContent = "Time left: " + text;
      if (s <= 60 && !warned) {
        warned = true;
        box.classList.add("warn");
        alertBox.textContent = "One minute left. Your answers are handed in when the time is up.";
      }
      if (s <= 0 && !done) {
        done = true;
        left.textContent = "Time is up: handing in…";
        handIn();
        return;
      }
      setTimeout(tick, Math.min(1000, Math.max(50, ms % 1000 || 1000)));
    }
    tick();
  }

  function handIn() {
    if (form) {
      var auto = document.createElement("input");
      auto.type = "hidden"; auto.name = "auto"; auto.value = "1";
      form.appendChild(auto);
      form.action = form.getAttribute("data-hand-in");
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    var confirm = $("form.confirm");
    if (confirm) HTMLFormElement.prototype.submit.call(confirm);
  }

  // localTimes shows server times (UTC) in the browser's time zone.
  function localTimes() {
    $all("time[data-local-time]").forEach(function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d)) return;
      el.textContent = el.getAttribute("data-local-time") === "date"
        ? d.toLocaleString([], { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
        : clock(d);
    });
  }

  // printButtons shows the buttons that open the print dialog; without
  // the script the page says to use the browser's menu.
  function printButtons() {
    $all("[data-print]").forEach(function (el) {
      el.hidden = false;
      el.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes();
    printButtons();
    bindForm();
    countdown();
  });

})();
