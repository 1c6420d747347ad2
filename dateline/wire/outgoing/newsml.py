"""A story as an IPTC NewsML-G2 2.35 newsItem (power conformance), and a newsMessage for lists.

The text travels as XHTML in contentSet/inlineXML. The lead image is linked from itemMeta
(rel irel:associatedWith, its largest rendition); ninjs carries its renditions, alt text,
caption and credit in full. A withdrawn story is an item with pubStatus stat:canceled and
none of its text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from dateline.newsroom.models import Article
from dateline.wire.outgoing import common
from dateline.wire.outgoing.markup import XHTML, Node, el, story_body, write

NAR = "http://iptc.org/std/nar/2006-10-01/"
STANDARD_VERSION = "2.35"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CANCELED_NOTE = "Withdrawn by the publisher: take this story down wherever it ran."


def item_document(article: Article) -> bytes:
    """One story as a standalone NewsML-G2 document."""
    return standalone(news_item(article))


def standalone(item: str) -> bytes:
    """An item written by news_item as a document of its own."""
    return (DECLARATION + item + "\n").encode()


def news_item(article: Article) -> str:
    """The story's <newsItem> element as text (its namespace declared on it).

    Expects section, agency and lead_image joined and tags and corrections prefetched."""
    canceled = common.withdrawn(article)
    item = el("newsItem", {
        "xmlns": NAR, "guid": common.story_uri(article.pk), "version": article.version,
        "standard": "NewsML-G2", "standardversion": STANDARD_VERSION, "conformance": "power",
        "xml:lang": article.language,
    },
        el("catalogRef", {"href": CATALOG}),
        _rights(),
        _item_meta(article, canceled),
        _content_meta(article, canceled),
        None if canceled else _content(article),
    )
    return write(item)


def news_message(items: Iterable[str], *, sent: datetime) -> bytes:
    """Items already written by news_item, in one <newsMessage>."""
    header = write(el("header", {},
                      el("sent", {}, common.stamp(sent)),
                      el("sender", {}, urlsplit(settings.SITE_URL).hostname or "")))
    body = "".join(items)
    return (f'{DECLARATION}<newsMessage xmlns="{NAR}">{header}<itemSet>{body}</itemSet>'
            f"</newsMessage>\n").encode()


def _rights() -> Node:
    return el("rightsInfo", {},
              el("copyrightHolder", {"uri": common.absolute("/")},
                 el("name", {}, common.copyright_holder())),
              el("usageTerms", {}, common.usage_terms()) if common.usage_terms() else None)


def _item_meta(article: Article, canceled: bool) -> Node:
    image = None if canceled else article.lead_image
    biggest = common.renditions(image)[-1] if image and image.renditions else None
    return el("itemMeta", {},
              el("itemClass", {"qcode": "ninat:text"}),
              el("provider", {"uri": common.absolute("/")},
                 el("name", {}, common.copyright_holder())),
              el("versionCreated", {}, common.stamp(article.updated_at)),
              el("firstCreated", {}, common.stamp(article.published_at)),
              el("pubStatus", {"qcode": "stat:canceled" if canceled else "stat:usable"}),
              None if canceled else el(
                  "service", {"uri": common.absolute(article.section.get_absolute_url())},
                  el("name", {}, article.section.name)),
              el("edNote", {}, CANCELED_NOTE) if canceled else None,
              None if canceled else el(
                  "link", {"rel": "irel:seeAlso", "href": common.page_url(article),
                           "contenttype": "text/html"}),
              el("link", {"rel": "irel:associatedWith", "href": biggest["href"],
                          "contenttype": biggest["contenttype"]}) if biggest else None)


def _content_meta(article: Article, canceled: bool) -> Node:
    if canceled:
        return el("contentMeta", {},
                  el("contentModified", {}, common.stamp(article.updated_at)),
                  el("language", {"tag": article.language}))
    return el("contentMeta", {},
              el("urgency", {}, "1") if article.is_breaking else None,
              # an archive import is created after it was first published
              el("contentCreated", {}, common.stamp(min(article.created_at,
                                                         article.published_at))),
              el("contentModified", {}, common.stamp(article.updated_at)),
              el("located", {}, el("name", {}, article.dateline_place))
              if article.dateline_place else None,
              el("infoSource", {"literal": article.agency.code},
                 el("name", {}, article.agency_credit)) if article.agency else None,
              el("language", {"tag": article.language}),
              *[el("subject", {"type": "cpnat:abstract",
                               "uri": common.absolute(tag.get_absolute_url())},
                   el("name", {}, tag.name)) for tag in article.tags.all()],
              el("headline", {}, article.headline),
              el("dateline", {}, _dateline(article)),
              el("by", {}, article.credit_line) if article.credit_line else None,
              el("creditline", {}, article.agency_credit) if article.agency else None,
              el("description", {"role": "drol:summary"}, article.lead)
              if article.lead else None,
              # no IPTC description role says "correction": ours is an IRI of the API's
              *[el("description", {"roleuri": common.correction_role()}, c.text)
                for c in article.corrections.all()])


def _dateline(article: Article) -> str:
    """As the story's page writes it: "LISBON, March 3 (Meridian Wire)"."""
    with translation.override(article.language):
        day = date_format(timezone.localtime(article.published_at), "DATELINE_FORMAT")
    place = f"{article.dateline_place.upper()}, " if article.dateline_place else ""
    credit = f" ({article.agency_credit})" if article.agency else ""
    return f"{place}{day}{credit}"


def _content(article: Article) -> Node:
    body = story_body(article.body, base=common.page_url(article))
    html = Node("html", {"xmlns": XHTML, "xml:lang": article.language}, [
        el("head", {}, el("title", {}, article.headline)),
        body,
    ])
    return el("contentSet", {},
              el("inlineXML", {"contenttype": "application/xhtml+xml"}, html))
