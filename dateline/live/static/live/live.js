// The page's one live socket (/ws/live/, protocol in docs/live.md), shared by its scripts:
//   Dateline.live.subscribe(["chat.7"])  follow groups, from the events the page does not have
//   Dateline.live.subscribe(groups, id)  ... from after event id instead (a part of the page
//                                        fetched after it, newer than it), or null: no catch-up
//   Dateline.live.send({type: ...})      false, and nothing sent, while disconnected
//   Dateline.live.on(type, handler)      server messages by type: event (each once), presence,
//                                        subscribed, chat.posted, chat.deleted, chat.reported,
//                                        error, pong; and "close" ({code}) when the socket is lost
// <html data-live="on|off"> says whether it is connected. A connection that dies without a
// word is found by a heartbeat; a lost one comes back by itself, with growing and jittered
// waits, and asks for what it missed since the last event it saw.
(function () {
  "use strict";
  var D = window.Dateline;
  var CLOSE_UNKNOWN_ROOM = 4404;
  var last = D.config.last_event;
  var seen = {};
  var groups = [];
  var from = {};  // a group's own starting point, when it is not the page's
  var handlers = {};
  var socket = null;
  var attempt = 0;
  var answered = true;

  function open() {
    return socket !== null && socket.readyState === WebSocket.OPEN;
  }

  function send(message) {
    if (!open()) return false;
    socket.send(JSON.stringify(message));
    return true;
  }

  function subscribe(list, after) {
    var fresh = list.filter(function (g) { return groups.indexOf(g) < 0; });
    groups = groups.concat(fresh);
    if (after !== undefined) fresh.forEach(function (g) { from[g] = after; });
    if (fresh.length) ask(fresh);
  }

  // Each group from the newest event the page has of it: the page's own position, or the
  // one its group was given, or (null) only what happens from now on.
  function ask(list) {
    var plain = list.filter(function (g) { return !(g in from); });
    if (plain.length) send({ type: "subscribe", groups: plain, after: last });
    list.filter(function (g) { return g in from; }).forEach(function (g) {
      var message = { type: "subscribe", groups: [g] };
      if (from[g] !== null) message.after = Math.max(from[g], last);
      send(message);
    });
  }

  function on(type, handler) {
    (handlers[type] = handlers[type] || []).push(handler);
  }

  function dispatch(message) {
    (handlers[message.type] || []).forEach(function (handler) { handler(message); });
  }

  function receive(message) {
    if (message.type === "event") {
      if (seen[message.id]) return;  // replayed and live copies of one event
      seen[message.id] = true;
      last = Math.max(last, message.id);
    } else if (message.type === "resync") {
      location.reload();  // too far behind: start afresh
      return;
    }
    dispatch(message);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var current = new WebSocket(scheme + location.host + D.config.urls.live);
    socket = current;
    answered = true;
    current.onopen = function () {
      attempt = 0;
      document.documentElement.dataset.live = "on";
      if (groups.length) ask(groups);
    };
    current.onmessage = function (e) {
      var message;
      try { message = JSON.parse(e.data); } catch (err) { return; }
      answered = true;
      receive(message);
    };
    current.onclose = function (e) {
      // A closed room would close every new socket too: stop following rooms.
      if (e.code === CLOSE_UNKNOWN_ROOM) {
        groups = groups.filter(function (g) { return g.indexOf("chat.") !== 0; });
      }
      lost(current, e.code);
    };
  }

  function lost(which, code) {
    if (which !== socket) return;  // an old socket's late goodbye
    socket = null;
    document.documentElement.dataset.live = "off";
    dispatch({ type: "close", code: code });
    // 1 s, 2 s, 4 s ... up to a minute, each with up to half of it again at random
    var wait = Math.min(60000, 1000 * Math.pow(2, attempt++));
    setTimeout(connect, wait + Math.random() * wait / 2);
  }

  // A connection can die without a word (a sleeping laptop, a dropped mobile network):
  // ask now and then, and give it up when the last question went unanswered.
  setInterval(function () {
    if (!open()) return;
    if (!answered) {
      var dead = socket;
      dead.close();
      lost(dead);
      return;
    }
    answered = false;
    send({ type: "ping" });
  }, D.config.limits.heartbeat_seconds * 1000);

  D.live = { subscribe: subscribe, send: send, on: on };
  // Deferred scripts all run before DOMContentLoaded: by then each has said what it follows,
  // and the first frame asks for all of it since the page was made.
  document.addEventListener("DOMContentLoaded", connect);
})();
