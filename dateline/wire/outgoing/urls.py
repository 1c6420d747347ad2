"""The partner API, mounted at /api/v1/ (outside the language prefixes)."""

from django.urls import path

from dateline import numbers  # noqa: F401  (the <id:...> converter)
from dateline.wire.outgoing import api

app_name = "partner_api"

urlpatterns = [
    path("stories/", api.stories, name="stories"),
    path("stories/<id:pk>/", api.story, name="story"),
]
