"""IPTC NewsML-G2 as ParsedItems: a newsItem alone, or the newsItems of a newsMessage.

Only text is taken: pictures, video, packages, concepts and planning items are left out.
The body is the item's inline XHTML (or NITF) served as story HTML, or its inline text."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from xml.etree.ElementTree import Element, tostring

from dateline.newsroom.sanitize import sanitize_html
from dateline.wire.formats import MAX_ITEMS, FormatError, ParsedItem
from dateline.wire.formats.datelines import place_name, read_dateline
from dateline.wire.formats.items import finish
from dateline.wire.formats.text import Budget, decode_xml, parse_time, story_html
from dateline.wire.formats.xmltree import XML_LANG, local, read_xml, text_of

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NITF = "http://iptc.org/std/NITF/2006-10-18/"
NITF_TAGS = {"hl2": "h2", "bq": "blockquote"}  # NITF's own names for what HTML has
# elements whose own text is kept: the item for audit, its inline markup for the body
WANTED = {f"{{{NAR}}}newsItem", f"{{{NAR}}}inlineXML", f"{{{XHTML}}}body",
          f"{{{NITF}}}body.content"}
STATUSES = {"usable": "usable", "withheld": "withheld", "canceled": "canceled",
            "cancelled": "canceled"}


def _q(path: str) -> str:
    """A path of NewsML-G2 element names, qualified: "itemMeta/pubStatus"."""
    return "/".join(f"{{{NAR}}}{name}" for name in path.split("/"))


def _code(element: Element | None) -> str:
    """The code of a qcode or uri: "stat:canceled" and ".../pubstatusg2/canceled" are
    "canceled"; the scheme alias is the agency's choice, the code is the standard's."""
    if element is None:
        return ""
    value = element.get("qcode") or element.get("uri") or ""
    return re.split(r"[:/]", value.strip())[-1].lower()


def parse(payload: bytes) -> list[ParsedItem]:
    budget = Budget()
    document = read_xml(decode_xml(payload), budget=budget, wanted=WANTED)
    root, sent = document.root, None
    if root.tag == _q("newsItem"):
        elements = [root]
    elif root.tag == _q("newsMessage"):
        carried = root.findall(_q("itemSet/*"))
        if not carried:
            raise FormatError("Not valid NewsML-G2: no newsItem found in the newsMessage.")
        elements = [element for element in carried if element.tag == _q("newsItem")]
        if header_sent := text_of(root.find(_q("header/sent"))):
            sent = parse_time(header_sent, what="The newsMessage's sent time")
    elif local(root.tag) in ("newsItem", "newsMessage"):
        raise FormatError(f"Not valid NewsML-G2: <{local(root.tag)}> is not in the "
                          f"NewsML-G2 namespace {NAR}.")
    else:
        raise FormatError(f"Not valid NewsML-G2: no newsItem found (the document is "
                          f"<{local(root.tag)}>).")
    items = []
    for element in elements:
        if len(items) == MAX_ITEMS:
            break
        budget.check()
        if item := _item(element, raw=document.raw, sent=sent):
            items.append(item)
    return items


def _item(element: Element, *, raw: dict[Element, str],
          sent: datetime | None) -> ParsedItem | None:
    if _code(element.find(_q("itemMeta/itemClass"))) not in ("", "text"):
        return None  # a picture, video or graphic
    guid = element.get("guid", "").strip()
    where = f"NewsML-G2 item {guid[:80]}" if guid else "A NewsML-G2 item"
    meta = element.find(_q("contentMeta"))
    if meta is None:
        meta = Element("contentMeta")
    status = _code(element.find(_q("itemMeta/pubStatus"))) or "usable"
    if status not in STATUSES:
        raise FormatError(f"{where} has the pubStatus {status!r}; it should be usable, "
                          "withheld or canceled.")
    embargo, status = _embargo(element, STATUSES[status], where)
    versioned = text_of(element.find(_q("itemMeta/versionCreated")))
    sent_at = parse_time(versioned, what=f"{where}: versionCreated") if versioned else sent
    created = text_of(meta.find(_q("contentCreated")))
    near = parse_time(created, what=f"{where}: contentCreated") if created else sent_at
    place, when = _dateline(meta, (near or datetime.now(UTC)).date())
    item = ParsedItem(
        guid=guid,
        headline=_headline(meta),
        version=_version(element.get("version"), where),
        lead=_lead(meta),
        body=_body(element.find(_q("contentSet")), raw),
        priority=_urgency(text_of(meta.find(_q("urgency"))), where),
        status=status,
        dateline_place=place,
        dateline_date=when,
        byline=text_of(meta.find(_q("by"))),
        language=_language(element, meta),
        subjects=_subjects(meta),
        embargo=embargo,
        sent_at=sent_at,
        raw=raw.get(element) or tostring(element, encoding="unicode"),
    )
    return finish(item, where=where)


def _version(value: str | None, where: str) -> int:
    if value is None:
        return 1  # NewsML-G2: an item without a version is version 1
    if not re.fullmatch(r"\s*\d{1,9}\s*", value, re.ASCII) or int(value) < 1:
        raise FormatError(f"{where} has the version {value[:20]!r}, which is not a number "
                          "from 1.")
    return int(value)


def _urgency(value: str, where: str) -> int:
    if not value:
        return 5
    if not re.fullmatch(r"\d{1,2}", value, re.ASCII):
        raise FormatError(f"{where} has the urgency {value[:20]!r}, which is not a number "
                          "from 1 to 9.")
    return min(9, max(1, int(value)))


def _embargo(element: Element, status: str, where: str) -> tuple[datetime | None, str]:
    embargoed = element.find(_q("itemMeta/embargoed"))
    if embargoed is None:
        return None, status
    if value := text_of(embargoed):
        return parse_time(value, what=f"{where}: embargoed"), status
    # an empty <embargoed/> is an embargo without an end yet: held until the agency says
    return None, "withheld" if status == "usable" else status


def _headline(meta: Element) -> str:
    headlines = meta.findall(_q("headline"))
    main = [one for one in headlines if _role(one) in ("", "main")] or headlines
    return text_of(main[0]) if main else ""


def _lead(meta: Element) -> str:
    descriptions = meta.findall(_q("description"))
    summary = [one for one in descriptions if _role(one) == "summary"] or [
        one for one in descriptions if not _role(one)]
    return text_of(summary[0]) if summary else ""


def _role(element: Element) -> str:
    return re.split(r"[:/]", element.get("role", "").strip())[-1].lower()


def _dateline(meta: Element, near: date) -> tuple[str, date | None]:
    """The place from located, else from the dateline's text; the date from the dateline."""
    located = text_of(meta.find(_q("located/name")))
    text = text_of(meta.find(_q("dateline")))
    dateline = read_dateline(text, near=near, whole=True)
    place = dateline.place if dateline else place_name(text.split(",")[0])
    return located or place, dateline.date if dateline else None


