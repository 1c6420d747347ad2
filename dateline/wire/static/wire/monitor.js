// The wire monitor, live: items arrive over the page's one socket (live.js) and are put at
// the top of the list; with filters set, the page says how many arrived and offers a reload.
// Alerts (urgent copy, a kill or withhold of copy we ran) are announced at once.
(function () {
  "use strict";
  var D = window.Dateline;
  var live = document.getElementById("wire-live");
  var rows = document.getElementById("wire-rows");
  if (!live || !rows) return;
  var filtered = live.dataset.filtered === "1";
  var itemUrl = live.dataset.itemUrl;
  var waiting = 0;
  var STATUS = { usable: "Usable", withheld: "Withheld", canceled: "Canceled (killed)" };

  function row(event) {
    var received = new Date(event.received_at);
    var time = D.el("time", { datetime: event.received_at },
      received.toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" }));
    var link = D.el("a", { href: itemUrl.replace("900000001", String(event.item_id)) }, event.headline);
    var tr = D.el("tr", { "class": "wire-p" + event.priority + (event.priority <= 2 ? " wire-urgent" : "") + " wire-new",
                         "data-id": String(event.item_id) },
      D.el("td", {}, time), D.el("td", {}, String(event.priority)), D.el("td", {}, event.agency),
      D.el("td", {}, event.language), D.el("td", {}, link), D.el("td", {}, D.gettext(STATUS[event.status] || event.status)));
    return tr;
  }

  function tell(text, reload) {
    live.textContent = text + " ";
    if (reload) live.appendChild(D.el("a", { href: location.href }, D.gettext("Show them")));
  }

  D.live.on("event", function (message) {
    var event = message.event;
    if (event.type !== "wire.item") return;
    if (event.alert) {
      tell(D.interpolate(D.gettext("Alert from %(agency)s: %(headline)s"),
                         { agency: event.agency, headline: event.headline }), true);
      live.classList.add("wire-alerting");
    }
    if (filtered) {
      waiting += 1;
      if (!event.alert) tell(D.interpolate(D.gettext("New items: %(count)s."), { count: waiting }), true);
      return;
    }
    // the list shows each item's latest version only: a new version takes its row's place
    [event.item_id, event.replaces].forEach(function (id) {
      if (id == null) return;
      var old = rows.querySelector('tr[data-id="' + id + '"]');
      if (old) old.remove();
    });
    var empty = rows.querySelector(".wire-empty");
    if (empty) empty.remove();
    rows.insertBefore(row(event), rows.firstChild);
  });

  D.live.subscribe(live.dataset.groups.split(" ").filter(Boolean));
})();
