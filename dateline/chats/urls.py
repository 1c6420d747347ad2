from django.urls import path

from dateline.chats import views

app_name = "chats"

urlpatterns = [
    path("", views.room_list, name="rooms"),
    path("<slug:slug>/", views.room, name="room"),
    path("<slug:slug>/older/", views.older, name="older"),
    path("<slug:slug>/post/", views.post, name="post"),
]