def _language(element: Element, meta: Element) -> str:
    tagged = meta.find(_q("language"))
    return (tagged.get("tag", "") if tagged is not None else "") or element.get(XML_LANG, "")


def _subjects(meta: Element) -> list[dict]:
    return [{"code": subject.get("qcode") or subject.get("uri") or "",
             "name": text_of(subject.find(_q("name")))}
            for subject in meta.findall(_q("subject"))]


def _body(content_set: Element | None, raw: dict[Element, str]) -> str:
    """The item's text: inline XHTML, else NITF, else any inline markup, else inline data."""
    if content_set is None:
        return ""
    inline = content_set.findall(_q("inlineXML"))
    for tag in (f"{{{XHTML}}}body", f"{{{NITF}}}body.content"):
        for container in inline:
            if (body := container.find(f".//{tag}")) is not None:
                return _story(body, raw)
    for container in inline:
        if len(container):
            return _story(container, raw)
    for data in content_set.findall(_q("inlineData")):
        text = data.text or ""
        return story_html(text, is_html="html" in data.get("contenttype", "")).strip()
    return ""


_START_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_PREFIX = re.compile(r"<(/?)[A-Za-z_][\w.-]*:")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def _story(element: Element, raw: dict[Element, str]) -> str:
    """The markup inside an element, as it came, made story HTML: namespace prefixes and
    declarations go (the sanitizer drops unknown attributes), NITF's names become HTML's.
    The sanitizer reads the XHTML as HTML, far faster than the tree could be written out."""
    xml = raw.get(element) or tostring(element, encoding="unicode")
    start = _START_TAG.match(xml)
    if not start or start.end() == len(xml):
        return ""  # <body/>
    inner = _PREFIX.sub(r"<\1", xml[start.end():xml.rindex("</")])
    # CDATA is text in XML but a comment to an HTML parser: make it text HTML keeps
    inner = _CDATA.sub(lambda found: html.escape(found.group(1), quote=False), inner)
    for nitf, html_name in NITF_TAGS.items():
        inner = re.sub(rf"<(/?){nitf}\b", rf"<\1{html_name}", inner)
    return sanitize_html(inner).strip()
