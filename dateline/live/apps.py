from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "dateline.live"
    label = "live"
    verbose_name = _("Live")

    def ready(self) -> None:
        from dateline import events
        from dateline.live import bus, delivery, log, tasks
        from dateline.tasks import every

        events.set_transport(bus.carry, log.last_id)
        # last: whatever a page fetches on hearing of an event is already fresh
        events.listen(events.Event, delivery.to_pages, order=100)
        every(tasks.TRIM_EVERY, tasks.trim_log)
