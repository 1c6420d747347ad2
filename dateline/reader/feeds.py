"""The site's feeds: RSS, Atom and JSON Feed 1.1 of the edition, of each section and of each
tag. Every feed names its WebSub hubs and itself (rel="hub", rel="self"), in the document
and in a Link header; links name the site's address, never the request's Host."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dateline.newsroom import selectors
from dateline.reader import pagekeys
from dateline.reader.address import AsTheSite
from dateline.subscriptions import websub

FEED_SIZE = 30
SITE_NAME = "Dateline"
JSON_FEED_TYPE = "application/feed+json"


class HubbedRss(Rss201rev2Feed):
    """RSS 2.0 with an <atom:link rel="hub"> per hub beside Django's rel="self"."""

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        for hub in self.feed["hubs"]:
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": hub})


class HubbedAtom(Atom1Feed):
    """Atom with a <link rel="hub"> per hub beside Django's rel="self"."""

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        for hub in self.feed["hubs"]:
            handler.addQuickElement("link", "", {"rel": "hub", "href": hub})


class SiteFeed(Feed):
    """A feed whose links name the site's address and which names its WebSub hubs."""

    feed_type = HubbedRss

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Link"] = websub.link_header(websub.site_address(request.path))
        return response

    def get_feed(self, obj, request):
        return super().get_feed(obj, AsTheSite(request))

    def feed_extra_kwargs(self, obj) -> dict:
        return {"hubs": websub.hubs()}


class LatestRss(SiteFeed):
    def title(self):
        return _("Dateline: latest news")

    def link(self):
        return reverse("reader:home")

    def description(self):
        return _("The latest stories from Dateline.")

    def items(self):
        items = selectors.newsfeed_items(language=get_language(), limit=FEED_SIZE)
        pagekeys.shows(pagekeys.latest(get_language()), stories=items)
        return items

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.section.name]


class LatestAtom(LatestRss):
    feed_type = HubbedAtom
    subtitle = LatestRss.description


class SectionRss(LatestRss):
    def get_object(self, request, section):
        return selectors.section_by_slug(section, language=get_language())

    def title(self, obj):
        return _("Dateline: %(section)s") % {"section": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.tagline

    def items(self, obj):
        items = list(selectors.section_articles(obj).only(
            "id", "headline", "slug", "lead", "language", "published_at", "updated_at",
            "section__slug", "section__name")[:FEED_SIZE])
        pagekeys.shows(pagekeys.section(obj.pk), stories=items)
        return items


class SectionAtom(SectionRss):
    feed_type = HubbedAtom
    subtitle = SectionRss.description


class TagRss(LatestRss):
    def get_object(self, request, tag):
        return selectors.tag_by_slug(tag, language=get_language())

    def title(self, obj):
        return _("Dateline: %(tag)s") % {"tag": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return _("Stories about %(tag)s from Dateline.") % {"tag": obj.name}

    def items(self, obj):
        items = list(selectors.tag_articles(obj).only(
            "id", "headline", "slug", "lead", "language", "published_at", "updated_at",
            "section__slug", "section__name")[:FEED_SIZE])
        pagekeys.shows(pagekeys.tag(obj.pk), stories=items)
        return items


class TagAtom(TagRss):
    feed_type = HubbedAtom
    subtitle = TagRss.description


# --- JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) ---------------------------------

def _absolute(url: str) -> str:
    """url (a path, or already absolute, say a CDN's) as an absolute address on SITE_URL."""
    return urljoin(websub.site_address("/"), url)


def _date(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def _item(story) -> dict:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    item = {
        # the address may change (a new slug or section); a tag URI (RFC 4151) never does
        "id": f"tag:{host},{story.created_at:%Y-%m-%d}:story/{story.pk}",
        "url": _absolute(story.get_absolute_url()),
        "title": story.headline,
        "summary": story.lead,
        "content_html": story.body,  # sanitized when saved
        "date_published": _date(story.published_at),
        "date_modified": _date(story.updated_at),
        "tags": [tag.name for tag in story.tags.all()],
        "language": story.language,
    }
    authors = story.credited_authors()
    if authors:
        item["authors"] = [{"name": author.name_in(story.language),
                            "url": _absolute(author.url_in(story.language))}
                           for author in authors]
    elif story.byline:
        item["authors"] = [{"name": story.byline}]
    rendition = story.lead_image.default if story.lead_image else None
    if rendition:
        item["image"] = _absolute(rendition["url"])
    return item


def json_feed(request: HttpRequest, *, title: str, home: str, description: str,
              stories: list, lists: str) -> HttpResponse:
    """A JSON Feed 1.1 document of stories, served as application/feed+json; lists is the
    page key of the list it shows."""
    pagekeys.shows(lists, stories=stories)
    self_url = websub.site_address(request.path)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": _absolute(home),
        "feed_url": self_url,
        "description": description,
        "language": get_language(),
        "icon": _absolute(static("reader/favicon.svg")),
        "favicon": _absolute(static("reader/favicon.svg")),
        "authors": [{"name": SITE_NAME, "url": _absolute(reverse("reader:home"))}],
    }
    if websub.hubs():
        feed["hubs"] = [{"type": "WebSub", "url": hub} for hub in websub.hubs()]
    feed["items"] = [_item(story) for story in stories]
    body = json.dumps(feed, ensure_ascii=False, separators=(",", ":")).encode()
    response = HttpResponse(body, content_type=JSON_FEED_TYPE)
    response["Link"] = websub.link_header(self_url)
    return response


def latest_json(request: HttpRequest) -> HttpResponse:
    language = get_language()
    return json_feed(request, title=_("Dateline: latest news"), home=reverse("reader:home"),
                     description=_("The latest stories from Dateline."),
                     stories=selectors.feed_entries(language=language, limit=FEED_SIZE),
                     lists=pagekeys.latest(language))


def section_json(request: HttpRequest, section: str) -> HttpResponse:
    language = get_language()
    current = selectors.section_by_slug(section, language=language)
    return json_feed(request, title=_("Dateline: %(section)s") % {"section": current.name},
                     home=current.get_absolute_url(), description=current.tagline,
                     stories=selectors.feed_entries(language=language, section=current,
                                                    limit=FEED_SIZE),
                     lists=pagekeys.section(current.pk))


def tag_json(request: HttpRequest, tag: str) -> HttpResponse:
    language = get_language()
    current = selectors.tag_by_slug(tag, language=language)
    return json_feed(request, title=_("Dateline: %(tag)s") % {"tag": current.name},
                     home=current.get_absolute_url(),
                     description=_("Stories about %(tag)s from Dateline.") % {"tag": current.name},
                     stories=selectors.feed_entries(language=language, tag=current,
                                                    limit=FEED_SIZE),
                     lists=pagekeys.tag(current.pk))
