from django.urls import path, re_path

from dateline.reader import archive, authors, feeds, search, views
from dateline.reader.pagecache import public_page

app_name = "reader"

urlpatterns = [
    path("", views.home, name="home"),
    path("rss/", public_page(feeds.LatestRss()), name="rss"),
    path("atom/", public_page(feeds.LatestAtom()), name="atom"),
    path("feed.json", public_page(feeds.latest_json), name="json"),
    path("search/", search.search, name="search"),
    path("newsfeed/", views.newsfeed, name="newsfeed"),
    path("tags/<slug:tag>/", views.tag, name="tag"),
    path("tags/<slug:tag>/rss/", public_page(feeds.TagRss()), name="tag_rss"),
    path("tags/<slug:tag>/atom/", public_page(feeds.TagAtom()), name="tag_atom"),
    path("tags/<slug:tag>/feed.json", public_page(feeds.tag_json), name="tag_json"),
    path("authors/<slug:author>/", authors.author, name="author"),
    path("authors/<slug:author>/rss/", public_page(authors.AuthorRss()), name="author_rss"),
    path("authors/<slug:author>/atom/", public_page(authors.AuthorAtom()), name="author_atom"),
    path("archive/", archive.archive, name="archive"),
    # one address per date: four-digit years, two-digit months and days
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", archive.month,
            name="archive_month"),
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/$", archive.day,
            name="archive_day"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/rss/", public_page(feeds.SectionRss()), name="section_rss"),
    path("<slug:section>/atom/", public_page(feeds.SectionAtom()), name="section_atom"),
    path("<slug:section>/feed.json", public_page(feeds.section_json), name="section_json"),
    path("<slug:section>/<slug:slug>/", views.article, name="article"),
    path("<slug:section>/<slug:slug>/fragment/", views.article_fragment, name="article_fragment"),
]
