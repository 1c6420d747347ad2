from django.urls import path

from dateline.reader import feeds, search, views
from dateline.reader.pagecache import public_page

app_name = "reader"

urlpatterns = [
    path("", views.home, name="home"),
    path("rss/", public_page(feeds.LatestRss()), name="rss"),
    path("atom/", public_page(feeds.LatestAtom()), name="atom"),
    path("search/", search.search, name="search"),
    path("tags/<slug:tag>/", views.tag, name="tag"),
    path("<slug:section>/", views.section, name="section"),
    path("<slug:section>/rss/", public_page(feeds.SectionRss()), name="section_rss"),
    path("<slug:section>/atom/", public_page(feeds.SectionAtom()), name="section_atom"),
    path("<slug:section>/<slug:slug>/", views.article, name="article"),
    path("<slug:section>/<slug:slug>/fragment/", views.article_fragment, name="article_fragment"),
]
