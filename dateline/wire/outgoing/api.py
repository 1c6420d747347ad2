"""The partner API: the stories changed since a time, and one story, as ninjs or NewsML-G2.

Every answer is the key's own: it is marked private and varies by Authorization, and none
is ever marked for the reader's page store (reader/pagecache.py keeps only responses a view
marked public). Every refusal is a small JSON object with a status that says why, never a
500: parameters are parsed strictly, and whatever does not parse is a 400.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from dateline import numbers
from dateline.newsroom.models import Article
from dateline.wire.models import PartnerKey
from dateline.wire.outgoing import common, keys, newsml, ninjs
from dateline.wire.outgoing.selectors import PAGE_MAX, partner_changes, partner_story

FORMATS = ("ninjs", "newsml")
JSON_TYPE = "application/json"
MESSAGE_TYPE = "application/vnd.iptc.g2.newsmessage+xml"
ITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml"
REALM = 'Bearer realm="partner API"'
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
LAST_MICROSECOND = (datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC) - EPOCH) // \
    timedelta(microseconds=1)
# 2026-03-01T12:00:00Z, with seconds, a fraction and an offset optional; a "+" the query
# string turned into a space is read as the "+" it was. Or a date alone: midnight UTC.
_MOMENT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?"
    r"(Z|[+ -]\d{2}:\d{2}))?", re.ASCII | re.IGNORECASE)
_CURSOR = re.compile(r"([0-9]{1,19})-([0-9]{1,19})", re.ASCII)
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}", re.ASCII)


class Refused(Exception):
    """A request the API answers with an error of its own."""

    def __init__(self, status: int, code: str, detail: str, **headers: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers = status, code, detail, headers

    def response(self) -> HttpResponse:
        response = JsonResponse({"error": self.code, "detail": self.detail}, status=self.status)
        for name, value in self.headers.items():
            response[name.replace("_", "-")] = value
        return response


def partner_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run view with the request's partner key: checked, counted against its rate, noted."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            key = _authenticate(request)
            wait = keys.spend(key)
            if wait is not None:
                raise Refused(429, "rate_limited",
                              f"Over this key's rate ({key.per_minute} a minute): "
                              f"try again in {wait} seconds.", Retry_After=str(wait))
            keys.note_use(key)
            response = view(request, key, *args, **kwargs)
        except Refused as refusal:
            response = refusal.response()
        response["Cache-Control"] = "private, no-cache"
        patch_vary_headers(response, ("Authorization", "Accept"))
        return response

    return csrf_exempt(require_safe(wrapper))


def _authenticate(request: HttpRequest) -> PartnerKey:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        raise Refused(401, "unauthorized", "Send your key: Authorization: Bearer <key>.",
                      WWW_Authenticate=REALM)
    secret = keys.bearer(header)
    key = keys.find_key(secret) if secret else None
    if key is None or key.revoked_at is not None:
        detail = "This key was revoked." if key else "This key is not known."
        raise Refused(401, "invalid_key", detail,
                      WWW_Authenticate=f'{REALM}, error="invalid_token"')
    return key


@partner_view
def stories(request: HttpRequest, key: PartnerKey) -> HttpResponse:
    """GET /api/v1/stories/?since=&cursor=&format=&language=&section=&limit="""
    kind = _format(request)
    cursor, since = _param(request, "cursor"), _param(request, "since")
    if cursor is not None and since is not None:
        raise Refused(400, "bad_parameter", "Give since or cursor, not both.")
    after = _cursor(cursor) if cursor is not None else None
    moment = _moment(since) if since is not None else None
    language, section = _language(request), _section(request)
    limit = _limit(request)
    found = partner_changes(key, after=after, since=moment, language=language,
                            section=section, limit=limit)
    page, more = found[:limit], len(found) > limit
    query = {"format": kind, "language": language, "section": section,
             "limit": limit if limit != PAGE_MAX else None}
    if page:
        position = {"cursor": _cursor_of(page[-1])}
    else:  # nothing new: ask again later from where this request stood
        position = {"cursor": cursor, "since": _written(moment) if moment else None}
    resume = _address(reverse("partner_api:stories"), {**query, **position})
    next_page = resume if more else None
    if kind == "ninjs":
        items = [_json(ninjs.story(article)) for article in page]
        tag = _etag(kind, *items, next_page or "", resume)
        body = (f'{{"items":[{",".join(items)}],"next":{json.dumps(next_page)},'
                f'"resume":{json.dumps(resume)}}}').encode()
        response = _answer(request, tag, lambda: body, JSON_TYPE)
    else:
        items = [newsml.news_item(article) for article in page]
        tag = _etag(kind, *items, next_page or "", resume)
        response = _answer(request, tag, lambda: newsml.news_message(
            items, sent=datetime.now(UTC)), _xml_type(request, MESSAGE_TYPE))
    links = [f'<{next_page}>; rel="next"'] if next_page else []
    response["Link"] = ", ".join([*links, f'<{resume}>; rel="resume"'])
    return response


@partner_view
def story(request: HttpRequest, key: PartnerKey, pk: int) -> HttpResponse:
    """GET /api/v1/stories/<id>/?format="""
    kind = _format(request)
    article = partner_story(key, pk)
    if article is None:
        raise Refused(404, "not_found", "No such story for this key.")
    if kind == "ninjs":
        item = _json(ninjs.story(article))
        return _answer(request, _etag(kind, item), item.encode, JSON_TYPE)
    item = newsml.news_item(article)
    return _answer(request, _etag(kind, item), lambda: newsml.standalone(item),
                   _xml_type(request, ITEM_TYPE))


def _answer(request: HttpRequest, tag: str, body: Callable[[], bytes],
            content_type: str) -> HttpResponse:
    """The body, or 304 when the partner already holds what it would say."""
    held = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    if "*" in held or tag.removeprefix("W/") in {t.removeprefix("W/") for t in held}:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body(), content_type=content_type)
    response["ETag"] = tag
    return response


def _etag(*parts: str) -> str:
    """A weak tag: a list's newsMessage differs from one answer to the next only in the
    time it was sent."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "replace"))
        digest.update(b"\0")
    return f'W/"{digest.hexdigest()[:32]}"'


