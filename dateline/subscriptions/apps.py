from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "dateline.subscriptions"
    label = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self) -> None:
        from dateline.events import ArticleEvent, ArticlePublished, listen
        from dateline.subscriptions import alerts, tasks, tracking, websub
        from dateline.tasks import every

        every(tasks.DIGEST_EVERY, tasks.send_due_digests)
        listen(ArticlePublished, alerts.on_published)
        listen(ArticleEvent, websub.story_changed)  # pings the hubs of the feeds it is in
        tracking.connect()
