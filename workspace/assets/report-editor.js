// The report form (workspace/templates/workspace/report.html): the body in a rich-text editor
// (TipTap), autosave, and the rows of signers, recommendations and pathway steps moved and
// added in the page. Bundled by esbuild (scripts/build-assets.sh) into a static file, as the
// Content-Security-Policy allows no inline script. Without it the form works as plain HTML:
// the body is a textarea, the row buttons submit the form and the server moves the rows.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import Image from "@tiptap/extension-image";

const AUTOSAVE_MS = 5000;
const form = document.getElementById("report-form");

function button(label, run, active) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "moot-editor__button";
  b.textContent = label;
  b.addEventListener("click", (e) => { e.preventDefault(); run(); });
  if (active) b.dataset.active = active;
  return b;
}

function group(name, buttons) {
  const g = document.createElement("div");
  g.className = "moot-editor__group";
  g.setAttribute("role", "group");
  g.setAttribute("aria-label", name);
  buttons.forEach((b) => g.appendChild(b));
  return g;
}

function pictureInput(editor) {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "image/png,image/jpeg";
  input.hidden = true;
  input.addEventListener("change", () => {
    const file = input.files[0];
    input.value = "";
    if (!file || !/^image\/(png|jpeg)$/.test(file.type)) return;
    const alt = window.prompt("Describe the picture for people who cannot see it:", "") || "";
    const reader = new FileReader();
    reader.onload = () => editor.chain().focus().setImage({ src: reader.result, alt }).run();
    reader.readAsDataURL(file);
  });
  return input;
}

function mountEditor(textarea, changed) {
  const holder = document.createElement("div");
  holder.className = "moot-editor";
  const toolbar = document.createElement("div");
  toolbar.className = "moot-editor__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Formatting of the body");
  const area = document.createElement("div");
  holder.append(toolbar, area);
  textarea.after(holder);
  textarea.hidden = true;
  const editor = new Editor({
    element: area,
    injectCSS: false,
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, protocols: ["mailto"] },
      }),
      TableKit.configure({ table: { resizable: false } }),
      Image.configure({ allowBase64: true }),
    ],
    editorProps: {
      attributes: {
        class: "moot-editor__content govuk-body",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": "body-label",
        "aria-describedby": "body-hint",
        id: "body-editor",
      },
    },
    onUpdate: ({ editor }) => {
      textarea.value = editor.getHTML();
      changed();
    },
  });
  const c = () => editor.chain().focus();
  const picture = pictureInput(editor);
  const tools = [
    group("Text", [
      button("Heading", () => c().toggleHeading({ level: 2 }).run(), "h2"),
      button("Subheading", () => c().toggleHeading({ level: 3 }).run(), "h3"),
      button("Bold", () => c().toggleBold().run(), "bold"),
      button("Italic", () => c().toggleItalic().run(), "italic"),
    ]),
    group("Lists", [
      button("Bullets", () => c().toggleBulletList().run(), "bulletList"),
      button("Numbers", () => c().toggleOrderedList().run(), "orderedList"),
    ]),
    group("Tables", [
      button("Table", () => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()),
      button("Add row", () => c().addRowAfter().run()),
      button("Add column", () => c().addColumnAfter().run()),
      button("Remove row", () => c().deleteRow().run()),
      button("Remove column", () => c().deleteColumn().run()),
      button("Remove table", () => c().deleteTable().run()),
    ]),
    group("Pictures and history", [
      button("Picture", () => picture.click()),
      button("Undo", () => c().undo().run()),
      button("Redo", () => c().redo().run()),
    ]),
  ];
  tools.forEach((t) => toolbar.appendChild(t));
  toolbar.appendChild(picture);
  const pressed = () => toolbar.querySelectorAll("[data-active]").forEach((b) => {
    const name = b.dataset.active;
    const on = name.startsWith("h") && name.length === 2
      ? editor.isActive("heading", { level: Number(name[1]) }) : editor.isActive(name);
    b.setAttribute("aria-pressed", on ? "true" : "false");
  });
  editor.on("selectionUpdate", pressed);
  editor.on("transaction", pressed);
  pressed();
  document.getElementById("body-label")?.addEventListener("click", () => editor.commands.focus());
  document.body.dataset.editor = "ready";
  return editor;
}

