// The Newsfeed column, the "new stories" offer, and breaking alerts, kept current by the
// live socket: stories published, changed or withdrawn while the page is open. The column
// arrives after the page (its own stored page, data-src), so that a publication does not
// make every stored page stale. A stored page may be older than many events: the newsfeed
// is followed from the column's own position, never replayed from the page's.
(function () {
  "use strict";
  var D = window.Dateline;
  var config = D.config;
  var fresh = 0;
  var group = "newsfeed." + config.language;
  var column = document.querySelector("[data-newsfeed][data-src]");

  function fill() {
    // asked of the server every time: a copy in the browser may be older than this page
    fetch(column.dataset.src, { credentials: "omit", cache: "no-cache" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        var fetched = new DOMParser().parseFromString(html, "text/html");
        var list = fetched.querySelector("[data-newsfeed] ol");
        var position = JSON.parse(fetched.getElementById("dateline-config").textContent).last_event;
        column.querySelector("ol").replaceWith(document.adoptNode(list));
        D.live.subscribe([group], position);
      })
      .catch(function () {
        // the column's link still leads to the newest stories; news from now on still comes
        D.live.subscribe([group], null);
      });
  }

  var offered = {};

  function article(event) {
    newsfeedChange(event);
    // the page was rendered before this event (the socket replays from the page's own
    // position): a story published since is new to it
    if (event.type !== "article.published" || offered[event.article_id]) return;
    offered[event.article_id] = true;
    offerNewStories(event);
    if (event.is_breaking) alertBreaking(event);
  }

  // The column follows the story: in, changed, out. A story it already shows is only updated.
  function newsfeedChange(event) {
    var feed = document.querySelector("[data-newsfeed] ol");
    var item = feed && feed.querySelector('li[data-id="' + event.article_id + '"]');
    if (event.type === "article.unpublished") {
      if (item) item.remove();
      return;
    }
    if (item) {
      var link = item.querySelector("a");
      if (link) { link.textContent = event.headline; link.href = event.url; }
      return;
    }
    if (event.type === "article.published" && feed) feed.insertBefore(newsfeedItem(event), feed.firstChild);
  }

  function newsfeedItem(event) {
    var li = D.el("li", { class: "arrived" + (event.is_breaking ? " breaking-item" : "") },
      D.el("time", { datetime: event.published_at }, D.clock(event.published_at)), " ",
      D.el("a", { href: event.url }, event.headline));
    li.dataset.id = event.article_id;
    return li;
  }

  // Only pages that list such stories offer them, and only as a button: the page does not
  // jump under the reader.
  function offerNewStories(event) {
    if (config.page !== "home" && !(config.page === "section" && event.section_id === config.section)) return;
    fresh += 1;
    var offer = document.getElementById("new-stories");
    if (!offer) {
      offer = D.el("button", { id: "new-stories", type: "button", class: "new-stories" });
      offer.addEventListener("click", function () { location.reload(); });
      var main = document.getElementById("main");
      main.insertBefore(offer, main.firstChild);
    }
    offer.textContent = D.interpolate(D.gettext("New stories: %(count)s. Show them"), { count: fresh });
  }

  function alertBreaking(event) {
    var banner = document.getElementById("breaking-alert");
    if (!banner) {
      banner = D.el("div", { id: "breaking-alert", class: "breaking-alert", role: "alert" });
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.replaceChildren(D.el("strong", {}, D.gettext("Breaking") + ": "),
      D.el("a", { href: event.url }, event.headline));
  }

  D.live.on("event", function (message) {
    if (message.group === group && message.event.type.indexOf("article.") === 0) article(message.event);
  });
  if (column) fill();
  // the Newsfeed page is as new as the newsfeed; other pages without the column only offer
  // and alert what is published from now on
  else D.live.subscribe([group], document.querySelector("[data-newsfeed]") ? undefined : null);
})();
