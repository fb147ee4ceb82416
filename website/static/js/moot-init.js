// Starts GOV.UK Frontend's components (a static file: the Content-Security-Policy allows no
// inline script). govuk-frontend.min.js is served beside this file.
import { initAll } from "./govuk-frontend.min.js";

initAll();
