// The annual appointments (workspace/templates/workspace/appointments.html): a membership's
// change fields are shown only while "Change" is chosen. GOV.UK Frontend's own conditional
// reveal puts aria-expanded on the radio, which ARIA does not allow on a radio; this does the
// same showing and hiding without it. Without JavaScript every field is shown.
(function () {
  function update(name) {
    document.querySelectorAll("input[data-reveals]").forEach(function (radio) {
      if (radio.name !== name) return;
      var panel = document.getElementById(radio.dataset.reveals);
      if (panel) panel.classList.toggle("govuk-radios__conditional--hidden", !radio.checked);
    });
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.type === "radio") update(target.name);
  });
})();
