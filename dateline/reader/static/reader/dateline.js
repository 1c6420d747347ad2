// Dateline's reader pages work without this file; it adds what differs per reader
// (the account menu) and the endless scroll from one story into the next.
(function () {
  "use strict";
  var D = window.Dateline;

  // --- Who is reading: pages are shared by everyone, so this arrives after load. ---
  var me = null;

  function showNotices(notices) {
    if (!notices || !notices.length) return;
    var list = D.el("ul", { class: "messages notices", role: "status" });
    notices.forEach(function (text) { list.appendChild(D.el("li", {}, text)); });
    var main = document.getElementById("main");
    if (main) main.insertBefore(list, main.firstChild);
  }

  function showReader(data) {
    me = data;
    showNotices(data.notices);
    if (!data.authenticated) return;
    var menu = document.getElementById("account-menu");
    if (menu) {
      var replies = D.el("a", { class: "account-replies", href: data.notifications_url }, D.gettext("Replies to you"));
      if (data.unread) replies.append(" ", D.el("span", { class: "unread-count" }, String(data.unread)));
      menu.replaceChildren(D.el("a", { class: "account-name", href: data.settings_url }, data.name), " ",
        replies, " ", D.el("a", { href: data.logout_url }, D.gettext("Log out")));
    }
    document.querySelectorAll("[data-login-prompt]").forEach(markPrompt);
  }

  function markPrompt(prompt) {
    if (!me || !me.authenticated || prompt.dataset.reader) return;
    prompt.dataset.reader = me.name;
    // the name goes in as a node of its own, never as markup
    var parts = D.gettext("You are logged in as %(name)s.").split("%(name)s");
    prompt.replaceChildren(parts[0], D.el("strong", { class: "reader-name" }, me.name), parts.slice(1).join(""));
  }

  D.me.then(showReader);

  // --- Comment counts: shared pages may be a minute old; the exact counts come after. ---
  function fillCounts() {
    var spans = document.querySelectorAll(".comment-count[data-article]");
    var ids = [];
    spans.forEach(function (s) { if (ids.indexOf(s.dataset.article) < 0) ids.push(s.dataset.article); });
    if (!ids.length) return;
    fetch(D.url("discussion:counts") + "?ids=" + ids.slice(0, 100).join(","))
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (counts) {
        spans.forEach(function (s) {
          var c = counts[s.dataset.article];
          if (c) s.textContent = c.label;
        });
      })
      .catch(function () {});
  }
  fillCounts();

  // --- Endless scroll: the next older story of the section loads below the current one. ---
  var stories = document.querySelector("[data-stories]");
  if (!stories || !("IntersectionObserver" in window)) return;

  var seen = {};
  var loading = false;
  stories.querySelectorAll("[data-story]").forEach(function (s) { seen[s.dataset.id] = true; });

  // The address bar and title follow whichever story holds the upper part of the screen.
  var current = stories.querySelector("[data-story]");
  var reading = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      var story = entry.target;
      if (story === current) return;
      current = story;
      if (location.pathname !== story.dataset.url) {
        history.replaceState({ id: story.dataset.id }, "", story.dataset.url);
      }
      document.title = story.dataset.title;
      // the language switcher follows too: to this story's translation, else the other home
      document.querySelectorAll("[data-language-switch]").forEach(function (link) {
        link.href = story.dataset.alternate || link.dataset.home;
      });
    });
  }, { rootMargin: "-20% 0px -70% 0px" });

  function watch(story) {
    reading.observe(story);
    var link = story.querySelector("a.next-story[data-fragment]");
    if (link) nextObserver.observe(link);
  }

  var nextObserver = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) loadNext(entry.target);
    });
  }, { rootMargin: "0px 0px 600px 0px" });

  function loadNext(link) {
    if (loading || link.dataset.done) return;
    loading = true;
    fetch(link.dataset.fragment, { headers: { Accept: "text/html" } })
      .then(function (r) {
        if (!r.ok) throw new Error("status " + r.status);
        return r.text();
      })
      .then(function (html) {
        var story = D.parse(html).querySelector("[data-story]");
        link.dataset.done = "1";
        nextObserver.unobserve(link);
        if (!story || seen[story.dataset.id]) return;  // never show a story twice
        seen[story.dataset.id] = true;
        link.closest("nav").classList.add("next-story-loaded");
        stories.appendChild(story);
        story.querySelectorAll("[data-login-prompt]").forEach(markPrompt);
        document.dispatchEvent(new CustomEvent("dateline:story", { detail: story }));
        watch(story);
      })
      .catch(function () {
        // Leave the plain link in place: a click still opens the next story.
        link.dataset.done = "1";
      })
      .finally(function () { loading = false; });
  }

  stories.querySelectorAll("[data-story]").forEach(watch);
})();
