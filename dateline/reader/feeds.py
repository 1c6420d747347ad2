"""RSS and Atom feeds of the whole edition and of each section: the Subscribe control's offer."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dateline.newsroom import selectors
from dateline.reader.address import AsTheSite

FEED_SIZE = 30


class SiteFeed(Feed):
    """A feed whose links name the site's address, never the request's Host."""

    def get_feed(self, obj, request):
        return super().get_feed(obj, AsTheSite(request))


class LatestRss(SiteFeed):
    def title(self):
        return _("Dateline: latest news")

    def link(self):
        return reverse("reader:home")

    def description(self):
        return _("The latest stories from Dateline.")

    def items(self):
        return selectors.newsfeed_items(language=get_language(), limit=FEED_SIZE)

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
    feed_type = Atom1Feed
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
        return selectors.section_articles(obj).only(
            "id", "headline", "slug", "lead", "language", "published_at", "updated_at",
            "section__slug", "section__name")[:FEED_SIZE]


class SectionAtom(SectionRss):
    feed_type = Atom1Feed
    subtitle = SectionRss.description