// --- the rows: moved and added in the page, their ids and numbers kept in order -------------
function renumber(list) {
  [...list.children].forEach((li, i) => {
    li.querySelectorAll("[id]").forEach((el) => { el.id = el.id.replace(/-\d+$/, `-${i}`); });
    li.querySelectorAll("label[for]").forEach((el) => {
      el.htmlFor = el.htmlFor.replace(/-\d+$/, `-${i}`);
    });
    li.querySelectorAll("label, .govuk-visually-hidden").forEach((el) => {
      el.childNodes.forEach((n) => {
        if (n.nodeType === 3) n.textContent = n.textContent.replace(/\b\d+\b/, String(i + 1));
      });
    });
  });
}

function setUpRows(changed) {
  form.addEventListener("click", (e) => {
    const move = e.target.closest("[data-move]");
    const add = e.target.closest("[data-add]");
    if (move) {
      e.preventDefault();
      const li = move.closest("li");
      const list = li.parentElement;
      const other = move.dataset.move === "up" ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      if (move.dataset.move === "up") list.insertBefore(li, other); else list.insertBefore(other, li);
      renumber(list);
      move.focus();
      changed();
    } else if (add) {
      e.preventDefault();
      const list = form.querySelector(`[data-rows="${add.dataset.add}"]`);
      const blank = list.lastElementChild.cloneNode(true);
      blank.querySelectorAll("input, textarea").forEach((el) => { el.value = ""; });
      blank.querySelectorAll("select").forEach((el) => { el.selectedIndex = 0; });
      blank.querySelectorAll(".govuk-error-message").forEach((el) => el.remove());
      list.appendChild(blank);
      renumber(list);
      blank.querySelector("input, select, textarea")?.focus();
    }
  });
}

// --- autosave -------------------------------------------------------------------------------
function setUpAutosave() {
  const status = document.getElementById("autosave-status");
  let dirty = false, inFlight = false;
  document.body.dataset.pending = "0";
  const changed = () => { dirty = true; status.textContent = "Changes not saved yet"; };
  const follow = (answer) => {
    // A new report exists from its first autosave: the form now saves it.
    if (!answer.url || form.dataset.autosave === answer.autosave) return;
    form.action = answer.url;
    form.dataset.autosave = answer.autosave;
    document.getElementById("preview-button")?.setAttribute("formaction", answer.preview);
    history.replaceState(null, "", answer.url);
  };
  const save = async () => {
    if (!dirty || inFlight) return;
    inFlight = true;
    dirty = false;
    document.body.dataset.pending = "1";
    try {
      const response = await fetch(form.dataset.autosave, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const answer = await response.json().catch(() => ({}));
      if (response.ok) {
        follow(answer);
        // Typed while the request was out: saved up to then, the rest not yet.
        status.textContent = dirty ? "Changes not saved yet" : answer.message || "Saved";
      } else {
        dirty = true;
        status.textContent = answer.message || "Not saved: the server refused the change.";
      }
    } catch (error) {
      dirty = true;
      status.textContent = "Not saved: the server could not be reached. Your changes are still here.";
    } finally {
      inFlight = false;
      document.body.dataset.pending = "0";
    }
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", () => { dirty = false; });
  setInterval(save, AUTOSAVE_MS);
  window.addEventListener("beforeunload", (e) => {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });
  return changed;
}

if (form) {
  const changed = setUpAutosave();
  setUpRows(changed);
  const body = document.getElementById("body");
  if (body) mountEditor(body, changed);
}
