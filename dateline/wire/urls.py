from django.contrib import admin
from django.urls import path

from dateline.wire import desk, push

wrap = admin.site.admin_view

# under /admin/wire/ (the desk), beside the admin's own wire pages
desk_urls = [
    path("monitor/", wrap(desk.monitor), name="wire_monitor"),
    path("monitor/<id:pk>/", wrap(desk.item), name="wire_item"),
    path("monitor/<id:pk>/<slug:action>/", wrap(desk.act), name="wire_act"),
    path("alerts/<id:pk>/", wrap(desk.answer_alert), name="wire_alert"),
]

# under /wire/ (agencies' machines)
push_urls = [
    path("push/<id:pk>/", push.receive, name="wire_push"),
]
