"""Sitemaps of the public stories and sections, in both languages; embargoed stories stay out."""

from django.contrib.sitemaps import Sitemap

from dateline.newsroom import selectors


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


SITEMAPS = {"stories": StorySitemap, "sections": SectionSitemap}
