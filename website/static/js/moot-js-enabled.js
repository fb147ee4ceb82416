// GOV.UK Frontend's "JavaScript is on" classes, set before the page is drawn (a static file:
// the Content-Security-Policy allows no inline script).
document.body.className += " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
