"""IPTC ninjs (News in JSON), 2.x and the 1.x fields agencies still send, as ParsedItems.

A payload is one ninjs object, a JSON array of them, or an object with an "items" or "data"
list. Pictures, video and audio are left out: the wire takes text."""

from __future__ import annotations

import json
import re
from typing import Any

from dateline.wire.formats import MAX_ITEMS, FormatError, ParsedItem
from dateline.wire.formats.items import finish
from dateline.wire.formats.text import Budget, decode_json, parse_time, plain_text, story_html

TEXT_TYPES = {"", "text", "composite"}
MAX_VERSION = 2_147_483_647  # what the items table holds
STATUSES = {"usable": "usable", "withheld": "withheld", "canceled": "canceled",
            "cancelled": "canceled"}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    return {str: "text", int: "a number", float: "a number", list: "a list",
            dict: "an object"}.get(type(value), "null")


class _Fields:
    """One ninjs object's fields, each checked for its type: a wrong type is the agency's
    error, reported with the field's name rather than guessed around."""

    def __init__(self, data: dict, where: str) -> None:
        self.data, self.where = data, where

    def wrong(self, key: str, expected: str) -> FormatError:
        return FormatError(f'{self.where}: "{key}" should be {expected}, '
                           f"not {_kind(self.data[key])}.")

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.wrong(key, "text")
        return value.strip()

    def number(self, key: str) -> float | None:
        """A number, or text of digits; None when absent."""
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, str) and re.fullmatch(r"\s*\d{1,10}\s*", value, re.ASCII):
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.wrong(key, "a number")
        return value

    def objects(self, key: str) -> list[_Fields]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(one, dict) for one in value):
            raise self.wrong(key, "a list of objects")
        return [_Fields(one, f"{self.where}, {key} {n}") for n, one in enumerate(value, 1)]


def _load(payload: bytes) -> Any:
    text = decode_json(payload)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise FormatError("Not valid ninjs: the JSON is nested too deeply to read.") from None
    except FormatError:  # a ValueError too: from _no_constant, keep its own message
        raise
    except json.JSONDecodeError as error:
        raise FormatError(f"Not valid JSON: {error.msg.lower()} at line {error.lineno}, "
                          f"column {error.colno}.") from None
    except ValueError:  # an integer of more digits than Python converts
        raise FormatError("Not valid ninjs: it holds a number too long to read.") from None


def _no_constant(name: str) -> None:
    raise FormatError(f"Not valid JSON: {name} is not a number JSON allows.")


def _objects_of(data: Any) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if "uri" in data or "guid" in data:
            return [data]
        for key in ("items", "data"):
            if isinstance(data.get(key), list):
                return data[key]
        raise FormatError('Not valid ninjs: expected an item with a "uri", a list of items, '
                          'or an object with an "items" list.')
    raise FormatError(f"Not valid ninjs: the payload is {_kind(data)}, "
                      "not an object or a list.")


def parse(payload: bytes) -> list[ParsedItem]:
    budget = Budget()
    data = _load(payload)
    items = []
    for n, one in enumerate(_objects_of(data), 1):
        if len(items) == MAX_ITEMS:
            break
        budget.check()
        if not isinstance(one, dict):
            raise FormatError(f"Not valid ninjs: item {n} is {_kind(one)}, not an object.")
        try:
            item = _item(_Fields(one, f"ninjs item {n}"))
        except RecursionError:
            raise FormatError(f"ninjs item {n} is nested too deeply to read.") from None
        if item:
            items.append(item)
    return items


def _item(fields: _Fields) -> ParsedItem | None:
    if fields.text("type").lower() not in TEXT_TYPES:
        return None
    status = fields.text("pubstatus").lower() or "usable"
    if status not in STATUSES:
        raise FormatError(f'{fields.where}: "pubstatus" is {status!r}; it should be usable, '
                          "withheld or canceled.")
    lead, body = _lead(fields), _body(fields)
    item = ParsedItem(
        guid=fields.text("uri") or fields.text("guid"),
        headline=_headline(fields),
        version=_version(fields),
        lead=lead,
        body=body,
        priority=_priority(fields),
        status=STATUSES[status],
        dateline_place=_place(fields),
        byline=_byline(fields),
        language=fields.text("language"),
        subjects=_subjects(fields),
        embargo=_time(fields, "embargoed"),
        sent_at=_time(fields, "versioncreated") or _time(fields, "firstcreated"),
        raw=json.dumps(fields.data, ensure_ascii=False),
    )
    return finish(item, where=fields.where)


def _time(fields: _Fields, key: str):
    value = fields.text(key)
    return parse_time(value, what=f'{fields.where}: "{key}"') if value else None


def _version(fields: _Fields) -> int:
    value = fields.data.get("version")
    if isinstance(value, str) and not re.fullmatch(r"\s*\d+\s*", value, re.ASCII):
        return 0  # a version that is not a number: ingest counts the versions itself
    if isinstance(value, str):  # digits only, but ten of them at most fit a version
        number = int(value) if len(value.strip()) <= 10 else MAX_VERSION + 1
    else:
        number = fields.number("version")
    if number is None:
        return 0
    if number != int(number) or not 0 <= number <= MAX_VERSION:
        raise FormatError(f'{fields.where}: "version" {value!r:.20} is not a version number.')
    return int(number)


def _priority(fields: _Fields) -> int:
    for key in ("urgency", "priority"):
        number = fields.number(key)
        if number is not None:
            return int(min(9, max(1, number)))  # 1 (flash) .. 9, as IPTC urgency
    return 5


def _headline(fields: _Fields) -> str:
    headlines = fields.objects("headlines")
    main = [one for one in headlines if one.text("role") in ("", "main")] or headlines
    return main[0].text("value") if main else fields.text("headline")


def _lead(fields: _Fields) -> str:
    descriptions = fields.objects("descriptions")
    summary = [one for one in descriptions
               if one.text("role") in ("", "summary", "abstract", "main")] or descriptions
    if summary:
        value, kind = summary[0].text("value"), summary[0].text("contenttype")
        return plain_text(value) if "html" in kind else value
    return fields.text("description_text") or plain_text(fields.text("description_html"))


def _body(fields: _Fields) -> str:
    bodies = fields.objects("bodies")
    marked = [one for one in bodies if "html" in one.text("contenttype")]
    if marked:
        return story_html(marked[0].text("value"), is_html=True)
    if bodies:
        return story_html(bodies[0].text("value"), is_html=False)
    for key in ("body_html", "body_xhtml"):
        if value := fields.text(key):
            return story_html(value, is_html=True)
    return story_html(fields.text("body_text"), is_html=False)


def _byline(fields: _Fields) -> str:
    if by := fields.text("by"):
        return by
    bylines = fields.objects("bylines")
    return bylines[0].text("byline") if bylines else fields.text("byline")


def _place(fields: _Fields) -> str:
    if located := fields.text("located"):
        return located
    if isinstance(fields.data.get("place"), str):
        return fields.text("place")
    places = fields.objects("place")
    return places[0].text("name") if places else ""


def _subjects(fields: _Fields) -> list[dict]:
    subjects = []
    for one in fields.objects("subjects") + fields.objects("subject"):
        code = one.text("uri") or one.text("literal") or one.text("qcode") or one.text("code")
        subjects.append({"code": code, "name": one.text("name")})
    return subjects
