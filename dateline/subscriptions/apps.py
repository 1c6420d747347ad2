from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "dateline.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from dateline.events import ArticleEvent, listen
        from dateline.subscriptions import websub

        listen(ArticleEvent, websub.story_changed)  # pings the hubs of the feeds it is in
