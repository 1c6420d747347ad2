// Live pages: one socket per page brings new stories to the Newsfeed, breaking alerts, and
// new comments, without a reload. A dropped connection comes back by itself, with growing
// and jittered waits, and asks for what it missed since the last event it saw.
(function () {
  "use strict";
  if (!("WebSocket" in window)) return;
  var D = window.Dateline;
  var config = D.config;
  var language = config.language;
  var last = config.last_event;
  var seen = {};
  var groups = ["newsfeed." + language];
  var socket = null;
  var attempt = 0;
  var fresh = 0;

  function subscribe(list) {
    if (socket && socket.readyState === WebSocket.OPEN && list.length) {
      socket.send(JSON.stringify({ type: "subscribe", groups: list, after: last }));
    }
  }

  function watchDiscussions(root) {
    root.querySelectorAll("[data-discussion]").forEach(function (block) {
      var group = "discussion." + block.dataset.discussion;
      if (groups.indexOf(group) < 0) {
        groups.push(group);
        subscribe([group]);
      }
    });
  }

  var answered = true;

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var current = new WebSocket(scheme + location.host + "/ws/live/");
    socket = current;
    answered = true;
    current.onopen = function () {
      attempt = 0;
      document.documentElement.dataset.live = "on";
      subscribe(groups);
    };
    current.onmessage = function (e) {
      var message;
      try { message = JSON.parse(e.data); } catch (err) { return; }
      answered = true;
      if (message.type === "event") handle(message);
      else if (message.type === "resync") location.reload();  // too far behind: start afresh
    };
    current.onclose = function () { lost(current); };
  }

  function lost(which) {
    if (which !== socket) return;  // an old socket's late goodbye
    socket = null;
    document.documentElement.dataset.live = "off";
    // 1 s, 2 s, 4 s ... up to a minute, each with up to half of it again at random
    var wait = Math.min(60000, 1000 * Math.pow(2, attempt++));
    setTimeout(connect, wait + Math.random() * wait / 2);
  }

  // A connection can die without a word (a sleeping laptop, a dropped mobile network):
  // ask every 25 s, and give it up when the last question went unanswered.
  setInterval(function () {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (!answered) {
      var dead = socket;
      dead.close();
      lost(dead);
      return;
    }
    answered = false;
    socket.send(JSON.stringify({ type: "ping" }));
  }, 25000);

  function handle(message) {
    if (seen[message.id]) return;  // replayed and live copies of one event
    seen[message.id] = true;
    last = Math.max(last, message.id);
    var event = message.event;
    if (event.type.indexOf("article.") === 0) article(event);
    else if (event.type === "comment.changed") {
      document.dispatchEvent(new CustomEvent("dateline:comments", { detail: event }));
    }
  }

  // --- the Newsfeed column, the "new stories" offer, and breaking alerts ---
  function article(event) {
    if (event.language !== language) return;
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
    if (event.type !== "article.published") return;
    if (feed) feed.insertBefore(newsfeedItem(event), feed.firstChild);
    offerNewStories(event);
    if (event.is_breaking) alertBreaking(event);
  }

  function newsfeedItem(event) {
    var li = document.createElement("li");
    li.dataset.id = event.article_id;
    li.className = "arrived" + (event.is_breaking ? " breaking-item" : "");
    var time = document.createElement("time");
    var when = new Date(event.published_at);
    time.dateTime = event.published_at;
    time.textContent = ("0" + when.getHours()).slice(-2) + ":" + ("0" + when.getMinutes()).slice(-2);
    var link = document.createElement("a");
    link.href = event.url;
    link.textContent = event.headline;
    li.appendChild(time);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link);
    return li;
  }

  function offerNewStories(event) {
    if (config.page !== "home" && !(config.page === "section" && event.section_id === config.section)) return;
    fresh += 1;
    var offer = document.getElementById("new-stories");
    if (!offer) {
      offer = document.createElement("button");
      offer.id = "new-stories";
      offer.type = "button";
      offer.className = "new-stories";
      offer.addEventListener("click", function () { location.reload(); });
      var main = document.getElementById("main");
      main.insertBefore(offer, main.firstChild);
    }
    offer.textContent = D.interpolate(D.gettext("New stories: %(count)s. Show them"), { count: fresh });
  }

  function alertBreaking(event) {
    var banner = document.getElementById("breaking-alert");
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "breaking-alert";
      banner.className = "breaking-alert";
      banner.setAttribute("role", "alert");
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.textContent = "";
    var label = document.createElement("strong");
    label.textContent = D.gettext("Breaking") + ": ";
    var link = document.createElement("a");
    link.href = event.url;
    link.textContent = event.headline;
    banner.appendChild(label);
    banner.appendChild(link);
  }

  document.addEventListener("dateline:story", function (e) { watchDiscussions(e.detail); });
  watchDiscussions(document);
  connect();
})();
