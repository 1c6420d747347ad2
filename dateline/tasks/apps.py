from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "dateline.tasks"
    label = "tasks"
    verbose_name = _("Background work")

    def ready(self) -> None:
        from dateline.tasks import every, housekeeping, worker

        every(housekeeping.PRUNE_EVERY, housekeeping.prune_results)
        every(housekeeping.RESCUE_EVERY, housekeeping.rescue_abandoned)
        worker.wake_on_enqueue()
