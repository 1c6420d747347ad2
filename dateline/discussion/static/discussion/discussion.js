// The discussion under a story: loads the threads, and lets a logged-in reader comment,
// reply, edit, delete, like and report. The page itself is shared by every reader, so who
// may do what is learned from the account endpoint (Dateline.me) after load.
(function () {
  "use strict";
  var D = window.Dateline;
  var gettext = D.gettext;
  var el = D.el;
  var limits = D.config.limits;
  var me = null;
  var blocks = [];

  function commentUrl(li, action) {
    return D.url("discussion:" + action, { comment: li.dataset.comment });
  }

  function articleUrl(block, name) {
    return D.url("discussion:" + name, { article: block.el.dataset.discussion });
  }

  function setCount(block, label) {
    var count = block.el.querySelector(".comment-count");
    if (count && label) count.textContent = label;
  }

  // --- tools on each comment, depending on who is reading ---
  function decorate(block, li) {
    if (!me || !me.authenticated || li.dataset.decorated || li.querySelector(".comment-deleted")) return;
    li.dataset.decorated = "1";
    var tools = li.querySelector(".comment-tools");
    if (!tools) return;
    var own = String(me.id) === li.dataset.author;
    if (!me.banned && !block.closed) tools.appendChild(button(gettext("Reply"), function () { replyForm(block, li); }));
    if (own) {
      var age = (Date.now() - Date.parse(li.dataset.created)) / 60000;
      if (age < limits.comment_edit_minutes) tools.appendChild(button(gettext("Edit"), function () { editForm(block, li); }));
      tools.appendChild(button(gettext("Delete"), function () { remove(block, li); }));
    } else if (!me.banned) {
      var liked = block.liked && block.liked.indexOf(Number(li.dataset.comment)) >= 0;
      var likeButton = button(liked ? gettext("Unlike") : gettext("Like"), function (b) { like(li, b); }, "like");
      likeButton.dataset.liked = liked ? "1" : "";
      tools.appendChild(likeButton);
      tools.appendChild(reportControl(li));
    }
  }

  function button(label, onClick, cls) {
    var b = el("button", { type: "button", class: "link-button" + (cls ? " " + cls : "") }, label);
    b.addEventListener("click", function () { onClick(b); });
    return b;
  }

  function note(container, message, isError) {
    var old = container.querySelector(".form-note");
    if (old) old.remove();
    var p = el("p", { class: "form-note" + (isError ? " error" : ""), role: isError ? "alert" : "status" }, message);
    container.appendChild(p);
    return p;
  }

  function form(label, value, submitLabel, onSubmit) {
    var f = el("form", { class: "comment-form" });
    var id = "c" + Math.random().toString(36).slice(2);
    f.appendChild(el("label", { for: id }, label));
    var area = el("textarea", { id: id, name: "body", rows: "4", maxlength: String(limits.comment), required: "" });
    area.value = value || "";
    f.appendChild(area);
    f.appendChild(el("button", { type: "submit" }, submitLabel));
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      var submit = f.querySelector("button[type=submit]");
      submit.disabled = true;
      onSubmit(area.value, f).finally(function () { submit.disabled = false; });
    });
    return f;
  }

  function place(block, result) {
    if (!result.html) return;
    var node = D.parse(result.html).firstElementChild;
    if (block.list.querySelector("#" + node.id)) return;
    var empty = block.list.querySelector(".no-comments");
    if (empty) empty.remove();
    if (result.parent) {
      var thread = block.list.querySelector("#comment-" + result.parent + " > .replies");
      if (thread) thread.appendChild(node);
    } else {
      var threads = block.list.querySelector(".threads");
      if (threads) threads.insertBefore(node, threads.firstChild);
    }
    block.last = Math.max(block.last, result.id);
    decorate(block, node);
    node.querySelectorAll("[data-comment]").forEach(function (li) { decorate(block, li); });
  }

  function composer(block) {
    var f = form(gettext("Your comment"), "", gettext("Post comment"), function (body, f) {
      return D.post(articleUrl(block, "post"), { body: body }).then(function (r) {
        if (!r.ok) { note(f, r.error, true); return; }
        f.querySelector("textarea").value = "";
        note(f, r.message, false);
        place(block, r);
        refresh(block);
      });
    });
    f.classList.add("new-comment");
    return f;
  }

  function replyForm(block, li) {
    var existing = li.querySelector(":scope > .comment-form");
    if (existing) { existing.querySelector("textarea").focus(); return; }
    var f = form(gettext("Your reply"), "", gettext("Post reply"), function (body, f) {
      return D.post(articleUrl(block, "post"), { body: body, parent: li.dataset.comment }).then(function (r) {
        if (!r.ok) { note(f, r.error, true); return; }
        f.remove();
        if (r.html) place(block, r); else note(li, r.message, false);
        refresh(block);
      });
    });
    li.insertBefore(f, li.querySelector(".replies"));
    f.querySelector("textarea").focus();
  }

  function editForm(block, li) {
    var body = li.querySelector(".comment-body");
    var f = form(gettext("Edit your comment"), body.innerText, gettext("Save"), function (text, f) {
      return D.post(commentUrl(li, "edit"), { body: text }).then(function (r) {
        if (!r.ok) { note(f, r.error, true); return; }
        if (r.html) {
          body.innerHTML = D.parse(r.html).querySelector(".comment-body").innerHTML;
          f.remove();
        } else { note(f, r.message, false); }
        refresh(block);
      });
    });
    body.after(f);
  }

  function remove(block, li) {
    if (!window.confirm(gettext("Delete this comment?"))) return;
    D.post(commentUrl(li, "delete"), {}).then(function (r) {
      if (!r.ok) { note(li, r.error, true); return; }
      var hasReplies = li.querySelector(".replies li");
      if (hasReplies) {
        li.querySelectorAll(":scope > .comment-meta, :scope > .comment-body, :scope > .comment-tools").forEach(function (n) { n.remove(); });
        li.insertBefore(el("p", { class: "comment-deleted" }, gettext("This comment was deleted.")), li.firstChild);
      } else { li.remove(); }
      refresh(block);
    });
  }

  function like(li, b) {
    var undo = b.dataset.liked === "1";
    D.post(commentUrl(li, "like"), undo ? { undo: "1" } : {}).then(function (r) {
      if (!r.ok) { note(li.querySelector(".comment-tools"), r.error, true); return; }
      b.dataset.liked = undo ? "" : "1";
      b.textContent = undo ? gettext("Like") : gettext("Unlike");
      var likes = li.querySelector(".comment-likes");
      likes.dataset.likes = r.likes;
      likes.textContent = D.interpolate(D.ngettext("%(counter)s like", "%(counter)s likes", r.likes), { counter: r.likes });
    });
  }

  function reportControl(li) {
    var wrap = el("span", { class: "report" });
    var select = el("select", { "aria-label": gettext("Reason for the report") });
    [["", gettext("Report…")], ["spam", gettext("Spam or advertising")], ["abuse", gettext("Abuse or hate")],
      ["off_topic", gettext("Off topic")], ["other", gettext("Something else")]].forEach(function (o) {
      select.appendChild(el("option", { value: o[0] }, o[1]));
    });
    select.addEventListener("change", function () {
      if (!select.value) return;
      D.post(commentUrl(li, "report"), { reason: select.value }).then(function (r) {
        note(wrap, r.ok ? r.message : r.error, !r.ok);
        select.disabled = true;
      });
    });
    wrap.appendChild(select);
    return wrap;
  }

  // --- loading, ordering, showing more, and new comments arriving ---
  function load(block, url, append) {
    return fetch(url, { headers: { Accept: "text/html" } }).then(function (r) { return r.text(); }).then(function (html) {
      var holder = D.parse(html);
      if (!append) block.list.innerHTML = "";
      var old = block.list.querySelector(".show-more");
      if (old) old.remove();
      var threads = holder.querySelector(".threads");
      var target = block.list.querySelector(".threads");
      if (append && target) {
        Array.prototype.slice.call(threads.children).forEach(function (li) {
          if (!target.querySelector("#" + li.id)) target.appendChild(li);
        });
      } else { block.list.appendChild(threads); }
      var more = holder.querySelector(".show-more");
      if (more) {
        block.list.appendChild(more);
        more.addEventListener("click", function (e) { e.preventDefault(); load(block, more.dataset.next, true); });
      }
      block.list.querySelectorAll("[data-comment]").forEach(function (li) {
        block.last = Math.max(block.last, Number(li.dataset.comment));
        decorate(block, li);
      });
    });
  }

  function orderBar(block) {
    var nav = el("div", { class: "comment-order", role: "group", "aria-label": gettext("Order of comments") });
    [["newest", gettext("Newest")], ["oldest", gettext("Oldest")], ["liked", gettext("Most liked")]].forEach(function (o) {
      var b = button(o[1], function () {
        block.order = o[0];
        nav.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
        b.setAttribute("aria-pressed", "true");
        load(block, articleUrl(block, "threads") + "?order=" + o[0], false);
      });
      b.setAttribute("aria-pressed", o[0] === block.order ? "true" : "false");
      nav.appendChild(b);
    });
    return nav;
  }

  function refresh(block) {
    // no-store: the browser must ask again even if it asked the same a moment ago
    return fetch(articleUrl(block, "since") + "?after=" + block.last, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (data) {
      setCount(block, data.label);
      if (!data.html) return;
      Array.prototype.slice.call(D.parse(data.html).children).forEach(function (li, i) {
        if (block.list.querySelector("#" + li.id)) return;
        place(block, { html: li.outerHTML, parent: data.parents[i], id: data.ids[i] });
      });
    }).catch(function () {});
  }

  function setUp(section) {
    if (section.dataset.ready) return;
    section.dataset.ready = "1";
    var block = { el: section, list: section.querySelector("[data-comment-list]"), last: 0,
      order: "newest", closed: section.hasAttribute("data-closed") };
    blocks.push(block);
    section.insertBefore(orderBar(block), block.list);
    D.live.subscribe(["discussion." + section.dataset.discussion]);
    Promise.all([D.me, load(block, articleUrl(block, "threads"), false)]).then(function (done) {
      me = done[0];
      withReader(block);
    });
  }

  function withReader(block) {
    if (!me.authenticated || block.hasComposer) return;
    block.hasComposer = true;
    fetch(articleUrl(block, "mine"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { liked: [] }; })
      .then(function (mine) {
        block.liked = mine.liked;
        block.list.querySelectorAll("button.like").forEach(function (b) {
          var li = b.closest("[data-comment]");
          if (mine.liked.indexOf(Number(li.dataset.comment)) >= 0) {
            b.dataset.liked = "1";
            b.textContent = gettext("Unlike");
          }
        });
      })
      .catch(function () {});
    if (me.banned) {
      block.list.before(el("p", { class: "ban-notice", role: "alert" }, me.banned));
    } else if (!block.closed) {
      block.list.before(composer(block));
    }
    block.list.querySelectorAll("[data-comment]").forEach(function (li) { decorate(block, li); });
  }

  document.addEventListener("dateline:story", function (e) {
    var section = e.detail.querySelector("[data-discussion]");
    if (section) setUp(section);
  });
  document.querySelectorAll("[data-discussion]").forEach(setUp);
  // new comments arrive over the live socket; polling is only the fallback while it is down
  D.live.on("event", function (message) {
    if (message.event.type !== "comment.changed") return;
    blocks.forEach(function (block) {
      if (message.group === "discussion." + block.el.dataset.discussion) refresh(block);
    });
  });
  setInterval(function () {
    if (document.visibilityState !== "visible") return;
    if (document.documentElement.dataset.live === "on") return;
    blocks.forEach(refresh);
  }, limits.poll_seconds * 1000);
})();
