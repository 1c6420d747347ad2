"""The last step of every format: what the desk needs filled in the same way whatever the
agency sent (a lead, the dateline, a headline) and every field made to fit its column."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from dateline.wire.formats import FormatError, ParsedItem
from dateline.wire.formats.datelines import place_name, read_dateline
from dateline.wire.formats.text import clip, language_code, paragraphs, squeeze

GUID_LENGTH = 300
HEADLINE_LENGTH = 300
BYLINE_LENGTH = 200
PLACE_LENGTH = 100
STATUSES = {"usable", "withheld", "canceled"}
MAX_SUBJECTS = 50


def _headline_from(lead: str) -> str:
    """A headline for copy sent without one: its first sentence, at most ~100 characters."""
    sentence = re.split(r"(?<=[.!?])\s", squeeze(lead), maxsplit=1)[0]
    if len(sentence) <= 100:
        return sentence.rstrip(".")
    return sentence[:100].rsplit(" ", 1)[0] + "…"


def _subjects(subjects: list[dict]) -> list[dict]:
    """Each subject once, with a code or a name or both."""
    seen, kept = set(), []
    for subject in subjects:
        code = clip(squeeze(subject.get("code", "")), 300)
        name = clip(squeeze(subject.get("name", "")), 200)
        if (code or name) and (code, name) not in seen:
            seen.add((code, name))
            kept.append({"code": code, "name": name})
    return kept[:MAX_SUBJECTS]


def finish(item: ParsedItem, *, where: str) -> ParsedItem:
    """Fill the lead from the body, read a dateline off the lead (or the body's first
    paragraph) when the format gave none, and clip every field to its column."""
    item.guid = clip(item.guid, GUID_LENGTH)
    if not item.guid:
        raise FormatError(f"{where} has no id, so its versions cannot be told apart.")
    first = next(iter(paragraphs(item.body)), "")
    item.lead = (item.lead or first).strip()
    near = (item.sent_at or item.embargo or datetime.now(UTC)).date()
    if dateline := read_dateline(item.lead, near=near):
        item.lead = dateline.rest.strip()
    else:
        dateline = read_dateline(first, near=near)
    if dateline:
        item.dateline_place = item.dateline_place or dateline.place
        item.dateline_date = item.dateline_date or dateline.date
    item.headline = clip(squeeze(item.headline) or _headline_from(item.lead), HEADLINE_LENGTH)
    if not item.headline and item.status == "usable":
        raise FormatError(f"{where} has no headline and no text.")
    item.dateline_place = clip(place_name(item.dateline_place), PLACE_LENGTH)
    item.byline = clip(squeeze(item.byline), BYLINE_LENGTH)
    item.language = language_code(item.language)
    item.priority = min(9, max(1, item.priority))
    item.subjects = _subjects(item.subjects)
    if item.status not in STATUSES:
        raise FormatError(f"{where} has the status {item.status!r}, which is not one of "
                          "usable, withheld or canceled.")
    return item
