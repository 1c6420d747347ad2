from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from dateline.newsroom import tasks
        from dateline.tasks import every

        every(tasks.SWEEP_EVERY, tasks.publish_overdue)
