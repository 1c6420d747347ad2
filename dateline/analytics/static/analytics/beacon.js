// The reading beacon: after the page has loaded, one small POST says which page was read,
// in which language, from where (the referrer and the landing address's utm values).
// It carries nothing about the reader and sets nothing: the page stays the same for all.
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = script && script.dataset.beacon;
  if (!endpoint) return;

  function config() {
    var block = document.getElementById("dateline-config");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (e) { return {}; }
  }

  // the referring site's origin is all the server needs to tell where a reader came from
  function origin(url) {
    try { return url ? new URL(url).origin : ""; } catch (e) { return ""; }
  }

  function send(fields) {
    var body = new URLSearchParams(fields);
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    fetch(endpoint, { method: "POST", body: body, keepalive: true, credentials: "omit" })
      .catch(function () {});
  }

  function storyRead(story, referrer, utm) {
    send(Object.assign({ page: "story", story: story.dataset.id, lang: story.lang || document.documentElement.lang,
                         ref: origin(referrer) }, utm));
  }

  function pageRead() {
    var params = new URLSearchParams(location.search);
    var utm = {};
    ["utm_source", "utm_medium"].forEach(function (name) {
      if (params.get(name)) utm[name] = params.get(name).slice(0, 100);
    });
    var story = document.querySelector("[data-stories] [data-story]");
    if (story) return storyRead(story, document.referrer, utm);
    var page = config();
    if (page.page !== "home" && page.page !== "section") return;
    send(Object.assign({ page: page.page, section: page.section || 0,
                         lang: document.documentElement.lang, ref: origin(document.referrer) }, utm));
  }

  // the endless scroll appends the next story: a read of that one, coming from our own page
  document.addEventListener("dateline:story", function (event) {
    storyRead(event.detail, location.href, {});
  });

  if (document.readyState === "complete") pageRead();
  else window.addEventListener("load", pageRead);
})();
