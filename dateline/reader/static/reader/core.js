// What every page's scripts share: the page's config (URLs, limits, translated strings, from
// the <script id="dateline-config"> the server renders), a few DOM helpers, who is reading,
// and posting with their CSRF token. Loaded first; the other scripts build on window.Dateline.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("dateline-config").textContent);
  var strings = config.strings;

  function gettext(text) {
    return typeof strings[text] === "string" ? strings[text] : text;
  }

  // A plural message comes as {count: form}, one count per form of the catalog: the form to
  // use is the one whose count is in the same plural category as n.
  function ngettext(singular, plural, n) {
    var forms = strings[singular];
    if (!forms) return n === 1 ? singular : plural;
    var rules = new Intl.PluralRules(config.language);
    var kind = rules.select(n);
    var counts = Object.keys(forms);
    var match = counts.filter(function (c) { return rules.select(Number(c)) === kind; })[0];
    return forms[match === undefined ? counts[counts.length - 1] : match];
  }

  // "%(name)s" placeholders, as in the server's catalog
  function interpolate(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return values[name]; });
  }

  // A URL of the config with its {holes} filled: url("discussion:since", {article: 5})
  function url(name, values) {
    return config.urls[name].replace(/\{(\w+)\}/g, function (all, hole) {
      return encodeURIComponent(values[hole]);
    });
  }

  // el("a", {href: "/"}, "text", node): an element with attributes, then text and nodes in it
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    Array.prototype.slice.call(arguments, 2).forEach(function (child) {
      if (child !== undefined && child !== null) node.append(child);
    });
    return node;
  }

  // Markup from the server, parsed into a holder element to pick from
  function parse(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    return holder;
  }

  function clock(iso) {
    var when = new Date(iso);
    return ("0" + when.getHours()).slice(-2) + ":" + ("0" + when.getMinutes()).slice(-2);
  }

  // Who is reading: pages are shared by everyone, so this is asked for once, after load.
  var me = fetch(url("accounts:me"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (data) { return data || { authenticated: false }; });

  // A form post as the reader; the answer's JSON, or a failure in the same shape
  function post(address, fields) {
    return me.then(function (reader) {
      var data = new FormData();
      Object.keys(fields).forEach(function (k) { data.append(k, fields[k]); });
      return fetch(address, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": reader.csrf || "" },
      });
    }).then(function (r) { return r.json(); }).catch(function () {
      return { ok: false, error: gettext("Something went wrong. Try again.") };
    });
  }

  window.Dateline = {
    config: config, gettext: gettext, ngettext: ngettext, interpolate: interpolate, url: url,
    el: el, parse: parse, clock: clock, me: me, post: post,
  };
})();
