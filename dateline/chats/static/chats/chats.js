// A chat room: messages arrive over the live socket; a reader posts through it too.
// Moderators (and authors, for their own) can take a message down for everyone.
(function () {
  "use strict";
  var D = window.Dateline;
  var gettext = D.gettext;
  var chat = document.querySelector("[data-chat]");
  if (!chat || !("WebSocket" in window)) return;
  var roomId = Number(chat.dataset.chat);
  var list = chat.querySelector(".chat-messages");
  var form = chat.querySelector(".chat-form");
  var last = D.config.last_event;
  var me = null;
  var socket = null;
  var attempt = 0;

  function note(text, isError) {
    var p = form && form.querySelector(".form-note");
    if (!p) return;
    p.textContent = text || "";
    p.className = "form-note" + (isError ? " error" : "");
  }

  function tools(li) {
    if (!me || !me.authenticated || li.querySelector(".chat-delete, .chat-report")) return;
    if (!me.moderator && String(me.id) !== li.dataset.author) {
      var report = document.createElement("button");
      report.type = "button";
      report.className = "link-button chat-report";
      report.textContent = gettext("Report");
      report.addEventListener("click", function () {
        send({ type: "chat.report", message: Number(li.dataset.message), reason: "abuse" });
        report.disabled = true;
      });
      li.appendChild(document.createTextNode(" "));
      li.appendChild(report);
      return;
    }
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link-button chat-delete";
    b.textContent = gettext("Delete");
    b.addEventListener("click", function () {
      send({ type: "chat.delete", message: Number(li.dataset.message) });
    });
    li.appendChild(document.createTextNode(" "));
    li.appendChild(b);
  }

  function add(event) {
    if (document.getElementById("message-" + event.message_id)) return;
    var li = document.createElement("li");
    li.className = "chat-message arrived";
    li.id = "message-" + event.message_id;
    li.dataset.message = event.message_id;
    var who = document.createElement("strong");
    who.className = "chat-author";
    who.textContent = event.author || "—";
    var when = document.createElement("time");
    var d = new Date(event.created_at);
    when.dateTime = event.created_at;
    when.textContent = ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
    var text = document.createElement("span");
    text.className = "chat-body";
    // body_html is escaped on the server, with its links as rel=nofollow anchors
    if (event.body_html) text.innerHTML = event.body_html;
    else text.textContent = event.body;
    li.append(who, " ", when, " ", text);
    if (me && String(me.name) === event.author) li.dataset.author = me.id;
    list.appendChild(li);
    tools(li);
    li.scrollIntoView({ block: "nearest" });
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else note(gettext("Reconnecting… try again in a moment."), true);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/live/");
    socket.onopen = function () {
      attempt = 0;
      chat.dataset.live = "on";
      socket.send(JSON.stringify({ type: "subscribe", groups: ["chat." + roomId], after: last }));
    };
    socket.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      if (m.type === "event" && m.event.type === "chat.message") {
        last = Math.max(last, m.id);
        if (m.event.status === "visible") add(m.event);
        else {
          var gone = document.getElementById("message-" + m.event.message_id);
          if (gone) gone.remove();
        }
      } else if (m.type === "presence" && m.room === roomId) {
        chat.querySelector("[data-present]").textContent =
          D.interpolate(D.ngettext("%(counter)s here", "%(counter)s here", m.count), { counter: m.count });
      } else if (m.type === "chat.posted") {
        if (form) form.querySelector("input[name=body]").value = "";
        note(m.status === "held" ? gettext("Your message will appear once a moderator has read it.") : "", false);
      } else if (m.type === "chat.reported") {
        note(gettext("Thank you: the moderators will look at this message."), false);
      } else if (m.type === "error") {
        note(m.error, true);
      } else if (m.type === "resync") {
        location.reload();
      }
    };
    socket.onclose = function (e) {
      chat.dataset.live = "off";
      if (e.code === 4404) return;  // the room is gone or closed: nothing to come back to
      var wait = Math.min(60000, 1000 * Math.pow(2, attempt++));
      setTimeout(connect, wait + Math.random() * wait / 2);
    };
  }

  if (form) {
    form.addEventListener("submit", function (e) {
      var body = form.querySelector("input[name=body]").value;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;  // the plain form posts
      e.preventDefault();
      send({ type: "chat.post", room: roomId, body: body });
    });
  }

  var older = chat.querySelector(".chat-older");
  if (older) {
    older.addEventListener("click", function () {
      var first = list.querySelector("[data-message]");
      fetch(D.url("chats:older", { room: chat.dataset.room }) + "?before=" + (first ? first.dataset.message : ""))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          var holder = document.createElement("ol");
          holder.innerHTML = data.html;
          Array.prototype.slice.call(holder.children).reverse().forEach(function (li) {
            list.insertBefore(li, list.firstChild);
            tools(li);
          });
          if (!data.more) older.remove();
        });
    });
  }

  D.me.then(function (reader) {
    me = reader;
    list.querySelectorAll("[data-message]").forEach(tools);
  });
  connect();
})();
