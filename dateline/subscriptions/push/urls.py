from django.urls import path

from dateline.subscriptions.push import views

app_name = "push"
urlpatterns = [
    path("subscription", views.subscription, name="subscription"),
]
