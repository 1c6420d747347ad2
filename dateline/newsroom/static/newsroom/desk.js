// The desk's story form: autosave of unpublished stories, so work survives a closed tab; the
// editor's status line (word count, autosave state, preview); names for the search widgets.
// The admin loads form scripts in the head: start once the form is there.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var panel = document.querySelector(".desk-panel[data-autosave-url]");
  var form = document.getElementById("article_form");
  var bar = document.querySelector("[data-editor-status]");
  if (!form) return;
  nameSearchWidgets(form);
  if (!bar) return;
  bar.hidden = false;
  var saveState = bar.querySelector("[data-save-state]");
  var autosaving = panel && ["draft", "review", "unpublished"].indexOf(panel.dataset.status) >= 0;
  var dirty = false, busy = false, stopped = false;

  function show(state, extra) {
    if (autosaving || state === "manual") saveState.textContent = bar.dataset[state] + (extra || "");
  }
  function countWords() {
    var editor = document.querySelector("trix-editor.desk-body");
    var text = editor && editor.editor ? editor.editor.getDocument().toString() : "";
    var words = text.split(/\s+/).filter(function (w) { return /[\p{L}\p{N}]/u.test(w); });
    bar.querySelector("[data-word-count]").textContent = bar.dataset.words + ": " + words.length;
  }
  function changed() { dirty = true; show("unsaved"); }

  document.addEventListener("trix-initialize", countWords);
  document.addEventListener("trix-change", function () { countWords(); changed(); });
  form.addEventListener("input", changed);
  form.addEventListener("submit", function () { stopped = true; });
  countWords();
  if (panel && !autosaving) show("manual");

  function save() {
    if (!autosaving || !dirty || busy || stopped) return Promise.resolve();
    busy = true;
    dirty = false;
    show("saving");
    var data = new FormData(form);
    data.delete("new_image");
    return fetch(panel.dataset.autosaveUrl, { method: "POST", body: data,
      credentials: "same-origin", headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") } })
      .then(function (r) { return r.json().then(function (body) { return [r.status, body]; }); })
      .then(function (result) {
        var code = result[0], body = result[1];
        var old = panel.querySelector(".desk-autosave");
        if (body.saved) {
          form.querySelector("input[name=version_seen]").value = body.version;
          var at = new Date(body.at).toLocaleTimeString();
          old.textContent = "✓ " + at;
          if (!dirty) show("saved", " " + at);
        } else if (code === 409) {
          stopped = true;  // someone else saved: never overwrite their work
          old.textContent = saveState.textContent = (body.errors || []).join(" ");
        } else {
          dirty = true;
          show("failed");
        }
      })
      .catch(function () { dirty = true; show("failed"); })
      .finally(function () { busy = false; });
  }
  if (autosaving) {
    setInterval(save, 15000);
    window.addEventListener("beforeunload", save);
  }

  // Preview: save what is typed first, then show it in the preview tab.
  var link = panel && panel.querySelector(".desk-actions a[target=_blank]");
  var button = bar.querySelector("[data-preview]");
  if (link) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var tab = window.open("", "dateline-preview");  // opened now, while the click counts
      save().then(function () { if (tab) tab.location = link.href; });
    });
  }
});

// The admin's search widgets (select2) draw inputs with no name and a clear button inside a
// list; give each input its field's label and keep the button beside the list.
function nameSearchWidgets(form) {
  "use strict";
  function fix() {
    form.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = select.labels && select.labels[0];
      var box = select.nextElementSibling;
      if (!label || !box || !box.classList.contains("select2")) return;
      label.id = label.id || select.id + "-label";
      box.querySelectorAll(".select2-search__field, [role=combobox], [role=textbox]")
        .forEach(function (el) {
          if (el.getAttribute("aria-labelledby") !== label.id) {
            el.setAttribute("aria-labelledby", label.id);
          }
        });
      box.querySelectorAll(".select2-selection__rendered > .select2-selection__clear")
        .forEach(function (clear) {
          var list = clear.parentNode;
          list.parentNode.insertBefore(clear, list);
        });
    });
  }
  new MutationObserver(fix).observe(form, { childList: true, subtree: true });
  fix();
}
