from django.contrib import admin
from django.urls import path

from dateline.analytics import beacon, desk

wrap = admin.site.admin_view

# under /admin/analytics/ (the desk), beside the admin's own pages
desk_urls = [
    path("", wrap(desk.overview), name="analytics"),
    path("story/<id:pk>/", wrap(desk.story), name="analytics_story"),
]

# under /analytics/ (readers' browsers: no language, no session)
beacon_urls = [
    path("read/", beacon.read, name="analytics_read"),
]
