from django.urls import path

from dateline import numbers  # noqa: F401  (the <id:...> converter)
from dateline.discussion import views

app_name = "discussion"

urlpatterns = [
    path("counts/", views.counts, name="counts"),
    path("<id:article_id>/", views.discussion_page, name="page"),
    path("<id:article_id>/threads/", views.thread_list, name="threads"),
    path("<id:article_id>/since/", views.since, name="since"),
    path("<id:article_id>/post/", views.post, name="post"),
    path("<id:article_id>/mine/", views.mine, name="mine"),
    path("comment/<id:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<id:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<id:comment_id>/like/", views.like, name="like"),
    path("comment/<id:comment_id>/report/", views.report, name="report"),
]
