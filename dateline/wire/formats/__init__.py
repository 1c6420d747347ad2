"""Agency formats in: RSS/Atom, IPTC ninjs 2.x and IPTC NewsML-G2, each mapped to ParsedItem.

Everything here is pure: bytes in, ParsedItems out, no database. A payload is hostile until
parsed: sizes and times are bounded, XML is read without entities or external references,
encodings are detected, and HTML bodies come out sanitized.

One module a format (rss.py, ninjs.py, newsml.py), each with parse(payload) -> items; what
they share is in text.py (encodings, HTML and plain text, times, the time budget),
xmltree.py (the hardened XML reader), datelines.py and items.py (what every item gets last).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

MAX_PAYLOAD_BYTES = 5 * 1024 * 1024  # a feed or file larger than this is refused
MAX_ITEMS = 500  # items taken from one payload; the rest are left for the next one


class FormatError(ValueError):
    """The payload is not what its feed's format says, or is too large or too slow to read.
    Its message is shown to the desk as the feed's last error."""


@dataclass
class ParsedItem:
    guid: str  # the agency's id for the item, the same across its versions (at most 300)
    headline: str
    # 1, 2, ... as the agency numbers it; 0 when the format does not say (RSS): ingest then
    # counts a changed item under the same guid as the next version
    version: int = 0
    lead: str = ""  # plain text
    body: str = ""  # sanitized story HTML (newsroom.sanitize.sanitize_html)
    priority: int = 5  # 1 (flash) .. 9 (routine)
    status: str = "usable"  # "usable", "withheld" or "canceled"
    dateline_place: str = ""
    dateline_date: date | None = None
    byline: str = ""
    language: str = ""  # "en", "ru", ...; empty when the payload does not say
    subjects: list[dict] = field(default_factory=list)  # [{"code": ..., "name": ...}]
    embargo: datetime | None = None  # aware
    sent_at: datetime | None = None  # aware
    raw: str = ""  # this item's part of the payload, as text, for audit


def parse(format: str, payload: bytes) -> list[ParsedItem]:
    """The items of a payload in the given format ("rss", "ninjs" or "newsml"). Whatever is
    wrong with the payload raises FormatError, never another exception."""
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise FormatError(f"The payload is {len(payload):,} bytes; at most "
                          f"{MAX_PAYLOAD_BYTES:,} are read.")
    if format == "rss":
        from dateline.wire.formats import rss as reader
    elif format == "ninjs":
        from dateline.wire.formats import ninjs as reader
    elif format == "newsml":
        from dateline.wire.formats import newsml as reader
    else:
        raise FormatError(f"Unknown format {format!r}.")
    return reader.parse(payload)[:MAX_ITEMS]
