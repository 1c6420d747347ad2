from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "dateline.analytics"
    label = "analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from dateline.analytics import desk, tasks
        from dateline.newsroom.desk import panels
        from dateline.tasks import every

        every(tasks.FLUSH_EVERY, tasks.flush_reads)
        every(tasks.PRUNE_EVERY, tasks.prune_hours)
        panels.add(desk.story_panel)  # a story's desk page links to its reads over time
