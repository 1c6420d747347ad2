"""The one way the page's scripts learn URLs, limits and their strings: a JSON block in the
frame, <script type="application/json" id="dateline-config">, read by reader/core.js.

Pages are shared by every reader and stored whole, so it holds nothing about the reader;
its strings come from the project catalog, translated into the page's language.
"""

from __future__ import annotations

from functools import cache

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_noop, ngettext, trans_real

from dateline.discussion.actions import EDIT_WINDOW
from dateline.moderation.text import MAX_LENGTH as COMMENT_MAX_LENGTH

register = template.Library()

LIVE_URL = "/ws/live/"  # routed in dateline/asgi.py, outside Django's URLs
LIMITS = {
    "comment": COMMENT_MAX_LENGTH,
    "comment_edit_minutes": int(EDIT_WINDOW.total_seconds() // 60),
    "heartbeat_seconds": 25,  # the live socket asks this often whether the server is there
    "poll_seconds": 15,  # the discussion asks for new comments this often without the socket
}
# URL names the scripts use, with the values they fill in: {article}, {comment}, {room}
URLS = {
    "accounts:me": (),
    "discussion:counts": (),
    "discussion:threads": ("article",),
    "discussion:since": ("article",),
    "discussion:post": ("article",),
    "discussion:mine": ("article",),
    "discussion:edit": ("comment",),
    "discussion:delete": ("comment",),
    "discussion:like": ("comment",),
    "discussion:report": ("comment",),
    "chats:older": ("room",),
}
STRINGS = (
    # the frame: account menu, Newsfeed, alerts, any failed request
    gettext_noop("Log out"),
    gettext_noop("Replies to you"),
    gettext_noop("You are logged in as %(name)s."),
    gettext_noop("New stories: %(count)s. Show them"),
    gettext_noop("Breaking"),
    gettext_noop("Something went wrong. Try again."),
    # the discussion
    gettext_noop("Reply"),
    gettext_noop("Edit"),
    gettext_noop("Delete"),
    gettext_noop("Like"),
    gettext_noop("Unlike"),
    gettext_noop("Your comment"),
    gettext_noop("Post comment"),
    gettext_noop("Your reply"),
    gettext_noop("Post reply"),
    gettext_noop("Edit your comment"),
    gettext_noop("Save"),
    gettext_noop("Delete this comment?"),
    gettext_noop("This comment was deleted."),
    gettext_noop("Reason for the report"),
    gettext_noop("Report…"),
    gettext_noop("Spam or advertising"),
    gettext_noop("Abuse or hate"),
    gettext_noop("Off topic"),
    gettext_noop("Something else"),
    gettext_noop("Order of comments"),
    gettext_noop("Newest"),
    gettext_noop("Oldest"),
    gettext_noop("Most liked"),
    # chats
    gettext_noop("Report"),
    gettext_noop("Reconnecting… try again in a moment."),
    gettext_noop("Your message will appear once a moderator has read it."),
    gettext_noop("Thank you: the moderators will look at this message."),
    # the wire monitor (desk)
    gettext_noop("Alert from %(agency)s: %(headline)s"),
    gettext_noop("New items: %(count)s."),
    gettext_noop("Show them"),
    gettext_noop("Usable"),
    gettext_noop("Withheld"),
    gettext_noop("Canceled (killed)"),
)
# Plural messages; the templates say the same, which is where makemessages finds them.
PLURALS = (
    ("%(counter)s like", "%(counter)s likes"),
    ("%(counter)s here", "%(counter)s here"),
)


@register.simple_tag(takes_context=True)
def client_config(context: template.Context, page: str = "", section: int | None = None
                  ) -> SafeString:
    """The config block. page and section say which new stories the page would list:
    "home" all of its language, "section" those of that section."""
    request = context.get("request")
    return json_script({
        "language": get_language(),
        "page": page,
        "section": section,
        "last_event": getattr(request, "last_event_id", 0),
        "limits": LIMITS,
        **_in_language(get_language()),
    }, "dateline-config")


@cache
def _in_language(language: str) -> dict:
    """URLs and strings, the same on every page of a language (asked in that language)."""
    return {
        "urls": {"live": LIVE_URL} | {name: _url(name, holes) for name, holes in URLS.items()},
        "strings": {s: gettext(s) for s in STRINGS}
        | {s: _plural_forms(s, p) for s, p in PLURALS},
    }


def _url(name: str, holes: tuple[str, ...]) -> str:
    """The URL with a {hole} for each value, for the scripts to fill. Reversed with numbers
    standing in for the values (a number passes the int and slug converters alike)."""
    stand_ins = [str(900_000_001 + i) for i in range(len(holes))]
    url = reverse(name, args=stand_ins)
    for stand_in, hole in zip(stand_ins, holes, strict=True):
        url = url.replace(stand_in, "{" + hole + "}")
    return url


def _plural_forms(singular: str, plural: str) -> dict[str, str]:
    """Each form of a plural message, under the first count that takes it.

    The script uses the form whose count is in the same plural category as its own
    (Intl.PluralRules), so it needs no copy of the catalog's formula. Counts below 200
    reach every form the catalogs' rules give whole numbers.
    """
    form_of = trans_real.translation(get_language()).plural  # a count -> its form's index
    forms: dict[int, tuple[str, str]] = {}
    for n in range(200):
        forms.setdefault(form_of(n), (str(n), ngettext(singular, plural, n)))
    return dict(forms.values())
