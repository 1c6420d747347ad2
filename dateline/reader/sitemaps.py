"""Sitemaps of the public stories and sections, in both languages; embargoed stories stay out.
The news sitemap names the last two days' stories the way news search engines read them."""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.utils import timezone

from dateline.newsroom import selectors
from dateline.reader.found import SITE_NAME

NEWS_WINDOW = timedelta(hours=48)  # news search engines take stories of the last two days
NEWS_LIMIT = 1000  # and at most this many per sitemap


class StorySitemap(Sitemap):
    limit = 5000

    def items(self):
        return selectors.sitemap_articles()

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return selectors.sitemap_sections()


class NewsSitemap(Sitemap):
    """Served with reader/news_sitemap.xml, which adds each story's news:news element."""

    limit = NEWS_LIMIT
    publication = SITE_NAME

    def items(self):
        return selectors.news_sitemap_articles(since=timezone.now() - NEWS_WINDOW,
                                               limit=NEWS_LIMIT)


SITEMAPS = {"news": NewsSitemap, "stories": StorySitemap, "sections": SectionSitemap}
