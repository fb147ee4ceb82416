// Nothing typed is lost, for any form marked data-moot-unsaved:
//
// - leaving the page (a link, reload, closing the tab) while such a form holds changes not yet
//   saved asks first (the browser's "Leave site?" question);
// - where htmx swaps in a new part of the page, what was typed in the part it replaces and not
//   yet saved is put back into the same form (by its id, each field by its id), and announced
//   with an input or change event so that a form saving as it is typed saves it.
//
// A form's changes are the fields whose values differ from those it was drawn with (their
// defaults). data-moot-unsaved="changed" says the server drew it with values it did not save
// (a refused form, shown as posted). A normal submission takes its own form's changes with it;
// an htmx request that succeeds makes what it sent the saved values of the fields it sent.
//
// Loaded as a module (<script type="module">; the Content-Security-Policy allows no inline
// script). Nothing here depends on htmx being on the page: without it, only the warning.
const FORM = "form[data-moot-unsaved]";
const UNTRACKED = new Set(["hidden", "submit", "button", "reset", "image"]);

function fieldsOf(scope) {
  const all = scope.elements ? Array.from(scope.elements)
    : scope.matches("input, select, textarea") ? [scope]
    : Array.from(scope.querySelectorAll("input, select, textarea"));
  return all.filter((el) => el.name && !el.disabled && !UNTRACKED.has(el.type));
}

function defaultIndex(select) {
  let index = -1;
  Array.from(select.options).forEach((o, n) => { if (o.defaultSelected) index = n; });
  if (index === -1) index = Array.from(select.options).findIndex((o) => !o.disabled);
  return index;
}

function isChanged(el) {
  if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
  if (el.type === "file") return el.value !== "";
  if (el.tagName === "SELECT") {
    if (el.multiple) return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
    return el.selectedIndex !== defaultIndex(el);
  }
  return el.value !== el.defaultValue;
}

export function hasChanges(form) {
  return form.dataset.mootUnsaved === "changed" || fieldsOf(form).some(isChanged);
}

function valueOf(el) {
  if (el.type === "checkbox" || el.type === "radio") return el.checked;
  if (el.tagName === "SELECT") return Array.from(el.options).map((o) => o.selected).join();
  return el.value;
}

// The values a request sends, kept until it is answered: a success makes them the defaults.
const sending = new Map();
const requester = (e) => (e.detail.requestConfig && e.detail.requestConfig.elt) || e.detail.elt;

document.addEventListener("htmx:beforeRequest", (e) => {
  const elt = requester(e);
  if (!elt.closest || !elt.closest(FORM)) return;
  sending.set(elt, fieldsOf(elt).map((el) => [el, valueOf(el)]));
});

document.addEventListener("htmx:afterRequest", (e) => {
  const elt = requester(e);
  const sent = sending.get(elt);
  sending.delete(elt);
  const status = e.detail.xhr ? e.detail.xhr.status : 0;
  if (!sent || status < 200 || status > 299) return;
  for (const [el, value] of sent) {
    if (valueOf(el) !== value) continue; // changed again since it was sent: still unsaved
    if (el.type === "checkbox" || el.type === "radio") el.defaultChecked = el.checked;
    else if (el.tagName === "SELECT") Array.from(el.options).forEach((o) => { o.defaultSelected = o.selected; });
    else if (el.type !== "file") el.defaultValue = el.value;
  }
  const form = elt.closest(FORM);
  if (form && form.dataset.mootUnsaved === "changed" && (elt === form)) form.dataset.mootUnsaved = "";
});

// Before a swap: what is typed and unsaved in the forms it replaces (not the form that asked,
// whose answer is the server's: saved, or refused and shown as posted).
let kept = [];
function keep(target, asking) {
  const forms = target.matches(FORM) ? [target] : Array.from(target.querySelectorAll(FORM));
  for (const form of forms) {
    if (!form.id || (asking && (form === asking || form.contains(asking) || asking.contains(form)))) continue;
    const changed = fieldsOf(form).filter((el) => el.id && isChanged(el));
    if (changed.length) kept.push({form, values: changed.map((el) => [el.id, valueOf(el), el.value])});
  }
}
document.addEventListener("htmx:beforeSwap", (e) => {
  kept = [];
  if (e.detail.shouldSwap !== false) keep(e.detail.target, requester(e));
});
document.addEventListener("htmx:oobBeforeSwap", (e) => keep(e.detail.target, null));

function restore() {
  for (const {form, values} of kept) {
    const now = document.getElementById(form.id);
    if (!now || now === form) continue; // not replaced
    for (const [id, value, raw] of values) {
      const el = document.getElementById(id);
      if (!el || el.form !== now) continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = value;
      else if (el.tagName === "SELECT") {
        if (!Array.from(el.options).some((o) => o.value === raw)) continue; // no longer offered
        el.value = raw;
      } else if (el.type !== "file") el.value = raw;
      el.dispatchEvent(new Event(el.tagName === "SELECT" || el.type === "checkbox" || el.type === "radio" ? "change" : "input", {bubbles: true}));
    }
  }
  kept = [];
}
document.addEventListener("htmx:afterSwap", restore);

// Leaving: a normal submission takes its own form with it.
let submitting = null;
document.addEventListener("submit", (e) => {
  if (!e.defaultPrevented && e.target.matches(FORM)) submitting = e.target;
});
window.addEventListener("beforeunload", (e) => {
  const unsaved = Array.from(document.querySelectorAll(FORM)).filter((f) => f !== submitting && hasChanges(f));
  submitting = null;
  if (!unsaved.length) return;
  e.preventDefault();
  e.returnValue = ""; // older browsers ask only when this is set
});
