// The clerk's minute-taking screen: saving status, vote tallies and one-key voting
// (clerking/templates/clerking/meeting.html). A static file, as the Content-Security-Policy
// allows no inline script.
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
  document.body.addEventListener("htmx:responseError", function () {
    status.textContent = "Not saved: the server refused the change. Reload the page.";
  });
  document.body.addEventListener("htmx:sendError", function () {
    status.textContent = "Not saved: the server could not be reached. Check the connection and try again.";
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
  document.querySelectorAll("form[data-tally]").forEach(setUpTally);
  // Content swapped in (the item's lists follow the attendance): set up its vote grids.
  document.body.addEventListener("htmx:load", function (e) {
    if (e.target.querySelectorAll) e.target.querySelectorAll("form[data-tally]").forEach(setUpTally);
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
