from django.urls import path

from dateline.accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("notifications/", views.notifications, name="notifications"),
    path("settings/", views.settings_page, name="settings"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete_account, name="delete"),
]
