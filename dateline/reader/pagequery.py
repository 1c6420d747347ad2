"""Which part of a query string makes a different page.

Each stored view says which parameters it reads (`public_page(reads=...)`): the section
reads `page`, a story reads none. Any other parameter (a tracking tag, `?foo=1`) cannot
change what the view answers, so it is left out of the stored page's key: the page is
served from the store, and nobody can fill the store or make the server render by varying
it. A view that reads any parameter it is given (search) says `reads=None`: with a query
string it is rendered every time, as shared caches would otherwise keep it.
"""

from __future__ import annotations

import re

from django.urls import Resolver404, resolve
from django.utils import translation

QUERY_MAX = 1000  # longer query strings are no shared link of ours: rendered, never stored
_NOT_STORED = ("",)  # a view that stores nothing, or no view at all
_ANY = None
_VALUES = {"page": re.compile(r"[1-9][0-9]{0,8}")}
_OTHER_VALUE = re.compile(r"[^&]{0,100}")
_TRACKING = re.compile(r"utm_[A-Za-z_]{1,30}|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid"
                       r"|twclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|s_cid")
_MEMO_SIZE = 4096
_reads_by_path: dict[str, tuple[str, ...] | None] = {}


def without_tracking(query: str) -> str:
    """The query string without the parameters that only tell where a reader came from
    (utm_*, fbclid, gclid...): no page of ours reads them, the reader's browser does."""
    if not query:
        return query
    return "&".join(part for part in query.split("&")
                    if not _TRACKING.match(part.split("=", 1)[0]))


def reads(path: str) -> tuple[str, ...] | None:
    """The parameters the view at path reads: _NOT_STORED when nothing there is stored,
    None when it reads whatever it is given."""
    try:
        return _reads_by_path[path]
    except KeyError:
        pass
    language = translation.get_language_from_path(path)
    try:
        with translation.override(language):  # the language prefix is resolved by language
            view = resolve(path).func
    except Resolver404:
        view = None
    found = getattr(view, "page_reads", _NOT_STORED)
    if len(_reads_by_path) >= _MEMO_SIZE:
        _reads_by_path.clear()  # any number of made-up addresses: the memo stays small
    _reads_by_path[path] = found
    return found


def stored_query(path: str, query: str) -> str | None:
    """The part of the query that names a different stored page at path, or None when the
    request must be rendered (nothing stored there, or parameters that cannot be keyed)."""
    if len(query) > QUERY_MAX:
        return None
    wanted = reads(path)
    if wanted is _NOT_STORED:
        return None
    query = without_tracking(query)
    if not query:
        return ""
    kept = []
    for part in query.split("&"):
        name, _eq, value = part.partition("=")
        if wanted is _ANY:
            return None  # it reads anything: only its bare address is stored
        if name not in wanted:
            continue
        if not (_VALUES.get(name) or _OTHER_VALUE).fullmatch(value):
            return None  # a value the view would refuse or treat as another: not stored
        kept.append(part)
    return "&".join(kept)
