"""The reading beacon's endpoint: one read, counted in the cache, nothing kept of the reader."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from dateline import numbers
from dateline.analytics import arrivals, counter

MAX_BODY = 2048  # a beacon carries two ids, a language, a referrer and two utm values
FIELD_MAX = 1000
PAGES = {"story", "home", "section"}


def _answer(status: int) -> HttpResponse:
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response


# No CSRF token: the pages that send the beacon are shared by every reader and stored whole,
# so they may carry nothing per reader, and a forged beacon could only add one read, which
# anyone can do by opening the page. The view reads no cookie and touches no session.
@csrf_exempt
@require_POST
def read(request: HttpRequest) -> HttpResponse:
    """Count one read of a page: 204, 400 for a malformed beacon, 403 for a machine."""
    declared = numbers.parse(request.META.get("CONTENT_LENGTH") or "0")
    if declared is None or declared > MAX_BODY:
        return _answer(413)
    if arrivals.is_bot(request.headers.get("User-Agent", "")):
        return _answer(403)
    body = request.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        return _answer(413)
    try:
        data = QueryDict(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, SuspiciousOperation):
        return _answer(400)
    if any(len(value) > FIELD_MAX for value in data.values()):
        return _answer(400)
    found = _read_of(data, _own_hosts(request))
    if found is None:
        return _answer(400)
    counter.count(found)
    return _answer(204)


def _read_of(data: QueryDict, own_hosts: set[str]) -> counter.Read | None:
    page = data.get("page", "")
    language = data.get("lang", "")
    article = numbers.parse(data.get("story", "0") or "0", high=2**31 - 1)
    section = numbers.parse(data.get("section", "0") or "0", high=2**31 - 1)
    if page not in PAGES or language not in dict(settings.LANGUAGES):
        return None
    if article is None or section is None or (page == "story") != (article > 0):
        return None
    if (page == "section") != (section > 0):
        return None
    kind = arrivals.classify(data.get("ref", ""), utm_source=data.get("utm_source", ""),
                             utm_medium=data.get("utm_medium", ""), own_hosts=own_hosts)
    # a story's section is taken from the story itself when the counts are written
    return counter.Read(article, 0 if article else section, language, kind)


def _own_hosts(request: HttpRequest) -> set[str]:
    """Our public name, the names we answer to, and the one this request came by."""
    hosts = {(urlsplit(settings.SITE_URL).hostname or "").lower(),
             split_domain_port(request.get_host())[0]}
    hosts.update(h.lstrip(".").lower() for h in settings.ALLOWED_HOSTS if h not in ("*", ""))
    return hosts - {""}