def _json(item: dict) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")) \
        .encode("utf-8", "replace").decode()


def _xml_type(request: HttpRequest, kind: str) -> str:
    """The IPTC media type, or plain application/xml for a client that asks only for that."""
    accept = request.META.get("HTTP_ACCEPT", "")
    return "application/xml" if "application/xml" in accept and kind not in accept else kind


def _address(path: str, query: dict) -> str:
    return common.absolute(path) + "?" + urlencode({k: v for k, v in query.items()
                                                    if v is not None})


def _param(request: HttpRequest, name: str) -> str | None:
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise Refused(400, "bad_parameter", f"Give {name} once.")
    return values[0] if values else None


def _format(request: HttpRequest) -> str:
    value = _param(request, "format")
    if value is None:
        return "ninjs"
    if value not in FORMATS:
        raise Refused(400, "bad_parameter", "format is ninjs or newsml.")
    return value


def _moment(value: str) -> datetime:
    match = _MOMENT.fullmatch(value.strip())
    if not match:
        raise Refused(400, "bad_parameter",
                      "since is an ISO 8601 time with its offset, e.g. 2026-03-01T12:00:00Z.")
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    try:
        zone = UTC
        if offset and offset.upper() != "Z":
            sign = -1 if offset[0] == "-" else 1
            zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                          int(second or 0), int((fraction or "0")[:6].ljust(6, "0")),
                          tzinfo=zone)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise Refused(400, "bad_parameter", "since is not a time there ever was.") from None


def _written(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _cursor(value: str) -> tuple[datetime, int]:
    match = _CURSOR.fullmatch(value)
    micros = numbers.parse(match.group(1), high=LAST_MICROSECOND) if match else None
    pk = numbers.parse(match.group(2)) if match else None
    if micros is None or pk is None:
        raise Refused(400, "bad_parameter", "cursor is not one this API gave.")
    return EPOCH + timedelta(microseconds=micros), pk


def _cursor_of(article: Article) -> str:
    return f"{(article.updated_at - EPOCH) // timedelta(microseconds=1)}-{article.pk}"


def _language(request: HttpRequest) -> str | None:
    value = _param(request, "language")
    if value is not None and value not in {code for code, _name in settings.LANGUAGES}:
        raise Refused(400, "bad_parameter", "language is one of the site's editions.")
    return value


def _section(request: HttpRequest) -> str | None:
    value = _param(request, "section")
    if value is not None and not _SLUG.fullmatch(value):
        raise Refused(400, "bad_parameter", "section is a section's slug.")
    return value


def _limit(request: HttpRequest) -> int:
    value = _param(request, "limit")
    if value is None:
        return PAGE_MAX
    limit = numbers.parse(value, low=1, high=PAGE_MAX)
    if limit is None:
        raise Refused(400, "bad_parameter", f"limit is a number from 1 to {PAGE_MAX}.")
    return limit
