from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    name = "dateline.subscriptions.push"
    label = "push"
    verbose_name = _("Web push")

    def ready(self) -> None:
        from dateline.events import ArticlePublished, listen
        from dateline.subscriptions.push import actions, tasks
        from dateline.tasks import every

        every(tasks.SETTLE_EVERY, tasks.settle_alerts)

        # Every server process hears the event: the alert's unique row makes it once.
        listen(ArticlePublished, actions.alert_on_publish)
