from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from dateline import numbers  # noqa: F401  (the <id:...> converter)
from dateline.analytics import urls as analytics_urls
from dateline.moderation.queue import moderation_queue
from dateline.reader import views as reader_views
from dateline.reader.address import site_links
from dateline.reader.sitemaps import SITEMAPS, NewsSitemap
from dateline.subscriptions.push import views as push_views
from dateline.wire import urls as wire_urls

urlpatterns = [
    path("", reader_views.choose_language, name="choose_language"),
    path("admin/moderation/", admin.site.admin_view(moderation_queue), name="moderation_queue"),
    path("admin/wire/", include(wire_urls.desk_urls)),
    path("admin/analytics/", include(analytics_urls.desk_urls)),
    path("admin/", admin.site.urls),
    path("analytics/", include(analytics_urls.beacon_urls)),  # readers' beacons
    path("wire/", include(wire_urls.push_urls)),  # agencies' machines, with feed tokens
    path("api/v1/", include("dateline.wire.outgoing.urls")),  # partners' keys, no language
    path("push/", include("dateline.subscriptions.push.urls")),  # devices, no language
    path("sw.js", push_views.service_worker, name="push_worker"),  # its scope: the whole site
    path("robots.txt", reader_views.robots_txt, name="robots_txt"),
    path("preview/<id:pk>/", reader_views.preview, name="reader_preview"),
    path("sitemap.xml", site_links(sitemap_views.index), {"sitemaps": SITEMAPS},
         name="sitemap_index"),
    # before the others: the same address the index names, with the news elements
    path("sitemap-news.xml", site_links(sitemap_views.sitemap),
         {"sitemaps": {"news": NewsSitemap}, "template_name": "reader/news_sitemap.xml"},
         name="news_sitemap"),
    path("sitemap-<section>.xml", site_links(sitemap_views.sitemap), {"sitemaps": SITEMAPS},
         name="django.contrib.sitemaps.views.sitemap"),
    re_path(r"^media/(?P<path>.+)$", reader_views.media),
    path("favicon.ico", RedirectView.as_view(url="/static/reader/favicon.svg", permanent=False)),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):  # an email service's bounce and complaint webhooks
    urlpatterns.append(path("mail/events/", include("anymail.urls")))

urlpatterns += i18n_patterns(
    path("account/", include("dateline.accounts.urls")),
    path("discussion/", include("dateline.discussion.urls")),
    path("chats/", include("dateline.chats.urls")),
    path("subscriptions/", include("dateline.subscriptions.urls")),
    path("account/", include("allauth.urls")),
    path("", include("dateline.reader.urls")),
    prefix_default_language=True,
)

handler400 = "dateline.reader.views.bad_request"
handler403 = "dateline.reader.views.permission_denied"
handler404 = "dateline.reader.views.page_not_found"
handler500 = "dateline.reader.views.server_error"
