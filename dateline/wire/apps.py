from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WireConfig(AppConfig):
    name = "dateline.wire"
    label = "wire"
    verbose_name = _("Wire")

    def ready(self) -> None:
        from dateline.tasks import every
        from dateline.wire import tasks

        every(tasks.CHECK_EVERY, tasks.check_feeds)
        every(tasks.PRUNE_EVERY, tasks.prune_deliveries)
