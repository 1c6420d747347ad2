"""Datelines: "MOSCOW, December 10 (Agency) -" or "МОСКВА, 10 декабря –" at the start of a
lead, read into a place in title case and a date, and the text after it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_NAMES = [
    ("january", "января"), ("february", "февраля"), ("march", "марта"), ("april", "апреля"),
    ("may", "мая", "май"), ("june", "июня"), ("july", "июля"), ("august", "августа"),
    ("september", "sept", "сентября", "сент"), ("october", "октября"), ("november", "ноября"),
    ("december", "декабря"),
]
# each name whole or cut to three letters: "December", "Dec", "декабря", "дек"
_MONTHS = {name[:length]: number for number, names in enumerate(_MONTH_NAMES, 1)
           for name in names for length in (len(name), 3)}

# words kept in lower case inside a place name: "Rostov-on-Don", "Ростов-на-Дону"
_SMALL = {"on", "upon", "de", "da", "do", "del", "der", "la", "le", "am", "im", "an", "na",
          "на", "над", "под", "и"}

_WORD = r"[^\W\d_][^\W\d_'’.]*\.?"
_PREFIX = re.compile(
    rf"""\s*(?P<place>{_WORD}(?:(?:\ |-|'|’)+{_WORD}){{0,4}})   # MOSCOW, NEW YORK, ST. PETERSBURG
    (?P<middle>(?:\s*,\s*(?:[^,()/\n–—.-]|\.(?=\s?\d)){{1,40}}){{0,3}})  # , Dec. 10 / , Italy
    \s*\.?
    (?:\s*(?:\((?P<agency>[^()\n]{{1,50}})\)|/(?P<agency2>[^/\n]{{1,50}})/))?   # (Agency) /Agency/
    """, re.X)
_SEPARATOR = re.compile(r"\s*(?:--|[-–—:.])\s*")
_DAY_MONTH = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})")


@dataclass
class Dateline:
    place: str
    date: date | None
    rest: str  # the text after the dateline


def place_name(text: str) -> str:
    """A place as a dateline shows it: "NEW YORK" becomes "New York"; mixed case is kept."""
    text = " ".join(text.split()).strip(" ,.-")
    if not text.isupper():
        return text
    words = re.split(r"([ \-'’])", text.lower())
    return "".join(word if i and word in _SMALL else word[:1].upper() + word[1:]
                   for i, word in enumerate(words))


def _looks_like_place(place: str) -> bool:
    """In capitals, or every word capitalised: "Moscow", "Rostov-on-Don", not "The army"."""
    if len(place) > 60:
        return False
    words = [word for word in re.split(r"[ \-'’]+", place) if word]
    return place.isupper() or all(word[0].isupper() or word in _SMALL for word in words)


def _day_month(part: str) -> tuple[int, int] | None:
    part = part.strip().rstrip(".").lower()
    if found := _DAY_MONTH.fullmatch(part):
        day, month = found.group(1), found.group(2)
    elif found := _MONTH_DAY.fullmatch(part):
        month, day = found.group(1), found.group(2)
    else:
        return None
    number = _MONTHS.get(month)
    return (number, int(day)) if number else None


def _nearest(month: int, day: int, year: int | None, near: date) -> date | None:
    """The last such day on or just before the item was sent: a dateline of December 31
    on copy sent on January 1 is of the year before."""
    years = [year] if year else [near.year + 1, near.year, near.year - 1]
    for candidate in years:
        try:
            when = date(candidate, month, day)
        except ValueError:
            continue
        if year or when <= near + timedelta(days=2):  # time zones put a dateline ahead
            return when
    return None


def _date_of(middle: str, near: date) -> tuple[date | None, bool]:
    """The date in the parts after the place, and whether there was one."""
    parts = [part.strip() for part in middle.split(",") if part.strip()]
    year = next((int(part.rstrip(".")) for part in parts
                 if re.fullmatch(r"\d{4}\.?", part)), None)
    for part in parts:
        if found := _day_month(part):
            return _nearest(found[0], found[1], year, near), True
    return None, False


def read_dateline(text: str, *, near: date, whole: bool = False) -> Dateline | None:
    """The dateline that begins text, or None. A dateline needs a date or an agency after
    its place, then a dash, so an ordinary sentence is not mistaken for one; with whole=True
    text is a dateline by itself ("MOSCOW, Monday (Agency)") and needs neither."""
    found = _PREFIX.match(text or "")
    if not found or not _looks_like_place(found.group("place")):
        return None
    when, dated = _date_of(found.group("middle"), near)
    agency = found.group("agency") or found.group("agency2")
    rest = text[found.end():]
    if whole:
        if rest.strip(" .-–—"):
            return None
        return Dateline(place_name(found.group("place")), when, "")
    separator = _SEPARATOR.match(rest)
    if not (dated or agency) or not separator:
        return None
    return Dateline(place_name(found.group("place")), when, rest[separator.end():])
