// The desk's story form: autosave of unpublished stories, so work survives a closed tab.
(function () {
  "use strict";
  var panel = document.querySelector(".desk-panel[data-autosave-url]");
  var form = document.getElementById("article_form");
  if (!panel || !form) return;
  if (["draft", "review", "unpublished"].indexOf(panel.dataset.status) < 0) return;

  var status = panel.querySelector(".desk-autosave");
  var version = form.querySelector("input[name=version_seen]");
  var dirty = false, busy = false, stopped = false;
  form.addEventListener("input", function () { dirty = true; });
  document.addEventListener("trix-change", function () { dirty = true; });
  form.addEventListener("submit", function () { stopped = true; });

  function save() {
    if (!dirty || busy || stopped) return;
    busy = true;
    dirty = false;
    var data = new FormData(form);
    data.delete("new_image");
    fetch(panel.dataset.autosaveUrl, { method: "POST", body: data, credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") } })
      .then(function (r) { return r.json().then(function (body) { return [r.status, body]; }); })
      .then(function (result) {
        var code = result[0], body = result[1];
        if (body.saved) {
          version.value = body.version;
          status.textContent = "✓ " + new Date(body.at).toLocaleTimeString();
        } else if (code === 409) {
          stopped = true;  // someone else saved: never overwrite their work
          status.textContent = (body.errors || []).join(" ");
        } else {
          dirty = true;
        }
      })
      .catch(function () { dirty = true; })
      .finally(function () { busy = false; });
  }
  setInterval(save, 15000);
  window.addEventListener("beforeunload", save);
})();
