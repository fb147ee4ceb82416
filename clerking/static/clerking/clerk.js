// The clerk's minute-taking screen (clerking/templates/clerking/meeting.html): the saving status,
// focus after a part of the page is swapped in, vote tallies, one-key voting and the search box
// over the list of officers. A static file, as the Content-Security-Policy allows no inline script.
(function () {
  var status = document.getElementById("clerk-status"), pending = 0;
  document.body.dataset.pending = "0";
  document.body.addEventListener("htmx:beforeRequest", function () {
    pending += 1;
    document.body.dataset.pending = String(pending);
    status.textContent = "Saving…";
  });
  document.body.addEventListener("htmx:afterRequest", function () {
    pending = Math.max(0, pending - 1);
    document.body.dataset.pending = String(pending);
  });
  document.body.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr, type = xhr.getResponseHeader("Content-Type") || "";
    // A short plain answer (signed out) says what to do; anything else, the general message.
    status.textContent = type.indexOf("text/plain") === 0 && xhr.responseText.length < 300
      ? xhr.responseText
      : "Not saved: the server refused the change. Reload the page.";
  });
  document.body.addEventListener("htmx:sendError", function () {
    status.textContent = "Not saved: the server could not be reached. Check the connection and try again.";
  });

  // A request waiting its turn (requests go one at a time) belongs to its form: a part sent
  // out of band for another change must not replace that form, or the request would be lost.
  // The part stays as it is until its own answer comes.
  var waiting = new Set(), answering = null;
  function requester(e) { return (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt; }
  document.body.addEventListener("htmx:confirm", function (e) { waiting.add(e.detail.elt); });
  document.body.addEventListener("htmx:afterRequest", function (e) { waiting.delete(requester(e)); });
  document.body.addEventListener("htmx:beforeSwap", function (e) {
    answering = {elt: requester(e), id: e.detail.target.id, status: e.detail.xhr.status};
  });
  document.body.addEventListener("htmx:oobBeforeSwap", function (e) {
    var target = e.detail.target;
    waiting.forEach(function (elt) {
      if (answering && elt === answering.elt) return;
      if (target.contains(elt)) e.detail.shouldSwap = false;
    });
  });
  // After the part asked for is swapped in: a refusal moves the focus to its error summary
  // (the status line, a live region, has said "Not saved"); focus left on nothing (a button
  // that went with the old part) goes to the new part.
  document.body.addEventListener("htmx:afterSwap", function (e) {
    var part = e.target;
    if (!answering || !part.id || part.id !== answering.id) return;
    var refused = answering.status === 400 && part.querySelector(".govuk-error-summary");
    answering = null;
    var to = refused || ((!document.activeElement || document.activeElement === document.body) ? part : null);
    if (!to) return;
    if (!to.hasAttribute("tabindex")) to.setAttribute("tabindex", "-1");
    to.focus({preventScroll: !refused});
  });

  function tally(form) {
    var out = form.querySelector("[data-tally-output]");
    if (!out) return;
    var n = {"for": 0, "against": 0, "abstain": 0, "did_not_vote": 0};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (r) { if (r.value in n) n[r.value] += 1; });
    out.textContent = "For " + n["for"] + ", Against " + n.against + ", Abstain " + n.abstain +
      ", Did not vote " + n.did_not_vote + ". On a simple majority: " +
      (n["for"] > n.against ? "carried" : n["for"] < n.against ? "lost" : "equal — the chair's casting vote decides") + ".";
  }
  function setUpTally(form) {
    tally(form);
    var all = form.querySelector("[data-all]");
    if (all) {
      all.hidden = false;
      all.addEventListener("click", function () {
        form.querySelectorAll('input[type=radio][value="' + all.dataset.all + '"]').forEach(function (r) { r.checked = true; });
        tally(form);
      });
    }
  }

  // The search box over a long list (the officers): it hides the options that do not match.
  function filter(box) {
    var select = document.getElementById(box.dataset.clerkFilter), input = box.querySelector("input");
    if (!select || !input) return;
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;  // "Someone not listed" stays
      var text = option.text.toLowerCase();
      option.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
      if (!option.hidden) shown += 1;
    });
    box.querySelector("[data-clerk-filter-count]").textContent = words.length
      ? (shown === 1 ? "1 name matches" : shown + " names match") + ": choose from the list below."
      : "";
  }
  function setUp(root) {
    root.querySelectorAll("form[data-tally]").forEach(setUpTally);
    root.querySelectorAll("[data-clerk-filter]").forEach(function (box) { box.hidden = false; filter(box); });
  }
  setUp(document);
  // Parts swapped in: set up their vote grids and search boxes.
  document.body.addEventListener("htmx:load", function (e) {
    if (e.target.querySelectorAll) setUp(e.target);
  });
  document.addEventListener("input", function (e) {
    var box = e.target.closest("[data-clerk-filter]");
    if (box) filter(box);
  });
  document.addEventListener("change", function (e) {
    var form = e.target.closest("form[data-tally]");
    if (form) tally(form);
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && t.matches("textarea")) {
      e.preventDefault();
      t.form.requestSubmit();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || !t.matches("input[type=radio]")) return;
    var row = t.closest("[data-one-key]");
    if (!row) return;
    var radio = row.querySelector('input[data-key="' + e.key.toLowerCase() + '"]');
    if (!radio) return;
    e.preventDefault();
    if (!radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event("change", {bubbles: true}));
    }
    var rows = Array.prototype.slice.call(t.form.querySelectorAll("[data-one-key]"));
    var next = rows[rows.indexOf(row) + 1];
    (next ? (next.querySelector("input:checked") || next.querySelector("input")) : radio).focus();
  });
})();
