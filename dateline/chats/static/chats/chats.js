// A chat room: messages arrive over the page's live socket (Dateline.live), and a reader
// posts through it too. Moderators (and authors, for their own) can take a message down for
// everyone. Without the socket, the plain form still posts.
(function () {
  "use strict";
  var D = window.Dateline;
  var gettext = D.gettext;
  var chat = document.querySelector("[data-chat]");
  if (!chat) return;
  var roomId = Number(chat.dataset.chat);
  var group = "chat." + roomId;
  var list = chat.querySelector(".chat-messages");
  var form = chat.querySelector(".chat-form");
  var me = null;
  var waiting = false;  // an answer to our own post, delete or report is due

  function note(text, isError) {
    var p = form && form.querySelector(".form-note");
    if (!p) return;
    p.textContent = text || "";
    p.className = "form-note" + (isError ? " error" : "");
  }

  function send(message) {
    waiting = D.live.send(message);
    if (!waiting) note(gettext("Reconnecting… try again in a moment."), true);
    return waiting;
  }

  function tool(li, cls, label, message) {
    var b = D.el("button", { type: "button", class: "link-button " + cls }, label);
    b.addEventListener("click", function () {
      if (send(message) && cls === "chat-report") b.disabled = true;
    });
    li.append(" ", b);
  }

  function tools(li) {
    if (!me || !me.authenticated || li.querySelector(".chat-delete, .chat-report")) return;
    var id = Number(li.dataset.message);
    if (me.moderator || String(me.id) === li.dataset.author) {
      tool(li, "chat-delete", gettext("Delete"), { type: "chat.delete", message: id });
    } else {
      tool(li, "chat-report", gettext("Report"), { type: "chat.report", message: id, reason: "abuse" });
    }
  }

  function add(event) {
    if (document.getElementById("message-" + event.message_id)) return;
    var text = D.el("span", { class: "chat-body" });
    // body_html is escaped on the server, with its links as rel=nofollow anchors
    if (event.body_html) text.innerHTML = event.body_html;
    else text.textContent = event.body;
    var li = D.el("li", { class: "chat-message arrived", id: "message-" + event.message_id },
      D.el("strong", { class: "chat-author" }, event.author || "—"), " ",
      D.el("time", { datetime: event.created_at }, D.clock(event.created_at)), " ", text);
    li.dataset.message = event.message_id;
    if (me && String(me.name) === event.author) li.dataset.author = me.id;
    list.appendChild(li);
    tools(li);
    li.scrollIntoView({ block: "nearest" });
  }

  D.live.on("event", function (m) {
    if (m.group !== group || m.event.type !== "chat.message") return;
    if (m.event.status === "visible") add(m.event);
    else {
      var gone = document.getElementById("message-" + m.event.message_id);
      if (gone) gone.remove();
    }
  });
  D.live.on("presence", function (m) {
    if (m.room !== roomId) return;
    chat.querySelector("[data-present]").textContent =
      D.interpolate(D.ngettext("%(counter)s here", "%(counter)s here", m.count), { counter: m.count });
  });
  D.live.on("chat.posted", function (m) {
    waiting = false;
    if (form) form.querySelector("input[name=body]").value = "";
    note(m.status === "held" ? gettext("Your message will appear once a moderator has read it.") : "", false);
  });
  D.live.on("chat.deleted", function () { waiting = false; });
  D.live.on("chat.reported", function () {
    waiting = false;
    note(gettext("Thank you: the moderators will look at this message."), false);
  });
  D.live.on("error", function (m) {
    if (!waiting) return;  // not about what this room sent
    waiting = false;
    note(m.error, true);
  });
  // data-live on the room: joined, and hearing its messages
  D.live.on("subscribed", function (m) {
    if (m.groups.indexOf(group) >= 0) chat.dataset.live = "on";
  });
  D.live.on("close", function () { chat.dataset.live = "off"; });
  // the server refuses a closed room by closing the socket: leave the page's socket alone
  if (!chat.hasAttribute("data-closed")) D.live.subscribe([group]);

  if (form) {
    form.addEventListener("submit", function (e) {
      var body = form.querySelector("input[name=body]").value;
      // while the socket is down, the plain form posts
      if (D.live.send({ type: "chat.post", room: roomId, body: body })) {
        waiting = true;
        e.preventDefault();
      }
    });
  }

  var older = chat.querySelector(".chat-older");
  if (older) {
    older.addEventListener("click", function () {
      var first = list.querySelector("[data-message]");
      fetch(D.url("chats:older", { room: chat.dataset.room }) + "?before=" + (first ? first.dataset.message : ""))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          Array.prototype.slice.call(D.parse(data.html).children).reverse().forEach(function (li) {
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
})();
