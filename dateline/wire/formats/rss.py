"""RSS 2.0, RSS 1.0 and Atom 1.0 as ParsedItems, mapped by feedparser.

feedparser never sees the payload as it came: the document is first read by our hardened
XML reader (no DOCTYPE, no entities, bounded depth and time), then each entry is handed to
feedparser on its own, so the time budget is checked between entries and each entry's own
XML is kept. A feed carries no versions, urgency or status: version 0, priority 5, usable."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, tostring
from xml.sax.saxutils import quoteattr

import feedparser

from dateline.wire.formats import MAX_ITEMS, FormatError, ParsedItem
from dateline.wire.formats.items import finish
from dateline.wire.formats.text import Budget, decode_xml, plain_text, story_html
from dateline.wire.formats.xmltree import XML_LANG, local, read_xml, text_of

ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RSS1 = "http://purl.org/rss/1.0/"
DC = "http://purl.org/dc/elements/1.1/"
# root -> (its entries, the wrapper one entry is handed to feedparser in)
KINDS = {
    "rss": ("channel/item", '<rss version="2.0"{}><channel>{}</channel></rss>'),
    f"{{{RDF}}}RDF": (f"{{{RSS1}}}item", f'<rdf:RDF xmlns:rdf="{RDF}"{{}}>{{}}</rdf:RDF>'),
    f"{{{ATOM}}}feed": (f"{{{ATOM}}}entry", f'<feed xmlns="{ATOM}"{{}}>{{}}</feed>'),
}
# feedparser cannot be stopped inside an entry, and takes about a second a megabyte of
# markup: an entry is bounded so the time budget, checked between entries, holds
MAX_ENTRY_CHARS = 1_000_000
ENTRY_TAGS = {"item", f"{{{RSS1}}}item", f"{{{ATOM}}}entry"}


def parse(payload: bytes) -> list[ParsedItem]:
    budget = Budget()
    document = read_xml(decode_xml(payload), budget=budget, wanted=ENTRY_TAGS)
    root = document.root
    if root.tag not in KINDS:
        raise FormatError(f"Not RSS or Atom: the document is <{local(root.tag)}>.")
    path, wrapper = KINDS[root.tag]
    # the namespaces the entries inherit, but not those the wrapper declares itself
    own = {"rss": (), f"{{{RDF}}}RDF": ("rdf",), f"{{{ATOM}}}feed": ("",)}[root.tag]
    declared = "".join(f" xmlns:{prefix}={quoteattr(uri)}" if prefix else
                       f" xmlns={quoteattr(uri)}"
                       for prefix, uri in document.namespaces.items() if prefix not in own)
    language = _feed_language(root)
    items = []
    for n, element in enumerate(root.findall(path)[:MAX_ITEMS], 1):
        budget.check()
        raw = document.raw.get(element) or tostring(element, encoding="unicode")
        if len(raw) > MAX_ENTRY_CHARS:
            raise FormatError(f"Feed item {n} is {len(raw):,} characters long; at most "
                              f"{MAX_ENTRY_CHARS:,} are read for one item.")
        entry = _entry(wrapper.format(declared, raw), where=f"Feed item {n}")
        if entry is not None and (entry.get("title") or entry.get("summary")
                                  or entry.get("content")):  # an empty entry is no story
            items.append(_item(entry, raw=raw, language=language, where=f"Feed item {n}"))
    return items


def _entry(xml: str, *, where: str):
    """One entry as feedparser maps it; the XML is ours, well-formed and without a DTD."""
    try:
        parsed = feedparser.parse(io.BytesIO(xml.encode("utf-8")), sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as error:  # feedparser has its own ways to fail on odd markup
        raise FormatError(f"{where} could not be read as RSS or Atom "
                          f"({type(error).__name__}).") from error
    return parsed.entries[0] if parsed.entries else None


def _feed_language(root: Element) -> str:
    if root.tag == "rss":
        return text_of(root.find("channel/language")) or root.get(XML_LANG, "")
    if root.tag == f"{{{RDF}}}RDF":
        return text_of(root.find(f"{{{RSS1}}}channel/{{{DC}}}language"))
    return root.get(XML_LANG, "")


def _time(parsed) -> datetime | None:
    """feedparser's UTC time tuple as an aware datetime."""
    try:
        return datetime(*parsed[:6], tzinfo=UTC) if parsed else None
    except (TypeError, ValueError, OverflowError):
        return None


def _text(detail) -> str:
    if not detail:
        return ""
    value = detail.get("value", "")
    return plain_text(value) if "html" in detail.get("type", "") else value


def _byline(entry) -> str:
    """RSS 2.0 gives "email (Name)", Atom a name: the name, never an address."""
    author = entry.get("author", "")
    if found := re.fullmatch(r"\s*\S+@\S+\s*\((.*)\)\s*", author):
        return found.group(1).strip()  # "()": no name (feedparser would make one up)
    name = (entry.get("author_detail") or {}).get("name") or author
    return "" if re.fullmatch(r"\s*\S+@\S+\s*", name) else name


def _item(entry, *, raw: str, language: str, where: str) -> ParsedItem:
    summary = entry.get("summary_detail")
    content = (entry.get("content") or [None])[0] or summary or {}
    body = story_html(content.get("value", ""), is_html="html" in content.get("type", ""))
    # a summary beside the body is the lead; a summary that is the body gives its first
    # paragraph as the lead, which finish() takes
    lead = _text(summary) if summary and content is not summary else ""
    headline = _text(entry.get("title_detail"))
    guid = entry.get("id") or entry.get("link") or ""
    if not guid:  # neither guid nor link: the headline (or text) stands for the item
        guid = "sha256:" + hashlib.sha256((headline or body).encode()).hexdigest()
    detail_language = next((detail.get("language") for detail in (
        entry.get("title_detail"), summary, content) if detail and detail.get("language")), "")
    item = ParsedItem(
        guid=guid,
        headline=headline,
        lead=lead,
        body=body,
        byline=_byline(entry),
        language=detail_language or language,
        subjects=[{"code": "", "name": tag.get("label") or tag.get("term") or ""}
                  for tag in entry.get("tags") or []],
        # dict.get: feedparser's own get warns when an entry has no updated time
        sent_at=_time(dict.get(entry, "updated_parsed") or entry.get("published_parsed")),
        raw=raw,
    )
    return finish(item, where=where)
