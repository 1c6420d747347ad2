"""What every format reader needs from text: bytes decoded the way the format says, HTML made
plain or plain text made HTML, times made aware, and a time budget for reading one payload."""

from __future__ import annotations

import codecs
import email.utils
import html
import re
import time
from datetime import UTC, datetime
from html.parser import HTMLParser

from dateline.newsroom.sanitize import sanitize_html
from dateline.wire.formats import FormatError

PARSE_SECONDS = 5.0  # reading one payload may take this long; past it the payload is refused
TEXT_CHARS = 64 * 1024  # of markup read for plain text

_BOMS = [  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# XML 1.0 appendix F: without a mark, a document in a wide encoding still begins "<?xml"
_WIDE_XML = [(b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
             (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le")]
_DECLARED = re.compile(rb"""<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z][\w.:-]{0,39})["']""")


class Budget:
    """The time one payload may take to read, checked between items and chunks."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = PARSE_SECONDS if seconds is None else seconds
        self.ends = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise FormatError(f"Reading the payload took more than {self.seconds:g} seconds; "
                              "it was given up.")


def _decode(payload: bytes, encoding: str) -> str:
    try:
        text = payload.decode(encoding)
    except LookupError:
        raise FormatError(f"The payload says it is in the encoding {encoding!r}, "
                          "which is not known.") from None
    except UnicodeDecodeError as error:
        raise FormatError(f"The payload is not valid {encoding} text: the bytes at position "
                          f"{error.start:,} cannot be read.") from None
    if not text.strip():
        raise FormatError("The payload is empty.")
    return text


def decode_xml(payload: bytes) -> str:
    """The text of an XML document: its byte order mark, else its XML declaration, else UTF-8."""
    for mark, encoding in _BOMS:
        if payload.startswith(mark):
            return _decode(payload[len(mark):], encoding)
    for start, encoding in _WIDE_XML:
        if payload.startswith(start):
            return _decode(payload, encoding)
    declared = _DECLARED.match(payload.lstrip())
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding.startswith(("utf-16", "utf-32", "ucs", "iso-10646")):
        # the declaration was read as ASCII, so the bytes cannot be in a wide encoding
        encoding = "utf-8"
    return _decode(payload, encoding)


def decode_json(payload: bytes) -> str:
    """The text of a JSON document: UTF-8, UTF-8 with a mark, or UTF-16/32 (RFC 8259)."""
    for mark, encoding in _BOMS:
        if payload.startswith(mark):
            return _decode(payload[len(mark):], encoding)
    # JSON begins with an ASCII character: the zero bytes around it tell the encoding
    head = payload[:4]
    if len(head) == 4 and head[:3] == b"\x00\x00\x00":
        return _decode(payload, "utf-32-be")
    if len(head) == 4 and head[1:] == b"\x00\x00\x00":
        return _decode(payload, "utf-32-le")
    if head[:1] == b"\x00":
        return _decode(payload, "utf-16-be")
    if head[1:2] == b"\x00":
        return _decode(payload, "utf-16-le")
    return _decode(payload, "utf-8")


class _Paragraphs(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr",
              "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "figure",
              "figcaption", "section", "article", "header", "footer", "aside"}
    HIDDEN = {"script", "style", "template", "noscript", "head", "title", "iframe", "object"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def paragraphs(markup: str) -> list[str]:
    """The plain text of an HTML fragment, one string per block, whitespace collapsed. Only
    its first TEXT_CHARS are read: a lead or a headline never needs more, and a huge body
    would cost seconds."""
    reader = _Paragraphs()
    reader.feed((markup or "")[:TEXT_CHARS])
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return [line for line in lines if line]


def plain_text(markup: str) -> str:
    return "\n\n".join(paragraphs(markup))


def squeeze(text: str) -> str:
    """Plain text on one line: every run of whitespace one space."""
    return " ".join((text or "").split())


def text_to_html(text: str) -> str:
    """Plain text as story HTML: a paragraph per blank-line block (or per line if it has
    none), escaped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return "".join(f"<p>{html.escape(squeeze(block), quote=False)}</p>"
                   for block in blocks if block.strip())


def story_html(value: str, *, is_html: bool) -> str:
    """A body as sanitized story HTML, whether it came as HTML or as plain text."""
    if is_html and re.search(r"<[A-Za-z!/]", value or ""):
        return sanitize_html(value)
    if is_html:  # HTML without a tag: plain text with entities
        value = html.unescape(value or "")
    return text_to_html(value)


def parse_time(value: str, *, what: str) -> datetime:
    """An ISO 8601 or RFC 2822 time as an aware UTC datetime; a time without a zone is UTC."""
    value = (value or "").strip()
    moment = None
    if len(value) <= 64:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError, OverflowError):
                moment = None
    if moment is None:
        raise FormatError(f"{what} is not a date and time: {value[:40]!r}.")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise FormatError(f"{what} is out of range: {value[:40]!r}.") from None


def language_code(tag: str) -> str:
    """The language of a BCP 47 tag: "en-GB" is "en"; empty when it is not a tag."""
    found = re.fullmatch(r"\s*([A-Za-z]{2,8})(?:[-_][A-Za-z0-9-]*)?\s*", tag or "")
    return found.group(1).lower() if found else ""


def clip(text: str, limit: int) -> str:
    return (text or "").strip()[:limit].rstrip()
