from django.urls import path

from dateline.discussion import views

app_name = "discussion"

urlpatterns = [
    path("counts/", views.counts, name="counts"),
    path("<int:article_id>/", views.discussion_page, name="page"),
    path("<int:article_id>/threads/", views.thread_list, name="threads"),
    path("<int:article_id>/since/", views.since, name="since"),
    path("<int:article_id>/post/", views.post, name="post"),
    path("<int:article_id>/mine/", views.mine, name="mine"),
    path("comment/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<int:comment_id>/like/", views.like, name="like"),
    path("comment/<int:comment_id>/report/", views.report, name="report"),
]
